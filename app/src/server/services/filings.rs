//! Out-of-area medical filings (异地就医备案): the form written step by step into a draft (places,
//! category, evidence with uploaded documents), filing it (at once in effect, once per form
//! however often it is posted), changing a filing, cancelling one, the person's list with each
//! filing's state and countdown, and a document's download for its owner.

use super::certificates::random_code;
use super::transfers::today;
use crate::error::{AppError, FieldCode, FieldErrors};
use crate::i18n::Locale;
use crate::models::assist::Helper;
use crate::models::assist::NotificationKind;
use crate::models::filing::{
    CityChoice, DocumentType, DocumentView, Evidence, FilingContext, FilingDraftView, FilingInput,
    FilingStep, FilingView, InsuredChoice, MAX_DOCUMENT_BYTES, ProvinceCities, Term, days_left,
    in_effect,
};
use crate::models::home::Named;
use crate::models::insurance::{EnrolmentStatus, Insurance};
use crate::models::time::local_minute;
use crate::server::auth::{Act, CitizenScope, Principal};
use crate::server::pdf::stamp;
use crate::server::services::local_rules::LocalRules;
use crate::server::state::AppState;
use crate::server::store::{
    CityRow, DocumentFile, DocumentRow, EnrolmentPeriod, EvidenceSaved, Filed, FilingRow,
    NewDocument, NewFiling, NewNotification,
};
use chrono::NaiveDate;
use sha2::{Digest, Sha256};

/// The person's active medical enrolments, as the form offers them.
fn insured_choices(periods: Vec<EnrolmentPeriod>) -> Vec<InsuredChoice> {
    let mut choices: Vec<InsuredChoice> = Vec::new();
    for p in periods {
        let active = matches!(
            p.status,
            EnrolmentStatus::Active | EnrolmentStatus::ReceivingBenefits
        );
        if p.insurance != Insurance::Medical || !active {
            continue;
        }
        let scheme = p.scheme;
        let value = format!("{}:{}", p.region_code, scheme.code());
        if !choices.iter().any(|c| c.value == value) {
            choices.push(InsuredChoice {
                value,
                region: Named {
                    zh: p.region_zh,
                    en: p.region_en,
                },
                scheme,
            });
        }
    }
    choices
}

fn document_view(d: &DocumentRow) -> Result<DocumentView, AppError> {
    Ok(DocumentView {
        id: d.id,
        file_name: d.file_name.clone(),
        kind: DocumentType::from_content_type(&d.content_type)
            .ok_or_else(|| AppError::internal("document type"))?,
        size_bytes: d.size_bytes,
    })
}

/// The documents uploaded with the form of `request_key`.
fn documents_of(all: &[DocumentRow], request_key: &str) -> Result<Vec<DocumentView>, AppError> {
    all.iter()
        .filter(|d| d.request_key == request_key)
        .map(document_view)
        .collect()
}

fn view(f: &FilingRow, documents: &[DocumentRow], day: NaiveDate) -> Result<FilingView, AppError> {
    Ok(FilingView {
        reference: f.reference_no.clone(),
        category: f.category,
        term: f.term,
        insured: Named {
            zh: f.insured_zh.clone(),
            en: f.insured_en.clone(),
        },
        scheme: f.scheme,
        treatment: Named {
            zh: f.treatment_zh.clone(),
            en: f.treatment_en.clone(),
        },
        treatment_code: f.treatment_region.clone(),
        evidence: f.evidence,
        documents: documents_of(documents, &f.request_key)?,
        stay: f.stay,
        admitted_on: f.admitted_on,
        starts_on: f.starts_on,
        ends_on: f.ends_on,
        days_left: days_left(f.ends_on, day),
        in_effect: in_effect(f.starts_on, f.ends_on, f.cancelled_at.is_some(), day),
        cancelled_at: f.cancelled_at.map(local_minute),
        replaced: f.replaced_by.is_some(),
        created_at: local_minute(f.created_at),
        helper: Helper::of(f.by_relative),
    })
}

pub async fn list(state: &AppState, scope: CitizenScope) -> Result<Vec<FilingView>, AppError> {
    let day = today(state.clock.now());
    let mine = state.store.citizen(&scope);
    let documents = mine.filing_documents().await?;
    mine.filings()
        .await?
        .iter()
        .map(|f| view(f, &documents, day))
        .collect()
}

