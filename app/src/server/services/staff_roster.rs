//! The employer workspace: the staff roster (rebuilt from the record by the staff checks), the
//! list and person pages an employer user reads, and the export's chunks. Every read takes an
//! `EmployerScope`, reaches only that employer's staff and their periods with it, and is
//! written to each person's access log (DESIGN §1, accountable access).

use super::local_rules::LocalRules;
use super::roster_id_search::IdSearch;
use super::staff_checks::{self, EnrolmentFact, MonthCounts, MonthFact, StaffFacts};
use super::wages::WageTable;
use crate::error::{AppError, FieldCode};
use crate::models::assist::AccessKind;
use crate::models::ids::ResidentId;
use crate::models::insurance::{Insurance, Month};
use crate::models::retirement::{RetirementCategory, statutory_retirement};
use crate::models::staff::{
    FlagSummary, STAFF_PAGE_SIZE, StaffFlag, StaffInsurance, StaffList, StaffMember, StaffMonth,
    StaffPeriod, StaffQuery, StaffQueryInput, StaffRow,
};
use crate::server::auth::EmployerScope;
use crate::server::state::AppState;
use crate::server::store::{
    AccessEntry, ContributionFactRow, EmployerStore, EnrolmentFactRow, PersonAgeRow, RosterCursor,
    RosterEntry, RosterInsurance, RosterInsuranceRow, RosterRow, RosterSearch, Store, StoreError,
};
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, HashMap};

/// Access-log codes (stable: the citizen's access-log page, issue 7, will translate them).
pub const ACTION_LIST: &str = "staff_list";
pub const ACTION_DETAIL: &str = "staff_detail";
pub const ACTION_EXPORT: &str = "staff_export";
pub const PURPOSE_ENROLMENT_CHECK: &str = "enrolment_check";

/// The month a date falls in.
pub fn month_of(at: DateTime<Utc>) -> Month {
    crate::models::insurance::month_of(&at)
}

// ---- Rebuilding the roster -------------------------------------------------------------------

/// The fact rows of persons with employers, and what their statutory age follows.
pub struct StaffFactRows {
    pub enrolments: Vec<EnrolmentFactRow>,
    pub contributions: Vec<ContributionFactRow>,
    pub ages: Vec<PersonAgeRow>,
}

/// The month each person reaches the statutory retirement age.
pub(super) fn retirement_months(ages: &[PersonAgeRow]) -> HashMap<i64, Month> {
    ages.iter()
        .map(|a| {
            let category = RetirementCategory::of(&a.sex, a.female_category.as_deref());
            (a.person_id, statutory_retirement(a.birth_date, category).0)
        })
        .collect()
}

pub(super) fn enrolment_fact(e: &EnrolmentFactRow) -> EnrolmentFact {
    EnrolmentFact {
        insurance: e.insurance,
        start: e.start_month,
        end: e.end_month,
        status: e.status,
    }
}

pub(super) fn month_fact(c: ContributionFactRow) -> MonthFact {
    MonthFact {
        insurance: c.insurance,
        month: c.month,
        region: c.region_code,
        base: c.base,
        paid: c.paid,
    }
}

/// Groups fact rows by (employer, person) into the checks' input.
fn group_facts(rows: StaffFactRows) -> BTreeMap<(i64, i64), StaffFacts> {
    let StaffFactRows {
        enrolments,
        contributions,
        ages,
    } = rows;
    let retires = retirement_months(&ages);
    let mut by_key: BTreeMap<(i64, i64), StaffFacts> = BTreeMap::new();
    for e in &enrolments {
        by_key
            .entry((e.employer_id, e.person_id))
            .or_default()
            .enrolments
            .push(enrolment_fact(e));
    }
    for c in contributions {
        by_key
            .entry((c.employer_id, c.person_id))
            .or_default()
            .contributions
            .push(month_fact(c));
    }
    for ((_, person_id), facts) in by_key.iter_mut() {
        facts.retires = retires.get(person_id).copied();
    }
    by_key
}

