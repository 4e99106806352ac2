//! Staff administration: the administrator lists staff accounts, creates them with a one-time
//! initial password, disables and re-enables them and replaces their staff roles, and reads the
//! audit log. Every change is audited with the administrator as actor. An administrator can
//! never lock themselves out: they may neither disable their own account nor drop their own
//! admin role. New staff set up two-factor sign-in at their first sign-in (enforced by login).

use crate::error::{AppError, FieldCode, FieldErrors};
use crate::i18n::Locale;
use crate::models::admin::{
    AuditAssist, AuditEntry, AuditLog, AuditQuery, CreatedStaff, OfficeChoice, StaffAccount,
    StaffAccountQuery, StaffAccounts, StaffGrant, is_username,
};
use crate::models::auth::Role;
use crate::models::time::{china_offset, day_start, local_minute};
use crate::server::auth::AdminScope;
use crate::server::state::AppState;
use crate::server::store::{
    AuditEvent, AuditFilter, NewUser, RoleGrant, StaffGrantRow, StaffSearch, StaffUserRow, Store,
    StoreError,
};
use rand::Rng;

pub const STAFF_PAGE_SIZE: i64 = 25;
pub const AUDIT_PAGE_SIZE: i64 = 50;
const DISPLAY_NAME_MAX_CHARS: usize = 40;

/// Characters of an initial password: none that can be misread (0/O, 1/l/I) when handed over.
const PASSWORD_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
/// 16 of 55 characters: about 92 bits.
const INITIAL_PASSWORD_CHARS: usize = 16;

/// The staff roles ticked on a form, and the office chosen for a reviewer, as sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoleChoice {
    pub helpdesk: bool,
    pub reviewer: bool,
    pub admin: bool,
    pub office: Option<String>,
}

/// A new staff account as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewStaff {
    pub username: String,
    pub display_name: String,
    pub roles: RoleChoice,
}

fn initial_password() -> String {
    let mut rng = rand::rngs::OsRng;
    (0..INITIAL_PASSWORD_CHARS)
        .map(|_| char::from(PASSWORD_ALPHABET[rng.gen_range(0..PASSWORD_ALPHABET.len())]))
        .collect()
}

/// The grants a role choice stands for; a reviewer needs an office that exists.
async fn choose_grants(
    store: &Store,
    choice: &RoleChoice,
    problems: &mut FieldErrors,
) -> Result<Vec<RoleGrant>, AppError> {
    if !(choice.helpdesk || choice.reviewer || choice.admin) {
        problems.add("roles", FieldCode::RoleRequired);
    }
    let mut office_id = None;
    if choice.reviewer {
        match choice
            .office
            .as_deref()
            .map(str::trim)
            .filter(|o| !o.is_empty())
        {
            None => problems.add("office", FieldCode::OfficeRequired),
            Some(raw) => match raw.parse::<i64>() {
                Ok(id) if store.office(id).await?.is_some() => office_id = Some(id),
                _ => problems.add("office", FieldCode::OfficeUnknown),
            },
        }
    }
    let ticked = [
        (Role::Helpdesk, choice.helpdesk),
        (Role::Reviewer, choice.reviewer),
        (Role::Admin, choice.admin),
    ];
    Ok(ticked
        .into_iter()
        .filter(|(_, on)| *on)
        .map(|(role, _)| RoleGrant {
            role,
            employer_id: None,
            office_id: office_id.filter(|_| role == Role::Reviewer),
        })
        .collect())
}

