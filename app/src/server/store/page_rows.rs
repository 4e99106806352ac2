//! A citizen page's rows in one statement. On SQLite every statement is a trip to the
//! connection's own thread and back, two context switches that cost more than the query: with
//! seven statements they were a third of `/me`'s server time. On PostgreSQL each is a network
//! round trip. So a page reads its lists as JSON arrays, one scalar subquery each, and the
//! single-list reads elsewhere use the same column lists.

use super::{
    AccountYearRow, Backend, CarriedRow, ContributionFilter, ContributionRow, Db, EnrolmentPeriod,
    PensionBriefRow, PersonRecord, RecordTotals, Store, StoreError, TimelineRow, on_pool,
};
use crate::models::filing::Term;
use crate::models::insurance::Insurance;
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use std::sync::OnceLock;

/// The rows of one list: columns as (field, SQL expression), the FROM and WHERE (with the
/// person as `$1` and, where a page names one, the insurance as `$2`), the order.
pub(super) struct List {
    pub columns: &'static [(&'static str, &'static str)],
    pub from: &'static str,
    pub order: &'static str,
}

impl List {
    /// The list as its own statement.
    pub fn select(&self) -> String {
        let columns: Vec<String> = self
            .columns
            .iter()
            .map(|(field, expr)| format!("{expr} AS {field}"))
            .collect();
        format!(
            "SELECT {} {} ORDER BY {}",
            columns.join(", "),
            self.from,
            self.order
        )
    }

    /// The list as a JSON array of objects in a scalar subquery (NULL when it has no rows).
    fn json(&self, backend: Backend) -> String {
        let (array, object) = match backend {
            Backend::Sqlite => ("json_group_array", "json_object"),
            Backend::Postgres => ("json_agg", "json_build_object"),
        };
        let pairs: Vec<String> = self
            .columns
            .iter()
            .map(|(field, expr)| format!("'{field}', {expr}"))
            .collect();
        format!(
            "(SELECT CAST({array}({object}({}) ORDER BY {}) AS TEXT) {})",
            pairs.join(", "),
            self.order,
            self.from
        )
    }
}

/// A statement built once per backend.
pub(super) struct Sql {
    sqlite: OnceLock<String>,
    postgres: OnceLock<String>,
}

impl Sql {
    pub const fn new() -> Self {
        Self {
            sqlite: OnceLock::new(),
            postgres: OnceLock::new(),
        }
    }

    pub fn get(&self, backend: Backend, build: impl FnOnce(Backend) -> String) -> &str {
        match backend {
            Backend::Sqlite => self.sqlite.get_or_init(|| build(backend)),
            Backend::Postgres => self.postgres.get_or_init(|| build(backend)),
        }
    }
}

fn rows<T: DeserializeOwned>(list: &str, json: Option<String>) -> Result<Vec<T>, StoreError> {
    json.map_or(Ok(Vec::new()), |json| {
        serde_json::from_str(&json)
            .map_err(|e| StoreError::Database(sqlx::Error::Decode(format!("{list}: {e}").into())))
    })
}

pub(super) const PERIODS: List = List {
    columns: &[
        ("insurance", "e.insurance"),
        ("scheme", "e.scheme"),
        ("region_code", "e.region_code"),
        ("region_zh", "r.name_zh"),
        ("region_en", "r.name_en"),
        ("employer_id", "e.employer_id"),
        ("employer_name", "m.name"),
        ("start_month", "e.start_month"),
        ("end_month", "e.end_month"),
        ("status", "e.status"),
        ("status_reason", "e.status_reason"),
        ("status_date", "e.status_date"),
    ],
    from: "FROM enrolments e JOIN regions r ON r.code = e.region_code \
           LEFT JOIN employers m ON m.id = e.employer_id WHERE e.person_id = $1",
    order: "e.insurance, e.start_month",
};

