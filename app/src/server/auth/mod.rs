//! Who is asking: login, sessions, and the principal every server function starts from.
//! Authorization is by scope types: `principal.citizen()?` yields a `CitizenScope` that can only
//! name that citizen's person id, so code without the role cannot even ask for the data.

pub mod password;
pub mod sealed;
pub mod session;
pub mod throttle;
pub mod totp;

use crate::error::{AppError, FieldCode};
use crate::i18n::Locale;
use crate::models::auth::{AssistReason, Role, SessionStage};
use crate::models::ids::ResidentId;
use crate::server::state::AppState;
use crate::server::store::{NewSession, SessionRecord};
use sha2::{Digest, Sha256};

/// The signed-in user and active role, resolved from the session on every request.
/// Not `Serialize` on purpose: it never leaves the server. During an assisted session it is the
/// person acted for (role, ids, name) with `assist` naming the agent who signed in.
#[derive(Clone, Debug)]
pub struct Principal {
    pub user_id: i64,
    pub display_name: String,
    pub role: Role,
    pub stage: SessionStage,
    /// Signed in with a password an administrator chose: nothing but choosing one's own (and
    /// setting up two-factor sign-in) until it is changed.
    pub password_expired: bool,
    person_id: Option<i64>,
    employer_id: Option<i64>,
    office_id: Option<i64>,
    pub session_hash: String,
    /// The login's absolute end, kept when the session token is renewed for an assisted session.
    pub session_expires_at: chrono::DateTime<chrono::Utc>,
    /// The last request the idle timeout counts from.
    pub session_seen_at: chrono::DateTime<chrono::Utc>,
    /// The elder-mode choice of the account signed in (the agent's, in an assisted session).
    pub elder_mode: bool,
    /// The account signed in holds a relative's authorisation in force.
    pub helps_relatives: bool,
    pub assist: Option<Assist>,
    /// Unread notifications of the signed-in user, read with the session; `None` for the
    /// subject of an assisted session (read when the header needs it).
    pub unread_notifications: Option<i64>,
}

/// The assisted session a principal is acting under.
#[derive(Clone, Debug)]
pub struct Assist {
    pub id: i64,
    pub agent_user_id: i64,
    pub agent_name: String,
    pub reason: AssistReason,
    pub ticket: String,
    pub write_mode: bool,
    /// The earlier of the hard limit and the idle limit, as of this request.
    pub ends_at: chrono::DateTime<chrono::Utc>,
    /// Set when the one acting is a relative under this authorisation (亲情代办), not an agent;
    /// `write_mode` is then the authorisation's "may act".
    pub relative_grant: Option<i64>,
}

impl Assist {
    /// The role the one acting signed in with.
    pub fn agent_role(&self) -> Role {
        helper_role(self.relative_grant.is_some())
    }

    /// Who is acting, as the person's pages say it.
    pub fn helper(&self) -> crate::models::assist::Helper {
        use crate::models::assist::Helper;
        match self.relative_grant {
            Some(_) => Helper::Relative,
            None => Helper::Helpdesk,
        }
    }
}

/// A relative is a citizen helping a citizen; anyone else acting for a person is the helpdesk.
pub fn helper_role(relative: bool) -> Role {
    if relative {
        Role::Citizen
    } else {
        Role::Helpdesk
    }
}

/// Request extension set by the session middleware (None when not signed in).
#[derive(Clone, Debug, Default)]
pub struct RequestSession(pub Option<Principal>);

// Scopes are capabilities: their fields are private and only the principal below (or, for
// tests, `test_support`) makes one, so holding a scope proves the role. The store hands out
// views bound to a scope (`store.citizen(&scope)`), so a service cannot name someone else's rows.

