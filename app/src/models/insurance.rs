//! The five social insurances and the vocabulary of an enrolment (DESIGN §3). Shared by the
//! browser and the server; storage codes are stable strings, never display text.

use super::code::coded;

coded! {
    #[derive(PartialOrd, Ord)]
    pub enum Insurance {
        Pension = "pension",
        Medical = "medical",
        WorkInjury = "work_injury",
        Unemployment = "unemployment",
        Maternity = "maternity",
    }
}

impl Insurance {
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

coded! {
    pub enum Agency {
        /// 人力资源和社会保障局
        HumanResources = "hrss",
        /// 医疗保障局
        Healthcare = "nhsa",
    }
}

coded! {
    /// 城镇职工 (employee) or 城乡居民 (urban and rural resident).
    pub enum Scheme {
        Employee = "employee",
        Resident = "resident",
    }
}

coded! {
    /// Enrolment status (参保状态).
    pub enum EnrolmentStatus {
        /// 参保缴费
        Active = "active",
        /// 暂停 (e.g. left the job)
        Suspended = "suspended",
        /// 终止
        Terminated = "terminated",
        /// 待遇享受
        ReceivingBenefits = "receiving_benefits",
        /// 转出中
        TransferringOut = "transferring_out",
    }
}

coded! {
    /// Why a status was set; stored as a code and shown in the reader's language.
    pub enum StatusReason {
        NewEmployment = "new_employment",
        ResidentEnrolment = "resident_enrolment",
        LeftEmployer = "left_employer",
        Retired = "retired",
        TransferredOut = "transferred_out",
        Deceased = "deceased",
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
