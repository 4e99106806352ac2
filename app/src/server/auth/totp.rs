//! Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA1, 30-second steps, six
//! digits, the parameters every authenticator app uses. A code is accepted for the current step
//! and one step either side (clock drift), and only for a step later than the last one accepted,
//! so an overheard code cannot be replayed.

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use rand::RngCore;

pub const STEP_SECS: i64 = 30;
const DIGITS: u32 = 6;
/// 160 bits, the length RFC 4226 recommends for HMAC-SHA1.
const SECRET_BYTES: usize = 20;

/// A new random secret, base32 (no padding) as authenticator apps expect.
pub fn new_secret() -> String {
    let mut bytes = [0u8; SECRET_BYTES];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    data_encoding::BASE32_NOPAD.encode(&bytes)
}

pub fn step_at(at: DateTime<Utc>) -> i64 {
    at.timestamp().div_euclid(STEP_SECS)
}

fn decode(secret: &str) -> Option<Vec<u8>> {
    data_encoding::BASE32_NOPAD
        .decode(secret.trim_end_matches('=').as_bytes())
        .ok()
}

/// The code for one step (RFC 4226 dynamic truncation).
fn code_for_step(key: &[u8], step: i64) -> u32 {
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(&(step as u64).to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = (digest[19] & 0x0f) as usize;
    let bin = u32::from_be_bytes([
        digest[offset] & 0x7f,
        digest[offset + 1],
        digest[offset + 2],
        digest[offset + 3],
    ]);
    bin % 10u32.pow(DIGITS)
}

/// The six-digit code at a time; what an authenticator app shows (tests and the seed use it).
pub fn code_at(secret: &str, at: DateTime<Utc>) -> Option<String> {
    let key = decode(secret)?;
    Some(format!("{:06}", code_for_step(&key, step_at(at))))
}

/// The step a typed code matches, if it matches one within a step of `now` that is later than
/// `last_step`. Spaces are ignored ("123 456" as some apps show it).
pub fn verify(
    secret: &str,
    typed: &str,
    now: DateTime<Utc>,
    last_step: Option<i64>,
) -> Option<i64> {
    let typed: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if typed.len() != DIGITS as usize || !typed.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let want: u32 = typed.parse().ok()?;
    let key = decode(secret)?;
    let current = step_at(now);
    (current - 1..=current + 1)
        .filter(|s| last_step.is_none_or(|last| *s > last))
        .find(|s| code_for_step(&key, *s) == want)
}

/// The `otpauth://` URI an authenticator app reads from the QR code.
pub fn provisioning_uri(secret: &str, account: &str) -> String {
    let label =
        percent_encoding::utf8_percent_encode(&format!("Jinbao:{account}"), LABEL).to_string();
    format!(
        "otpauth://totp/{label}?secret={secret}&issuer=Jinbao&algorithm=SHA1&digits=6&period=30"
    )
}

/// RFC 3986 unreserved characters and `:` (the label's separator) pass through.
const LABEL: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b':');

/// The QR code of a provisioning URI as inline SVG (no image request, nothing leaves the page).
pub fn qr_svg(uri: &str) -> String {
    qrcode::QrCode::new(uri.as_bytes())
        .map(|code| {
            code.render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(200, 200)
                .quiet_zone(true)
                .build()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// RFC 6238 appendix B, SHA-1: the key is ASCII "12345678901234567890".
    const RFC_SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    #[test]
    fn rfc_6238_vectors() {
        for (t, code) in [
            (59, "287082"),
            (1_111_111_109, "081804"),
            (1_111_111_111, "050471"),
            (1_234_567_890, "005924"),
            (2_000_000_000, "279037"),
        ] {
            let at = Utc.timestamp_opt(t, 0).unwrap();
            assert_eq!(code_at(RFC_SECRET, at).unwrap(), code, "t={t}");
        }
    }

    #[test]
    fn drift_of_one_step_and_no_replay() {
        let now = Utc.timestamp_opt(1_234_567_890, 0).unwrap();
        let step = step_at(now);
        let before = code_at(RFC_SECRET, now - chrono::Duration::seconds(30)).unwrap();
        let long_before = code_at(RFC_SECRET, now - chrono::Duration::seconds(90)).unwrap();
        assert_eq!(verify(RFC_SECRET, &before, now, None), Some(step - 1));
        assert_eq!(verify(RFC_SECRET, &long_before, now, None), None);
        let current = code_at(RFC_SECRET, now).unwrap();
        assert_eq!(
            verify(RFC_SECRET, &current, now, Some(step - 1)),
            Some(step)
        );
        assert_eq!(
            verify(RFC_SECRET, &current, now, Some(step)),
            None,
            "replayed"
        );
        let spaced = format!("{} {}", &current[..3], &current[3..]);
        assert_eq!(verify(RFC_SECRET, &spaced, now, None), Some(step));
        for bad in ["", "12345", "1234567", "abcdef"] {
            assert_eq!(verify(RFC_SECRET, bad, now, None), None);
        }
    }

    #[test]
    fn secrets_are_random_and_uris_escaped() {
        let a = new_secret();
        assert_eq!(a.len(), 32);
        assert_ne!(a, new_secret());
        let uri = provisioning_uri(&a, "客服 周敏");
        assert!(uri.starts_with("otpauth://totp/Jinbao:%E5"));
        assert!(uri.contains(&format!("secret={a}")));
        assert!(qr_svg(&uri).starts_with("<?xml") || qr_svg(&uri).contains("<svg"));
    }
}
