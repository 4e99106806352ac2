//! Server-side sessions behind an opaque cookie. The cookie holds 256 random bits; the database
//! holds only their SHA-256, so a database leak yields no usable session. A new token is issued
//! at every login and change of identity; logout and expiry (idle or absolute) delete the row.

use crate::models::auth::SessionStage;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Duration, Utc};
use rand::RngCore;
use sha2::{Digest, Sha256};

/// The session cookie's name over plain HTTP (development and tests)...
pub const SESSION_COOKIE: &str = "jb_session";
/// ...and over TLS: the `__Host-` prefix makes the browser refuse the cookie unless it is
/// `Secure`, for `Path=/` and without `Domain`, so no sibling subdomain can set or shadow it.
pub const SECURE_SESSION_COOKIE: &str = "__Host-jb_session";

#[derive(Clone, Debug)]
pub struct SessionPolicy {
    pub idle_timeout: Duration,
    pub absolute_timeout: Duration,
    /// Adds `Secure` to the cookie; on whenever the portal is served over TLS.
    pub secure_cookie: bool,
    /// An assisted session ends after this long without a request from the agent...
    pub assist_idle_timeout: Duration,
    /// ...and after this long in any case.
    pub assist_max_duration: Duration,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        Self {
            idle_timeout: Duration::minutes(30),
            absolute_timeout: Duration::hours(12),
            secure_cookie: false,
            assist_idle_timeout: Duration::minutes(10),
            assist_max_duration: Duration::minutes(30),
        }
    }
}

/// A fresh session token (cookie value) and the hash stored for it.
pub fn new_token() -> (String, String) {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let token = URL_SAFE_NO_PAD.encode(bytes);
    let hash = token_hash(&token);
    (token, hash)
}

pub fn token_hash(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    data_encoding::HEXLOWER.encode(&digest)
}

impl SessionPolicy {
    /// How long a session may stay at a stage: minutes to type a code or scan a QR code.
    pub fn stage_lifetime(&self, stage: SessionStage) -> Duration {
        match stage {
            SessionStage::Full => self.absolute_timeout,
            SessionStage::Code => Duration::minutes(5),
            SessionStage::Enrol => Duration::minutes(15),
        }
    }

    pub fn is_live(
        &self,
        last_seen: DateTime<Utc>,
        expires_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> bool {
        now < expires_at && now - last_seen < self.idle_timeout
    }

    fn cookie_name(&self) -> &'static str {
        if self.secure_cookie {
            SECURE_SESSION_COOKIE
        } else {
            SESSION_COOKIE
        }
    }

    /// `SameSite=Strict`: a link or form on another site arrives without the session, so it
    /// cannot make a signed-in user's browser load a page that writes to the access log (or
    /// anything else); such a visit lands signed out.
    pub fn cookie(&self, token: &str) -> String {
        format!(
            "{}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}",
            self.cookie_name(),
            self.absolute_timeout.num_seconds(),
            if self.secure_cookie { "; Secure" } else { "" }
        )
    }

    pub fn clearing_cookie(&self) -> String {
        format!(
            "{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{}",
            self.cookie_name(),
            if self.secure_cookie { "; Secure" } else { "" }
        )
    }

    /// The session token from a request's cookies, if any: only under the name this
    /// deployment sets.
    pub fn token_from_headers(&self, headers: &http::HeaderMap) -> Option<String> {
        crate::server::cookies::cookie_value(headers, self.cookie_name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_unique_and_only_hashes_are_stored() {
        let (t1, h1) = new_token();
        let (t2, _) = new_token();
        assert_ne!(t1, t2);
        assert_eq!(h1, token_hash(&t1));
        assert_ne!(h1, t1);
        assert_eq!(t1.len(), 43);
    }

    #[test]
    fn idle_and_absolute_expiry() {
        let p = SessionPolicy::default();
        let now = Utc::now();
        assert!(p.is_live(now - Duration::minutes(29), now + Duration::hours(1), now));
        assert!(!p.is_live(now - Duration::minutes(31), now + Duration::hours(1), now));
        assert!(!p.is_live(now, now, now));
    }

    #[test]
    fn cookie_flags() {
        let plain = SessionPolicy::default();
        let c = plain.cookie("abc");
        assert!(c.starts_with("jb_session=abc;") && c.contains("SameSite=Strict"));
        assert!(!c.contains("Secure"));

        let tls = SessionPolicy {
            secure_cookie: true,
            ..Default::default()
        };
        let c = tls.cookie("abc");
        assert!(c.starts_with("__Host-jb_session=abc;"), "{c}");
        assert!(c.contains("; Path=/;") && !c.contains("Domain"));
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Strict") && c.contains("Secure"));
        assert!(tls.clearing_cookie().starts_with("__Host-jb_session=;"));

        // Each deployment reads only the name it sets.
        let headers = |cookie: &str| {
            let mut h = http::HeaderMap::new();
            h.insert(http::header::COOKIE, cookie.parse().unwrap());
            h
        };
        let both = headers("jb_session=plain; __Host-jb_session=hosted");
        assert_eq!(tls.token_from_headers(&both).as_deref(), Some("hosted"));
        assert_eq!(plain.token_from_headers(&both).as_deref(), Some("plain"));
    }
}
