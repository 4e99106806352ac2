//! A user's own account: the sign-in code (second factor), setting up and turning off
//! two-factor sign-in, and changing the password. None of it may be done in an assisted session.
//! Also the start-up step that seals two-factor secrets older versions stored in plaintext.

use crate::error::{AppError, FieldCode, FieldErrors};
use crate::models::auth::{MIN_PASSWORD_CHARS, SessionStage, TwoFactorSetup};
use crate::server::auth::sealed::{SEALED_PREFIX, SecretBox};
use crate::server::auth::{self, AccountName, Act, Principal, totp};
use crate::server::state::AppState;
use crate::server::store::{AuditEvent, Store, StoreError};
use chrono::{DateTime, Utc};

fn own_event<'a>(
    state: &AppState,
    p: &Principal,
    action: &'a str,
    outcome: &'static str,
) -> AuditEvent<'a> {
    AuditEvent {
        at: state.clock.now(),
        actor_user_id: Some(p.user_id),
        actor_role: p.role,
        subject_user_id: Some(p.user_id),
        assisted_session_id: None,
        action,
        target: "",
        outcome,
        detail: "",
    }
}

/// Failed codes count against the login throttle under a key of their own per user.
fn code_throttle_key(state: &AppState, user_id: i64) -> String {
    AccountName::Username(format!("#totp:{user_id}")).throttle_key(&state.secret_key)
}

/// Wrong current passwords (when changing it) too, so a signed-in session cannot guess faster
/// than the sign-in page allows.
fn password_throttle_key(state: &AppState, user_id: i64) -> String {
    AccountName::Username(format!("#password:{user_id}")).throttle_key(&state.secret_key)
}

/// A stored two-factor value, opened. One that does not open (the server key changed) is an
/// internal error, never taken as "no second factor".
fn opened(
    state: &AppState,
    user_id: i64,
    stored: Option<String>,
) -> Result<Option<String>, AppError> {
    stored
        .map(|s| state.totp_secrets.open(user_id, &s))
        .transpose()
        .map_err(AppError::internal)
}

/// The data migration that seals what versions before sealing stored in plaintext.
const SEAL_STORED_SECRETS: &str = "seal_totp_secrets";

/// Seals the two-factor secrets stored in plaintext by a version before sealing. Runs at every
/// start and does its work once per database (recorded in `data_migrations`); returns how
/// many users' values it sealed.
pub async fn seal_stored_secrets(
    store: &Store,
    sealer: &SecretBox,
    now: DateTime<Utc>,
) -> Result<usize, StoreError> {
    if store.data_migration_done(SEAL_STORED_SECRETS).await? {
        return Ok(0);
    }
    let mut sealed = 0;
    for read in store.unsealed_totp(SEALED_PREFIX).await? {
        let seal = |value: &Option<String>| {
            value.as_deref().map(|v| {
                if SecretBox::is_sealed(v) {
                    v.to_string()
                } else {
                    sealer.seal(read.user_id, v)
                }
            })
        };
        let (secret, pending) = (seal(&read.secret), seal(&read.pending));
        if store
            .replace_totp(&read, secret.as_deref(), pending.as_deref())
            .await?
        {
            sealed += 1;
        }
    }
    store
        .record_data_migration(SEAL_STORED_SECRETS, now)
        .await?;
    Ok(sealed)
}

/// Checks the code of a session waiting for it; on success returns the new full session's
/// cookie value. Wrong codes are throttled like passwords.
pub async fn verify_sign_in_code(
    state: &AppState,
    p: &Principal,
    code: &str,
    address: &str,
) -> Result<String, AppError> {
    if p.stage != SessionStage::Code {
        return Err(AppError::Unauthenticated);
    }
    let now = state.clock.now();
    let key = code_throttle_key(state, p.user_id);
    let attempt = state
        .throttle
        .reserve(&state.store, &key, address, now)
        .await?;
    let totp_state = state.store.totp_state(p.user_id).await?;
    let secret = opened(state, p.user_id, totp_state.secret)?;
    let accepted = match secret
        .as_deref()
        .and_then(|s| totp::verify(s, code, now, totp_state.last_step))
    {
        Some(step) => state.store.accept_totp_step(p.user_id, step).await?,
        None => false,
    };
    if !accepted {
        attempt.failed();
        state
            .store
            .record_audit(&own_event(state, p, "sign_in_code", "refused"))
            .await?;
        return Err(AppError::field("code", FieldCode::WrongCode));
    }
    attempt.succeeded(&state.store).await?;
    state
        .store
        .record_audit(&own_event(state, p, "sign_in_code", "ok"))
        .await?;
    auth::complete_sign_in(state, p).await
}