/// A citizen's own record and requests, and who acts on them: the citizen's user, and the
/// assisted session when a helpdesk agent acts for them.
#[derive(Clone, Copy, Debug)]
pub struct CitizenScope {
    person_id: i64,
    user_id: i64,
    assisted_session: Option<i64>,
}
/// An employer's own staff, read by one of its users.
#[derive(Clone, Copy, Debug)]
pub struct EmployerScope {
    employer_id: i64,
    /// The employer user acting, for the access log.
    user_id: i64,
    /// The assisted session when a helpdesk agent acts for that user.
    assisted_session: Option<i64>,
}
/// A reviewer's own office and the requests routed to it.
#[derive(Clone, Copy, Debug)]
pub struct ReviewerScope {
    office_id: i64,
}
/// Proof of the helpdesk role: it names no record, since an agent reaches one only by opening
/// an assisted session.
#[derive(Clone, Copy, Debug)]
pub struct HelpdeskScope {
    _role: (),
}
#[derive(Clone, Copy, Debug)]
pub struct AdminScope {
    user_id: i64,
}

impl CitizenScope {
    /// Only the store's views read it: services reach the person's rows through
    /// `store.citizen(&scope)`.
    pub(crate) fn person_id(&self) -> i64 {
        self.person_id
    }
    /// The user acting and the assisted session: the store writes them into every submission.
    pub(crate) fn user_id(&self) -> i64 {
        self.user_id
    }
    pub(crate) fn assisted_session(&self) -> Option<i64> {
        self.assisted_session
    }
}
impl EmployerScope {
    pub fn employer_id(&self) -> i64 {
        self.employer_id
    }
    pub fn user_id(&self) -> i64 {
        self.user_id
    }
    pub fn assisted_session(&self) -> Option<i64> {
        self.assisted_session
    }
}
impl ReviewerScope {
    pub fn office_id(&self) -> i64 {
        self.office_id
    }
}
impl AdminScope {
    pub fn user_id(&self) -> i64 {
        self.user_id
    }
}

/// Scopes for tests that exercise services and the store below the HTTP layer (the HTTP tests
/// sign in instead). Compiled only with the `test-support` feature, which only the test
/// binaries enable.
#[cfg(feature = "test-support")]
pub mod test_support {
    use super::*;

    /// A citizen's scope for reading their record (user 0: these tests submit nothing).
    pub fn citizen(person_id: i64) -> CitizenScope {
        CitizenScope {
            person_id,
            user_id: 0,
            assisted_session: None,
        }
    }
    pub fn employer(employer_id: i64, user_id: i64) -> EmployerScope {
        EmployerScope {
            employer_id,
            user_id,
            assisted_session: None,
        }
    }
}

impl Principal {
    /// The line that marks a file taken out of an assisted session (who, under which ticket),
    /// in `locale`; `None` outside one.
    pub fn watermark(&self, locale: Locale) -> Option<String> {
        self.assist.as_ref().map(|a| match a.relative_grant {
            Some(_) => (locale.texts().relatives.watermark)(&a.agent_name),
            None => (locale.texts().account.csv_watermark)(&a.agent_name, &a.ticket),
        })
    }

    fn from_session(
        hash: String,
        s: SessionRecord,
        seen_at: chrono::DateTime<chrono::Utc>,
    ) -> Self {
        Self {
            user_id: s.user_id,
            display_name: s.display_name,
            role: s.role,
            stage: s.stage,
            password_expired: s.password_expired,
            person_id: s.person_id,
            employer_id: s.employer_id,
            office_id: s.office_id,
            session_hash: hash,
            session_expires_at: s.expires_at,
            session_seen_at: seen_at,
            elder_mode: s.elder_mode,
            helps_relatives: s.helps_relatives,
            assist: None,
            unread_notifications: Some(s.unread_notifications),
        }
    }

    /// The subject's principal for an assisted session on this (the agent's) login.
    pub(crate) fn acting_as(
        self,
        user_id: i64,
        display_name: String,
        role: Role,
        person_id: Option<i64>,
        employer_id: Option<i64>,
        assist: Assist,
    ) -> Self {
        Self {
            user_id,
            display_name,
            role,
            stage: SessionStage::Full,
            password_expired: false,
            person_id,
            employer_id,
            office_id: None,
            session_hash: self.session_hash,
            session_expires_at: self.session_expires_at,
            session_seen_at: self.session_seen_at,
            elder_mode: self.elder_mode,
            helps_relatives: false,
            assist: Some(assist),
            unread_notifications: None,
        }
    }

