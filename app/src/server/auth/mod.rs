//! Who is asking: login, sessions, and the principal every server function starts from.
//! Authorization is by scope types: `principal.citizen()?` yields a `CitizenScope` that can only
//! name that citizen's person id, so code without the role cannot even ask for the data.

pub mod password;
pub mod session;
pub mod throttle;

use crate::error::AppError;
use crate::models::auth::{CurrentUser, Role};
use crate::models::ids::ResidentId;
use crate::server::state::AppState;
use crate::server::store::SessionRecord;
use sha2::{Digest, Sha256};

/// The signed-in user and active role, resolved from the session on every request.
/// Not `Serialize` on purpose: it never leaves the server.
#[derive(Clone, Debug)]
pub struct Principal {
    pub user_id: i64,
    pub display_name: String,
    pub role: Role,
    person_id: Option<i64>,
    employer_id: Option<i64>,
    office_id: Option<i64>,
    pub session_hash: String,
}

/// Request extension set by the session middleware (None when not signed in).
#[derive(Clone, Debug, Default)]
pub struct RequestSession(pub Option<Principal>);

#[derive(Clone, Copy, Debug)]
pub struct CitizenScope {
    pub person_id: i64,
}
#[derive(Clone, Copy, Debug)]
pub struct EmployerScope {
    pub employer_id: i64,
    /// The employer user acting, for the access log.
    pub user_id: i64,
}
#[derive(Clone, Copy, Debug)]
pub struct ReviewerScope {
    pub office_id: i64,
}
#[derive(Clone, Copy, Debug)]
pub struct HelpdeskScope {
    pub user_id: i64,
}
#[derive(Clone, Copy, Debug)]
pub struct AdminScope {
    pub user_id: i64,
}

impl Principal {
    fn from_session(hash: String, s: SessionRecord) -> Option<Self> {
        Some(Self {
            user_id: s.user_id,
            display_name: s.display_name,
            role: Role::from_code(&s.role)?,
            person_id: s.person_id,
            employer_id: s.employer_id,
            office_id: s.office_id,
            session_hash: hash,
        })
    }

    pub fn current_user(&self) -> CurrentUser {
        CurrentUser {
            display_name: self.display_name.clone(),
            role: self.role,
        }
    }

    pub fn citizen(&self) -> Result<CitizenScope, AppError> {
        match (self.role, self.person_id) {
            (Role::Citizen, Some(person_id)) => Ok(CitizenScope { person_id }),
            _ => Err(AppError::Forbidden),
        }
    }

    pub fn employer(&self) -> Result<EmployerScope, AppError> {
        match (self.role, self.employer_id) {
            (Role::Employer, Some(employer_id)) => Ok(EmployerScope {
                employer_id,
                user_id: self.user_id,
            }),
            _ => Err(AppError::Forbidden),
        }
    }

    pub fn reviewer(&self) -> Result<ReviewerScope, AppError> {
        match (self.role, self.office_id) {
            (Role::Reviewer, Some(office_id)) => Ok(ReviewerScope { office_id }),
            _ => Err(AppError::Forbidden),
        }
    }

    pub fn helpdesk(&self) -> Result<HelpdeskScope, AppError> {
        match self.role {
            Role::Helpdesk => Ok(HelpdeskScope {
                user_id: self.user_id,
            }),
            _ => Err(AppError::Forbidden),
        }
    }

    pub fn admin(&self) -> Result<AdminScope, AppError> {
        match self.role {
            Role::Admin => Ok(AdminScope {
                user_id: self.user_id,
            }),
            _ => Err(AppError::Forbidden),
        }
    }
}

/// How the typed account is looked up: resident ID, mainland mobile number, or user name.
#[derive(Debug, PartialEq, Eq)]
pub enum AccountName {
    ResidentId(ResidentId),
    Phone(String),
    Username(String),
}

