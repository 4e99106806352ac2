//! The employer workspace's vocabulary: the checks that flag a staff member, the roster query
//! and the DTOs an employer user receives. Shared by the browser and the server. Nothing here
//! carries a full resident ID or anything medical: employers see enrolment, bases and payment.

use super::code::coded;
use super::insurance::{EnrolmentStatus, Insurance, Month};
use super::paging::page_index;
use serde::{Deserialize, Serialize};

coded! {
    /// A problem the staff checks found in a person's record with this employer.
    #[derive(PartialOrd, Ord)]
    pub enum StaffFlag {
        /// A declared base below 60% of the local average wage of the previous year.
        BaseBelowFloor = "base_below_floor",
        /// A declared base above 300% of it.
        BaseAboveCap = "base_above_cap",
        /// Different bases for the same month across insurances.
        BaseMismatch = "base_mismatch",
        /// Enrolled in some of the five insurances but not all.
        PartialEnrolment = "partial_enrolment",
        /// Months declared but not paid.
        Arrears = "arrears",
    }
}

impl StaffFlag {
    /// The flag's bit in the stored flag set. Stable: stored values depend on it.
    pub fn bit(self) -> i32 {
        1 << (self as i32)
    }

    /// The flags named by a stored bit set, in `ALL` order.
    pub fn from_bits(bits: i32) -> Vec<StaffFlag> {
        Self::ALL
            .into_iter()
            .filter(|f| bits & f.bit() != 0)
            .collect()
    }

    pub fn bits(flags: &[StaffFlag]) -> i32 {
        flags.iter().fold(0, |acc, f| acc | f.bit())
    }
}

coded! {
    /// Which staff the roster lists: those employed now (default) or everyone who ever was.
    #[derive(Default)]
    pub enum StaffScope {
        #[default]
        Current = "current",
        All = "all",
    }
}

coded! {
    #[derive(Default)]
    pub enum StaffSort {
        /// Flagged staff first: by the flag set as a number, descending (so arrears lead, then a
        /// missing insurance, then base problems), then by person.
        #[default]
        Problems = "problems",
        Name = "name",
        /// Most months in arrears first.
        Arrears = "arrears",
        /// Latest joiners first.
        Joined = "joined",
    }
}

/// A validated roster query: what the list page, its server function and the CSV export share.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StaffQuery {
    /// Part of a name, or at least four characters of the ID number.
    pub search: Option<String>,
    pub insurance: Option<Insurance>,
    pub status: Option<EnrolmentStatus>,
    pub flag: Option<StaffFlag>,
    pub scope: StaffScope,
    pub sort: StaffSort,
    /// From 0.
    pub page: i64,
}

pub const STAFF_PAGE_SIZE: i64 = 25;
pub const SEARCH_MAX_CHARS: usize = 40;

/// The raw query-string values of the list page and the export link.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffQueryInput {
    pub q: Option<String>,
    pub insurance: Option<String>,
    pub status: Option<String>,
    pub flag: Option<String>,
    pub scope: Option<String>,
    pub sort: Option<String>,
    /// From 1, as shown.
    pub page: Option<String>,
}

/// A query value that is not one of the allowed codes: the field's name, for the error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadQueryField(pub &'static str);

impl StaffQueryInput {
    /// Parses the values; empty ones mean "no filter". Unknown codes are errors, not ignored,
    /// so a mistyped link says so instead of silently listing everyone.
    pub fn parse(&self) -> Result<StaffQuery, Vec<BadQueryField>> {
        fn opt<T, E>(
            v: &Option<String>,
            field: &'static str,
            parse: impl Fn(&str) -> Result<T, E>,
            errors: &mut Vec<BadQueryField>,
        ) -> Option<T> {
            let v = v.as_deref().map(str::trim).filter(|v| !v.is_empty())?;
            let parsed = parse(v).ok();
            if parsed.is_none() {
                errors.push(BadQueryField(field));
            }
            parsed
        }
        let mut errors = Vec::new();
        let search = self
            .q
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string);
        if search
            .as_ref()
            .is_some_and(|s| s.chars().count() > SEARCH_MAX_CHARS)
        {
            errors.push(BadQueryField("q"));
        }
        let query = StaffQuery {
            search,
            insurance: opt(
                &self.insurance,
                "insurance",
                Insurance::from_code,
                &mut errors,
            ),
            status: opt(
                &self.status,
                "status",
                EnrolmentStatus::from_code,
                &mut errors,
            ),
            flag: opt(&self.flag, "flag", StaffFlag::from_code, &mut errors),
            scope: opt(&self.scope, "scope", StaffScope::from_code, &mut errors)
                .unwrap_or_default(),
            sort: opt(&self.sort, "sort", StaffSort::from_code, &mut errors).unwrap_or_default(),
            page: opt(&self.page, "page", |p| page_index(Some(p)), &mut errors).unwrap_or(0),
        };
        if errors.is_empty() {
            Ok(query)
        } else {
            Err(errors)
        }
    }
}

impl StaffQuery {
    /// The query string that reproduces this query (page from 1), without defaults.
    pub fn to_query_string(&self, page: Option<i64>) -> String {
        let mut q: Vec<String> = Vec::new();
        if let Some(s) = &self.search {
            q.push(format!("q={}", encode(s)));
        }
        if let Some(i) = self.insurance {
            q.push(format!("insurance={}", i.code()));
        }
        if let Some(s) = self.status {
            q.push(format!("status={}", s.code()));
        }
        if let Some(f) = self.flag {
            q.push(format!("flag={}", f.code()));
        }
        if self.scope != StaffScope::default() {
            q.push(format!("scope={}", self.scope.code()));
        }
        if self.sort != StaffSort::default() {
            q.push(format!("sort={}", self.sort.code()));
        }
        if let Some(p) = page {
            q.push(format!("page={}", p + 1));
        }
        q.join("&")
    }
}

