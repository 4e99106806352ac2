//! Out-of-area medical filing (异地就医备案, DESIGN §3): the vocabulary, the check of the filing
//! form and the days a filing covers. Shared by the browser and the server; codes are stable
//! storage strings, never display text.

use super::code::coded;
use super::home::Named;
use super::insurance::Scheme;
use crate::error::{AppError, FieldCode, FieldError, FieldErrors};
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// The term of an emergency completed during an admission (急诊抢救 needs no filing until
/// then): the least a temporary filing lasts.
const EMERGENCY_MONTHS: u32 = 6;
/// Supporting documents per filing, and the size of each: what a phone photo or a scanned
/// certificate needs, and what the database keeps without strain.
pub const MAX_DOCUMENTS: usize = 5;
pub const MAX_DOCUMENT_BYTES: usize = 5 * 1024 * 1024;

coded! {
    /// The category of a filing (备案类别).
    pub enum Category {
        /// 异地安置退休
        RetireeResettled = "retiree_resettled",
        /// 异地长期居住 (180 days or more)
        LongTermResidence = "long_term_residence",
        /// 常驻异地工作 (180 days or more)
        ResidentWork = "resident_work",
        /// 转诊转院
        Referral = "referral",
        /// 急诊抢救
        Emergency = "emergency",
        /// 其他临时外出
        OtherTemporary = "other_temporary",
    }
}

impl Category {
    /// DESIGN §3: resettled retirees, long-term residents and people working there are long-term;
    /// referral, emergency and other trips are temporary.
    pub fn term(self) -> Term {
        match self {
            Category::RetireeResettled | Category::LongTermResidence | Category::ResidentWork => {
                Term::LongTerm
            }
            Category::Referral | Category::Emergency | Category::OtherTemporary => Term::Temporary,
        }
    }

    /// 医保发〔2022〕22号: a resettled retiree shows the hukou certificate and a referral the
    /// hospital's certificate; the personal undertaking does not replace either.
    pub fn needs_documents(self) -> bool {
        matches!(self, Category::RetireeResettled | Category::Referral)
    }

    /// Whether the person chooses how long the filing lasts (temporary filings, bar an
    /// emergency, which lasts for its stay).
    pub fn months_asked(self) -> bool {
        self.term() == Term::Temporary && self != Category::Emergency
    }

    /// 医保发〔2022〕22号: the most by which a temporary filing's reimbursement rate may be lower
    /// than at home, in percentage points, as each insured place decides.
    pub fn reimbursement_cut(self) -> Option<u8> {
        match self {
            Category::Referral => Some(10),
            Category::OtherTemporary => Some(20),
            _ => None,
        }
    }
}

coded! {
    /// Long-term (长期) or temporary (临时) filing.
    pub enum Term {
        LongTerm = "long_term",
        Temporary = "temporary",
    }
}

coded! {
    /// What backs the filing: supporting documents or the personal undertaking (个人承诺书).
    pub enum Evidence {
        Documents = "documents",
        Undertaking = "undertaking",
    }
}

coded! {
    /// Where the person stands with treatment when filing.
    pub enum Stay {
        NotAdmitted = "not_admitted",
        InHospital = "in_hospital",
        DischargedSelfPaid = "discharged_self_paid",
    }
}

/// The answers as posted (every field a string, as a plain HTML form sends it), kept in the
/// draft between steps.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FilingInput {
    /// "<city code>:<scheme code>", e.g. "110100:employee"; one of `insured_choices`.
    pub insured: String,
    /// A city code.
    pub treatment: String,
    pub category: String,
    /// "6" or "12"; only read for temporary categories.
    pub months: String,
    /// A `Stay` code.
    pub stay: String,
    /// "YYYY-MM-DD"; required unless the stay is `not_admitted`.
    pub admitted_on: String,
    /// An `Evidence` code.
    pub evidence: String,
    /// How many documents are uploaded with the form (counted from storage, never posted).
    #[serde(skip)]
    pub documents: usize,
    /// The undertaking box is ticked; required with the undertaking.
    pub undertaking: bool,
}

/// What the server knows when checking the form.
pub struct FilingContext<'a> {
    pub today: NaiveDate,
    /// The person's active medical enrolments, as "<city code>:<scheme code>".
    pub insured_choices: &'a [String],
    /// Every city code that exists (the treatment place must be one).
    pub is_city: &'a dyn Fn(&str) -> bool,
    /// Whether the person already has an active long-term filing.
    pub has_active_long_term: bool,
    /// Receiving a pension (a resettled retiree must be).
    pub retired: bool,
    /// The hukou's city code (a resettled retiree's hukou has moved to the treatment place).
    pub hukou: &'a str,
    /// How many days before today an admission may lie, by insured city (a local rule).
    pub retroactive_days: &'a dyn Fn(&str) -> i64,
}

