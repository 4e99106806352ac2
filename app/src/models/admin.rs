//! Staff administration and the audit log as the administrator's pages receive them, and the
//! filters of both as typed in the address bar. Unknown filter values are errors, never ignored,
//! so a mistyped link says so instead of silently showing everything.

use super::paging::page_index;
use crate::error::{AppError, FieldCode, FieldError};
use crate::models::assist::AccessQuery;
use crate::models::auth::{AssistReason, Role};
use chrono::NaiveDate;
use leptos_router::location::Url;
use serde::{Deserialize, Serialize};

/// The roles an administrator grants; citizen and employer accounts are not theirs to manage.
pub const STAFF_ROLES: [Role; 3] = [Role::Helpdesk, Role::Reviewer, Role::Admin];

/// Every audit action code written, in the order the filter lists them.
pub const AUDIT_ACTIONS: [&str; 17] = [
    "staff_create",
    "staff_disable",
    "staff_enable",
    "staff_roles",
    "sign_in_code",
    "two_factor_on",
    "two_factor_off",
    "password_change",
    "assist_start",
    "assist_end",
    "assist_write_mode",
    "assist_read_mode",
    "relative_start",
    "page",
    "call",
    "helpdesk_lookup_employer",
    "staff_id_search",
];

pub const AUDIT_OUTCOMES: [&str; 4] = ["ok", "refused", "failed", "pending"];

/// The longest name fragment searched for.
const SEARCH_MAX_CHARS: usize = 40;

fn nonempty(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}

fn problem(field: &str, code: FieldCode) -> FieldError {
    FieldError {
        field: field.into(),
        code,
    }
}

/// `?` and the query, or nothing when there is none. Values are codes, numbers, dates and user
/// names, which need no escaping, or escaped already.
fn query_string(pairs: Vec<(&'static str, String)>) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let joined: Vec<String> = pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect();
    format!("?{}", joined.join("&"))
}

/// A user name as staff accounts have them: 3 to 32 of `a-z`, `0-9` and `-`.
pub fn is_username(s: &str) -> bool {
    (3..=32).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The staff list's filters (`role`, `q`, `page` from 1) and the account being managed (`user`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffAccountQuery {
    pub role: Option<Role>,
    /// A fragment of the user name or display name.
    pub q: Option<String>,
    pub page: i64,
    pub user: Option<i64>,
}

impl StaffAccountQuery {
    pub fn parse(
        role: Option<&str>,
        q: Option<&str>,
        page: Option<&str>,
        user: Option<&str>,
    ) -> Result<Self, AppError> {
        let mut errors = Vec::new();
        let role = nonempty(role).and_then(|r| {
            let staff = Role::from_code(r).ok().filter(|r| r.is_staff());
            if staff.is_none() {
                errors.push(problem("role", FieldCode::Invalid));
            }
            staff
        });
        let q = nonempty(q).map(str::to_string);
        if q.as_ref()
            .is_some_and(|q| q.chars().count() > SEARCH_MAX_CHARS)
        {
            errors.push(problem("q", FieldCode::TooLong));
        }
        let user = nonempty(user).and_then(|u| {
            let id = u.parse::<i64>().ok();
            if id.is_none() {
                errors.push(problem("user", FieldCode::Invalid));
            }
            id
        });
        let page = page_index(page).unwrap_or_else(|_| {
            errors.push(problem("page", FieldCode::Invalid));
            0
        });
        if errors.is_empty() {
            Ok(Self {
                role,
                q,
                page,
                user,
            })
        } else {
            Err(AppError::Validation(errors))
        }
    }

    /// The list's address with these filters, on `page` (from 0), without the managed account.
    pub fn href(&self, page: i64) -> String {
        let mut pairs = Vec::new();
        if let Some(r) = self.role {
            pairs.push(("role", r.code().to_string()));
        }
        if let Some(q) = &self.q {
            pairs.push(("q", Url::escape(q)));
        }
        if page > 0 {
            pairs.push(("page", (page + 1).to_string()));
        }
        format!("/admin/staff{}", query_string(pairs))
    }

    /// The list's address with these filters and page, managing `user`.
    pub fn manage_href(&self, user: i64) -> String {
        let list = self.href(self.page);
        let sep = if list.contains('?') { '&' } else { '?' };
        format!("{list}{sep}user={user}#manage")
    }
}

/// One staff role a user holds, with the office of a reviewer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffGrant {
    pub role: Role,
    pub office_id: Option<i64>,
    /// The office's name in the reader's language.
    pub office: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffAccount {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub disabled: bool,
    pub two_factor: bool,
    /// The day the account was created (Beijing time).
    pub created: String,
    pub grants: Vec<StaffGrant>,
}

impl StaffAccount {
    pub fn holds(&self, role: Role) -> bool {
        self.grants.iter().any(|g| g.role == role)
    }

    pub fn reviewer_office(&self) -> Option<i64> {
        self.grants.iter().find_map(|g| g.office_id)
    }
}

/// An office a reviewer can be bound to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeChoice {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffAccounts {
    pub query: StaffAccountQuery,
    pub accounts: Vec<StaffAccount>,
    pub total: i64,
    pub pages: i64,
    pub offices: Vec<OfficeChoice>,
    /// The account named by `user`, whatever the filters.
    pub selected: Option<StaffAccount>,
    /// The administrator looking, who may neither disable themselves nor drop their admin role.
    pub own_user_id: i64,
}

