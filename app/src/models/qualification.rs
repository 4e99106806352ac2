//! The yearly qualification check of pensioners (养老金领取资格认证): when it is due, when to
//! warn, and what the pensioner and the paying office see. Pure rules, worked in the tests.

use super::code::coded;
use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A confirmation holds for twelve months; payments stop when none holds.
pub const VALID_MONTHS: u32 = 12;
/// The pensioner is warned this many days before payments would stop.
pub const WARN_DAYS: i64 = 30;

coded! {
    pub enum CheckMethod {
        /// Signed in and confirmed with the person's own second factor: confirmed at once.
        SecondFactor = "second_factor",
        /// Sent to the paying office (no second factor, or a helpdesk agent's help).
        OfficeReview = "office_review",
    }
}

coded! {
    pub enum CheckStatus {
        Pending = "pending",
        Confirmed = "confirmed",
        Refused = "refused",
    }
}

/// Where a pensioner stands against the check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Standing {
    /// Confirmed; the next check is due on `due`.
    Current,
    /// Due within `WARN_DAYS`: the number of days left.
    DueSoon(i64),
    /// Past the due date: payments are suspended until a confirmation.
    Overdue,
}

/// The day the next confirmation is due: twelve months after the last one, or after the
/// pension's first payment when there has been none (starting a pension checks the person).
pub fn due_date(last_confirmed: Option<NaiveDate>, first_paid: NaiveDate) -> NaiveDate {
    let from = last_confirmed.unwrap_or(first_paid);
    from.checked_add_months(Months::new(VALID_MONTHS))
        .unwrap_or(from)
}

pub fn standing(due: NaiveDate, today: NaiveDate) -> Standing {
    let left = (due - today).num_days();
    if left < 0 {
        Standing::Overdue
    } else if left <= WARN_DAYS {
        Standing::DueSoon(left)
    } else {
        Standing::Current
    }
}

/// One confirmation as the pensioner sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckLine {
    pub submitted_at: DateTime<Utc>,
    pub method: CheckMethod,
    pub status: CheckStatus,
    pub decided_at: Option<DateTime<Utc>>,
    /// The office's reason when it refused.
    pub note: Option<String>,
    /// Sent for the person by a helpdesk agent or a relative.
    pub helper: Option<crate::models::assist::Helper>,
}

/// `/me/pension/qualification`: where the pensioner stands and how they may confirm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QualificationView {
    pub due: NaiveDate,
    pub standing: Standing,
    pub pending: bool,
    /// Whether the person signs in with a second factor (needed to confirm at once).
    pub second_factor: bool,
    /// Who acts for the person now, if anyone (they may only send it for review).
    pub helper: Option<crate::models::assist::Helper>,
    pub history: Vec<CheckLine>,
    pub request_key: String,
}

/// What the home and pension pages say of the check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QualificationBrief {
    pub due: NaiveDate,
    pub standing: Standing,
    pub pending: bool,
}

/// A confirmation waiting for the office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewCheck {
    pub id: i64,
    pub name: String,
    pub masked_id: String,
    pub submitted_at: DateTime<Utc>,
    pub helper: Option<crate::models::assist::Helper>,
}

coded! {
    pub enum CheckDecision {
        Confirm = "confirm",
        Refuse = "refuse",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_confirmation_holds_twelve_months_and_warns_thirty_days_before() {
        let due = due_date(Some(d(2025, 12, 20)), d(2017, 12, 1));
        assert_eq!(due, d(2026, 12, 20));
        assert_eq!(standing(due, d(2026, 11, 19)), Standing::Current);
        assert_eq!(standing(due, d(2026, 11, 20)), Standing::DueSoon(30));
        assert_eq!(standing(due, d(2026, 12, 20)), Standing::DueSoon(0));
        assert_eq!(standing(due, d(2026, 12, 21)), Standing::Overdue);
        // Never confirmed: a year after the first payment.
        assert_eq!(due_date(None, d(2026, 3, 1)), d(2027, 3, 1));
        // The end of February keeps to the month's last day.
        assert_eq!(
            due_date(Some(d(2024, 2, 29)), d(2020, 1, 1)),
            d(2025, 2, 28)
        );
    }
}