/// The person's own filing; anyone else's is "not found".
async fn owned(
    state: &AppState,
    scope: CitizenScope,
    reference: &str,
) -> Result<FilingRow, AppError> {
    state
        .store
        .citizen(&scope)
        .filings()
        .await?
        .into_iter()
        .find(|f| f.reference_no == reference.trim())
        .ok_or(AppError::NotFound)
}

pub async fn detail(
    state: &AppState,
    scope: CitizenScope,
    reference: &str,
) -> Result<FilingView, AppError> {
    let documents = state.store.citizen(&scope).filing_documents().await?;
    view(
        &owned(state, scope, reference).await?,
        &documents,
        today(state.clock.now()),
    )
}

/// The draft of a new filing, or of the change of `replaces`: one of each per person.
fn draft_kind(replaces: Option<&str>) -> String {
    match replaces {
        Some(r) => format!("medical_filing:{r}"),
        None => "medical_filing".to_string(),
    }
}

/// What the rules need to know about the person today, for a new filing or a change.
struct Situation {
    day: NaiveDate,
    filings: Vec<FilingRow>,
    /// The filing a change replaces (an index into `filings`).
    replacing: Option<usize>,
    insured: Vec<InsuredChoice>,
    cities: Vec<CityRow>,
    retired: bool,
    /// The hukou's city code.
    hukou: String,
    rules: LocalRules,
}

impl Situation {
    /// `replaces` must be the person's own filing (else "not found") and still active (else
    /// "conflict": another tab or device changed or cancelled it meanwhile).
    async fn load(
        state: &AppState,
        scope: CitizenScope,
        replaces: Option<&str>,
    ) -> Result<Self, AppError> {
        let store = &state.store;
        let mine = store.citizen(&scope);
        let filings = mine.filings().await?;
        let replacing = match replaces {
            Some(r) => {
                let i = filings
                    .iter()
                    .position(|f| f.reference_no == r)
                    .ok_or(AppError::NotFound)?;
                if filings[i].cancelled_at.is_some() {
                    return Err(AppError::Conflict);
                }
                Some(i)
            }
            None => None,
        };
        let periods = mine.enrolment_periods().await?;
        let retired = periods.iter().any(|p| {
            p.insurance == Insurance::Pension && p.status == EnrolmentStatus::ReceivingBenefits
        });
        let hukou = mine
            .person_profile()
            .await?
            .ok_or(AppError::NotFound)?
            .hukou_region;
        Ok(Situation {
            day: today(state.clock.now()),
            filings,
            replacing,
            insured: insured_choices(periods),
            cities: store.cities().await?,
            retired,
            hukou,
            rules: LocalRules::load(store).await?,
        })
    }

    fn replacing(&self) -> Option<&FilingRow> {
        self.replacing.map(|i| &self.filings[i])
    }