pub(super) const TOTALS: List = List {
    columns: &[
        ("insurance", "t.insurance"),
        ("contribution_rows", "t.contribution_rows"),
        ("months_paid", "t.months_paid"),
        ("months_in_arrears", "t.months_in_arrears"),
        ("employer_sum", "t.employer_sum"),
        ("personal_sum", "t.personal_sum"),
        ("last_paid_month", "t.last_paid_month"),
        ("latest_base", "t.latest_base"),
        ("account_year", "t.account_year"),
        ("account_closing", "t.account_closing"),
    ],
    from: "FROM record_totals t WHERE t.person_id = $1",
    order: "t.insurance",
};

pub(super) const CARRIED: List = List {
    columns: &[
        ("request_id", "c.request_id"),
        ("insurance", "c.insurance"),
        ("from_zh", "f.name_zh"),
        ("from_en", "f.name_en"),
        ("to_region", "c.to_region"),
        ("months", "CAST(c.months AS BIGINT)"),
        ("personal_account", "c.personal_account"),
        ("pooled_funds", "c.pooled_funds"),
        ("carried_on", "c.carried_on"),
    ],
    from: "FROM carried_records c JOIN regions f ON f.code = c.from_region WHERE c.person_id = $1",
    order: "c.carried_on, c.id",
};

/// One insurance's account years (the insurance is `$2`).
pub(super) const ACCOUNT_YEARS: List = List {
    columns: &[
        ("year", "a.year"),
        ("opening", "a.opening"),
        ("credited", "a.credited"),
        ("interest", "a.interest"),
        ("withdrawn", "a.withdrawn"),
        ("closing", "a.closing"),
    ],
    from: "FROM account_years a WHERE a.person_id = $1 AND a.insurance = $2",
    order: "a.year",
};

/// One page of an insurance's contributions, newest first: the year (`$3`) and employer (`$4`)
/// of `records::contribution_filter!`, `$5` rows from row `$6`.
const CONTRIBUTIONS_PAGE: List = List {
    columns: &[
        ("month", "c.month"),
        ("months_covered", "c.months_covered"),
        ("employer_id", "c.employer_id"),
        ("employer_name", "m.name"),
        ("region_zh", "r.name_zh"),
        ("region_en", "r.name_en"),
        ("base", "c.base"),
        ("employer_part", "c.employer_part"),
        ("personal_part", "c.personal_part"),
        ("paid_on", "c.paid_on"),
    ],
    // The page is cut first, so only its rows are joined to their region and employer.
    from: concat!(
        "FROM (SELECT * FROM contributions c WHERE ",
        super::records::contribution_filter!(),
        " ORDER BY c.month DESC LIMIT $5 OFFSET $6) c \
         JOIN regions r ON r.code = c.region_code LEFT JOIN employers m ON m.id = c.employer_id"
    ),
    order: "c.month DESC",
};

/// Filings not cancelled, newest first; whether each is in effect today is the service's call.
const FILINGS: List = List {
    columns: &[
        ("reference_no", "f.reference_no"),
        ("term", "f.term"),
        ("treatment_zh", "t.name_zh"),
        ("treatment_en", "t.name_en"),
        ("starts_on", "f.starts_on"),
        ("ends_on", "f.ends_on"),
    ],
    from: "FROM medical_filings f JOIN regions t ON t.code = f.treatment_region \
           WHERE f.person_id = $1 AND f.cancelled_at IS NULL",
    order: "f.created_at DESC, f.id DESC",
};

/// The pension in payment now and its latest payment: at most one row, none before retiring.
const PENSION: List = List {
    columns: &[
        (
            "monthly",
            "a.basic + a.account + a.transitional + a.adjustments",
        ),
        ("month", "p.month"),
        ("paid_on", "p.paid_on"),
        ("amount", "p.amount"),
        ("back_pay", "p.back_pay"),
    ],
    from: "FROM (SELECT * FROM pension_amounts WHERE person_id = $1 \
                 ORDER BY from_month DESC LIMIT 1) a \
           LEFT JOIN pension_payments p ON p.person_id = a.person_id \
             AND p.month = (SELECT MAX(month) FROM pension_payments WHERE person_id = $1)",
    order: "a.from_month",
};