fn roster_entry(
    (employer_id, person_id): (i64, i64),
    facts: &StaffFacts,
    wages: &WageTable,
    rules: &LocalRules,
    now: Month,
) -> Option<RosterEntry> {
    let s = staff_checks::summarize(facts, wages, rules, now)?;
    let counts = MonthCounts::of(&s.findings);
    Some(RosterEntry {
        employer_id,
        person_id,
        current: s.current,
        first_month: s.first_month,
        last_month: s.last_month,
        flags: StaffFlag::bits(&s.findings.flags()),
        arrears_months: counts.in_arrears,
        last_declared: facts.last_declared(),
        months_below_floor: counts.below_floor,
        months_above_cap: counts.above_cap,
        months_mismatched: counts.mismatched,
        insurances: s
            .insurances
            .iter()
            .map(|i| RosterInsurance {
                insurance: i.insurance,
                status: i.status,
                base: i.base,
                last_month: facts.latest(i.insurance).map(|c| c.month),
                last_paid_month: i.last_paid_month,
                arrears_months: i.arrears_months as i32,
            })
            .collect(),
    })
}

/// Recomputes the roster rows of persons `from..=to` from their record. Call it after anything
/// changes a person's enrolments or contributions, in batches for bulk loads.
pub async fn rebuild(
    store: &Store,
    wages: &WageTable,
    from: i64,
    to: i64,
    now: Month,
) -> Result<usize, StoreError> {
    let (enrolments, contributions) = store.staff_facts(from, to).await?;
    let rows = StaffFactRows {
        enrolments,
        contributions,
        ages: store.person_ages(from, to).await?,
    };
    replace(store, wages, (from, to), rows, now).await
}

/// Writes the roster rows of persons `from..=to` from their rows with employers: for a loader
/// that already holds them (the seed), so it need not read them back.
pub async fn replace(
    store: &Store,
    wages: &WageTable,
    (from, to): (i64, i64),
    rows: StaffFactRows,
    now: Month,
) -> Result<usize, StoreError> {
    let rules = LocalRules::load(store).await?;
    let entries: Vec<RosterEntry> = group_facts(rows)
        .iter()
        .filter_map(|(key, facts)| roster_entry(*key, facts, wages, &rules, now))
        .collect();
    store.replace_roster(from, to, &entries).await?;
    Ok(entries.len())
}

// ---- Reading it as an employer ---------------------------------------------------------------

/// A validated query and its search, ready for the store.
pub struct RosterRequest {
    pub query: StaffQuery,
    pub search: Option<RosterSearch>,
}

/// Validates the raw query values: unknown codes and a too-short ID fragment are field errors.
pub fn parse_query(input: &StaffQueryInput) -> Result<RosterRequest, AppError> {
    let query = input.parse().map_err(|fields| {
        AppError::Validation(
            fields
                .into_iter()
                .map(|f| crate::error::FieldError {
                    field: f.0.into(),
                    code: FieldCode::Invalid,
                })
                .collect(),
        )
    })?;
    let search = match &query.search {
        None => None,
        // Digits (and a final X) search the ID number, anything else the name. Only the whole
        // number or its last four characters (shown in the mask) match: matching any fragment
        // would let a caller recover the hidden birth date digit by digit.
        Some(s)
            if s.chars()
                .all(|c| c.is_ascii_digit() || c == 'x' || c == 'X') =>
        {
            let id = s.to_ascii_uppercase();
            match id.len() {
                18 => Some(RosterSearch::ResidentId(id)),
                4 => Some(RosterSearch::ResidentIdEnd(id)),
                _ => return Err(AppError::field("q", FieldCode::IdSearch)),
            }
        }
        Some(s) => Some(RosterSearch::Name(s.clone())),
    };
    Ok(RosterRequest { query, search })
}

pub(super) fn masked(resident_id: &str) -> String {
    ResidentId::parse(resident_id)
        .map(|id| id.masked())
        .unwrap_or_else(|_| "******".into())
}

fn insurance_views(rows: Vec<RosterInsuranceRow>) -> HashMap<i64, Vec<StaffInsurance>> {
    let mut by_person: HashMap<i64, Vec<StaffInsurance>> = HashMap::new();
    for r in rows {
        by_person
            .entry(r.person_id)
            .or_default()
            .push(StaffInsurance {
                insurance: r.insurance,
                status: r.status,
                base: r.base,
                last_paid_month: r.last_paid_month,
                arrears_months: i64::from(r.arrears_months),
            });
    }
    for list in by_person.values_mut() {
        list.sort_by_key(|i| i.insurance);
    }
    by_person
}

