//! The five social insurances and the vocabulary of an enrolment (DESIGN §3). Shared by the
//! browser and the server; storage codes are stable strings, never display text.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Insurance {
    Pension,
    Medical,
    WorkInjury,
    Unemployment,
    Maternity,
}

impl Insurance {
    pub const ALL: [Insurance; 5] = [
        Insurance::Pension,
        Insurance::Medical,
        Insurance::WorkInjury,
        Insurance::Unemployment,
        Insurance::Maternity,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Insurance::Pension => "pension",
            Insurance::Medical => "medical",
            Insurance::WorkInjury => "work_injury",
            Insurance::Unemployment => "unemployment",
            Insurance::Maternity => "maternity",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|i| i.code() == code)
    }

    /// Pension, unemployment and work injury are run by human resources and social security
    /// (人社); medical and maternity by the healthcare security administration (医保).
    pub fn agency(self) -> Agency {
        match self {
            Insurance::Medical | Insurance::Maternity => Agency::Healthcare,
            _ => Agency::HumanResources,
        }
    }

    /// Residents (城乡居民) are covered by pension and medical insurance only.
    pub fn open_to(self, scheme: Scheme) -> bool {
        scheme == Scheme::Employee || matches!(self, Insurance::Pension | Insurance::Medical)
    }

    /// Insurances with a personal account (个人账户).
    pub fn has_personal_account(self) -> bool {
        matches!(self, Insurance::Pension | Insurance::Medical)
    }

    /// Typical contribution rates for employees in basis points of the base: (employer, personal).
    /// Work injury depends on the industry risk class (1..=8, 0.2%–1.9%).
    pub fn employee_rates_bp(self, risk_class: u8) -> (i64, i64) {
        match self {
            Insurance::Pension => (1600, 800),
            Insurance::Medical => (800, 200),
            Insurance::Unemployment => (50, 50),
            Insurance::WorkInjury => {
                const BY_CLASS: [i64; 8] = [20, 40, 70, 90, 110, 130, 160, 190];
                (BY_CLASS[usize::from(risk_class.clamp(1, 8) - 1)], 0)
            }
            Insurance::Maternity => (80, 0),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Agency {
    /// 人力资源和社会保障局
    HumanResources,
    /// 医疗保障局
    Healthcare,
}

impl Agency {
    pub fn code(self) -> &'static str {
        match self {
            Agency::HumanResources => "hrss",
            Agency::Healthcare => "nhsa",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Agency::HumanResources, Agency::Healthcare]
            .into_iter()
            .find(|a| a.code() == code)
    }
}

/// 城镇职工 (employee) or 城乡居民 (urban and rural resident).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scheme {
    Employee,
    Resident,
}

impl Scheme {
    pub fn code(self) -> &'static str {
        match self {
            Scheme::Employee => "employee",
            Scheme::Resident => "resident",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Scheme::Employee, Scheme::Resident]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

/// Enrolment status (参保状态).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EnrolmentStatus {
    /// 参保缴费
    Active,
    /// 暂停 (e.g. left the job)
    Suspended,
    /// 终止
    Terminated,
    /// 待遇享受
    ReceivingBenefits,
    /// 转出中
    TransferringOut,
}

impl EnrolmentStatus {
    pub const ALL: [EnrolmentStatus; 5] = [
        EnrolmentStatus::Active,
        EnrolmentStatus::Suspended,
        EnrolmentStatus::Terminated,
        EnrolmentStatus::ReceivingBenefits,
        EnrolmentStatus::TransferringOut,
    ];

    pub fn code(self) -> &'static str {
        match self {
            EnrolmentStatus::Active => "active",
            EnrolmentStatus::Suspended => "suspended",
            EnrolmentStatus::Terminated => "terminated",
            EnrolmentStatus::ReceivingBenefits => "receiving_benefits",
            EnrolmentStatus::TransferringOut => "transferring_out",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// Why a status was set; stored as a code and shown in the reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StatusReason {
    NewEmployment,
    ResidentEnrolment,
    LeftEmployer,
    Retired,
    TransferredOut,
    Deceased,
}

impl StatusReason {
    pub const ALL: [StatusReason; 6] = [
        StatusReason::NewEmployment,
        StatusReason::ResidentEnrolment,
        StatusReason::LeftEmployer,
        StatusReason::Retired,
        StatusReason::TransferredOut,
        StatusReason::Deceased,
    ];