/// Each place a person paid in and each insurance's last month there.
const PLACES: List = List {
    columns: &[
        ("region_code", "c.region_code"),
        ("region_zh", "r.name_zh"),
        ("region_en", "r.name_en"),
        ("insurance", "c.insurance"),
        ("last_month", "c.last_month"),
    ],
    from: "FROM (SELECT region_code, insurance, MAX(month) AS last_month FROM contributions \
                 WHERE person_id = $1 GROUP BY region_code, insurance) c \
           JOIN regions r ON r.code = c.region_code",
    order: "c.last_month DESC, c.region_code, c.insurance",
};

/// The years with contributions, newest first.
const YEARS: List = List {
    columns: &[("year", "y.year")],
    from: "FROM (SELECT DISTINCT month / 100 AS year FROM contributions WHERE person_id = $1) y",
    order: "y.year DESC",
};

#[derive(Debug, Clone, serde::Deserialize)]
pub struct FilingInForce {
    pub reference_no: String,
    pub term: Term,
    pub treatment_zh: String,
    pub treatment_en: String,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
}

/// Everything the citizen's home page reads.
pub struct HomeRows {
    pub person: PersonRecord,
    pub periods: Vec<EnrolmentPeriod>,
    pub totals: Vec<RecordTotals>,
    pub carried: Vec<CarriedRow>,
    pub filings: Vec<FilingInForce>,
    pub pension: Option<PensionBriefRow>,
}

/// Everything one insurance's record page reads, but the page of contributions.
pub struct RecordRows {
    pub birth_date: NaiveDate,
    pub sex: String,
    pub female_category: Option<String>,
    pub periods: Vec<EnrolmentPeriod>,
    pub totals: Vec<RecordTotals>,
    /// The insurance's months, as `contribution_timeline` reads them.
    pub timeline: Vec<TimelineRow>,
    pub accounts: Vec<AccountYearRow>,
    pub carried: Vec<CarriedRow>,
    /// The page of contributions asked for.
    pub page: Vec<ContributionRow>,
}

/// A place and insurance of the person's contributions, with the last month paid there.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct PaidPlace {
    pub region_code: String,
    pub region_zh: String,
    pub region_en: String,
    pub insurance: Insurance,
    pub last_month: i32,
}

/// What the certificate form offers is made of: the person's places, not their every month.
pub struct CertificateFormRows {
    pub hukou_region: String,
    /// Where the pension in payment was awarded, if one was.
    pub award_region: Option<String>,
    pub periods: Vec<EnrolmentPeriod>,
    /// Newest last month first.
    pub places: Vec<PaidPlace>,
    /// Newest first.
    pub years: Vec<i32>,
}

#[derive(sqlx::FromRow)]
struct HomeRow {
    id: i64,
    resident_id: String,
    name: String,
    periods: Option<String>,
    totals: Option<String>,
    carried: Option<String>,
    filings: Option<String>,
    pension: Option<String>,
}

#[derive(sqlx::FromRow)]
struct RecordRow {
    birth_date: NaiveDate,
    sex: String,
    female_category: Option<String>,
    periods: Option<String>,
    totals: Option<String>,
    timeline: Option<String>,
    accounts: Option<String>,
    carried: Option<String>,
    page: Option<String>,
}

#[derive(sqlx::FromRow)]
struct CertificateFormRow {
    hukou_region: String,
    award_region: Option<String>,
    periods: Option<String>,
    places: Option<String>,
    years: Option<String>,
}

#[derive(serde::Deserialize)]
struct Year {
    year: i32,
}

static HOME: Sql = Sql::new();
static RECORD: Sql = Sql::new();
static CERTIFICATE_FORM: Sql = Sql::new();

