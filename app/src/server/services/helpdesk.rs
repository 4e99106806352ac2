//! The helpdesk console's caller lookup. Each person shown is an access to their record, logged
//! for them to see, so a lookup is never free browsing.

use crate::error::AppError;
use crate::i18n::Locale;
use crate::models::assist::{AccessKind, CallerMatch, CallerQuery, CallerResults, EmployerCaller};
use crate::models::auth::Role;
use crate::models::ids::ResidentId;
use crate::server::auth::{HelpdeskScope, Principal};
use crate::server::state::AppState;
use crate::server::store::{AccessEntry, AuditEvent, PersonKey};

pub const ACCESS_ACTION_LOOKUP: &str = "helpdesk_lookup";
pub const PURPOSE_CALLER_CHECK: &str = "caller_check";

fn mask_phone(p: &str) -> String {
    if p.len() == 11 {
        format!("{}****{}", &p[..3], &p[7..])
    } else {
        "****".into()
    }
}

pub async fn find_callers(
    state: &AppState,
    agent: &Principal,
    _scope: HelpdeskScope,
    query: &CallerQuery,
    locale: Locale,
) -> Result<CallerResults, AppError> {
    let store = &state.store;
    let now = state.clock.now();
    let key = match query {
        CallerQuery::ResidentId(id) => PersonKey::ResidentId(id),
        CallerQuery::Phone(p) => PersonKey::Phone(p),
        CallerQuery::NameAndBirth(name, birth) => PersonKey::NameAndBirth(name, *birth),
        CallerQuery::Employer(code) => {
            let rows = store.employer_users(code).await?;
            store
                .record_audit(&AuditEvent {
                    at: now,
                    actor_user_id: Some(agent.user_id),
                    actor_role: Role::Helpdesk,
                    subject_user_id: None,
                    assisted_session_id: None,
                    action: "helpdesk_lookup_employer",
                    target: code,
                    outcome: "ok",
                    detail: "",
                })
                .await?;
            return Ok(CallerResults::Employer(rows.first().map(|first| {
                EmployerCaller {
                    name: first.employer_name.clone(),
                    credit_code: first.credit_code.clone(),
                    users: rows
                        .iter()
                        .filter(|r| r.disabled == Some(false))
                        .filter_map(|r| Some((r.user_id?, r.display_name.clone()?)))
                        .collect(),
                }
            })));
        }
    };
    let found = store.find_persons(&key).await?;
    let entries: Vec<AccessEntry<'_>> = found
        .iter()
        .map(|p| AccessEntry {
            person_id: p.person_id,
            at: now,
            actor_user_id: Some(agent.user_id),
            actor_role: AccessKind::Helpdesk,
            actor_label: &agent.display_name,
            action: ACCESS_ACTION_LOOKUP,
            purpose: PURPOSE_CALLER_CHECK,
            assisted_session: None,
        })
        .collect();
    store.log_access(&entries).await?;
    Ok(CallerResults::Persons(
        found
            .into_iter()
            .map(|p| CallerMatch {
                user_id: p.user_id,
                masked_id: ResidentId::parse(&p.resident_id)
                    .map(|id| id.masked())
                    .unwrap_or_default(),
                name: p.name,
                male: p.sex == "M",
                birth_date: p.birth_date.to_string(),
                hukou_region: match locale {
                    Locale::Zh => p.hukou_region_zh,
                    Locale::En => p.hukou_region_en,
                },
                masked_phone: p.phone.as_deref().map(mask_phone),
            })
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn phones_are_masked() {
        assert_eq!(super::mask_phone("13800138000"), "138****8000");
        assert_eq!(super::mask_phone("123"), "****");
    }
}