/// A checked filing, ready to store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidFiling {
    pub insured_region: String,
    /// "employee" | "resident"
    pub scheme: String,
    pub treatment_region: String,
    pub category: Category,
    pub evidence: Evidence,
    pub stay: Stay,
    pub admitted_on: Option<NaiveDate>,
    /// Today, or the admission day.
    pub starts_on: NaiveDate,
    /// The last day covered; `None` for long-term.
    pub ends_on: Option<NaiveDate>,
    /// A retroactive filing after a self-paid discharge: that stay is reimbursed by hand.
    pub manual_reimbursement: bool,
}

/// Checks one trimmed form value: `required` when empty, else the code `check` rejects it with.
fn field<'s, T>(
    errors: &mut FieldErrors,
    name: &str,
    value: &'s str,
    check: impl FnOnce(&'s str) -> Result<T, FieldCode>,
) -> Option<T> {
    let value = value.trim();
    let checked = if value.is_empty() {
        Err(FieldCode::Required)
    } else {
        check(value)
    };
    checked.map_err(|code| errors.add(name, code)).ok()
}

/// The last day of a temporary filing: `months` after the start, less one day, so the start day
/// counts. Chrono clamps to the month's end (2026-08-31 + 6 months = 2027-02-28).
fn temporary_end(starts_on: NaiveDate, months: u32) -> Option<NaiveDate> {
    starts_on
        .checked_add_months(Months::new(months))?
        .pred_opt()
}

impl FilingInput {
    /// Every problem at once, each as (field, code): insured → required | insured_unknown;
    /// treatment → required | place_unknown | same_place (equal to the insured city);
    /// category → required | category_unknown | long_term_exists | retired_only |
    /// hukou_not_there | employees_only; months → required | months_invalid (temporary bar an
    /// emergency); stay → required | stay_unknown | emergency_no_filing; admitted_on → required
    /// | date_invalid | date_future | date_too_old (beyond the insured place's limit); evidence
    /// → required | evidence_unknown | undertaking_not_accepted; documents → documents_missing
    /// (with documents, none uploaded); undertaking → undertaking_required (with the
    /// undertaking, box not ticked). Fields that depend on another are only checked once that
    /// one is known.
    pub fn parse(&self, ctx: &FilingContext<'_>) -> Result<ValidFiling, AppError> {
        let mut errors = FieldErrors::default();

        let insured = field(&mut errors, "insured", &self.insured, |v| {
            ctx.insured_choices
                .iter()
                .any(|c| c == v)
                .then(|| v.split_once(':'))
                .flatten()
                .ok_or(FieldCode::InsuredUnknown)
        });
        // DESIGN §3: the treatment place differs from the insured place.
        let treatment = field(&mut errors, "treatment", &self.treatment, |v| {
            if !(ctx.is_city)(v) {
                Err(FieldCode::PlaceUnknown)
            } else if insured.is_some_and(|(city, _)| city == v) {
                Err(FieldCode::SamePlace)
            } else {
                Ok(v)
            }
        });
        let category = field(&mut errors, "category", &self.category, |v| {
            let category = Category::from_code(v).map_err(|_| FieldCode::CategoryUnknown)?;
            match category {
                // DESIGN §3: one active long-term filing at a time; changing it is another
                // operation.
                _ if category.term() == Term::LongTerm && ctx.has_active_long_term => {
                    Err(FieldCode::LongTermExists)
                }
                // 医保发〔2022〕22号: resettled retirees receive a pension and have moved their
                // hukou to the treatment place; people working there are employees posted there.
                Category::RetireeResettled if !ctx.retired => Err(FieldCode::RetiredOnly),
                Category::RetireeResettled if treatment.is_some_and(|t| t != ctx.hukou) => {
                    Err(FieldCode::HukouNotThere)
                }
                Category::ResidentWork
                    if insured.is_some_and(|(_, scheme)| scheme == Scheme::Resident.code()) =>
                {
                    Err(FieldCode::EmployeesOnly)
                }
                _ => Ok(category),
            }
        });
        // DESIGN §3: temporary filings last at least 6 months; the person picks 6 or 12.
        let months = match category {
            Some(c) if c.months_asked() => {
                field(&mut errors, "months", &self.months, |v| match v {
                    "6" => Ok(6),
                    "12" => Ok(12),
                    _ => Err(FieldCode::MonthsInvalid),
                })
            }
            Some(Category::Emergency) => Some(EMERGENCY_MONTHS),
            _ => None,
        };

        let stay = field(&mut errors, "stay", &self.stay, |v| {
            Stay::from_code(v).map_err(|_| FieldCode::StayUnknown)
        });
        // DESIGN §3: an emergency needs no filing (it is treated as filed); only an admitted
        // patient completes one, before discharge.
        if category == Some(Category::Emergency) && stay == Some(Stay::NotAdmitted) {
            errors.add("stay", FieldCode::EmergencyNoFiling);
        }
        // DESIGN §3: filing is allowed during a stay (before discharge settlement) and after a
        // self-paid discharge; the filing then reaches back to the admission day, as far as the
        // insured place allows (a local rule).
        let reach = (ctx.retroactive_days)(insured.map_or("", |(city, _)| city));
        let admitted_on = match stay {
            Some(Stay::InHospital | Stay::DischargedSelfPaid) => {
                field(&mut errors, "admitted_on", &self.admitted_on, |v| {
                    let day = NaiveDate::parse_from_str(v, "%Y-%m-%d")
                        .map_err(|_| FieldCode::DateInvalid)?;
                    if day > ctx.today {
                        Err(FieldCode::DateFuture)
                    } else if (ctx.today - day).num_days() > reach {
                        Err(FieldCode::DateTooOld)
                    } else {
                        Ok(day)
                    }
                })
            }
            _ => None,
        };

        // DESIGN §3: supporting documents or a signed personal undertaking (个人承诺书).
        let evidence = field(&mut errors, "evidence", &self.evidence, |v| {
            Evidence::from_code(v).map_err(|_| FieldCode::EvidenceUnknown)
        });
        match evidence {
            Some(Evidence::Undertaking) if category.is_some_and(Category::needs_documents) => {
                errors.add("evidence", FieldCode::UndertakingNotAccepted)
            }
            Some(Evidence::Documents) if self.documents == 0 => {
                errors.add("documents", FieldCode::DocumentsMissing)
            }
            Some(Evidence::Undertaking) if !self.undertaking => {
                errors.add("undertaking", FieldCode::UndertakingRequired)
            }
            _ => {}
        }

        let filing = (|| {
            let (insured_region, scheme) = insured?;
            let (category, stay, evidence) = (category?, stay?, evidence?);
            let admitted_on = match stay {
                Stay::NotAdmitted => None,
                Stay::InHospital | Stay::DischargedSelfPaid => Some(admitted_on?),
            };
            // DESIGN §3: effective immediately, or from the admission day of a current stay.
            let starts_on = admitted_on.unwrap_or(ctx.today);
            // DESIGN §3: long-term filings last until changed or cancelled.
            let ends_on = match category.term() {
                Term::LongTerm => None,
                Term::Temporary => Some(temporary_end(starts_on, months?)?),
            };
            Some(ValidFiling {
                insured_region: insured_region.to_string(),
                scheme: scheme.to_string(),
                treatment_region: treatment?.to_string(),
                category,
                evidence,
                stay,
                admitted_on,
                starts_on,
                ends_on,
                // DESIGN §3: after a self-paid discharge the stay is reimbursed by hand (手工报销).
                manual_reimbursement: stay == Stay::DischargedSelfPaid,
            })
        })();
        errors.finish()?;
        // Every None above came with a field problem, bar an end date beyond chrono's calendar.
        filing.ok_or(AppError::Validation(Vec::new()))
    }
}

