//! Out-of-area medical filings (异地就医备案): the form's choices, filing (at once in effect,
//! once per form however often it is posted), changing a filing, cancelling one, and the
//! person's list with each filing's state and countdown.

use super::certificates::random_code;
use super::transfers::today;
use crate::error::AppError;
use crate::models::filing::{
    Category, CityChoice, Evidence, FilingContext, FilingInput, FilingOptions, FilingView,
    InsuredChoice, ProvinceCities, Stay, Term, days_left, in_effect,
};
use crate::models::home::Named;
use crate::models::insurance::{EnrolmentStatus, Insurance, Scheme};
use crate::models::time::local_minute;
use crate::server::auth::{Act, CitizenScope, Principal};
use crate::server::state::AppState;
use crate::server::store::{Filed, FilingRow, NewFiling, NewNotification, Store};
use chrono::NaiveDate;

/// The person's active medical enrolments, as the form offers them.
async fn insured_choices(store: &Store, person_id: i64) -> Result<Vec<InsuredChoice>, AppError> {
    let mut choices: Vec<InsuredChoice> = Vec::new();
    for p in store.enrolment_periods(person_id).await? {
        let active = matches!(
            EnrolmentStatus::from_code(&p.status),
            Some(EnrolmentStatus::Active | EnrolmentStatus::ReceivingBenefits)
        );
        if p.insurance != Insurance::Medical.code() || !active {
            continue;
        }
        let scheme = Scheme::from_code(&p.scheme).ok_or_else(|| AppError::internal("scheme"))?;
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
    Ok(choices)
}

fn view(f: &FilingRow, day: NaiveDate) -> Result<FilingView, AppError> {
    let bad = || AppError::internal("filing codes");
    Ok(FilingView {
        reference: f.reference_no.clone(),
        category: Category::from_code(&f.category).ok_or_else(bad)?,
        term: Term::from_code(&f.term).ok_or_else(bad)?,
        insured: Named {
            zh: f.insured_zh.clone(),
            en: f.insured_en.clone(),
        },
        scheme: Scheme::from_code(&f.scheme).ok_or_else(bad)?,
        treatment: Named {
            zh: f.treatment_zh.clone(),
            en: f.treatment_en.clone(),
        },
        treatment_code: f.treatment_region.clone(),
        evidence: Evidence::from_code(&f.evidence).ok_or_else(bad)?,
        documents: f.documents.clone(),
        stay: Stay::from_code(&f.stay).ok_or_else(bad)?,
        admitted_on: f.admitted_on,
        starts_on: f.starts_on,
        ends_on: f.ends_on,
        days_left: days_left(f.ends_on, day),
        in_effect: in_effect(f.starts_on, f.ends_on, f.cancelled_at.is_some(), day),
        cancelled_at: f.cancelled_at.map(local_minute),
        replaced: f.replaced_by.is_some(),
        created_at: local_minute(f.created_at),
        assisted: f.assisted_session_id.is_some(),
    })
}

pub async fn list(state: &AppState, scope: CitizenScope) -> Result<Vec<FilingView>, AppError> {
    let day = today(state.clock.now());
    state
        .store
        .filings_of(scope.person_id)
        .await?
        .iter()
        .map(|f| view(f, day))
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
        .filings_of(scope.person_id)
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
    view(
        &owned(state, scope, reference).await?,
        today(state.clock.now()),
    )
}

/// The form's choices; with `replaces`, the filing being changed (which must be active).
pub async fn options(
    state: &AppState,
    scope: CitizenScope,
    replaces: Option<&str>,
) -> Result<FilingOptions, AppError> {
    let store = &state.store;
    let day = today(state.clock.now());
    let filings = store.filings_of(scope.person_id).await?;
    let replacing = match replaces.filter(|r| !r.is_empty()) {
        Some(r) => {
            let f = filings
                .iter()
                .find(|f| f.reference_no == r && f.cancelled_at.is_none())
                .ok_or(AppError::NotFound)?;
            Some(view(f, day)?)
        }
        None => None,
    };
    let mut provinces: Vec<ProvinceCities> = Vec::new();
    for c in store.cities().await? {
        let city = CityChoice {
            code: c.code,
            name: Named {
                zh: c.name_zh,
                en: c.name_en,
            },
        };
        match provinces.last_mut() {
            Some(p) if p.province.zh == c.province_zh => p.cities.push(city),
            _ => provinces.push(ProvinceCities {
                province: Named {
                    zh: c.province_zh,
                    en: c.province_en,
                },
                cities: vec![city],
            }),
        }
    }
    Ok(FilingOptions {
        insured: insured_choices(store, scope.person_id).await?,
        provinces,
        request_key: random_code(24),
        active_long_term: filings
            .iter()
            .find(|f| f.term == Term::LongTerm.code() && f.cancelled_at.is_none())
            .map(|f| f.reference_no.clone()),
        replacing,
    })
}

/// Files (or, with `replaces`, changes) a filing; in effect at once. Signing the personal
/// undertaking is the person's own act, never a helpdesk agent's (DESIGN §4).
pub async fn file(
    state: &AppState,
    principal: &Principal,
    input: &FilingInput,
    request_key: &str,
    replaces: Option<&str>,
) -> Result<String, AppError> {
    let scope = principal.citizen()?;
    principal.may(Act::SubmitRequest)?;
    if input.evidence == Evidence::Undertaking.code() {
        principal.may(Act::SignUndertaking)?;
    }
    match file_once(state, principal, scope, input, request_key, replaces).await {
        // The same form posted again (double click, retry, back button) made its filing
        // already, and the rules now refuse a second one: the first answers.
        Err(e) => match state
            .store
            .filing_by_key(scope.person_id, request_key)
            .await?
        {
            Some(reference) => Ok(reference),
            None => Err(e),
        },
        filed => filed,
    }
}

async fn file_once(
    state: &AppState,
    principal: &Principal,
    scope: CitizenScope,
    input: &FilingInput,
    request_key: &str,
    replaces: Option<&str>,
) -> Result<String, AppError> {
    let store = &state.store;
    let now = state.clock.now();
    let day = today(now);
    let filings = store.filings_of(scope.person_id).await?;
    let replaced = match replaces.filter(|r| !r.is_empty()) {
        Some(r) => {
            let f = filings
                .iter()
                .find(|f| f.reference_no == r)
                .ok_or(AppError::NotFound)?;
            // Changed or cancelled meanwhile (another tab, another device): nothing to change.
            if f.cancelled_at.is_some() {
                return Err(AppError::Conflict);
            }
            Some(f)
        }
        None => None,
    };
    let insured = insured_choices(store, scope.person_id).await?;
    let insured: Vec<String> = insured.into_iter().map(|c| c.value).collect();
    let cities: Vec<String> = store.cities().await?.into_iter().map(|c| c.code).collect();
    let is_city = |code: &str| cities.iter().any(|c| c == code);
    // The filing being changed does not count against the one long-term filing allowed.
    let has_active_long_term = filings.iter().any(|f| {
        f.term == Term::LongTerm.code()
            && f.cancelled_at.is_none()
            && replaced.is_none_or(|r| r.id != f.id)
    });
    let valid = input.parse(&FilingContext {
        today: day,
        insured_choices: &insured,
        is_city: &is_city,
        has_active_long_term,
    })?;
    let user_id = store
        .user_of_person(scope.person_id)
        .await?
        .ok_or(AppError::NotFound)?;
    for _ in 0..3 {
        let reference = format!("YD{}{}", day.format("%Y%m%d"), random_code(4));
        let link = format!("/me/filings/{reference}");
        let filed = store
            .insert_filing(
                &NewFiling {
                    reference_no: &reference,
                    person_id: scope.person_id,
                    term: valid.category.term().code(),
                    category: valid.category.code(),
                    insured_region: &valid.insured_region,
                    scheme: &valid.scheme,
                    treatment_region: &valid.treatment_region,
                    evidence: valid.evidence.code(),
                    documents: valid.documents.as_deref(),
                    stay: valid.stay.code(),
                    admitted_on: valid.admitted_on,
                    starts_on: valid.starts_on,
                    ends_on: valid.ends_on,
                    request_key,
                    created_at: now,
                    created_by_user_id: principal.user_id,
                    assisted_session_id: principal.assist.as_ref().map(|a| a.id),
                },
                replaced.map(|r| r.id),
                &NewNotification {
                    user_id,
                    at: now,
                    kind: "filing_made",
                    params: serde_json::json!({ "reference": reference }).to_string(),
                    link: &link,
                },
            )
            .await?;
        match filed {
            Filed::New(r) | Filed::Existing(r) => return Ok(r),
            Filed::LongTermExists => return Err(AppError::field("category", "long_term_exists")),
            Filed::ReplacedGone => return Err(AppError::Conflict),
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
        .cancel_filing(scope.person_id, reference.trim(), state.clock.now())
        .await?
    {
        Ok(())
    } else {
        Err(AppError::Conflict)
    }
}