    /// Only a session past every sign-in step reaches data; one waiting for its code is sent
    /// back to sign in, one on a one-time password to choosing its own.
    fn signed_in(&self) -> Result<(), AppError> {
        match self.stage {
            SessionStage::Full if self.password_expired => Err(AppError::PasswordExpired),
            SessionStage::Full => Ok(()),
            _ => Err(AppError::Unauthenticated),
        }
    }

    /// Where a fully signed-in user goes first: their role's home, or choosing their own
    /// password when they signed in with a one-time one.
    pub fn landing(&self) -> &'static str {
        landing(self.role, self.password_expired)
    }

    pub fn citizen(&self) -> Result<CitizenScope, AppError> {
        self.signed_in()?;
        match (self.role, self.person_id) {
            (Role::Citizen, Some(person_id)) => Ok(CitizenScope {
                person_id,
                user_id: self.user_id,
                assisted_session: self.assist.as_ref().map(|a| a.id),
            }),
            _ => Err(AppError::Forbidden),
        }
    }

    pub fn employer(&self) -> Result<EmployerScope, AppError> {
        self.signed_in()?;
        match (self.role, self.employer_id) {
            (Role::Employer, Some(employer_id)) => Ok(EmployerScope {
                employer_id,
                user_id: self.user_id,
                assisted_session: self.assist.as_ref().map(|a| a.id),
            }),
            _ => Err(AppError::Forbidden),
        }
    }

    pub fn reviewer(&self) -> Result<ReviewerScope, AppError> {
        self.signed_in()?;
        match (self.role, self.office_id) {
            (Role::Reviewer, Some(office_id)) => Ok(ReviewerScope { office_id }),
            _ => Err(AppError::Forbidden),
        }
    }

    pub fn helpdesk(&self) -> Result<HelpdeskScope, AppError> {
        self.signed_in()?;
        match self.role {
            Role::Helpdesk => Ok(HelpdeskScope { _role: () }),
            _ => Err(AppError::Forbidden),
        }
    }

    pub fn admin(&self) -> Result<AdminScope, AppError> {
        self.signed_in()?;
        match self.role {
            Role::Admin => Ok(AdminScope {
                user_id: self.user_id,
            }),
            _ => Err(AppError::Forbidden),
        }
    }

    /// May this principal do `act`? Always, on their own; when someone acts for them only what
    /// the policy allows: an agent writes once switched to write mode, a relative when the
    /// authorisation lets them act.
    pub fn may(&self, act: Act) -> Result<(), AppError> {
        let Some(assist) = &self.assist else {
            return Ok(());
        };
        if assist.relative_grant.is_some() {
            return match act.for_relative() {
                AssistRule::Read => Ok(()),
                AssistRule::Write if assist.write_mode => Ok(()),
                AssistRule::Write => Err(AppError::RelativeDenied { view_only: true }),
                AssistRule::Never => Err(AppError::RelativeDenied { view_only: false }),
            };
        }
        match act.when_assisted() {
            AssistRule::Read => Ok(()),
            AssistRule::Write if assist.write_mode => Ok(()),
            AssistRule::Write => Err(AppError::AssistDenied { read_only: true }),
            AssistRule::Never => Err(AppError::AssistDenied { read_only: false }),
        }
    }
}

/// What a signed-in user may do to their own account or record beyond reading it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    ChangePassword,
    ChangeContactDetails,
    ManageTwoFactor,
    SignUndertaking,
    /// Marking notifications read: an agent must not hide the notice of their own session.
    MarkNotificationsRead,
    EndAssistedSessionAsSubject,
    SubmitRequest,
    WithdrawRequest,
    /// Issuing a verifiable certificate, or revoking one, speaks for the person to third parties.
    IssueCertificate,
    RevokeCertificate,
    /// Confirming a pensioner's qualification with their own second factor.
    ConfirmQualification,
    /// Authorising a relative, answering or ending an authorisation, or acting for someone.
    ManageRelatives,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssistRule {
    Read,
    Write,
    Never,
}

impl Act {
    /// The assisted-session policy (DESIGN §4): credentials, contact details, 2FA and
    /// undertakings belong to the person alone; a request they asked for on the phone may be
    /// submitted for them in write mode.
    pub fn when_assisted(self) -> AssistRule {
        match self {
            Act::ChangePassword
            | Act::ChangeContactDetails
            | Act::ManageTwoFactor
            | Act::SignUndertaking
            | Act::MarkNotificationsRead
            | Act::EndAssistedSessionAsSubject
            | Act::ConfirmQualification
            | Act::ManageRelatives => AssistRule::Never,
            Act::SubmitRequest
            | Act::WithdrawRequest
            | Act::IssueCertificate
            | Act::RevokeCertificate => AssistRule::Write,
        }
    }

