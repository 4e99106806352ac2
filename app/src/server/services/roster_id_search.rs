//! Searches of the employer's roster by a whole ID number. The roster shows ID numbers masked
//! (the birth date hidden), so an employer who knows a person's region and last four characters
//! could find the birth date by searching whole numbers, one guessed date per search. Each such
//! search that finds nobody therefore counts against the employer user like a failed sign-in,
//! one that finds the person does not (nor does it wipe out earlier misses), and every one of
//! them, found, not found or refused, goes to the audit log with the number masked.

use super::staff_roster::masked;
use crate::error::AppError;
use crate::models::auth::Role;
use crate::server::auth::throttle::Attempt;
use crate::server::auth::{AccountName, EmployerScope};
use crate::server::state::AppState;
use crate::server::store::{AuditEvent, RosterSearch};

/// Searches that found nobody, per employer user in the sign-in window, before more are refused.
pub const MAX_MISSES: i64 = 10;
pub const ACTION: &str = "staff_id_search";

/// A search by whole ID number, reserved against its user's limit until it is answered.
#[must_use = "an ID search counts as a miss unless answered"]
pub struct IdSearch {
    attempt: Attempt,
    masked: String,
}

impl IdSearch {
    /// Reserves the search when it is one by a whole ID number; `None` for any other query.
    pub async fn start(
        state: &AppState,
        scope: &EmployerScope,
        search: Option<&RosterSearch>,
    ) -> Result<Option<Self>, AppError> {
        let Some(RosterSearch::ResidentId(id)) = search else {
            return Ok(None);
        };
        let masked = masked(id);
        let key = AccountName::Username(format!("#id-search:{}", scope.user_id()))
            .throttle_key(&state.secret_key);
        let reserved = state
            .throttle
            .reserve_keyed(&state.store, &key, MAX_MISSES, state.clock.now())
            .await;
        match reserved {
            Ok(attempt) => Ok(Some(Self { attempt, masked })),
            Err(refusal) => {
                audit(state, scope, &masked, "refused").await?;
                Err(refusal)
            }
        }
    }

    /// Settles the search by whether it found anyone, and audits it.
    pub async fn answered(
        self,
        state: &AppState,
        scope: &EmployerScope,
        found: bool,
    ) -> Result<(), AppError> {
        let outcome = if found {
            self.attempt.succeeded_alone(&state.store).await?;
            "ok"
        } else {
            self.attempt.failed();
            "failed"
        };
        audit(state, scope, &self.masked, outcome).await
    }
}

async fn audit(
    state: &AppState,
    scope: &EmployerScope,
    masked: &str,
    outcome: &'static str,
) -> Result<(), AppError> {
    Ok(state
        .store
        .record_audit(&AuditEvent {
            at: state.clock.now(),
            actor_user_id: Some(scope.user_id()),
            actor_role: Role::Employer,
            subject_user_id: None,
            assisted_session_id: scope.assisted_session(),
            action: ACTION,
            target: masked,
            outcome,
            detail: "",
        })
        .await?)
}