/// The roster rows in full (insurances and arrears months), in the order given.
async fn staff_rows(
    staff: &EmployerStore<'_>,
    rows: Vec<RosterRow>,
) -> Result<Vec<StaffRow>, StoreError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.person_id).collect();
    let mut insurances = insurance_views(staff.roster_insurances(&ids).await?);
    let in_arrears: Vec<i64> = rows
        .iter()
        .filter(|r| r.arrears_months > 0)
        .map(|r| r.person_id)
        .collect();
    let mut arrears: HashMap<i64, Vec<Month>> = HashMap::new();
    for (person, month) in staff.roster_arrears(&in_arrears).await? {
        arrears.entry(person).or_default().push(month);
    }
    Ok(rows
        .into_iter()
        .map(|r| StaffRow {
            person_id: r.person_id,
            masked_id: masked(&r.resident_id),
            name: r.name,
            current: r.current,
            first_month: r.first_month,
            last_month: r.last_month,
            insurances: insurances.remove(&r.person_id).unwrap_or_default(),
            flags: StaffFlag::from_bits(r.flags),
            arrears: arrears.remove(&r.person_id).unwrap_or_default(),
        })
        .collect())
}

fn log_entries<'a>(
    scope: &EmployerScope,
    employer: &'a str,
    persons: impl IntoIterator<Item = i64>,
    action: &'static str,
    at: DateTime<Utc>,
) -> Vec<AccessEntry<'a>> {
    persons
        .into_iter()
        .map(|person_id| AccessEntry {
            person_id,
            at,
            actor_user_id: Some(scope.user_id()),
            actor_role: AccessKind::Employer,
            actor_label: employer,
            action,
            purpose: PURPOSE_ENROLMENT_CHECK,
            assisted_session: scope.assisted_session(),
        })
        .collect()
}

async fn employer_name(store: &Store, scope: &EmployerScope) -> Result<String, AppError> {
    store
        .employer_name(scope.employer_id())
        .await
        .map_err(AppError::internal)?
        .ok_or(AppError::NotFound)
}

/// One page of the employer's roster with the flag summary; logs a view for each person shown.
/// A search by whole ID number is throttled and audited ([`IdSearch`]).
pub async fn staff_list(
    state: &AppState,
    scope: EmployerScope,
    input: &StaffQueryInput,
) -> Result<StaffList, AppError> {
    let (store, now) = (&state.store, state.clock.now());
    let RosterRequest { query, search } = parse_query(input)?;
    let employer = employer_name(store, &scope).await?;
    let id_search = IdSearch::start(state, &scope, search.as_ref()).await?;
    let counts = store
        .employer(&scope)
        .roster_counts(query.scope)
        .await
        .map_err(AppError::internal)?;
    let total = store
        .employer(&scope)
        .roster_total(&query, search.as_ref())
        .await
        .map_err(AppError::internal)?;
    if let Some(id_search) = id_search {
        id_search.answered(state, &scope, total > 0).await?;
    }
    let page = store
        .employer(&scope)
        .roster_page(&query, search.as_ref(), STAFF_PAGE_SIZE)
        .await
        .map_err(AppError::internal)?;
    let rows = staff_rows(&store.employer(&scope), page)
        .await
        .map_err(AppError::internal)?;
    store
        .log_access(&log_entries(
            &scope,
            &employer,
            rows.iter().map(|r| r.person_id),
            ACTION_LIST,
            now,
        ))
        .await
        .map_err(AppError::internal)?;
    let by_flag = [
        counts.bit0,
        counts.bit1,
        counts.bit2,
        counts.bit3,
        counts.bit4,
    ];
    Ok(StaffList {
        employer,
        summary: FlagSummary {
            staff: counts.staff,
            flagged: counts.flagged,
            by_flag: StaffFlag::ALL.into_iter().zip(by_flag).collect(),
        },
        total,
        pages: (total + STAFF_PAGE_SIZE - 1) / STAFF_PAGE_SIZE,
        query,
        rows,
    })
}

/// How many recent months the person page lists.
const RECENT_MONTHS: usize = 24;