/// A staff account just created. The initial password is shown to the administrator this once;
/// only its hash is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedStaff {
    pub user_id: i64,
    pub username: String,
    pub display_name: String,
    pub initial_password: String,
}

/// The audit log's filters: the actor's exact user name, an action code, an outcome, Beijing
/// dates from and to (inclusive), assisted sessions only, and the page from 1.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditQuery {
    pub actor: Option<String>,
    pub action: Option<String>,
    pub outcome: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub assisted: bool,
    pub page: i64,
}

impl AuditQuery {
    pub fn parse(
        actor: Option<&str>,
        action: Option<&str>,
        outcome: Option<&str>,
        from: Option<&str>,
        to: Option<&str>,
        assisted: Option<&str>,
        page: Option<&str>,
    ) -> Result<Self, AppError> {
        // Dates and page are read as the citizen's access log reads them.
        let (period, mut errors) = match AccessQuery::parse(None, from, to, page) {
            Ok(p) => (p, Vec::new()),
            Err(AppError::Validation(e)) => (AccessQuery::default(), e),
            Err(e) => return Err(e),
        };
        let actor = nonempty(actor).map(str::to_ascii_lowercase);
        if actor.as_ref().is_some_and(|a| !is_username(a)) {
            errors.push(problem("actor", FieldCode::UsernameFormat));
        }
        let mut code = |field: &str, value: Option<&str>, allowed: &[&str]| {
            let v = nonempty(value)?;
            if allowed.contains(&v) {
                Some(v.to_string())
            } else {
                errors.push(problem(field, FieldCode::Invalid));
                None
            }
        };
        let action = code("action", action, &AUDIT_ACTIONS);
        let outcome = code("outcome", outcome, &AUDIT_OUTCOMES);
        if errors.is_empty() {
            Ok(Self {
                actor,
                action,
                outcome,
                from: period.from,
                to: period.to,
                assisted: nonempty(assisted).is_some(),
                page: period.page,
            })
        } else {
            Err(AppError::Validation(errors))
        }
    }

    /// The log's address with these filters, on `page` (from 0).
    pub fn href(&self, page: i64) -> String {
        let mut pairs = Vec::new();
        let texts = [
            ("actor", &self.actor),
            ("action", &self.action),
            ("outcome", &self.outcome),
        ];
        for (key, value) in texts {
            if let Some(v) = value {
                pairs.push((key, v.clone()));
            }
        }
        if let Some(d) = self.from {
            pairs.push(("from", d.to_string()));
        }
        if let Some(d) = self.to {
            pairs.push(("to", d.to_string()));
        }
        if self.assisted {
            pairs.push(("assisted", "on".to_string()));
        }
        if page > 0 {
            pairs.push(("page", (page + 1).to_string()));
        }
        format!("/admin/audit{}", query_string(pairs))
    }
}

/// The assisted session an event belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditAssist {
    pub id: i64,
    pub reason: Option<AssistReason>,
    pub ticket: Option<String>,
}

/// One line of the audit log; codes are worded by the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: String,
    pub actor_name: Option<String>,
    pub actor_username: Option<String>,
    pub actor_role: Role,
    pub subject_name: Option<String>,
    pub assist: Option<AuditAssist>,
    pub action: String,
    pub target: String,
    pub outcome: String,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLog {
    pub query: AuditQuery,
    pub entries: Vec<AuditEntry>,
    pub total: i64,
    pub pages: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(e: AppError) -> Vec<String> {
        match e {
            AppError::Validation(f) => f.into_iter().map(|f| f.field).collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn staff_queries() {
        let q =
            StaffAccountQuery::parse(Some("reviewer"), Some(" 陈 "), Some("2"), Some("7")).unwrap();
        assert_eq!(q.role, Some(Role::Reviewer));
        assert_eq!(q.q.as_deref(), Some("陈"));
        assert_eq!((q.page, q.user), (1, Some(7)));
        assert_eq!(q.href(0), "/admin/staff?role=reviewer&q=%E9%99%88");
        assert_eq!(
            q.manage_href(9),
            "/admin/staff?role=reviewer&q=%E9%99%88&page=2&user=9#manage"
        );
        assert_eq!(
            StaffAccountQuery::default().manage_href(3),
            "/admin/staff?user=3#manage"
        );
        let e = StaffAccountQuery::parse(Some("citizen"), Some(&"x".repeat(41)), None, Some("a"))
            .unwrap_err();
        assert_eq!(fields(e), ["role", "q", "user"]);
    }

    #[test]
    fn audit_queries() {
        let q = AuditQuery::parse(
            Some("Admin-Demo"),
            Some("staff_create"),
            Some(""),
            Some("2026-11-01"),
            Some("2026-11-30"),
            Some("on"),
            Some("3"),
        )
        .unwrap();
        assert_eq!(q.actor.as_deref(), Some("admin-demo"));
        assert!(q.assisted && q.outcome.is_none());
        assert_eq!(q.page, 2);
        assert_eq!(
            q.href(0),
            "/admin/audit?actor=admin-demo&action=staff_create&from=2026-11-01&to=2026-11-30&assisted=on"
        );
        let e = AuditQuery::parse(
            Some("周 敏"),
            Some("drop_table"),
            Some("maybe"),
            Some("2026-11-30"),
            Some("2026-11-01"),
            None,
            None,
        )
        .unwrap_err();
        assert_eq!(fields(e), ["to", "actor", "action", "outcome"]);
    }
}
