//! Certificates a citizen issues about their own record: the kinds, the purposes and what each
//! purpose may show, the issue form's validated request, the stored content of a document and
//! the public verification answer. Shared by server and browser; holds no secret and computes
//! no verification code (that needs the server key).

use super::benefits::PensionParts;
use super::code::coded;
use super::home::Named;
use super::insurance::{EnrolmentStatus, Insurance, Month, Scheme, add_months, month_index};
use crate::error::{AppError, FieldCode, FieldErrors};
use crate::locale::Locale;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

coded! {
    pub enum CertificateKind {
        /// 参保缴费证明
        Contributions = "contributions",
        /// 个人权益记录单
        AnnualStatement = "annual_statement",
        /// 未领取社会保险待遇证明
        NoBenefit = "no_benefit",
        /// 未参保证明
        NotEnrolled = "not_enrolled",
        /// 待遇领取证明 (养老金)
        PensionBenefit = "pension_benefit",
    }
}

coded! {
    pub enum Purpose {
        Loan = "loan",
        School = "school",
        Hukou = "hukou",
        Visa = "visa",
        Other = "other",
    }
}

/// How much of the resident ID number a document shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum IdShown {
    /// 落户 needs the whole number to match the household register.
    Full,
    /// `110101********4514`: enough for a bank or a consulate to match the applicant.
    Partial,
    /// `1****************4`: the number is not what the reader needs.
    Minimal,
}

/// What a purpose needs: the identity detail and whether money (bases, sums, balances) shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PurposeFields {
    pub id: IdShown,
    pub amounts: bool,
}

impl Purpose {
    /// Data minimisation: a bank and a consulate judge income, so they see bases and balances;
    /// a school and 落户 need the months of contributions, not the money; "other" gets the
    /// least. Only 落户 shows the whole ID number.
    pub fn fields(self) -> PurposeFields {
        match self {
            Purpose::Loan | Purpose::Visa => PurposeFields {
                id: IdShown::Partial,
                amounts: true,
            },
            Purpose::School => PurposeFields {
                id: IdShown::Partial,
                amounts: false,
            },
            Purpose::Hukou => PurposeFields {
                id: IdShown::Full,
                amounts: false,
            },
            Purpose::Other => PurposeFields {
                id: IdShown::Minimal,
                amounts: false,
            },
        }
    }
}

/// The ID number as a purpose allows it to be shown.
pub fn shown_id(resident_id: &str, shown: IdShown) -> String {
    let chars: Vec<char> = resident_id.chars().collect();
    let n = chars.len();
    let (head, tail) = match shown {
        IdShown::Full => return resident_id.to_string(),
        IdShown::Partial => (6.min(n), 4.min(n)),
        IdShown::Minimal => (1.min(n), 1.min(n)),
    };
    if head + tail >= n {
        return "*".repeat(n);
    }
    let mut out: String = chars[..head].iter().collect();
    out.push_str(&"*".repeat(n - head - tail));
    out.extend(&chars[n - tail..]);
    out
}

