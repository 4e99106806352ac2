//! Server-side sessions behind an opaque cookie. The cookie holds 256 random bits; the database
//! holds only their SHA-256, so a database leak yields no usable session. A new token is issued
//! at every login and change of identity; logout and expiry (idle or absolute) delete the row.

use crate::models::auth::SessionStage;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Duration, Utc};
use rand::RngCore;
use sha2::{Digest, Sha256};

pub const SESSION_COOKIE: &str = "jb_session";

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

    pub fn cookie(&self, token: &str) -> String {
        format!(
            "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{}",
            self.absolute_timeout.num_seconds(),
            if self.secure_cookie { "; Secure" } else { "" }
        )
    }

    pub fn clearing_cookie(&self) -> String {
        format!(
            "{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{}",
            if self.secure_cookie { "; Secure" } else { "" }
        )
    }
}

/// The session token from a request's cookies, if any.
pub fn token_from_headers(headers: &http::HeaderMap) -> Option<String> {
    crate::server::cookies::cookie_value(headers, SESSION_COOKIE)
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
        let p = SessionPolicy {
            secure_cookie: true,
            ..Default::default()
        };
        let c = p.cookie("abc");
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax") && c.contains("Secure"));
    }
}
