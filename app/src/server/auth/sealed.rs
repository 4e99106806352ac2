//! TOTP secrets at rest. A database dump or a backup alone must not yield anyone's second
//! factor, so each secret is stored sealed (XChaCha20-Poly1305, a random 24-byte nonce) under
//! a key derived from the server secret, with the user's id as associated data: a sealed
//! secret copied onto another user's row does not open.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use data_encoding::BASE64_NOPAD;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// Marks a sealed value and its format, so a plaintext left by an older version is told apart.
pub const SEALED_PREFIX: &str = "x1:";
const NONCE_BYTES: usize = 24;

#[derive(Clone)]
pub struct SecretBox(XChaCha20Poly1305);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("a stored two-factor secret does not open with this server's key")]
pub struct Unsealable;

impl SecretBox {
    pub fn new(server_secret: &[u8]) -> Self {
        let key = Sha256::new()
            .chain_update(b"jinbao/totp-secrets/v1:")
            .chain_update(server_secret)
            .finalize();
        Self(XChaCha20Poly1305::new(&key))
    }

    pub fn seal(&self, user_id: i64, secret: &str) -> String {
        let mut nonce = [0u8; NONCE_BYTES];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let payload = Payload {
            msg: secret.as_bytes(),
            aad: &user_id.to_be_bytes(),
        };
        let sealed = self
            .0
            .encrypt(XNonce::from_slice(&nonce), payload)
            .expect("encrypting into memory cannot fail");
        format!(
            "{SEALED_PREFIX}{}",
            BASE64_NOPAD.encode(&[&nonce[..], &sealed].concat())
        )
    }

    pub fn open(&self, user_id: i64, stored: &str) -> Result<String, Unsealable> {
        let bytes = stored
            .strip_prefix(SEALED_PREFIX)
            .and_then(|b| BASE64_NOPAD.decode(b.as_bytes()).ok())
            .filter(|b| b.len() > NONCE_BYTES)
            .ok_or(Unsealable)?;
        let (nonce, sealed) = bytes.split_at(NONCE_BYTES);
        let payload = Payload {
            msg: sealed,
            aad: &user_id.to_be_bytes(),
        };
        let plain = self
            .0
            .decrypt(XNonce::from_slice(nonce), payload)
            .map_err(|_| Unsealable)?;
        String::from_utf8(plain).map_err(|_| Unsealable)
    }

    /// Whether a stored value is sealed (else it is a plaintext from before sealing).
    pub fn is_sealed(stored: &str) -> bool {
        stored.starts_with(SEALED_PREFIX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_secret_opens_only_with_its_key_and_user() {
        let sealer = SecretBox::new(b"server secret");
        let sealed = sealer.seal(7, "JBSWY3DPEHPK3PXP");
        assert!(SecretBox::is_sealed(&sealed));
        assert!(!sealed.contains("JBSWY3DPEHPK3PXP"));
        assert_ne!(
            sealed,
            sealer.seal(7, "JBSWY3DPEHPK3PXP"),
            "a fresh nonce each time"
        );
        assert_eq!(sealer.open(7, &sealed).as_deref(), Ok("JBSWY3DPEHPK3PXP"));
        assert_eq!(
            sealer.open(8, &sealed),
            Err(Unsealable),
            "another user's row"
        );
        let other = SecretBox::new(b"another server");
        assert_eq!(other.open(7, &sealed), Err(Unsealable), "another key");
        assert_eq!(
            sealer.open(7, "JBSWY3DPEHPK3PXP"),
            Err(Unsealable),
            "plaintext"
        );
        let mut tampered = sealed.clone();
        tampered.pop();
        assert_eq!(sealer.open(7, &tampered), Err(Unsealable));
    }
}