/// A name as a stranger verifying a certificate sees it: first and last character, the rest
/// starred (`李*轩`, `王*`).
pub fn masked_name(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    match chars.len() {
        0 => String::new(),
        1 => "*".into(),
        2 => format!("{}*", chars[0]),
        n => format!("{}{}{}", chars[0], "*".repeat(n - 2), chars[n - 1]),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sex {
    Male,
    Female,
}

/// The period of a contributions certificate: the last 12, 24 or 36 months of data, or a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PeriodChoice {
    Last(i32),
    Range { from: Month, to: Month },
}

impl PeriodChoice {
    /// The months covered, given the last month the offices hold data for.
    pub fn months(self, data_month: Month) -> (Month, Month) {
        match self {
            PeriodChoice::Last(n) => (add_months(data_month, 1 - n), data_month),
            PeriodChoice::Range { from, to } => (from, to.min(data_month)),
        }
    }
}

/// The longest custom range: a working life.
pub const MAX_RANGE_MONTHS: i32 = 50 * 12;

/// The issue form exactly as posted (a plain HTML form: every value a string, checkboxes
/// present or absent).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssueInput {
    pub kind: String,
    pub purpose: String,
    pub language: String,
    pub region: Option<String>,
    pub pension: Option<String>,
    pub medical: Option<String>,
    pub work_injury: Option<String>,
    pub unemployment: Option<String>,
    pub maternity: Option<String>,
    pub period: Option<String>,
    /// `YYYY-MM` (the value of `<input type="month">`).
    pub from: Option<String>,
    pub to: Option<String>,
    pub year: Option<String>,
    pub insurance: Option<String>,
    pub request_key: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IssueDetail {
    Contributions {
        region: String,
        insurances: Vec<Insurance>,
        period: PeriodChoice,
    },
    AnnualStatement {
        year: i32,
    },
    NoBenefit,
    NotEnrolled {
        insurance: Insurance,
    },
    PensionBenefit,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueRequest {
    pub kind: CertificateKind,
    pub purpose: Purpose,
    pub locale: Locale,
    pub request_key: String,
    pub detail: IssueDetail,
}

/// A form value that was filled in, trimmed.
fn filled(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// `2024-03` (or `202403`) as a month.
pub fn parse_month(s: &str) -> Option<Month> {
    let digits: String = s.trim().chars().filter(|c| *c != '-').collect();
    if digits.len() != 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let m: Month = digits.parse().ok()?;
    (1990..=2100).contains(&(m / 100)).then_some(())?;
    (1..=12).contains(&(m % 100)).then_some(m)
}

impl IssueInput {
    /// Every field problem at once; the kind decides which fields matter.
    pub fn parse(&self) -> Result<IssueRequest, AppError> {
        let mut errors = FieldErrors::default();
        let kind = CertificateKind::from_code(&self.kind).ok();
        if kind.is_none() {
            errors.add("kind", FieldCode::Required);
        }
        let purpose = Purpose::from_code(&self.purpose).ok();
        if purpose.is_none() {
            errors.add("purpose", FieldCode::Required);
        }
        let locale = Locale::from_code(&self.language);
        if locale.is_none() {
            errors.add("language", FieldCode::Required);
        }
        if !super::ids::is_request_key(&self.request_key) {
            errors.add("request_key", FieldCode::Invalid);
        }
        let detail = kind.and_then(|k| self.detail(k, &mut errors));
        errors.finish()?;
        // Every None above added a field problem, so `finish` has already returned.
        match (kind, purpose, locale, detail) {
            (Some(kind), Some(purpose), Some(locale), Some(detail)) => Ok(IssueRequest {
                kind,
                purpose,
                locale,
                request_key: self.request_key.clone(),
                detail,
            }),
            _ => Err(AppError::Validation(Vec::new())),
        }
    }

    fn detail(&self, kind: CertificateKind, errors: &mut FieldErrors) -> Option<IssueDetail> {
        match kind {
            CertificateKind::Contributions => {
                let region = filled(&self.region)
                    .filter(|r| r.len() == 6 && r.bytes().all(|b| b.is_ascii_digit()));
                if region.is_none() {
                    errors.add("region", FieldCode::Required);
                }
                let ticked = [
                    (Insurance::Pension, &self.pension),
                    (Insurance::Medical, &self.medical),
                    (Insurance::WorkInjury, &self.work_injury),
                    (Insurance::Unemployment, &self.unemployment),
                    (Insurance::Maternity, &self.maternity),
                ];
                let insurances: Vec<Insurance> = ticked
                    .into_iter()
                    .filter(|(_, v)| v.is_some())
                    .map(|(i, _)| i)
                    .collect();
                if insurances.is_empty() {
                    errors.add("insurances", FieldCode::ChooseInsurance);
                }
                let period = match filled(&self.period) {
                    Some("12") => Some(PeriodChoice::Last(12)),
                    Some("24") => Some(PeriodChoice::Last(24)),
                    Some("36") => Some(PeriodChoice::Last(36)),
                    Some("custom") => {
                        let from = filled(&self.from).and_then(parse_month);
                        let to = filled(&self.to).and_then(parse_month);
                        if from.is_none() {
                            errors.add("from", FieldCode::MonthInvalid);
                        }
                        if to.is_none() {
                            errors.add("to", FieldCode::MonthInvalid);
                        }
                        match (from, to) {
                            (Some(from), Some(to)) if from > to => {
                                errors.add("to", FieldCode::RangeReversed);
                                None
                            }
                            (Some(from), Some(to))
                                if month_index(to) - month_index(from) >= MAX_RANGE_MONTHS =>
                            {
                                errors.add("from", FieldCode::RangeTooLong);
                                None
                            }
                            (Some(from), Some(to)) => Some(PeriodChoice::Range { from, to }),
                            _ => None,
                        }
                    }
                    _ => {
                        errors.add("period", FieldCode::Required);
                        None
                    }
                };
                Some(IssueDetail::Contributions {
                    region: region?.to_string(),
                    insurances,
                    period: period?,
                })
            }
            CertificateKind::AnnualStatement => {
                let year = filled(&self.year)
                    .and_then(|y| y.parse::<i32>().ok())
                    .filter(|y| (1990..=2100).contains(y));
                if year.is_none() {
                    errors.add("year", FieldCode::Required);
                }
                Some(IssueDetail::AnnualStatement { year: year? })
            }
            CertificateKind::NoBenefit => Some(IssueDetail::NoBenefit),
            CertificateKind::PensionBenefit => Some(IssueDetail::PensionBenefit),
            CertificateKind::NotEnrolled => {
                let insurance = filled(&self.insurance).and_then(|c| Insurance::from_code(c).ok());
                if insurance.is_none() {
                    errors.add("insurance", FieldCode::Required);
                }
                Some(IssueDetail::NotEnrolled {
                    insurance: insurance?,
                })
            }
        }
    }
}

/// The person as the document shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonShown {
    pub name: String,
    pub id_number: String,
    pub sex: Sex,
}

/// Consecutive months of one insurance with the same employer, region and base.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContributionSpan {
    pub insurance: Insurance,
    pub employer: Option<String>,
    pub from: Month,
    pub to: Month,
    pub months_paid: i64,
    /// None when the purpose does not show amounts.
    pub base: Option<i64>,
    pub region: Named,
}

/// One insurance in an annual statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnualLine {
    pub insurance: Insurance,
    /// Where and how the person stood at the end of the year (or now, for the current year).
    pub standing: Option<(Named, EnrolmentStatus)>,
    pub months_paid: i64,
    pub months_in_arrears: i64,
    /// Amounts, when the purpose shows them: latest base, personal and employer parts.
    pub amounts: Option<AnnualAmounts>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnualAmounts {
    pub base: i64,
    pub personal: i64,
    pub employer: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountMovement {
    pub insurance: Insurance,
    pub opening: i64,
    pub credited: i64,
    pub interest: i64,
    pub withdrawn: i64,
    pub closing: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CertificateBody {
    Contributions {
        region: Named,
        insurances: Vec<Insurance>,
        from: Month,
        to: Month,
        spans: Vec<ContributionSpan>,
    },
    AnnualStatement {
        year: i32,
        lines: Vec<AnnualLine>,
        /// Pension months paid up to the end of the year, all places together.
        cumulative_pension_months: i64,
        /// None when the purpose does not show amounts.
        accounts: Option<Vec<AccountMovement>>,
    },
    NoBenefit,
    NotEnrolled {
        insurance: Insurance,
        /// The ended relationship, if there ever was one.
        ended: Option<NaiveDate>,
    },
    PensionBenefit {
        scheme: Scheme,
        since: Month,
        /// The amount now in its parts; None when the purpose does not show amounts.
        monthly: Option<PensionParts>,
        /// The month of the latest payment.
        last_paid: Option<Month>,
    },
}

/// Everything a document shows, stored as JSON so the PDF regenerates identically.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateContent {
    pub kind: CertificateKind,
    pub purpose: Purpose,
    pub locale: Locale,
    pub person: PersonShown,
    pub issuers: Vec<Named>,
    pub issued_at: DateTime<Utc>,
    pub data_as_of: NaiveDate,
    /// The public verification page (`https://…/verify`); number and code are added to it.
    pub verify_page: String,
    /// Set when a helpdesk agent issued it in an assisted session: the watermark's text.
    pub assisted_by: Option<String>,
    pub body: CertificateBody,
}

impl CertificateContent {
    /// The months or year the document speaks about, if any.
    pub fn period(&self) -> Option<CertificatePeriod> {
        match &self.body {
            CertificateBody::Contributions { from, to, .. } => {
                Some(CertificatePeriod::Months(*from, *to))
            }
            CertificateBody::AnnualStatement { year, .. } => Some(CertificatePeriod::Year(*year)),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CertificatePeriod {
    Months(Month, Month),
    Year(i32),
}

/// Document numbers and codes use an alphabet without 0/O, 1/I: people read them aloud.
pub const CODE_ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
pub const DOCUMENT_NO_PREFIX: &str = "JB";
const DOCUMENT_NO_LEN: usize = 12;
const CODE_LEN: usize = 12;

fn normalized(input: &str) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

fn in_alphabet(s: &str) -> bool {
    s.bytes().all(|b| CODE_ALPHABET.contains(&b))
}

/// A document number as typed (spaces, dashes and case forgiven), or None.
pub fn parse_document_no(input: &str) -> Option<String> {
    let s = normalized(input);
    (s.len() == DOCUMENT_NO_LEN
        && s.starts_with(DOCUMENT_NO_PREFIX)
        && in_alphabet(&s[DOCUMENT_NO_PREFIX.len()..]))
    .then_some(s)
}

/// A verification code as typed, without its dashes, or None.
pub fn parse_code(input: &str) -> Option<String> {
    let s = normalized(input);
    (s.len() == CODE_LEN && in_alphabet(&s)).then_some(s)
}

/// `4K7Q-M2XW-9PLT`: a code in groups of four.
pub fn grouped_code(code: &str) -> String {
    code.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// One of the citizen's certificates, as their list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateSummary {
    pub document_no: String,
    pub kind: CertificateKind,
    pub purpose: Purpose,
    pub locale: Locale,
    pub period: Option<CertificatePeriod>,
    pub issued_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// Issued for the person by a helpdesk agent or a relative.
    pub helper: Option<crate::models::assist::Helper>,
}

/// One certificate for its owner: what the list shows plus the code and the verification link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateDetail {
    pub summary: CertificateSummary,
    pub code: String,
    pub verify_url: String,
    pub person: PersonShown,
    pub amounts_shown: bool,
    /// How many strangers have verified it.
    pub verifications: i64,
}

/// What the issue form offers this person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateOptions {
    /// A fresh idempotency key for this form.
    pub request_key: String,
    /// Cities with contributions, each with the insurances paid there.
    pub regions: Vec<(String, Named, Vec<Insurance>)>,
    /// The last month of data; the default periods end here.
    pub data_month: Month,
    pub years: Vec<i32>,
    /// Why the no-benefit certificate does not apply (the insurances paying benefits).
    pub receiving: Vec<Insurance>,
    /// The insurances a not-enrolled certificate can be issued for.
    pub not_enrolled: Vec<Insurance>,
}

/// The public verification answer: a minimal view, never an ID number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum VerifyOutcome {
    /// Unknown number or wrong code: the page says only that it could not be verified.
    NotVerified,
    Verified(PublicView),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicView {
    pub document_no: String,
    pub masked_name: String,
    pub kind: CertificateKind,
    pub period: Option<CertificatePeriod>,
    pub issuers: Vec<Named>,
    pub issued_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(kind: &str) -> IssueInput {
        IssueInput {
            kind: kind.into(),
            purpose: "loan".into(),
            language: "zh".into(),
            request_key: "k".repeat(20),
            ..Default::default()
        }
    }

    fn fields(e: AppError) -> Vec<String> {
        match e {
            AppError::Validation(f) => f
                .into_iter()
                .map(|f| format!("{}:{}", f.field, f.code.code()))
                .collect(),
            other => panic!("expected validation, got {other:?}"),
        }
    }

    /// Content stored before codes became serde names spells the variants; it still reads, so
    /// certificates issued then still verify and render.
    #[test]
    fn content_stored_with_variant_names_still_reads() {
        let stored = r#"{"kind":"Contributions","purpose":"Loan","locale":"Zh",
            "person":{"name":"李明轩","id_number":"110101********4514","sex":"Male"},
            "issuers":[],"issued_at":"2026-11-20T08:00:00Z","data_as_of":"2026-10-31",
            "verify_page":"https://jinbao.example/verify","assisted_by":null,
            "body":{"Contributions":{"region":{"zh":"北京市","en":"Beijing"},
            "insurances":["Pension","WorkInjury"],"from":202401,"to":202412,"spans":[
            {"insurance":"WorkInjury","employer":null,"from":202401,"to":202412,
            "months_paid":12,"base":null,"region":{"zh":"北京市","en":"Beijing"}}]}}}"#;
        let content: CertificateContent = serde_json::from_str(stored).unwrap();
        assert_eq!(content.kind, CertificateKind::Contributions);
        assert_eq!(content.purpose, Purpose::Loan);
        let CertificateBody::Contributions {
            insurances, spans, ..
        } = &content.body
        else {
            panic!("a contributions certificate");
        };
        assert_eq!(insurances, &[Insurance::Pension, Insurance::WorkInjury]);
        assert_eq!(spans[0].insurance, Insurance::WorkInjury);
        // Written again, it spells the codes.
        let written = serde_json::to_string(&content).unwrap();
        assert!(
            written.contains(r#""insurances":["pension","work_injury"]"#),
            "{written}"
        );
    }

    #[test]
    fn ids_are_shown_as_the_purpose_needs() {
        let id = "110101199003074514";
        assert_eq!(shown_id(id, Purpose::Hukou.fields().id), id);
        assert_eq!(
            shown_id(id, Purpose::Loan.fields().id),
            "110101********4514"
        );
        assert_eq!(
            shown_id(id, Purpose::Other.fields().id),
            "1****************4"
        );
        assert!(Purpose::Visa.fields().amounts && !Purpose::School.fields().amounts);
    }

    #[test]
    fn names_are_masked_for_strangers() {
        assert_eq!(masked_name("李明轩"), "李*轩");
        assert_eq!(masked_name("欧阳娜娜"), "欧**娜");
        assert_eq!(masked_name("王五"), "王*");
        assert_eq!(masked_name("Z"), "*");
    }

    #[test]
    fn contributions_need_region_insurances_and_period() {
        let e = input("contributions").parse().unwrap_err();
        assert_eq!(
            fields(e),
            [
                "region:required",
                "insurances:choose_insurance",
                "period:required"
            ]
        );
        let ok = IssueInput {
            region: Some("110100".into()),
            pension: Some("on".into()),
            medical: Some("on".into()),
            period: Some("36".into()),
            ..input("contributions")
        }
        .parse()
        .unwrap();
        assert_eq!(
            ok.detail,
            IssueDetail::Contributions {
                region: "110100".into(),
                insurances: vec![Insurance::Pension, Insurance::Medical],
                period: PeriodChoice::Last(36),
            }
        );
    }

    #[test]
    fn custom_ranges_are_checked() {
        let custom = |from: &str, to: &str| IssueInput {
            region: Some("110100".into()),
            pension: Some("on".into()),
            period: Some("custom".into()),
            from: Some(from.into()),
            to: Some(to.into()),
            ..input("contributions")
        };
        assert_eq!(
            fields(custom("2024-13", "").parse().unwrap_err()),
            ["from:month_invalid", "to:month_invalid"]
        );
        assert_eq!(
            fields(custom("2025-01", "2024-12").parse().unwrap_err()),
            ["to:range_reversed"]
        );
        assert_eq!(
            fields(custom("1970-01", "2024-12").parse().unwrap_err()),
            ["from:month_invalid"]
        );
        assert_eq!(
            fields(custom("1991-01", "2041-01").parse().unwrap_err()),
            ["from:range_too_long"]
        );
        assert!(matches!(
            custom("2019-10", "2024-09").parse().unwrap().detail,
            IssueDetail::Contributions {
                period: PeriodChoice::Range {
                    from: 201910,
                    to: 202409
                },
                ..
            }
        ));
        assert_eq!(PeriodChoice::Last(12).months(202610), (202511, 202610));
        assert_eq!(
            PeriodChoice::Range {
                from: 202001,
                to: 202912
            }
            .months(202610),
            (202001, 202610)
        );
    }

    #[test]
    fn every_field_problem_is_reported_at_once() {
        let e = IssueInput {
            kind: "annual_statement".into(),
            purpose: "gossip".into(),
            language: "fr".into(),
            request_key: "short".into(),
            year: Some("1850".into()),
            ..Default::default()
        }
        .parse()
        .unwrap_err();
        assert_eq!(
            fields(e),
            [
                "purpose:required",
                "language:required",
                "request_key:invalid",
                "year:required"
            ]
        );
        assert_eq!(
            fields(input("not_enrolled").parse().unwrap_err()),
            ["insurance:required"]
        );
        assert_eq!(fields(input("pdf").parse().unwrap_err()), ["kind:required"]);
        assert_eq!(
            input("no_benefit").parse().unwrap().detail,
            IssueDetail::NoBenefit
        );
    }

    #[test]
    fn numbers_and_codes_forgive_typing() {
        assert_eq!(
            parse_document_no(" jb7k2m-9q4x wp"),
            Some("JB7K2M9Q4XWP".into())
        );
        assert_eq!(
            parse_document_no("JB7K2M9Q4XW0"),
            None,
            "0 is not in the alphabet"
        );
        assert_eq!(parse_document_no("XX7K2M9Q4XWP"), None);
        assert_eq!(parse_code("4k7q-m2xw-9plt"), Some("4K7QM2XW9PLT".into()));
        assert_eq!(parse_code("4K7Q-M2XW-9PL"), None);
        assert_eq!(grouped_code("4K7QM2XW9PLT"), "4K7Q-M2XW-9PLT");
    }
}