impl AccountName {
    pub fn parse(input: &str) -> Result<Self, AppError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(AppError::field("account", "required"));
        }
        if s.len() > 64 {
            return Err(AppError::field("account", "too_long"));
        }
        if let Ok(id) = ResidentId::parse(s) {
            return Ok(AccountName::ResidentId(id));
        }
        if s.len() == 11 && s.starts_with('1') && s.bytes().all(|b| b.is_ascii_digit()) {
            return Ok(AccountName::Phone(s.to_string()));
        }
        Ok(AccountName::Username(s.to_ascii_lowercase()))
    }

    fn normalized(&self) -> &str {
        match self {
            AccountName::ResidentId(id) => id.as_str(),
            AccountName::Phone(p) | AccountName::Username(p) => p,
        }
    }

    /// Keyed hash for the throttle table, so attempts are never stored by ID number.
    pub fn throttle_key(&self, secret: &[u8]) -> String {
        let mut h = Sha256::new();
        h.update(secret);
        h.update(b":");
        h.update(self.normalized().as_bytes());
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Checks the password and throttle, then opens a new session. Returns the cookie value to set.
/// The previous session (if any) is destroyed so a login always yields a fresh session id.
pub async fn login(
    state: &AppState,
    account: &str,
    password: String,
    address: &str,
    previous_session: Option<&str>,
) -> Result<(String, CurrentUser), AppError> {
    let name = AccountName::parse(account)?;
    if password.is_empty() {
        return Err(AppError::field("password", "required"));
    }
    if password.len() > 256 {
        return Err(AppError::field("password", "too_long"));
    }
    let now = state.clock.now();
    let key = name.throttle_key(&state.secret_key);
    let failed = state
        .store
        .failed_logins_since(&key, address, state.throttle.window_start(now))
        .await
        .map_err(AppError::internal)?;
    state.throttle.check(&failed, now)?;

    let record = match &name {
        AccountName::ResidentId(id) => state.store.login_by_resident_id(id.as_str()).await,
        AccountName::Phone(p) => state.store.login_by_phone(p).await,
        AccountName::Username(u) => state.store.login_by_username(u).await,
    }
    .map_err(AppError::internal)?;
    let hash = record.as_ref().map(|r| r.password_hash.clone());
    let verified = state
        .passwords
        .verify(password, hash)
        .await
        .map_err(AppError::internal)?;
    let user = record.filter(|r| verified && !r.disabled);
    state
        .store
        .record_login_attempt(&key, address, now, user.is_some())
        .await
        .map_err(AppError::internal)?;
    let Some(user) = user else {
        tracing::info!(address, "login refused");
        return Err(AppError::BadCredentials);
    };
    state
        .store
        .clear_failed_logins(&key)
        .await
        .map_err(AppError::internal)?;

    let role = state
        .store
        .role_grants(user.user_id)
        .await
        .map_err(AppError::internal)?
        .into_iter()
        .map(|g| g.role)
        .min_by_key(|r| r.login_priority())
        .ok_or(AppError::Forbidden)?;

    if let Some(old) = previous_session {
        state
            .store
            .delete_session(&session::token_hash(old))
            .await
            .map_err(AppError::internal)?;
    }
    let (token, hash) = session::new_token();
    state
        .store
        .create_session(
            &hash,
            user.user_id,
            role,
            now,
            now + state.sessions.absolute_timeout,
        )
        .await
        .map_err(AppError::internal)?;
    let session = state
        .store
        .session(&hash)
        .await
        .map_err(AppError::internal)?
        .ok_or(AppError::Forbidden)?;
    tracing::info!(user_id = user.user_id, role = role.code(), "login");
    Ok((
        token,
        CurrentUser {
            display_name: session.display_name,
            role,
        },
    ))
}

/// Resolves a cookie token to a principal; expired or revoked sessions are deleted.
pub async fn resolve_session(state: &AppState, token: &str) -> Result<Option<Principal>, AppError> {
    let hash = session::token_hash(token);
    let Some(record) = state.store.session(&hash).await? else {
        return Ok(None);
    };
    let now = state.clock.now();
    if record.disabled
        || !state
            .sessions
            .is_live(record.last_seen_at, record.expires_at, now)
    {
        state.store.delete_session(&hash).await?;
        return Ok(None);
    }
    // Touch at most once a minute: the idle timeout needs no finer grain, and reads stay reads.
    if now - record.last_seen_at > chrono::Duration::seconds(60) {
        state.store.touch_session(&hash, now).await?;
    }
    Ok(Principal::from_session(hash, record))
}

pub async fn logout(state: &AppState, principal: &Principal) -> Result<(), AppError> {
    state.store.delete_session(&principal.session_hash).await?;
    tracing::info!(user_id = principal.user_id, "logout");
    Ok(())
}

/// The principal of the current server-function call or page render.
pub fn current_principal() -> Option<Principal> {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<RequestSession>().cloned())
        .and_then(|s| s.0)
}

/// The principal, or `Unauthenticated`.
pub fn require_principal() -> Result<Principal, AppError> {
    current_principal().ok_or(AppError::Unauthenticated)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_names() {
        assert!(matches!(
            AccountName::parse(" 110101199003074514 "),
            Ok(AccountName::ResidentId(_))
        ));
        assert_eq!(
            AccountName::parse("13800138000"),
            Ok(AccountName::Phone("13800138000".into()))
        );
        assert_eq!(
            AccountName::parse("Admin-Demo"),
            Ok(AccountName::Username("admin-demo".into()))
        );
        assert!(AccountName::parse("   ").is_err());
        let a = AccountName::parse("110101199003074514").unwrap();
        assert!(!a.throttle_key(b"k").contains("110101199003074514"));
        assert_ne!(a.throttle_key(b"k"), a.throttle_key(b"other"));
    }
}