/// Days left until a temporary filing ends (0 on its last day, negative after); None for
/// long-term.
pub fn days_left(ends_on: Option<NaiveDate>, today: NaiveDate) -> Option<i64> {
    ends_on.map(|end| (end - today).num_days())
}

/// Whether a filing is in effect on `today`: started, not ended, not cancelled.
pub fn in_effect(
    starts_on: NaiveDate,
    ends_on: Option<NaiveDate>,
    cancelled: bool,
    today: NaiveDate,
) -> bool {
    !cancelled && starts_on <= today && ends_on.is_none_or(|end| today <= end)
}

/// One of the person's active medical enrolments, offered as the insured place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InsuredChoice {
    /// "<city code>:<scheme code>", as the form posts it.
    pub value: String,
    pub region: Named,
    pub scheme: Scheme,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CityChoice {
    pub code: String,
    pub name: Named,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvinceCities {
    pub province: Named,
    pub cities: Vec<CityChoice>,
}

/// The steps of the filing form (task-list pattern), each asking some of the fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FilingStep {
    /// Insured place and scheme, treatment city.
    Places,
    /// Category, validity, hospital stay.
    Category,
    /// Uploaded documents or the personal undertaking.
    Evidence,
}

impl FilingStep {
    pub const ALL: [FilingStep; 3] = [
        FilingStep::Places,
        FilingStep::Category,
        FilingStep::Evidence,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            FilingStep::Places => "places",
            FilingStep::Category => "category",
            FilingStep::Evidence => "evidence",
        }
    }

    /// The form fields this step asks (the names `FilingInput::parse` reports problems by).
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            FilingStep::Places => &["insured", "treatment"],
            FilingStep::Category => &["category", "months", "stay", "admitted_on"],
            FilingStep::Evidence => &["evidence", "documents", "undertaking"],
        }
    }
}