/// The audit detail of a set of grants: role codes, a reviewer's as `reviewer@<office id>`.
fn describe(grants: &[RoleGrant]) -> String {
    grants
        .iter()
        .map(|g| match g.office_id {
            Some(office) => format!("{}@{office}", g.role.code()),
            None => g.role.code().to_string(),
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn event<'a>(
    state: &AppState,
    admin: AdminScope,
    subject_user_id: i64,
    action: &'a str,
    target: &'a str,
    detail: &'a str,
) -> AuditEvent<'a> {
    AuditEvent {
        at: state.clock.now(),
        actor_user_id: Some(admin.user_id()),
        actor_role: Role::Admin,
        subject_user_id: Some(subject_user_id),
        assisted_session_id: None,
        action,
        target,
        outcome: "ok",
        detail,
    }
}

/// A user name taken between the check and the insert is the same refusal as one taken before.
fn taken_or_internal(e: StoreError) -> AppError {
    if e.is_unique_violation() {
        AppError::field("username", FieldCode::UsernameTaken)
    } else {
        e.into()
    }
}

/// Creates a staff account with a random initial password, returned this once.
pub async fn create_account(
    state: &AppState,
    admin: AdminScope,
    form: &NewStaff,
) -> Result<CreatedStaff, AppError> {
    let store = &state.store;
    let mut problems = FieldErrors::default();
    let username = form.username.trim().to_ascii_lowercase();
    if username.is_empty() {
        problems.add("username", FieldCode::Required);
    } else if !is_username(&username) {
        problems.add("username", FieldCode::UsernameFormat);
    } else if store.username_exists(&username).await? {
        problems.add("username", FieldCode::UsernameTaken);
    }
    let display_name = form.display_name.trim();
    if display_name.is_empty() {
        problems.add("display_name", FieldCode::Required);
    } else if display_name.chars().count() > DISPLAY_NAME_MAX_CHARS {
        problems.add("display_name", FieldCode::TooLong);
    } else if display_name.chars().any(char::is_control) {
        problems.add("display_name", FieldCode::Invalid);
    }
    let grants = choose_grants(store, &form.roles, &mut problems).await?;
    problems.finish()?;

    let password = initial_password();
    let password_hash = state
        .passwords
        .hash(password.clone())
        .await
        .map_err(AppError::internal)?;
    let user_id = store
        .create_user(&NewUser {
            username: Some(&username),
            person_id: None,
            display_name,
            password_hash: &password_hash,
            password_expired: true,
            grants: &grants,
        })
        .await
        .map_err(taken_or_internal)?;
    let detail = describe(&grants);
    store
        .record_audit(&event(
            state,
            admin,
            user_id,
            "staff_create",
            &username,
            &detail,
        ))
        .await?;
    tracing::info!(admin = admin.user_id(), user_id, "staff account created");
    Ok(CreatedStaff {
        user_id,
        username,
        display_name: display_name.to_string(),
        initial_password: password,
    })
}

/// Disables a staff account, ending its sessions at once, or enables it again.
pub async fn set_disabled(
    state: &AppState,
    admin: AdminScope,
    user_id: i64,
    disabled: bool,
) -> Result<(), AppError> {
    if disabled && user_id == admin.user_id() {
        return Err(AppError::field("user", FieldCode::OwnAccount));
    }
    let account = state
        .store
        .staff_user(user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let action = if disabled {
        "staff_disable"
    } else {
        "staff_enable"
    };
    let target = account.username.unwrap_or_default();
    let assisted = state
        .store
        .set_user_disabled(
            user_id,
            disabled,
            &event(state, admin, user_id, action, &target, ""),
        )
        .await?;
    // An agent's assisted session ends with their login, as when they sign out.
    for id in assisted {
        crate::server::services::assist::end(state, id, user_id, "sign_out").await?;
    }
    tracing::info!(admin = admin.user_id(), user_id, disabled, "staff account");
    Ok(())
}

/// Replaces a staff account's staff roles; its citizen or employer grants stay.
pub async fn set_roles(
    state: &AppState,
    admin: AdminScope,
    user_id: i64,
    choice: &RoleChoice,
) -> Result<(), AppError> {
    let store = &state.store;
    let account = store.staff_user(user_id).await?.ok_or(AppError::NotFound)?;
    let mut problems = FieldErrors::default();
    let grants = choose_grants(store, choice, &mut problems).await?;
    if user_id == admin.user_id() && !choice.admin {
        problems.add("roles", FieldCode::OwnAdminRole);
    }
    problems.finish()?;
    let target = account.username.unwrap_or_default();
    let detail = describe(&grants);
    store
        .replace_staff_roles(
            user_id,
            &grants,
            &event(state, admin, user_id, "staff_roles", &target, &detail),
        )
        .await?;
    tracing::info!(admin = admin.user_id(), user_id, roles = %detail, "staff roles");
    Ok(())
}

fn account(row: StaffUserRow, grants: &[StaffGrantRow], locale: Locale) -> StaffAccount {
    StaffAccount {
        id: row.id,
        username: row.username.unwrap_or_default(),
        display_name: row.display_name,
        disabled: row.disabled,
        two_factor: row.two_factor,
        created: row
            .created_at
            .with_timezone(&china_offset())
            .date_naive()
            .to_string(),
        grants: grants
            .iter()
            .filter(|g| g.user_id == row.id)
            .map(|g| StaffGrant {
                role: g.role,
                office_id: g.office_id,
                office: match locale {
                    Locale::Zh => g.office_zh.clone(),
                    Locale::En => g.office_en.clone(),
                },
            })
            .collect(),
    }
}

/// One page of staff accounts, the offices a reviewer can be bound to, and the account being
/// managed, if any.
pub async fn staff_accounts(
    state: &AppState,
    admin: AdminScope,
    query: StaffAccountQuery,
    locale: Locale,
) -> Result<StaffAccounts, AppError> {
    let store = &state.store;
    let search = StaffSearch {
        role: query.role.map(Role::code),
        text: query.q.clone(),
    };
    let (rows, total) = store
        .staff_users(&search, STAFF_PAGE_SIZE, query.page * STAFF_PAGE_SIZE)
        .await?;
    let selected = match query.user {
        Some(id) => store.staff_user(id).await?,
        None => None,
    };
    let ids: Vec<i64> = rows.iter().chain(&selected).map(|r| r.id).collect();
    let grants = store.staff_grants(&ids).await?;
    let offices = store
        .offices()
        .await?
        .into_iter()
        .map(|o| OfficeChoice {
            id: o.id,
            name: match locale {
                Locale::Zh => o.name_zh,
                Locale::En => o.name_en,
            },
        })
        .collect();
    Ok(StaffAccounts {
        accounts: rows
            .into_iter()
            .map(|r| account(r, &grants, locale))
            .collect(),
        selected: selected.map(|r| account(r, &grants, locale)),
        total,
        pages: (total + STAFF_PAGE_SIZE - 1) / STAFF_PAGE_SIZE,
        offices,
        own_user_id: admin.user_id(),
        query,
    })
}

/// A staff account just created, for the page that shows its initial password.
pub async fn created_account(
    state: &AppState,
    _admin: AdminScope,
    user_id: i64,
    initial_password: String,
) -> Result<Option<CreatedStaff>, AppError> {
    Ok(state
        .store
        .staff_user(user_id)
        .await?
        .map(|row| CreatedStaff {
            user_id,
            username: row.username.unwrap_or_default(),
            display_name: row.display_name,
            initial_password,
        }))
}

/// One page of the audit log, newest first.
pub async fn audit_log(
    state: &AppState,
    _admin: AdminScope,
    query: AuditQuery,
) -> Result<AuditLog, AppError> {
    let filter = AuditFilter {
        actor: query.actor.clone(),
        action: query.action.clone(),
        outcome: query.outcome.clone(),
        from: query.from.map(day_start),
        until: query.to.and_then(|d| d.succ_opt()).map(day_start),
        assisted_only: query.assisted,
    };
    let (rows, total) = state
        .store
        .audit_events(&filter, AUDIT_PAGE_SIZE, query.page * AUDIT_PAGE_SIZE)
        .await?;
    Ok(AuditLog {
        entries: rows
            .into_iter()
            .map(|r| AuditEntry {
                at: local_minute(r.at),
                actor_name: r.actor_name,
                actor_username: r.actor_username,
                actor_role: r.actor_role,
                subject_name: r.subject_name,
                assist: r.assisted_session_id.map(|id| AuditAssist {
                    id,
                    reason: r.reason,
                    ticket: r.ticket,
                }),
                action: r.action,
                target: r.target,
                outcome: r.outcome,
                detail: r.detail,
            })
            .collect(),
        total,
        pages: (total + AUDIT_PAGE_SIZE - 1) / AUDIT_PAGE_SIZE,
        query,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initial_passwords_are_long_random_and_unambiguous() {
        let a = initial_password();
        let b = initial_password();
        assert_eq!(a.chars().count(), INITIAL_PASSWORD_CHARS);
        assert_ne!(a, b);
        assert!(a.bytes().all(|c| PASSWORD_ALPHABET.contains(&c)));
        assert!(!PASSWORD_ALPHABET.iter().any(|c| b"0O1lI".contains(c)));
    }

    #[test]
    fn grants_are_described_by_code_and_office() {
        let grants = [
            RoleGrant {
                role: Role::Helpdesk,
                employer_id: None,
                office_id: None,
            },
            RoleGrant {
                role: Role::Reviewer,
                employer_id: None,
                office_id: Some(3),
            },
        ];
        assert_eq!(describe(&grants), "helpdesk,reviewer@3");
    }
}
