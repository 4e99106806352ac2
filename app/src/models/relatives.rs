//! Relatives who help (亲情代办): a citizen authorises another citizen's account, found by
//! resident ID and the last four digits of its phone, to view their record and, when allowed,
//! to act for them, for up to a year. The relative accepts; either ends it at any time.

use super::code::coded;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

coded! {
    /// An authorisation's stored status. An open one (offered or active) lapses at its end
    /// without a write: readers compare the end with the clock.
    pub enum GrantStatus {
        Offered = "offered",
        Active = "active",
        Declined = "declined",
        Ended = "ended",
    }
}

/// How long an authorisation may run, in months, as the form offers it: at most a year.
pub const DURATIONS: [u32; 4] = [1, 3, 6, 12];

/// Where an authorisation stands for the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum GrantState {
    Offered,
    Active,
    Declined,
    Ended,
    /// Open past its end.
    Lapsed,
}

impl GrantState {
    pub fn of(status: GrantStatus, ends_at: DateTime<Utc>, now: DateTime<Utc>) -> Self {
        match status {
            GrantStatus::Offered | GrantStatus::Active if ends_at <= now => GrantState::Lapsed,
            GrantStatus::Offered => GrantState::Offered,
            GrantStatus::Active => GrantState::Active,
            GrantStatus::Declined => GrantState::Declined,
            GrantStatus::Ended => GrantState::Ended,
        }
    }

    /// Offered or active: it can still be ended.
    pub fn is_open(self) -> bool {
        matches!(self, GrantState::Offered | GrantState::Active)
    }
}

/// One authorisation on a list: the other party is the relative on the person's own list, and
/// the person on the relative's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GrantLine {
    pub id: i64,
    pub name: String,
    pub masked_id: String,
    pub may_act: bool,
    pub state: GrantState,
    pub offered_on: NaiveDate,
    pub ends_on: NaiveDate,
}

/// The relatives page: whom the person authorised, who authorised them, and the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelativesView {
    pub given: Vec<GrantLine>,
    /// None to a relative acting for the person: whom else the person helps is not theirs.
    pub received: Option<Vec<GrantLine>>,
    /// False while someone acts for the person (an agent or a relative): they see, never change.
    pub can_manage: bool,
    /// The key the authorisation form carries, so a double post offers once.
    pub request_key: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn an_open_authorisation_lapses_at_its_end() {
        let now = Utc::now();
        let later = now + Duration::days(1);
        assert_eq!(
            GrantState::of(GrantStatus::Active, later, now),
            GrantState::Active
        );
        assert_eq!(
            GrantState::of(GrantStatus::Active, now, now),
            GrantState::Lapsed
        );
        assert_eq!(
            GrantState::of(GrantStatus::Offered, now, now),
            GrantState::Lapsed
        );
        assert_eq!(
            GrantState::of(GrantStatus::Ended, now, now),
            GrantState::Ended
        );
        assert!(GrantState::Offered.is_open() && !GrantState::Lapsed.is_open());
    }
}