impl FilingInput {
    /// The problems of one step's fields. A step can also fail through an earlier one (the
    /// category through the places, the evidence through the category), so filing checks every
    /// step again.
    pub fn step_errors(&self, ctx: &FilingContext<'_>, step: FilingStep) -> Vec<FieldError> {
        match self.parse(ctx) {
            Err(AppError::Validation(list)) => list
                .into_iter()
                .filter(|e| step.fields().contains(&e.field.as_str()))
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// The kinds of file accepted as supporting documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DocumentType {
    Pdf,
    Jpeg,
    Png,
}

impl DocumentType {
    /// Recognised by the file's first bytes, not by its name or what the browser claims.
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(b"%PDF-") {
            Some(DocumentType::Pdf)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(DocumentType::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(DocumentType::Png)
        } else {
            None
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            DocumentType::Pdf => "application/pdf",
            DocumentType::Jpeg => "image/jpeg",
            DocumentType::Png => "image/png",
        }
    }

    pub fn from_content_type(content_type: &str) -> Option<Self> {
        [DocumentType::Pdf, DocumentType::Jpeg, DocumentType::Png]
            .into_iter()
            .find(|d| d.content_type() == content_type)
    }
}

/// An uploaded supporting document (its bytes are downloaded separately).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentView {
    pub id: i64,
    pub file_name: String,
    pub kind: DocumentType,
    pub size_bytes: i64,
}

impl DocumentView {
    pub fn href(&self) -> String {
        format!("/files/filing-documents/{}", self.id)
    }
}

/// The filing form's draft: the choices, the answers so far, the uploaded documents, which
/// steps are done and, once all are, the filing as it would be made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilingDraftView {
    /// The filing a change replaces; None for a new filing.
    pub replacing: Option<FilingView>,
    pub insured: Vec<InsuredChoice>,
    pub provinces: Vec<ProvinceCities>,
    /// The active long-term filing's reference, if any (only one may be active).
    pub active_long_term: Option<String>,
    pub answers: FilingInput,
    pub documents: Vec<DocumentView>,
    pub done: Vec<FilingStep>,
    pub request_key: String,
    pub insured_name: Option<Named>,
    pub treatment_name: Option<Named>,
    /// How many days before today an admission may lie, by the chosen insured place's rule.
    pub reach_days: i64,
    pub preview: Option<ValidFiling>,
}

impl FilingDraftView {
    /// Where this draft's task list lives: a new filing's, or the change of one.
    pub fn href(&self) -> String {
        draft_href(self.replacing.as_ref().map(|r| r.reference.as_str()))
    }
}

/// The task list of a new filing (`None`) or of the change of `replaces`.
pub fn draft_href(replaces: Option<&str>) -> String {
    match replaces {
        Some(r) => format!("/me/filings/{r}/change"),
        None => "/me/filings/new".to_string(),
    }
}

/// A filing in effect, as the medical insurance shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilingBrief {
    pub reference: String,
    pub treatment: Named,
    pub term: Term,
    pub ends_on: Option<NaiveDate>,
}