    /// Runs `check` with the rules' context.
    fn check<T>(&self, check: impl FnOnce(&FilingContext<'_>) -> T) -> T {
        let insured: Vec<String> = self.insured.iter().map(|c| c.value.clone()).collect();
        let is_city = |code: &str| self.cities.iter().any(|c| c.code == code);
        let reach = |city: &str| self.rules.retroactive_days(city);
        // The filing being changed does not count against the one long-term filing allowed.
        let has_active_long_term = self.filings.iter().enumerate().any(|(i, f)| {
            f.term == Term::LongTerm && f.cancelled_at.is_none() && self.replacing != Some(i)
        });
        check(&FilingContext {
            today: self.day,
            insured_choices: &insured,
            is_city: &is_city,
            has_active_long_term,
            retired: self.retired,
            hukou: &self.hukou,
            retroactive_days: &reach,
        })
    }

    fn active_long_term(&self) -> Option<String> {
        self.filings
            .iter()
            .find(|f| f.term == Term::LongTerm && f.cancelled_at.is_none())
            .map(|f| f.reference_no.clone())
    }

    fn provinces(&self) -> Vec<ProvinceCities> {
        let mut provinces: Vec<ProvinceCities> = Vec::new();
        for c in &self.cities {
            let city = CityChoice {
                code: c.code.clone(),
                name: Named {
                    zh: c.name_zh.clone(),
                    en: c.name_en.clone(),
                },
            };
            match provinces.last_mut() {
                Some(p) if p.province.zh == c.province_zh => p.cities.push(city),
                _ => provinces.push(ProvinceCities {
                    province: Named {
                        zh: c.province_zh.clone(),
                        en: c.province_en.clone(),
                    },
                    cities: vec![city],
                }),
            }
        }
        provinces
    }
}

/// The saved form: its answers (a change starts from the filing it replaces: places and
/// category; the stay and the evidence are asked afresh), its request key and its documents.
struct Form {
    answers: FilingInput,
    request_key: String,
    documents: Vec<DocumentRow>,
}

async fn form(
    state: &AppState,
    scope: CitizenScope,
    situation: &Situation,
    kind: &str,
) -> Result<Form, AppError> {
    let mine = state.store.citizen(&scope);
    let saved = mine.draft(kind).await?;
    let mut answers = match &saved {
        Some(d) => serde_json::from_str(&d.data).unwrap_or_default(),
        None => situation
            .replacing()
            .map(|r| FilingInput {
                insured: format!("{}:{}", r.insured_region, r.scheme.code()),
                treatment: r.treatment_region.clone(),
                category: r.category.code().to_string(),
                ..FilingInput::default()
            })
            .unwrap_or_default(),
    };
    let request_key = saved.map_or_else(|| random_code(24), |d| d.request_key);
    let documents: Vec<DocumentRow> = mine
        .filing_documents()
        .await?
        .into_iter()
        .filter(|d| d.request_key == request_key)
        .collect();
    answers.documents = documents.len();
    Ok(Form {
        answers,
        request_key,
        documents,
    })
}

pub async fn draft(
    state: &AppState,
    scope: CitizenScope,
    replaces: Option<&str>,
) -> Result<FilingDraftView, AppError> {
    let situation = Situation::load(state, scope, replaces).await?;
    let form = form(state, scope, &situation, &draft_kind(replaces)).await?;
    let answers = &form.answers;
    let documents = state.store.citizen(&scope).filing_documents().await?;
    let replacing = match situation.replacing() {
        Some(f) => Some(view(f, &documents, situation.day)?),
        None => None,
    };
    let done = FilingStep::ALL
        .into_iter()
        .filter(|s| {
            situation
                .check(|ctx| answers.step_errors(ctx, *s))
                .is_empty()
        })
        .collect();
    let insured_name = situation
        .insured
        .iter()
        .find(|c| c.value == answers.insured)
        .map(|c| c.region.clone());
    let treatment_name = situation
        .cities
        .iter()
        .find(|c| c.code == answers.treatment)
        .map(|c| Named {
            zh: c.name_zh.clone(),
            en: c.name_en.clone(),
        });
    Ok(FilingDraftView {
        insured: situation.insured.clone(),
        provinces: situation.provinces(),
        active_long_term: situation.active_long_term(),
        preview: situation.check(|ctx| answers.parse(ctx)).ok(),
        documents: form
            .documents
            .iter()
            .map(document_view)
            .collect::<Result<_, _>>()?,
        answers: form.answers.clone(),
        done,
        request_key: form.request_key,
        reach_days: situation
            .rules
            .retroactive_days(answers.insured.split(':').next().unwrap_or_default()),
        insured_name,
        treatment_name,
        replacing,
    })
}

/// Saves one step's answers when that step has no problem; nothing is saved otherwise.
async fn save_step(
    state: &AppState,
    principal: &Principal,
    replaces: Option<&str>,
    step: FilingStep,
    change: impl FnOnce(&mut FilingInput),
) -> Result<(), AppError> {
    let scope = principal.citizen()?;
    principal.may(Act::SubmitRequest)?;
    let situation = Situation::load(state, scope, replaces).await?;
    let kind = draft_kind(replaces);
    let mut form = form(state, scope, &situation, &kind).await?;
    change(&mut form.answers);
    let errors = situation.check(|ctx| form.answers.step_errors(ctx, step));
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let data = serde_json::to_string(&form.answers).map_err(AppError::internal)?;
    state
        .store
        .citizen(&scope)
        .save_draft(
            &kind,
            &data,
            // Used only if the draft is new: one filed meanwhile must not come back with the
            // key its filing took.
            &random_code(24),
            state.clock.now(),
        )
        .await?;
    Ok(())
}

/// Step 1: the insured place and scheme, and the treatment city.
pub async fn save_places(
    state: &AppState,
    principal: &Principal,
    replaces: Option<&str>,
    insured: &str,
    treatment: &str,
) -> Result<(), AppError> {
    save_step(state, principal, replaces, FilingStep::Places, |a| {
        a.insured = insured.trim().to_string();
        a.treatment = treatment.trim().to_string();
    })
    .await
}

/// Step 2: the category, the validity of a temporary filing, the hospital stay.
pub async fn save_category(
    state: &AppState,
    principal: &Principal,
    replaces: Option<&str>,
    category: &str,
    months: &str,
    stay: &str,
    admitted_on: &str,
) -> Result<(), AppError> {
    save_step(state, principal, replaces, FilingStep::Category, |a| {
        a.category = category.trim().to_string();
        a.months = months.trim().to_string();
        a.stay = stay.trim().to_string();
        a.admitted_on = admitted_on.trim().to_string();
    })
    .await
}

/// A file as the browser sent it; its declared type is ignored (the bytes say what it is).
pub struct Upload {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// What the person called the file, without a path some browsers send, control characters or
/// excess length.
fn clean_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = base.chars().filter(|c| !c.is_control()).take(100).collect();
    match clean.trim() {
        "" => "document".to_string(),
        name => name.to_string(),
    }
}

/// Each upload checked: not empty, at most `MAX_DOCUMENT_BYTES`, a PDF, JPEG or PNG.
fn checked_uploads(uploads: Vec<Upload>) -> Result<Vec<NewDocument>, AppError> {
    let mut problems: Vec<FieldCode> = Vec::new();
    let mut documents = Vec::new();
    for u in uploads {
        let problem = match (u.bytes.len(), DocumentType::sniff(&u.bytes)) {
            (0, _) => FieldCode::FileEmpty,
            (n, _) if n > MAX_DOCUMENT_BYTES => FieldCode::FileTooLarge,
            (_, None) => FieldCode::FileType,
            (_, Some(kind)) => {
                documents.push(NewDocument {
                    file_name: clean_file_name(&u.file_name),
                    content_type: kind.content_type(),
                    sha256: format!("{:x}", Sha256::digest(&u.bytes)),
                    content: u.bytes,
                });
                continue;
            }
        };
        // Each kind of problem once, however many files have it.
        if !problems.contains(&problem) {
            problems.push(problem);
        }
    }
    let mut errors = FieldErrors::default();
    for p in problems {
        errors.add("documents", p);
    }
    errors.finish()?;
    Ok(documents)
}

/// Whether the principal may add documents to their own filing form: checked before an upload's
/// body is read, and again by [`save_evidence`].
pub fn may_upload(principal: &Principal) -> Result<(), AppError> {
    principal.citizen()?;
    principal.may(Act::SubmitRequest)
}

/// Step 3: documents or the personal undertaking, with any files uploaded in the same post.
/// `finishing` (save and continue) needs the step complete; uploading alone only needs the
/// files to be acceptable. Any problem saves nothing, files included.
#[allow(clippy::too_many_arguments)]
pub async fn save_evidence(
    state: &AppState,
    principal: &Principal,
    replaces: Option<&str>,
    evidence: &str,
    undertaking: bool,
    uploads: Vec<Upload>,
    finishing: bool,
) -> Result<(), AppError> {
    may_upload(principal)?;
    let scope = principal.citizen()?;
    // Signing the personal undertaking is the person's own act, never a helpdesk agent's; a
    // relative the person allowed to act may sign for them, and the filing says so.
    if undertaking || evidence.trim() == Evidence::Undertaking.code() {
        principal.may(Act::SignUndertaking)?;
    }
    let documents = checked_uploads(uploads)?;
    if !finishing && documents.is_empty() {
        // "Upload" pressed with no file chosen.
        return Err(AppError::field("documents", FieldCode::Required));
    }
    let situation = Situation::load(state, scope, replaces).await?;
    let kind = draft_kind(replaces);
    let mut form = form(state, scope, &situation, &kind).await?;
    form.answers.evidence = match evidence.trim() {
        // Uploading without choosing says which evidence it is.
        "" if !documents.is_empty() => Evidence::Documents.code().to_string(),
        chosen => chosen.to_string(),
    };
    form.answers.undertaking = undertaking;
    // The store counts exactly (a file posted twice is kept once) and refuses a sixth.
    form.answers.documents += documents.len();
    if finishing {
        let errors = situation.check(|ctx| form.answers.step_errors(ctx, FilingStep::Evidence));
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
    }
    let data = serde_json::to_string(&form.answers).map_err(AppError::internal)?;
    let saved = state
        .store
        .citizen(&scope)
        .save_filing_evidence(
            &kind,
            &data,
            &random_code(24),
            &documents,
            state.clock.now(),
        )
        .await?;
    match saved {
        EvidenceSaved::Saved => Ok(()),
        // Another upload to the same form got in first.
        EvidenceSaved::TooMany => Err(AppError::field("documents", FieldCode::TooManyFiles)),
    }
}

/// Takes a document off a form not yet filed.
pub async fn remove_document(
    state: &AppState,
    principal: &Principal,
    replaces: Option<&str>,
    id: i64,
) -> Result<(), AppError> {
    let scope = principal.citizen()?;
    principal.may(Act::SubmitRequest)?;
    if state
        .store
        .citizen(&scope)
        .remove_draft_document(&draft_kind(replaces), id)
        .await?
    {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// A document of the person's own (a form's or a filing's); anyone else's is "not found". In an
/// assisted session it is a PDF with the session's watermark on every page, in `locale`, like
/// every other file taken out of one.
pub async fn document(
    state: &AppState,
    principal: &Principal,
    id: i64,
    locale: Locale,
) -> Result<DocumentFile, AppError> {
    let scope = principal.citizen()?;
    let file = state
        .store
        .citizen(&scope)
        .filing_document(id)
        .await?
        .ok_or(AppError::NotFound)?;
    match principal.watermark(locale) {
        None => Ok(file),
        Some(text) => watermarked(file, text).await,
    }
}

async fn watermarked(file: DocumentFile, text: String) -> Result<DocumentFile, AppError> {
    let kind = DocumentType::from_content_type(&file.content_type)
        .ok_or_else(|| AppError::internal(format!("stored type {}", file.content_type)))?;
    let stamped =
        tokio::task::spawn_blocking(move || stamp::watermarked(kind, &file.content, &text))
            .await
            .map_err(AppError::internal)?;
    match stamped {
        Ok(content) => Ok(DocumentFile {
            file_name: as_pdf_name(&file.file_name),
            content_type: DocumentType::Pdf.content_type().to_owned(),
            content,
        }),
        // Never handed out unmarked: the agent asks the person to open it themselves.
        Err(e) => {
            tracing::warn!(error = %e, "a document cannot be watermarked");
            Err(AppError::Unwatermarkable)
        }
    }
}

/// `scan.jpg` → `scan.pdf`; a name without an extension gains one.
fn as_pdf_name(name: &str) -> String {
    let stem = match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => name,
    };
    format!("{stem}.pdf")
}

/// Files the draft (a new filing, or the change of `replaces`); in effect at once. The same
/// form posted again (double click, retry, back button) made its filing already, and the
/// rules may now refuse a second one: the first answers.
pub async fn submit(
    state: &AppState,
    principal: &Principal,
    replaces: Option<&str>,
    request_key: &str,
) -> Result<String, AppError> {
    let scope = principal.citizen()?;
    principal.may(Act::SubmitRequest)?;
    match submit_once(state, principal, scope, replaces, request_key).await {
        Err(e) => match state
            .store
            .citizen(&scope)
            .filing_by_key(request_key)
            .await?
        {
            Some(reference) => Ok(reference),
            None => Err(e),
        },
        filed => filed,
    }
}

async fn submit_once(
    state: &AppState,
    principal: &Principal,
    scope: CitizenScope,
    replaces: Option<&str>,
    request_key: &str,
) -> Result<String, AppError> {
    let store = &state.store;
    let now = state.clock.now();
    let situation = Situation::load(state, scope, replaces).await?;
    let kind = draft_kind(replaces);
    let form = form(state, scope, &situation, &kind).await?;
    if form.request_key != request_key {
        // A key this draft never gave out (a stale or forged form).
        return Err(AppError::Conflict);
    }
    let Ok(valid) = situation.check(|ctx| form.answers.parse(ctx)) else {
        return Err(AppError::field("submit", FieldCode::FilingNotReady));
    };
    if valid.evidence == Evidence::Undertaking {
        principal.may(Act::SignUndertaking)?;
    }
    let user_id = store
        .citizen(&scope)
        .user_id()
        .await?
        .ok_or(AppError::NotFound)?;
    let day = situation.day;
    for _ in 0..3 {
        let reference = format!("YD{}{}", day.format("%Y%m%d"), random_code(4));
        let link = format!("/me/filings/{reference}");
        let filed = store
            .citizen(&scope)
            .insert_filing(
                &NewFiling {
                    reference_no: &reference,
                    term: valid.category.term().code(),
                    category: valid.category.code(),
                    insured_region: &valid.insured_region,
                    scheme: &valid.scheme,
                    treatment_region: &valid.treatment_region,
                    evidence: valid.evidence.code(),
                    stay: valid.stay.code(),
                    admitted_on: valid.admitted_on,
                    starts_on: valid.starts_on,
                    ends_on: valid.ends_on,
                    request_key,
                    created_at: now,
                },
                situation.replacing().map(|r| r.id),
                &kind,
                &NewNotification {
                    user_id,
                    at: now,
                    kind: NotificationKind::FilingMade,
                    params: serde_json::json!({ "reference": reference }).to_string(),
                    link: &link,
                },
            )
            .await?;
        match filed {
            Filed::New(r) | Filed::Existing(r) => return Ok(r),
            Filed::LongTermExists => {
                return Err(AppError::field("category", FieldCode::LongTermExists));
            }
            Filed::ReplacedGone => return Err(AppError::Conflict),
            // Removed in another tab after this form was read.
            Filed::NoDocuments => {
                return Err(AppError::field("documents", FieldCode::DocumentsMissing));
            }
            Filed::ReferenceTaken => continue,
        }
    }
    Err(AppError::internal("no free reference after three tries"))
}

pub async fn cancel(
    state: &AppState,
    principal: &Principal,
    reference: &str,
) -> Result<(), AppError> {
    let scope = principal.citizen()?;
    principal.may(Act::WithdrawRequest)?;
    owned(state, scope, reference).await?;
    if state
        .store
        .citizen(&scope)
        .cancel_filing(reference.trim(), state.clock.now())
        .await?
    {
        Ok(())
    } else {
        Err(AppError::Conflict)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upload(name: &str, bytes: &[u8]) -> Upload {
        Upload {
            file_name: name.into(),
            bytes: bytes.to_vec(),
        }
    }

    #[test]
    fn file_names_lose_paths_and_control_characters() {
        assert_eq!(clean_file_name("C:\\扫描\\居住证.pdf"), "居住证.pdf");
        assert_eq!(clean_file_name("/tmp/a\u{0}b.png"), "ab.png");
        assert_eq!(clean_file_name("  "), "document");
        assert_eq!(clean_file_name(&"证".repeat(150)).chars().count(), 100);
    }

    #[test]
    fn uploads_are_checked_by_their_bytes_each_problem_once() {
        let pdf = b"%PDF-1.7 ...";
        let ok = checked_uploads(vec![upload("a.txt", pdf)]).unwrap();
        assert_eq!(ok[0].content_type, "application/pdf");
        assert_eq!(ok[0].sha256.len(), 64);
        let mut big = pdf.to_vec();
        big.resize(MAX_DOCUMENT_BYTES + 1, 0);
        let at_limit = big[..MAX_DOCUMENT_BYTES].to_vec();
        assert!(checked_uploads(vec![upload("max.pdf", &at_limit)]).is_ok());
        let err = checked_uploads(vec![
            upload("x.pdf", b"<html>"),
            upload("y.pdf", b"MZ"),
            upload("e.pdf", b""),
            upload("big.pdf", &big),
            upload("fine.pdf", pdf),
        ])
        .unwrap_err();
        let AppError::Validation(list) = err else {
            panic!("{err:?}")
        };
        let codes: Vec<&str> = list.iter().map(|e| e.code.code()).collect();
        assert_eq!(codes, ["file_type", "file_empty", "file_too_large"]);
    }
}