/// One staff member as their employer may see them: periods and months with this employer
/// only, checked afresh. NotFound for anyone who never was this employer's staff, so the
/// answer does not reveal whether the person exists.
pub async fn staff_member(
    store: &Store,
    scope: EmployerScope,
    person_id: i64,
    now: DateTime<Utc>,
) -> Result<StaffMember, AppError> {
    let row = store
        .employer(&scope)
        .roster_member(person_id)
        .await
        .map_err(AppError::internal)?
        .ok_or(AppError::NotFound)?;
    let employer = employer_name(store, &scope).await?;
    let (enrolments, contributions) = store
        .employer(&scope)
        .staff_member_facts(person_id)
        .await
        .map_err(AppError::internal)?;
    let wages = WageTable::new(store.region_wages().await.map_err(AppError::internal)?);
    let rules = LocalRules::load(store).await.map_err(AppError::internal)?;
    let ages = store
        .person_ages(person_id, person_id)
        .await
        .map_err(AppError::internal)?;
    let rows = StaffFactRows {
        enrolments,
        contributions,
        ages,
    };
    let facts = group_facts(rows)
        .remove(&(scope.employer_id(), person_id))
        .unwrap_or_default();
    let summary =
        staff_checks::summarize(&facts, &wages, &rules, month_of(now)).ok_or(AppError::NotFound)?;

    let mut months: BTreeMap<Month, Vec<(Insurance, i64, bool)>> = BTreeMap::new();
    for c in &facts.contributions {
        months
            .entry(c.month)
            .or_default()
            .push((c.insurance, c.base, c.paid));
    }
    let months_with_employer = months.len() as i64;
    let recent_months = months
        .into_iter()
        .rev()
        .take(RECENT_MONTHS)
        .map(|(month, mut bases)| {
            bases.sort_by_key(|(i, _, _)| *i);
            StaffMonth { month, bases }
        })
        .collect();
    let mut periods: Vec<StaffPeriod> = facts
        .enrolments
        .iter()
        .map(|e| StaffPeriod {
            insurance: e.insurance,
            start_month: e.start,
            end_month: e.end,
            status: e.status,
        })
        .collect();
    periods.sort_by_key(|p| (std::cmp::Reverse(p.start_month), p.insurance));

    store
        .log_access(&log_entries(
            &scope,
            &employer,
            [person_id],
            ACTION_DETAIL,
            now,
        ))
        .await
        .map_err(AppError::internal)?;
    Ok(StaffMember {
        employer,
        name: row.name,
        masked_id: masked(&row.resident_id),
        current: summary.current,
        insurances: summary.insurances,
        periods,
        findings: summary.findings,
        recent_months,
        months_with_employer,
    })
}

// ---- Export ------------------------------------------------------------------------------

/// Rows per chunk of the export: one store round trip and one access-log insert each.
pub const EXPORT_CHUNK: i64 = 1000;

/// Walks the whole roster matching a query, a chunk at a time, logging each person exported.
/// Holds only the cursor between chunks, so memory stays flat however large the roster.
pub struct RosterExport {
    store: Store,
    scope: EmployerScope,
    employer: String,
    request: RosterRequest,
    cursor: Option<RosterCursor>,
    done: bool,
}

impl RosterExport {
    /// A search by whole ID number is throttled and audited as in the list ([`IdSearch`]).
    pub async fn start(
        state: &AppState,
        scope: EmployerScope,
        input: &StaffQueryInput,
    ) -> Result<Self, AppError> {
        let request = parse_query(input)?;
        let employer = employer_name(&state.store, &scope).await?;
        if let Some(id_search) = IdSearch::start(state, &scope, request.search.as_ref()).await? {
            let found = state
                .store
                .employer(&scope)
                .roster_total(&request.query, request.search.as_ref())
                .await?;
            id_search.answered(state, &scope, found > 0).await?;
        }
        Ok(Self {
            store: state.store.clone(),
            scope,
            employer,
            request,
            cursor: None,
            done: false,
        })
    }

    /// The next rows, or None at the end.
    pub async fn next_chunk(
        &mut self,
        now: DateTime<Utc>,
    ) -> Result<Option<Vec<StaffRow>>, StoreError> {
        if self.done {
            return Ok(None);
        }
        let rows = self
            .store
            .employer(&self.scope)
            .roster_chunk(
                &self.request.query,
                self.request.search.as_ref(),
                self.cursor.as_ref(),
                EXPORT_CHUNK,
            )
            .await?;
        self.done = (rows.len() as i64) < EXPORT_CHUNK;
        let Some(last) = rows.last() else {
            return Ok(None);
        };
        self.cursor = Some(Store::roster_cursor(self.request.query.sort, last));
        let rows = staff_rows(&self.store.employer(&self.scope), rows).await?;
        self.store
            .log_access(&log_entries(
                &self.scope,
                &self.employer,
                rows.iter().map(|r| r.person_id),
                ACTION_EXPORT,
                now,
            ))
            .await?;
        Ok(Some(rows))
    }
}