/// Percent-encodes a query value (RFC 3986 unreserved characters pass through).
fn encode(s: &str) -> String {
    const UNRESERVED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    percent_encoding::utf8_percent_encode(s, UNRESERVED).to_string()
}

/// One insurance of one staff member, with this employer only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffInsurance {
    pub insurance: Insurance,
    pub status: EnrolmentStatus,
    /// The base declared for the latest month with this employer, fen.
    pub base: Option<i64>,
    pub last_paid_month: Option<Month>,
    pub arrears_months: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffRow {
    /// Opaque to the employer: only meaningful together with their own session.
    pub person_id: i64,
    pub name: String,
    pub masked_id: String,
    pub current: bool,
    pub first_month: Month,
    pub last_month: Month,
    /// Per insurance enrolled with this employer, in `Insurance::ALL` order.
    pub insurances: Vec<StaffInsurance>,
    pub flags: Vec<StaffFlag>,
    /// Months in arrears with this employer, oldest first.
    pub arrears: Vec<Month>,
}

/// How many staff (in the chosen scope) carry each flag.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FlagSummary {
    pub staff: i64,
    pub flagged: i64,
    pub by_flag: Vec<(StaffFlag, i64)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffList {
    pub employer: String,
    pub query: StaffQuery,
    pub summary: FlagSummary,
    /// Staff matching the query (all pages).
    pub total: i64,
    pub pages: i64,
    pub rows: Vec<StaffRow>,
}

/// A base outside the 60%–300% band, for one month (the latest such month is shown).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaseOutOfBounds {
    pub month: Month,
    pub insurances: Vec<Insurance>,
    pub base: i64,
    /// The floor or cap it crossed, fen.
    pub limit: i64,
    /// The average monthly wage the limit derives from, and its year.
    pub average_wage: i64,
    pub wage_year: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaseMismatch {
    pub month: Month,
    pub bases: Vec<(Insurance, i64)>,
}

/// Everything the checks found for one person with this employer, with the detail that
/// explains each flag. Lists are complete; the page decides how much to show.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StaffFindings {
    pub below_floor: Vec<BaseOutOfBounds>,
    pub above_cap: Vec<BaseOutOfBounds>,
    pub mismatches: Vec<BaseMismatch>,
    /// Insurances missing in the latest month with this employer.
    pub missing: Vec<Insurance>,
    pub arrears: Vec<(Insurance, Month)>,
}

impl StaffFindings {
    pub fn flags(&self) -> Vec<StaffFlag> {
        let mut flags = Vec::new();
        for (flag, found) in [
            (StaffFlag::BaseBelowFloor, !self.below_floor.is_empty()),
            (StaffFlag::BaseAboveCap, !self.above_cap.is_empty()),
            (StaffFlag::BaseMismatch, !self.mismatches.is_empty()),
            (StaffFlag::PartialEnrolment, !self.missing.is_empty()),
            (StaffFlag::Arrears, !self.arrears.is_empty()),
        ] {
            if found {
                flags.push(flag);
            }
        }
        flags
    }

    /// Distinct months in arrears, oldest first.
    pub fn arrears_months(&self) -> Vec<Month> {
        let mut months: Vec<Month> = self.arrears.iter().map(|(_, m)| *m).collect();
        months.sort_unstable();
        months.dedup();
        months
    }
}

/// An enrolment period of the person with this employer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffPeriod {
    pub insurance: Insurance,
    pub start_month: Month,
    pub end_month: Option<Month>,
    pub status: EnrolmentStatus,
}

/// One month with this employer: the base declared per insurance and whether it was paid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMonth {
    pub month: Month,
    /// (insurance, base fen, paid)
    pub bases: Vec<(Insurance, i64, bool)>,
}

/// A person as their employer may see them: periods and months with this employer only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub employer: String,
    pub name: String,
    pub masked_id: String,
    pub current: bool,
    pub insurances: Vec<StaffInsurance>,
    pub periods: Vec<StaffPeriod>,
    pub findings: StaffFindings,
    /// Newest first, the latest 24 months with this employer.
    pub recent_months: Vec<StaffMonth>,
    pub months_with_employer: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_bits_round_trip() {
        let flags = vec![StaffFlag::BaseMismatch, StaffFlag::Arrears];
        let bits = StaffFlag::bits(&flags);
        assert_eq!(bits, 0b10100);
        assert_eq!(StaffFlag::from_bits(bits), flags);
    }

    #[test]
    fn query_parsing() {
        let q = StaffQueryInput {
            q: Some("  王 ".into()),
            insurance: Some("pension".into()),
            flag: Some("arrears".into()),
            page: Some("3".into()),
            ..Default::default()
        }
        .parse()
        .unwrap();
        assert_eq!(q.search.as_deref(), Some("王"));
        assert_eq!(q.page, 2);
        assert_eq!(q.scope, StaffScope::Current);
        assert_eq!(
            q.to_query_string(Some(0)),
            "q=%E7%8E%8B&insurance=pension&flag=arrears&page=1"
        );
        let bad = StaffQueryInput {
            flag: Some("nope".into()),
            page: Some("0".into()),
            ..Default::default()
        }
        .parse()
        .unwrap_err();
        assert_eq!(bad, vec![BadQueryField("flag"), BadQueryField("page")]);
        assert_eq!(
            StaffQueryInput::default().parse().unwrap(),
            StaffQuery::default()
        );
    }
}
