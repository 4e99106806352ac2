//! Home pages of the staff roles: each reads only what its scope names.

use super::access_history;
use crate::error::AppError;
use crate::models::home::{AdminHome, EmployerHome, Named, ReviewerHome};
use crate::server::auth::{AdminScope, EmployerScope, ReviewerScope};
use crate::server::state::AppState;
use crate::server::store::Store;

/// The employer's facts, and any helpdesk session running as this user (not shown to the agent
/// in it: only the user ends it from here).
pub async fn employer_home(
    state: &AppState,
    scope: EmployerScope,
) -> Result<EmployerHome, AppError> {
    let o = state
        .store
        .employer(&scope)
        .overview()
        .await
        .map_err(AppError::internal)?
        .ok_or(AppError::NotFound)?;
    Ok(EmployerHome {
        name: o.name,
        credit_code: o.credit_code,
        region: Named {
            zh: o.region_zh,
            en: o.region_en,
        },
        staff_enrolled: o.staff_enrolled,
        staff_in_arrears: o.staff_in_arrears,
        open_sessions: match scope.assisted_session() {
            Some(_) => Vec::new(),
            None => access_history::open_sessions(state, scope.user_id()).await?,
        },
    })
}

/// The office's name and whether this reviewer also supervises overdue work across offices.
pub async fn reviewer_home(
    store: &Store,
    scope: ReviewerScope,
    user_id: i64,
) -> Result<ReviewerHome, AppError> {
    let o = store
        .reviewer(&scope)
        .overview()
        .await
        .map_err(AppError::internal)?
        .ok_or(AppError::NotFound)?;
    Ok(ReviewerHome {
        office: Named {
            zh: o.office_zh,
            en: o.office_en,
        },
        region: Named {
            zh: o.region_zh,
            en: o.region_en,
        },
        supervisor: store.is_supervisor(user_id).await?,
        pays_pensions: o.agency == crate::models::insurance::Agency::HumanResources,
    })
}

pub async fn admin_home(store: &Store, _scope: AdminScope) -> Result<AdminHome, AppError> {
    let persons = store.count_persons().await.map_err(AppError::internal)?;
    let users_by_role = store
        .count_users_by_role()
        .await
        .map_err(AppError::internal)?
        .into_iter()
        .collect();
    Ok(AdminHome {
        persons,
        users_by_role,
    })
}