    /// The policy for a relative acting under an authorisation (亲情代办): what the person
    /// asks of a helper (requests, filings with their undertaking, certificates) when it lets
    /// them act; the account, its authorisations and the person's own second factor never.
    pub fn for_relative(self) -> AssistRule {
        match self {
            Act::ChangePassword
            | Act::ChangeContactDetails
            | Act::ManageTwoFactor
            | Act::MarkNotificationsRead
            | Act::EndAssistedSessionAsSubject
            | Act::ConfirmQualification
            | Act::ManageRelatives => AssistRule::Never,
            Act::SignUndertaking
            | Act::SubmitRequest
            | Act::WithdrawRequest
            | Act::IssueCertificate
            | Act::RevokeCertificate => AssistRule::Write,
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
            return Err(AppError::field("account", FieldCode::Required));
        }
        if s.len() > 64 {
            return Err(AppError::field("account", FieldCode::TooLong));
        }
        if let Ok(id) = ResidentId::parse(s) {
            return Ok(AccountName::ResidentId(id));
        }
        if crate::models::ids::is_mobile_number(s) {
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
        data_encoding::HEXLOWER.encode(&h.finalize())
    }
}

/// Where a user choosing their own password is sent (the account page says why).
pub const RENEW_PASSWORD_PATH: &str = "/account?renew=password";

fn landing(role: Role, password_expired: bool) -> &'static str {
    if password_expired {
        RENEW_PASSWORD_PATH
    } else {
        role.home_path()
    }
}

/// A new session: the cookie value to set, the sign-in stage it is at, and where it goes next.
pub struct SignedIn {
    pub user_id: i64,
    pub token: String,
    pub stage: SessionStage,
    pub next_path: &'static str,
}

/// Checks the password and throttle, then opens a new session. The previous session (if any)
/// is destroyed so a login always yields a fresh session id.
pub async fn login(
    state: &AppState,
    account: &str,
    password: String,
    address: &str,
    previous_session: Option<&str>,
) -> Result<SignedIn, AppError> {
    let name = AccountName::parse(account)?;
    if password.is_empty() {
        return Err(AppError::field("password", FieldCode::Required));
    }
    if password.len() > 256 {
        return Err(AppError::field("password", FieldCode::TooLong));
    }
    let now = state.clock.now();
    let record = match &name {
        AccountName::ResidentId(id) => state.store.login_by_resident_id(id.as_str()).await,
        AccountName::Phone(p) => state.store.login_by_phone(p).await,
        AccountName::Username(u) => state.store.login_by_username(u).await,
    }
    .map_err(AppError::internal)?;
    // One account has one key whichever name it signs in with; a name of no account, its own.
    let key = match &record {
        Some(r) => AccountName::Username(format!("#user:{}", r.user_id)),
        None => name,
    }
    .throttle_key(&state.secret_key);
    let attempt = state
        .throttle
        .reserve(&state.store, &key, address, now)
        .await?;
    let hash = record.as_ref().map(|r| r.password_hash.clone());
    let verified = state
        .passwords
        .verify(password, hash)
        .await
        .map_err(AppError::internal)?;
    let Some(user) = record.filter(|r| verified && !r.disabled) else {
        attempt.failed();
        tracing::info!(address, "login refused");
        return Err(AppError::BadCredentials);
    };
    attempt.succeeded(&state.store).await?;

    let role = state
        .store
        .role_grants(user.user_id)
        .await
        .map_err(AppError::internal)?
        .into_iter()
        .map(|g| g.role)
        .min_by_key(|r| r.login_priority())
        .ok_or(AppError::Forbidden)?;
    // A password alone completes sign-in only for an account without two-factor sign-in, and
    // never for staff, who must set it up first.
    let has_totp = state
        .store
        .totp_state(user.user_id)
        .await
        .map_err(AppError::internal)?
        .secret
        .is_some();
    let stage = match (has_totp, role.is_staff()) {
        (true, _) => SessionStage::Code,
        (false, true) => SessionStage::Enrol,
        (false, false) => SessionStage::Full,
    };

    if let Some(old) = previous_session {
        end_session(state, &session::token_hash(old), "sign_out").await?;
    }
    let (token, hash) = session::new_token();
    state
        .store
        .create_session(&NewSession {
            id_hash: &hash,
            user_id: user.user_id,
            role,
            now,
            expires_at: now + state.sessions.stage_lifetime(stage),
            stage,
            assisted_session_id: None,
        })
        .await
        .map_err(AppError::internal)?;
    if stage == SessionStage::Enrol {
        crate::server::services::account::ensure_pending_secret(state, user.user_id).await?;
    }
    tracing::info!(
        user_id = user.user_id,
        role = role.code(),
        stage = stage.code(),
        "login"
    );
    Ok(SignedIn {
        user_id: user.user_id,
        token,
        stage,
        next_path: stage
            .next_path()
            .unwrap_or_else(|| landing(role, user.password_expired)),
    })
}