impl Store {
    pub(super) async fn citizen_home_rows(
        &self,
        person_id: i64,
    ) -> Result<Option<HomeRows>, StoreError> {
        let sql = HOME.get(self.backend(), |b| {
            format!(
                "SELECT p.id, p.resident_id, p.name, {} AS periods, {} AS totals, {} AS carried, \
                        {} AS filings, {} AS pension FROM persons p WHERE p.id = $1",
                PERIODS.json(b),
                TOTALS.json(b),
                CARRIED.json(b),
                FILINGS.json(b),
                PENSION.json(b)
            )
        });
        let row: Option<HomeRow> =
            on_pool!(self, pool => sqlx::query_as(sql).bind(person_id).fetch_optional(pool).await?);
        row.map(|r| {
            Ok(HomeRows {
                person: PersonRecord {
                    id: r.id,
                    resident_id: r.resident_id,
                    name: r.name,
                },
                periods: rows("periods", r.periods)?,
                totals: rows("totals", r.totals)?,
                carried: rows("carried", r.carried)?,
                filings: rows("filings", r.filings)?,
                pension: rows("pension", r.pension)?.pop(),
            })
        })
        .transpose()
    }

    pub(super) async fn insurance_record_rows(
        &self,
        person_id: i64,
        insurance: &str,
        filter: ContributionFilter,
        offset: i64,
        limit: i64,
    ) -> Result<Option<RecordRows>, StoreError> {
        let sql = RECORD.get(self.backend(), |b| {
            format!(
                "SELECT p.birth_date, p.sex, p.female_category, {} AS periods, {} AS totals, \
                        ({}) AS timeline, {} AS accounts, {} AS carried, {} AS page \
                 FROM persons p WHERE p.id = $1",
                PERIODS.json(b),
                TOTALS.json(b),
                super::records::INSURANCE_TIMELINE,
                ACCOUNT_YEARS.json(b),
                CARRIED.json(b),
                CONTRIBUTIONS_PAGE.json(b)
            )
        });
        let row: Option<RecordRow> = on_pool!(self, pool => sqlx::query_as(sql)
            .bind(person_id).bind(insurance).bind(filter.year).bind(filter.employer_id)
            .bind(limit).bind(offset).fetch_optional(pool).await?);
        row.map(|r| {
            Ok(RecordRows {
                birth_date: r.birth_date,
                sex: r.sex,
                female_category: r.female_category,
                periods: rows("periods", r.periods)?,
                totals: rows("totals", r.totals)?,
                timeline: r
                    .timeline
                    .as_deref()
                    .map_or(Ok(Vec::new()), super::records::unpack_timeline)?,
                accounts: rows("account years", r.accounts)?,
                carried: rows("carried", r.carried)?,
                page: rows("contributions", r.page)?,
            })
        })
        .transpose()
    }

    /// The certificate form's rows: the person's places and years, not their every month.
    pub(super) async fn certificate_form_rows(
        &self,
        person_id: i64,
    ) -> Result<Option<CertificateFormRows>, StoreError> {
        let sql = CERTIFICATE_FORM.get(self.backend(), |b| {
            format!(
                "SELECT p.hukou_region, \
                        (SELECT region_code FROM pension_awards WHERE person_id = $1) AS award_region, \
                        {} AS periods, {} AS places, {} AS years FROM persons p WHERE p.id = $1",
                PERIODS.json(b),
                PLACES.json(b),
                YEARS.json(b)
            )
        });
        let row: Option<CertificateFormRow> =
            on_pool!(self, pool => sqlx::query_as(sql).bind(person_id).fetch_optional(pool).await?);
        row.map(|r| {
            Ok(CertificateFormRows {
                hukou_region: r.hukou_region,
                award_region: r.award_region,
                periods: rows("periods", r.periods)?,
                places: rows("places", r.places)?,
                years: rows::<Year>("years", r.years)?
                    .into_iter()
                    .map(|y| y.year)
                    .collect(),
            })
        })
        .transpose()
    }
}