/// A filing as its owner sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilingView {
    pub reference: String,
    pub category: Category,
    pub term: Term,
    pub insured: Named,
    pub scheme: Scheme,
    pub treatment: Named,
    pub treatment_code: String,
    pub evidence: Evidence,
    pub documents: Vec<DocumentView>,
    pub stay: Stay,
    pub admitted_on: Option<NaiveDate>,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub days_left: Option<i64>,
    pub in_effect: bool,
    pub cancelled_at: Option<String>,
    /// Changed: a newer filing replaced it.
    pub replaced: bool,
    pub created_at: String,
    /// Made for the person by a helpdesk agent or a relative.
    pub helper: Option<crate::models::assist::Helper>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    const TODAY: &str = "2026-11-27";

    fn is_city(code: &str) -> bool {
        ["110100", "310100", "440100", "440300"].contains(&code)
    }

    fn choices() -> Vec<String> {
        vec!["110100:employee".to_string(), "440300:resident".to_string()]
    }

    fn usual_reach(_: &str) -> i64 {
        180
    }

    /// A retiree whose hukou moved to Guangzhou, with the usual 180 days everywhere.
    fn ctx(choices: &[String]) -> FilingContext<'_> {
        FilingContext {
            today: day(TODAY),
            insured_choices: choices,
            is_city: &is_city,
            has_active_long_term: false,
            retired: true,
            hukou: "440100",
            retroactive_days: &usual_reach,
        }
    }

    /// A valid long-term filing with documents, not admitted.
    fn long_term() -> FilingInput {
        FilingInput {
            insured: "110100:employee".into(),
            treatment: "440100".into(),
            category: "retiree_resettled".into(),
            stay: "not_admitted".into(),
            evidence: "documents".into(),
            documents: 1,
            ..FilingInput::default()
        }
    }

    /// A valid temporary filing for six months with the undertaking, not admitted.
    fn temporary() -> FilingInput {
        FilingInput {
            insured: "440300:resident".into(),
            treatment: "310100".into(),
            category: "other_temporary".into(),
            months: "6".into(),
            stay: "not_admitted".into(),
            evidence: "undertaking".into(),
            undertaking: true,
            ..FilingInput::default()
        }
    }

    fn errors(input: &FilingInput, ctx: &FilingContext<'_>) -> Vec<(String, String)> {
        match input.parse(ctx) {
            Err(AppError::Validation(list)) => list
                .into_iter()
                .map(|FieldError { field, code }| (field, code.code().to_string()))
                .collect(),
            other => panic!("expected field problems, got {other:?}"),
        }
    }

    fn problems(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(f, c)| (f.to_string(), c.to_string()))
            .collect()
    }

    #[test]
    fn long_term_starts_today_without_end() {
        let choices = choices();
        let filing = long_term().parse(&ctx(&choices)).unwrap();
        assert_eq!(
            filing,
            ValidFiling {
                insured_region: "110100".into(),
                scheme: "employee".into(),
                treatment_region: "440100".into(),
                category: Category::RetireeResettled,
                evidence: Evidence::Documents,
                stay: Stay::NotAdmitted,
                admitted_on: None,
                starts_on: day(TODAY),
                ends_on: None,
                manual_reimbursement: false,
            }
        );
    }

    #[test]
    fn long_term_ignores_months() {
        let choices = choices();
        let input = FilingInput {
            months: "abc".into(),
            ..long_term()
        };
        assert_eq!(input.parse(&ctx(&choices)).unwrap().ends_on, None);
    }

    #[test]
    fn temporary_six_months() {
        let choices = choices();
        let filing = temporary().parse(&ctx(&choices)).unwrap();
        assert_eq!(filing.insured_region, "440300");
        assert_eq!(filing.scheme, "resident");
        assert_eq!(filing.category, Category::OtherTemporary);
        assert_eq!(filing.evidence, Evidence::Undertaking);
        assert_eq!(filing.starts_on, day(TODAY));
        // 2026-11-27 + 6 months = 2027-05-27, less one day.
        assert_eq!(filing.ends_on, Some(day("2027-05-26")));
    }

    #[test]
    fn temporary_twelve_months() {
        let choices = choices();
        let input = FilingInput {
            months: " 12 ".into(),
            ..temporary()
        };
        // 2026-11-27 + 12 months = 2027-11-27, less one day.
        assert_eq!(
            input.parse(&ctx(&choices)).unwrap().ends_on,
            Some(day("2027-11-26"))
        );
    }

    #[test]
    fn temporary_from_a_month_end() {
        let choices = choices();
        let ctx = FilingContext {
            today: day("2026-08-31"),
            ..ctx(&choices)
        };
        // 2026-08-31 + 6 months clamps to 2027-02-28 (no 31 February), less one day.
        assert_eq!(
            temporary().parse(&ctx).unwrap().ends_on,
            Some(day("2027-02-27"))
        );
        // 2026-08-31 + 12 months = 2027-08-31, less one day.
        let input = FilingInput {
            months: "12".into(),
            ..temporary()
        };
        assert_eq!(input.parse(&ctx).unwrap().ends_on, Some(day("2027-08-30")));
    }

    #[test]
    fn empty_form_reports_every_required_field() {
        let choices = choices();
        assert_eq!(
            errors(&FilingInput::default(), &ctx(&choices)),
            problems(&[
                ("insured", "required"),
                ("treatment", "required"),
                ("category", "required"),
                ("stay", "required"),
                ("evidence", "required"),
            ])
        );
    }

    #[test]
    fn dependent_fields_are_required_once_known() {
        let choices = choices();
        let input = FilingInput {
            insured: "110100:employee".into(),
            treatment: "310100".into(),
            category: "referral".into(),
            months: "  ".into(),
            stay: "in_hospital".into(),
            evidence: "documents".into(),
            ..FilingInput::default()
        };
        assert_eq!(
            errors(&input, &ctx(&choices)),
            problems(&[
                ("months", "required"),
                ("admitted_on", "required"),
                ("documents", "documents_missing"),
            ])
        );
    }

    #[test]
    fn unknown_values_all_at_once() {
        let choices = choices();
        let input = FilingInput {
            insured: "310100:employee".into(),
            treatment: "999999".into(),
            category: "holiday".into(),
            stay: "at_home".into(),
            evidence: "photo".into(),
            ..FilingInput::default()
        };
        assert_eq!(
            errors(&input, &ctx(&choices)),
            problems(&[
                ("insured", "insured_unknown"),
                ("treatment", "place_unknown"),
                ("category", "category_unknown"),
                ("stay", "stay_unknown"),
                ("evidence", "evidence_unknown"),
            ])
        );
    }

    #[test]
    fn bad_dependent_values_all_at_once() {
        let choices = choices();
        let input = FilingInput {
            insured: "110100:employee".into(),
            treatment: "110100".into(),
            category: "other_temporary".into(),
            months: "3".into(),
            stay: "discharged_self_paid".into(),
            admitted_on: "2026-02-30".into(),
            evidence: "documents".into(),
            ..FilingInput::default()
        };
        assert_eq!(
            errors(&input, &ctx(&choices)),
            problems(&[
                ("treatment", "same_place"),
                ("months", "months_invalid"),
                ("admitted_on", "date_invalid"),
                ("documents", "documents_missing"),
            ])
        );
    }

    #[test]
    fn insured_must_be_an_active_enrolment() {
        let choices = choices();
        for insured in ["110100", "110100:resident", "110100:employee:x"] {
            let input = FilingInput {
                insured: insured.into(),
                ..long_term()
            };
            assert_eq!(
                errors(&input, &ctx(&choices)),
                problems(&[("insured", "insured_unknown")]),
                "{insured}"
            );
        }
    }

    #[test]
    fn treatment_place_checks() {
        let choices = choices();
        let same = FilingInput {
            treatment: "110100".into(),
            ..long_term()
        };
        assert_eq!(
            errors(&same, &ctx(&choices)),
            problems(&[("treatment", "same_place")])
        );
        let unknown = FilingInput {
            treatment: "110101".into(),
            ..long_term()
        };
        assert_eq!(
            errors(&unknown, &ctx(&choices)),
            problems(&[("treatment", "place_unknown")])
        );
        // With the insured place unknown there is nothing to compare against.
        let no_insured = FilingInput {
            insured: String::new(),
            treatment: "110100".into(),
            category: "long_term_residence".into(),
            ..long_term()
        };
        assert_eq!(
            errors(&no_insured, &ctx(&choices)),
            problems(&[("insured", "required")])
        );
    }

    #[test]
    fn one_long_term_filing_at_a_time() {
        let choices = choices();
        let ctx = FilingContext {
            has_active_long_term: true,
            ..ctx(&choices)
        };
        for category in Category::ALL {
            // In hospital with documents: what every temporary category accepts.
            let input = FilingInput {
                category: category.code().into(),
                stay: "in_hospital".into(),
                admitted_on: "2026-11-20".into(),
                evidence: "documents".into(),
                documents: 1,
                ..temporary()
            };
            match category.term() {
                Term::LongTerm => assert_eq!(
                    errors(&input, &ctx),
                    problems(&[("category", "long_term_exists")])
                ),
                Term::Temporary => assert!(input.parse(&ctx).is_ok(), "{category:?}"),
            }
        }
    }

    #[test]
    fn in_hospital_starts_on_admission() {
        let choices = choices();
        let input = FilingInput {
            stay: "in_hospital".into(),
            admitted_on: "2026-11-17".into(),
            ..temporary()
        };
        let filing = input.parse(&ctx(&choices)).unwrap();
        assert_eq!(filing.stay, Stay::InHospital);
        assert_eq!(filing.admitted_on, Some(day("2026-11-17")));
        assert_eq!(filing.starts_on, day("2026-11-17"));
        // 2026-11-17 + 6 months = 2027-05-17, less one day.
        assert_eq!(filing.ends_on, Some(day("2027-05-16")));
        assert!(!filing.manual_reimbursement);
    }

    #[test]
    fn admission_day_limits() {
        let choices = choices();
        let with = |admitted_on: &str| FilingInput {
            stay: "in_hospital".into(),
            admitted_on: admitted_on.into(),
            ..long_term()
        };
        assert_eq!(
            errors(&with("2026-11-28"), &ctx(&choices)),
            problems(&[("admitted_on", "date_future")])
        );
        // 2026-05-30 is 181 days before 2026-11-27; 2026-05-31 is 180.
        assert_eq!(
            errors(&with("2026-05-30"), &ctx(&choices)),
            problems(&[("admitted_on", "date_too_old")])
        );
        for ok in ["2026-05-31", TODAY] {
            let filing = with(ok).parse(&ctx(&choices)).unwrap();
            assert_eq!(filing.starts_on, day(ok));
            assert_eq!(filing.ends_on, None);
        }
        assert_eq!(
            errors(&with("27/11/2026"), &ctx(&choices)),
            problems(&[("admitted_on", "date_invalid")])
        );
    }

    /// 医保发〔2022〕22号, each category's conditions and evidence.
    #[test]
    fn categories_of_yibaofa_2022_22() {
        let choices = choices();
        let not_retired = FilingContext {
            retired: false,
            ..ctx(&choices)
        };
        // A resettled retiree: receiving a pension, hukou moved to the treatment place,
        // the hukou certificate (an undertaking is not enough).
        assert_eq!(
            errors(&long_term(), &not_retired),
            problems(&[("category", "retired_only")])
        );
        let elsewhere = FilingInput {
            treatment: "310100".into(),
            ..long_term()
        };
        assert_eq!(
            errors(&elsewhere, &ctx(&choices)),
            problems(&[("category", "hukou_not_there")])
        );
        let promised = FilingInput {
            evidence: "undertaking".into(),
            undertaking: true,
            ..long_term()
        };
        assert_eq!(
            errors(&promised, &ctx(&choices)),
            problems(&[("evidence", "undertaking_not_accepted")])
        );
        // Working there: employees posted by their employer, not residents.
        let working = |insured: &str| FilingInput {
            insured: insured.into(),
            category: "resident_work".into(),
            evidence: "undertaking".into(),
            undertaking: true,
            ..long_term()
        };
        assert_eq!(
            errors(&working("440300:resident"), &ctx(&choices)),
            problems(&[("category", "employees_only")])
        );
        assert!(working("110100:employee").parse(&not_retired).is_ok());
        // A referral needs the hospital's certificate.
        let referral = FilingInput {
            category: "referral".into(),
            ..temporary()
        };
        assert_eq!(
            errors(&referral, &ctx(&choices)),
            problems(&[("evidence", "undertaking_not_accepted")])
        );
        // An emergency needs no filing; admitted, it is completed for six months from the
        // admission day, without asking for a term.
        let emergency = |stay: &str| FilingInput {
            category: "emergency".into(),
            months: String::new(),
            stay: stay.into(),
            admitted_on: "2026-11-20".into(),
            ..temporary()
        };
        assert_eq!(
            errors(&emergency("not_admitted"), &ctx(&choices)),
            problems(&[("stay", "emergency_no_filing")])
        );
        let completed = emergency("in_hospital").parse(&ctx(&choices)).unwrap();
        assert_eq!(
            (completed.starts_on, completed.ends_on),
            (day("2026-11-20"), Some(day("2027-05-19")))
        );
        // Lower reimbursement: up to 10 points for a referral, 20 for other trips.
        let cuts: Vec<_> = Category::ALL.map(Category::reimbursement_cut).into();
        assert_eq!(cuts, [None, None, None, Some(10), None, Some(20)]);
    }

    /// How far back a filing reaches is the insured place's rule, not a national one.
    #[test]
    fn retroactive_limit_is_the_insured_places() {
        let choices = choices();
        let beijing_90 = |city: &str| if city == "110100" { 90 } else { 180 };
        let ctx = FilingContext {
            retroactive_days: &beijing_90,
            ..ctx(&choices)
        };
        let admitted = |insured: &str, on: &str| FilingInput {
            insured: insured.into(),
            stay: "in_hospital".into(),
            admitted_on: on.into(),
            ..temporary()
        };
        // 2026-08-28 is 91 days before 2026-11-27.
        assert_eq!(
            errors(&admitted("110100:employee", "2026-08-28"), &ctx),
            problems(&[("admitted_on", "date_too_old")])
        );
        assert!(
            admitted("110100:employee", "2026-08-29")
                .parse(&ctx)
                .is_ok()
        );
        assert!(
            admitted("440300:resident", "2026-08-28")
                .parse(&ctx)
                .is_ok()
        );
    }

    #[test]
    fn not_admitted_ignores_admission_day() {
        let choices = choices();
        let input = FilingInput {
            admitted_on: "garbage".into(),
            ..long_term()
        };
        let filing = input.parse(&ctx(&choices)).unwrap();
        assert_eq!(filing.admitted_on, None);
        assert_eq!(filing.starts_on, day(TODAY));
    }

    #[test]
    fn self_paid_discharge_is_reimbursed_by_hand() {
        let choices = choices();
        let input = FilingInput {
            stay: "discharged_self_paid".into(),
            admitted_on: "2026-10-01".into(),
            ..temporary()
        };
        let filing = input.parse(&ctx(&choices)).unwrap();
        assert!(filing.manual_reimbursement);
        assert_eq!(filing.starts_on, day("2026-10-01"));
        assert_eq!(filing.ends_on, Some(day("2027-03-31")));
    }

    #[test]
    fn documents_need_an_upload() {
        let choices = choices();
        let none = FilingInput {
            documents: 0,
            ..long_term()
        };
        assert_eq!(
            errors(&none, &ctx(&choices)),
            problems(&[("documents", "documents_missing")])
        );
        let five = FilingInput {
            documents: MAX_DOCUMENTS,
            ..long_term()
        };
        assert_eq!(
            five.parse(&ctx(&choices)).unwrap().evidence,
            Evidence::Documents
        );
    }

    #[test]
    fn undertaking_needs_the_box() {
        let choices = choices();
        let unticked = FilingInput {
            undertaking: false,
            ..temporary()
        };
        assert_eq!(
            errors(&unticked, &ctx(&choices)),
            problems(&[("undertaking", "undertaking_required")])
        );
        // Documents uploaded before switching to the undertaking do not stand in for it.
        let with_documents = FilingInput {
            documents: 2,
            undertaking: false,
            ..temporary()
        };
        assert_eq!(
            errors(&with_documents, &ctx(&choices)),
            problems(&[("undertaking", "undertaking_required")])
        );
    }

    #[test]
    fn days_left_counts_to_the_last_day() {
        let end = day("2027-05-26");
        assert_eq!(days_left(None, day(TODAY)), None);
        assert_eq!(days_left(Some(end), day("2027-05-20")), Some(6));
        assert_eq!(days_left(Some(end), end), Some(0));
        assert_eq!(days_left(Some(end), day("2027-05-27")), Some(-1));
    }

    #[test]
    fn in_effect_boundaries() {
        let (start, end) = (day(TODAY), day("2027-05-26"));
        assert!(!in_effect(start, Some(end), false, day("2026-11-26")));
        assert!(in_effect(start, Some(end), false, start));
        assert!(in_effect(start, Some(end), false, end));
        assert!(!in_effect(start, Some(end), false, day("2027-05-27")));
        assert!(!in_effect(start, Some(end), true, start));
        assert!(in_effect(start, None, false, day("2040-01-01")));
        assert!(!in_effect(start, None, false, day("2026-11-26")));
        assert!(!in_effect(start, None, true, day("2040-01-01")));
    }

    #[test]
    fn categories_by_term() {
        let long_term: Vec<_> = Category::ALL
            .into_iter()
            .filter(|c| c.term() == Term::LongTerm)
            .collect();
        assert_eq!(
            long_term,
            [
                Category::RetireeResettled,
                Category::LongTermResidence,
                Category::ResidentWork
            ]
        );
    }

    #[test]
    fn valid_filing_serializes() {
        let choices = choices();
        let filing = temporary().parse(&ctx(&choices)).unwrap();
        let json = serde_json::to_string(&filing).unwrap();
        assert_eq!(serde_json::from_str::<ValidFiling>(&json).unwrap(), filing);
    }

    #[test]
    fn each_step_reports_only_its_own_fields() {
        let choices = choices();
        let input = FilingInput {
            treatment: "110100".into(),
            category: "referral".into(),
            evidence: "documents".into(),
            ..long_term()
        };
        let codes = |step| -> Vec<(String, String)> {
            input
                .step_errors(&ctx(&choices), step)
                .into_iter()
                .map(|FieldError { field, code }| (field, code.code().to_string()))
                .collect()
        };
        assert_eq!(
            codes(FilingStep::Places),
            problems(&[("treatment", "same_place")])
        );
        assert_eq!(
            codes(FilingStep::Category),
            problems(&[("months", "required")])
        );
        assert!(codes(FilingStep::Evidence).is_empty());
        // Every field an empty form is asked for belongs to exactly one step.
        let empty = errors(&FilingInput::default(), &ctx(&choices));
        for (field, _) in empty {
            let steps = FilingStep::ALL
                .iter()
                .filter(|s| s.fields().contains(&field.as_str()))
                .count();
            assert_eq!(steps, 1, "{field}");
        }
    }

    #[test]
    fn documents_are_recognised_by_their_first_bytes() {
        assert_eq!(DocumentType::sniff(b"%PDF-1.4\n"), Some(DocumentType::Pdf));
        assert_eq!(
            DocumentType::sniff(&[0xFF, 0xD8, 0xFF, 0xE0]),
            Some(DocumentType::Jpeg)
        );
        assert_eq!(
            DocumentType::sniff(b"\x89PNG\r\n\x1a\n\0"),
            Some(DocumentType::Png)
        );
        for other in [&b""[..], b"%PDF", b"GIF89a", b"<html>", b"PK\x03\x04"] {
            assert_eq!(DocumentType::sniff(other), None);
        }
        for d in [DocumentType::Pdf, DocumentType::Jpeg, DocumentType::Png] {
            assert_eq!(DocumentType::from_content_type(d.content_type()), Some(d));
        }
    }
}
