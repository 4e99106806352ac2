//! The helpdesk console's search, the citizen's access log (谁查看了我的信息) and the
//! notification inbox, as the pages receive them.

use super::code::coded;
use super::paging::page_index;
use crate::error::{AppError, FieldCode, FieldError};
use crate::models::auth::AssistReason;
use crate::models::ids::{CreditCode, ResidentId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How the helpdesk looks a caller up: exact keys only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CallerQuery {
    ResidentId(String),
    Phone(String),
    NameAndBirth(String, NaiveDate),
    Employer(String),
}

impl CallerQuery {
    /// `by` is `id`, `phone`, `name` (with `birth`, YYYY-MM-DD) or `employer` (credit code).
    pub fn parse(by: &str, q: &str, birth: &str) -> Result<Self, AppError> {
        let q = q.trim();
        let field = |code| AppError::field("q", code);
        if q.is_empty() {
            return Err(field(FieldCode::Required));
        }
        if q.chars().count() > 64 {
            return Err(field(FieldCode::TooLong));
        }
        match by {
            "id" => ResidentId::parse(q)
                .map(|id| CallerQuery::ResidentId(id.as_str().to_string()))
                .map_err(|_| field(FieldCode::ResidentIdInvalid)),
            "phone" if super::ids::is_mobile_number(q) => Ok(CallerQuery::Phone(q.to_string())),
            "phone" => Err(field(FieldCode::PhoneInvalid)),
            "name" => {
                let birth = birth.trim();
                if birth.is_empty() {
                    return Err(AppError::field("birth", FieldCode::Required));
                }
                NaiveDate::parse_from_str(birth, "%Y-%m-%d")
                    .map(|d| CallerQuery::NameAndBirth(q.to_string(), d))
                    .map_err(|_| AppError::field("birth", FieldCode::DateInvalid))
            }
            "employer" => CreditCode::parse(q)
                .map(|c| CallerQuery::Employer(c.as_str().to_string()))
                .map_err(|_| field(FieldCode::CreditCodeInvalid)),
            _ => Err(AppError::field("by", FieldCode::Invalid)),
        }
    }
}

/// A person the helpdesk found: enough to confirm who is calling, no more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallerMatch {
    /// None when the person has never signed up (nothing to act as).
    pub user_id: Option<i64>,
    pub name: String,
    pub masked_id: String,
    pub male: bool,
    pub birth_date: String,
    pub hukou_region: String,
    pub masked_phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployerCaller {
    pub name: String,
    pub credit_code: String,
    pub users: Vec<(i64, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CallerResults {
    Persons(Vec<CallerMatch>),
    Employer(Option<EmployerCaller>),
}

coded! {
    /// Who looked: the kinds the access log can be filtered by.
    pub enum AccessKind {
        Helpdesk = "helpdesk",
        Employer = "employer",
        Reviewer = "reviewer",
        Verification = "public",
        /// A relative acting under the person's authorisation (亲情代办).
        Relative = "relative",
    }
}

/// The access log's filters as typed (kind, dates YYYY-MM-DD, page).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessQuery {
    pub kind: Option<AccessKind>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub page: i64,
}

impl AccessQuery {
    pub fn parse(
        kind: Option<&str>,
        from: Option<&str>,
        to: Option<&str>,
        page: Option<&str>,
    ) -> Result<Self, AppError> {
        let mut errors = Vec::new();
        let nonempty = |s: Option<&str>| {
            s.map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let kind = match nonempty(kind) {
            None => None,
            Some(k) => AccessKind::from_code(&k).ok().or_else(|| {
                errors.push(FieldError {
                    field: "kind".into(),
                    code: FieldCode::Invalid,
                });
                None
            }),
        };
        let mut date = |field: &str, v: Option<String>| {
            v.and_then(|v| {
                NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok().or_else(|| {
                    errors.push(FieldError {
                        field: field.into(),
                        code: FieldCode::DateInvalid,
                    });
                    None
                })
            })
        };
        let from = date("from", nonempty(from));
        let to = date("to", nonempty(to));
        if let (Some(f), Some(t)) = (from, to)
            && f > t
        {
            errors.push(FieldError {
                field: "to".into(),
                code: FieldCode::BeforeFrom,
            });
        }
        let page = page_index(page).unwrap_or_else(|_| {
            errors.push(FieldError {
                field: "page".into(),
                code: FieldCode::Invalid,
            });
            0
        });
        if errors.is_empty() {
            Ok(Self {
                kind,
                from,
                to,
                page,
            })
        } else {
            Err(AppError::Validation(errors))
        }
    }

    pub fn to_query_string(&self, page: Option<i64>) -> String {
        let mut parts = Vec::new();
        if let Some(k) = self.kind {
            parts.push(format!("kind={}", k.code()));
        }
        if let Some(f) = self.from {
            parts.push(format!("from={f}"));
        }
        if let Some(t) = self.to {
            parts.push(format!("to={t}"));
        }
        if let Some(p) = page.filter(|p| *p > 0) {
            parts.push(format!("page={}", p + 1));
        }
        parts.join("&")
    }
}

/// One line of the access log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessLogEntry {
    pub at: String,
    pub kind: AccessKind,
    pub actor: String,
    /// Action and purpose codes, worded by the page.
    pub action: String,
    pub purpose: String,
    /// The helpdesk session this was, or was done under.
    pub assisted: Option<AssistedDetail>,
}

/// An assisted session as the person acted for sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssistedDetail {
    pub id: i64,
    pub agent: String,
    pub reason: AssistReason,
    pub reason_text: String,
    pub ticket: String,
    pub started: String,
    pub ended: Option<String>,
    /// agent, subject, idle, time_limit or sign_out.
    pub end_reason: Option<String>,
    /// What the agent opened or did, in order: (time, action code, path, outcome); the first
    /// ones of `actions_total`.
    pub actions: Vec<(String, String, String, String)>,
    pub actions_total: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessLog {
    pub query: AccessQuery,
    pub entries: Vec<AccessLogEntry>,
    pub total: i64,
    pub pages: i64,
    /// Assisted sessions on this account still running: the person can end them here.
    pub open_sessions: Vec<AssistedDetail>,
}

coded! {
    /// What a notification says (its values are its params); stored in `notifications.kind`.
    pub enum NotificationKind {
        AssistedSessionStarted = "assisted_session_started",
        RequestSubmitted = "request_submitted",
        RequestUpdate = "request_update",
        FilingMade = "filing_made",
        /// The paying office decided a qualification check sent to it.
        QualificationDecided = "qualification_decided",
        /// A citizen authorised the reader to help them (亲情代办): accept or decline.
        RelativeInvited = "relative_invited",
        /// The relative accepted or declined the reader's authorisation.
        RelativeAnswered = "relative_answered",
        /// The other party ended an authorisation.
        RelativeEnded = "relative_ended",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    pub at: String,
    pub kind: NotificationKind,
    /// The message's values by name.
    pub params: Vec<(String, String)>,
    pub link: String,
    pub unread: bool,
}

/// Who did something for the person, when it was not the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Helper {
    Helpdesk,
    Relative,
}

impl Helper {
    /// From a row's assisted session: none, an agent's, or a relative's.
    pub fn of(by_relative: Option<bool>) -> Option<Self> {
        by_relative.map(|r| {
            if r {
                Helper::Relative
            } else {
                Helper::Helpdesk
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caller_queries() {
        assert!(matches!(
            CallerQuery::parse("id", " 110101199003074514 ", ""),
            Ok(CallerQuery::ResidentId(_))
        ));
        assert!(
            CallerQuery::parse("id", "110101199003074515", "").is_err(),
            "check digit"
        );
        assert!(matches!(
            CallerQuery::parse("phone", "13800138000", ""),
            Ok(CallerQuery::Phone(_))
        ));
        assert!(CallerQuery::parse("phone", "3800138000", "").is_err());
        assert_eq!(
            CallerQuery::parse("name", "李明轩", ""),
            Err(AppError::field("birth", FieldCode::Required))
        );
        assert!(matches!(
            CallerQuery::parse("name", "李明轩", "1990-03-07"),
            Ok(CallerQuery::NameAndBirth(_, _))
        ));
        assert!(CallerQuery::parse("name", "李明轩", "1990-13-07").is_err());
        assert!(CallerQuery::parse("employer", "91110000MA01ABCD52", "").is_ok());
        assert!(CallerQuery::parse("all", "x", "").is_err());
        assert!(CallerQuery::parse("id", "", "").is_err());
    }

    #[test]
    fn access_queries() {
        let q =
            AccessQuery::parse(Some("employer"), Some("2026-11-01"), Some(""), Some("2")).unwrap();
        assert_eq!(q.kind, Some(AccessKind::Employer));
        assert_eq!(q.page, 1);
        assert_eq!(
            q.to_query_string(Some(2)),
            "kind=employer&from=2026-11-01&page=3"
        );
        let Err(AppError::Validation(e)) =
            AccessQuery::parse(Some("spy"), Some("2026-11-30"), Some("2026-11-01"), None)
        else {
            panic!()
        };
        assert_eq!(
            e.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(),
            ["kind", "to"]
        );
        assert!(AccessQuery::parse(None, Some("yesterday"), None, None).is_err());
    }
}