/// Moves a session on to a full one under a new token (after the second factor): the
/// half-signed-in token stops working at once. Returns the new cookie value.
pub async fn complete_sign_in(state: &AppState, principal: &Principal) -> Result<String, AppError> {
    let expires_at = state.clock.now() + state.sessions.absolute_timeout;
    reissue(state, principal, expires_at).await
}

/// After a change of credentials (the password, two-factor sign-in) every other session of the
/// user ends, and this one goes on under a new token, so a token copied before the change is
/// worth nothing after it. A full session keeps its absolute end; one finishing its sign-in
/// steps (staff setting up two-factor sign-in) becomes a full one. Returns the new cookie value.
pub async fn renew_after_credentials_change(
    state: &AppState,
    principal: &Principal,
) -> Result<String, AppError> {
    state
        .store
        .delete_user_sessions(principal.user_id, Some(&principal.session_hash))
        .await?;
    let expires_at = match principal.stage {
        SessionStage::Full => principal.session_expires_at,
        _ => state.clock.now() + state.sessions.absolute_timeout,
    };
    reissue(state, principal, expires_at).await
}

/// Replaces the principal's session with a full one under a new token.
async fn reissue(
    state: &AppState,
    principal: &Principal,
    expires_at: chrono::DateTime<chrono::Utc>,
) -> Result<String, AppError> {
    let (token, hash) = session::new_token();
    state
        .store
        .replace_session(
            &principal.session_hash,
            &NewSession {
                id_hash: &hash,
                user_id: principal.user_id,
                role: principal.role,
                now: state.clock.now(),
                expires_at,
                stage: SessionStage::Full,
                assisted_session_id: None,
            },
        )
        .await?;
    Ok(token)
}

/// Resolves a cookie token to a principal; expired or revoked sessions are deleted. A session
/// carrying an assisted session resolves to the person acted for while that lasts, and back to
/// the agent once it has ended or run out.
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
        end_session(state, &hash, "sign_out").await?;
        return Ok(None);
    }
    // Touch at most once a minute: the idle timeout needs no finer grain, and reads stay reads.
    let seen_at = if now - record.last_seen_at > chrono::Duration::seconds(60) {
        state.store.touch_session(&hash, now).await?;
        now
    } else {
        record.last_seen_at
    };
    let assisted = record.assisted_session_id;
    let principal = Principal::from_session(hash, record, seen_at);
    match assisted {
        Some(id) => crate::server::services::assist::act_as_subject(state, principal, id).await,
        None => Ok(Some(principal)),
    }
}

/// Deletes a login session, first ending an assisted session it carries.
async fn end_session(state: &AppState, hash: &str, why: &'static str) -> Result<(), AppError> {
    if let Some(record) = state.store.session(hash).await?
        && let Some(id) = record.assisted_session_id
    {
        crate::server::services::assist::end(state, id, record.user_id, why).await?;
    }
    state.store.delete_session(hash).await?;
    Ok(())
}

pub async fn logout(state: &AppState, principal: &Principal) -> Result<(), AppError> {
    end_session(state, &principal.session_hash, "sign_out").await?;
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