fn grouped(secret: &str) -> String {
    secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The two-factor page (read-only): on or off, required or not, and while being set up, the
/// pending secret to scan.
pub async fn two_factor_setup(state: &AppState, p: &Principal) -> Result<TwoFactorSetup, AppError> {
    if p.stage == SessionStage::Code {
        return Err(AppError::Unauthenticated);
    }
    p.may(Act::ManageTwoFactor)?;
    let current = state.store.totp_state(p.user_id).await?;
    let pending = opened(
        state,
        p.user_id,
        current.pending.filter(|_| current.secret.is_none()),
    )?;
    Ok(TwoFactorSetup {
        enabled: current.secret.is_some(),
        required: p.role.is_staff(),
        qr_svg: pending
            .as_deref()
            .map(|s| totp::qr_svg(&totp::provisioning_uri(s, &p.display_name))),
        secret: pending.as_deref().map(grouped),
    })
}

/// Starts set-up: a new secret, kept pending until a code confirms it (the same one until then,
/// so a reload does not invalidate a scan).
pub async fn begin_two_factor(state: &AppState, p: &Principal) -> Result<(), AppError> {
    if p.stage == SessionStage::Code {
        return Err(AppError::Unauthenticated);
    }
    p.may(Act::ManageTwoFactor)?;
    ensure_pending_secret(state, p.user_id).await
}

/// Gives the user a pending secret unless they have one (or two-factor sign-in is already on).
pub async fn ensure_pending_secret(state: &AppState, user_id: i64) -> Result<(), AppError> {
    let current = state.store.totp_state(user_id).await?;
    if current.secret.is_none() && current.pending.is_none() {
        let sealed = state.totp_secrets.seal(user_id, &totp::new_secret());
        state.store.set_totp_pending(user_id, &sealed).await?;
    }
    Ok(())
}

/// Confirms set-up with a first code. Every other session ends, and this one continues under a
/// new token (a staff session that was waiting for this becomes a full one): returns the new
/// cookie value.
pub async fn confirm_two_factor(
    state: &AppState,
    p: &Principal,
    code: &str,
) -> Result<String, AppError> {
    if p.stage == SessionStage::Code {
        return Err(AppError::Unauthenticated);
    }
    p.may(Act::ManageTwoFactor)?;
    let now = state.clock.now();
    let current = state.store.totp_state(p.user_id).await?;
    let pending = opened(state, p.user_id, current.pending)?.ok_or(AppError::Conflict)?;
    let step = totp::verify(&pending, code, now, None)
        .ok_or_else(|| AppError::field("code", FieldCode::WrongCode))?;
    if !state.store.confirm_totp(p.user_id, step).await? {
        return Err(AppError::Conflict);
    }
    state
        .store
        .record_audit(&own_event(state, p, "two_factor_on", "ok"))
        .await?;
    auth::renew_after_credentials_change(state, p).await
}

/// Turns two-factor sign-in off (citizens and employers only), with a current code. Wrong
/// codes count with the sign-in code's (a stolen session must not guess its way to turning
/// it off). Every other session ends; returns this one's new cookie value.
pub async fn disable_two_factor(
    state: &AppState,
    p: &Principal,
    code: &str,
    address: &str,
) -> Result<String, AppError> {
    if p.stage != SessionStage::Full {
        return Err(AppError::Unauthenticated);
    }
    p.may(Act::ManageTwoFactor)?;
    if p.role.is_staff() {
        return Err(AppError::Forbidden);
    }
    check_current_code(state, p, code, address).await?;
    state.store.clear_totp(p.user_id).await?;
    state
        .store
        .record_audit(&own_event(state, p, "two_factor_off", "ok"))
        .await?;
    auth::renew_after_credentials_change(state, p).await
}

/// Checks a current code of the user's own second factor, throttled with the sign-in code's
/// attempts; each code is accepted once. `Conflict` when two-factor sign-in is off.
pub async fn check_current_code(
    state: &AppState,
    p: &Principal,
    code: &str,
    address: &str,
) -> Result<(), AppError> {
    let now = state.clock.now();
    let current = state.store.totp_state(p.user_id).await?;
    let secret = opened(state, p.user_id, current.secret)?.ok_or(AppError::Conflict)?;
    let key = code_throttle_key(state, p.user_id);
    let attempt = state
        .throttle
        .reserve(&state.store, &key, address, now)
        .await?;
    let accepted = match totp::verify(&secret, code, now, current.last_step) {
        Some(step) => state.store.accept_totp_step(p.user_id, step).await?,
        None => false,
    };
    if !accepted {
        attempt.failed();
        return Err(AppError::field("code", FieldCode::WrongCode));
    }
    attempt.succeeded(&state.store).await?;
    Ok(())
}

/// Changes the password after checking the current one. Every other session of the user ends;
/// returns this one's new cookie value.
pub async fn change_password(
    state: &AppState,
    p: &Principal,
    current: String,
    new: String,
    confirm: String,
    address: &str,
) -> Result<String, AppError> {
    if p.stage != SessionStage::Full {
        return Err(AppError::Unauthenticated);
    }
    p.may(Act::ChangePassword)?;
    let mut errors = FieldErrors::default();
    if current.is_empty() {
        errors.add("current", FieldCode::Required);
    }
    let n = new.chars().count();
    if n < MIN_PASSWORD_CHARS {
        errors.add("new_password", FieldCode::PasswordTooShort);
    } else if new.len() > 256 {
        errors.add("new_password", FieldCode::TooLong);
    } else if new == current {
        errors.add("new_password", FieldCode::SameAsCurrent);
    }
    if confirm != new {
        errors.add("confirm", FieldCode::Mismatch);
    }
    errors.finish()?;
    let key = password_throttle_key(state, p.user_id);
    let attempt = state
        .throttle
        .reserve(&state.store, &key, address, state.clock.now())
        .await?;
    let hash = state.store.password_hash(p.user_id).await?;
    if !state
        .passwords
        .verify(current, Some(hash))
        .await
        .map_err(AppError::internal)?
    {
        attempt.failed();
        state
            .store
            .record_audit(&own_event(state, p, "password_change", "refused"))
            .await?;
        return Err(AppError::field("current", FieldCode::WrongPassword));
    }
    attempt.succeeded(&state.store).await?;
    let new_hash = state
        .passwords
        .hash(new)
        .await
        .map_err(AppError::internal)?;
    state.store.set_password_hash(p.user_id, &new_hash).await?;
    state
        .store
        .record_audit(&own_event(state, p, "password_change", "ok"))
        .await?;
    auth::renew_after_credentials_change(state, p).await
}