    pub fn code(self) -> &'static str {
        match self {
            StatusReason::NewEmployment => "new_employment",
            StatusReason::ResidentEnrolment => "resident_enrolment",
            StatusReason::LeftEmployer => "left_employer",
            StatusReason::Retired => "retired",
            StatusReason::TransferredOut => "transferred_out",
            StatusReason::Deceased => "deceased",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// A month as `YYYYMM` (DESIGN §2).
pub type Month = i32;

/// Months since year 0, for arithmetic on `YYYYMM`.
pub fn month_index(m: Month) -> i32 {
    (m / 100) * 12 + (m % 100 - 1)
}

pub fn month_from_index(i: i32) -> Month {
    (i / 12) * 100 + (i % 12 + 1)
}

/// The month a date falls in.
pub fn month_of(date: &impl chrono::Datelike) -> Month {
    date.year() * 100 + date.month() as i32
}

/// `m` plus `n` months (n may be negative).
pub fn add_months(m: Month, n: i32) -> Month {
    month_from_index(month_index(m) + n)
}

/// Months as years with one decimal, truncated ("14.0" for 169 months).
pub fn years_label(months: i64) -> String {
    format!("{}.{}", months / 12, (months % 12) * 10 / 12)
}

pub fn month_label(m: Month) -> String {
    format!("{}-{:02}", m / 100, m % 100)
}

/// Sorted months as runs of consecutive months (first, last), for listing them readably.
pub fn month_runs(months: &[Month]) -> Vec<(Month, Month)> {
    let mut runs: Vec<(Month, Month)> = Vec::new();
    for &m in months {
        match runs.last_mut() {
            Some((_, last)) if add_months(*last, 1) == m => *last = m,
            _ => runs.push((m, m)),
        }
    }
    runs
}

/// Money in fen, shown as yuan with two decimals.
pub fn yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let fen = fen.abs();
    let whole = (fen / 100).to_string();
    // Thousands separators make bases and balances readable at a glance.
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}.{:02}", fen % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_in_runs_across_a_year_end() {
        assert_eq!(
            month_runs(&[201911, 201912, 202001, 202005]),
            vec![(201911, 202001), (202005, 202005)]
        );
        assert!(month_runs(&[]).is_empty());
    }

    #[test]
    fn codes_roundtrip() {
        for i in Insurance::ALL {
            assert_eq!(Insurance::from_code(i.code()), Some(i));
        }
        for s in EnrolmentStatus::ALL {
            assert_eq!(EnrolmentStatus::from_code(s.code()), Some(s));
        }
        for r in StatusReason::ALL {
            assert_eq!(StatusReason::from_code(r.code()), Some(r));
        }
    }

    #[test]
    fn residents_have_pension_and_medical_only() {
        let open: Vec<_> = Insurance::ALL
            .into_iter()
            .filter(|i| i.open_to(Scheme::Resident))
            .collect();
        assert_eq!(open, vec![Insurance::Pension, Insurance::Medical]);
    }

    #[test]
    fn money_formatting() {
        assert_eq!(yuan(0), "0.00");
        assert_eq!(yuan(123456789), "1,234,567.89");
        assert_eq!(yuan(-5), "-0.05");
        assert_eq!(month_label(202403), "2024-03");
        assert_eq!(years_label(169), "14.0");
        assert_eq!(years_label(485), "40.4");
        assert_eq!(add_months(202312, 1), 202401);
        assert_eq!(add_months(202401, -13), 202212);
        assert_eq!(month_from_index(month_index(199801)), 199801);
    }
}
