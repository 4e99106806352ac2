//! `jinbao seed`: deterministic, realistic demo data (same `--seed`, same data), generated in
//! batches with a progress bar. Always creates the demo accounts listed in the README.

mod career;
mod demo;
mod names;

use crate::progress::Progress;
use app::models::ids::{CreditCode, ResidentId};
use app::models::insurance::Agency;
use app::models::insurance::{month_from_index, month_index};
use app::models::pension::RESIDENT_PENSION_AGE_MONTHS;
use app::models::retirement::{RetirementCategory, statutory_retirement};
use app::server::auth::sealed::SecretBox;
use app::server::services::{staff_roster, wages::WageTable};
use app::server::store::{
    Backend, NewEmployer, NewPension, NewPerson, PersonAgeRow, SeededCheck, Store, StoreError,
};
use career::{Anomaly, FIRST_RECORDED_MONTH, Job, Plan};
use chrono::{Datelike, NaiveDate};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use tokio::sync::mpsc;

pub use demo::{DEMO_PASSWORD, DEMO_TOTP_SECRETS};

/// Records are as of the end of October 2026; the offices' data is dated the day of the seed
/// release so that the same seed always gives the same database.
pub const REFERENCE_MONTH: i32 = 202610;
pub fn data_as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).expect("valid date")
}

/// Cities where people from elsewhere go to work.
const HUBS: &[&str] = &[
    "110100", "310100", "440100", "440300", "330100", "510100", "320100", "420100", "500100",
    "610100",
];

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the database has no regions; run the migrations first")]
    NoRegions,
    #[error("--persons must be at least 2 (the two demo citizens)")]
    TooFew,
    #[error(transparent)]
    Password(#[from] app::server::auth::password::PasswordError),
}

pub struct SeedOptions {
    /// Insured persons, including the two demo citizens.
    pub persons: usize,
    /// The same seed gives the same data.
    pub seed: u64,
    /// Current staff of the demo employer besides demo citizen 1; None picks a default that
    /// grows with `persons` (at least 8, so every staff check has a case).
    pub employer_staff: Option<usize>,
    /// Show a progress bar (or a line per tenth when not on a terminal).
    pub progress: bool,
}

impl SeedOptions {
    pub fn new(persons: usize, seed: u64) -> Self {
        Self {
            persons,
            seed,
            employer_staff: None,
            progress: false,
        }
    }

    fn employer_staff(&self) -> usize {
        self.employer_staff
            .unwrap_or((self.persons / 20).max(8))
            .min(self.persons.saturating_sub(2))
    }
}

pub struct SeedReport {
    pub persons: usize,
    pub employers: usize,
    pub contributions: usize,
}

/// Fills an empty database. Returns None when it already holds persons (nothing is changed).
/// The demo staff's two-factor secrets are stored sealed by `sealer` (the server's).
pub async fn run(
    store: &Store,
    options: &SeedOptions,
    sealer: &SecretBox,
) -> Result<Option<SeedReport>, SeedError> {
    let persons = options.persons;
    let demo_staff = options.employer_staff();
    if persons < 2 {
        return Err(SeedError::TooFew);
    }
    if store.count_persons().await? > 0 {
        return Ok(None);
    }
    let cities = store.city_regions().await?;
    if cities.is_empty() {
        return Err(SeedError::NoRegions);
    }
    let wages = Arc::new(WageTable::new(store.region_wages().await?));
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let (employers, random_end) = employers(&mut rng, persons, &cities);
    store.insert_employers(&employers).await?;
    let employer_count = employers.len();

    // Drawing careers is this process's work and writing them waits on the database: a thread
    // of its own draws the next batch while this task writes the last, one batch ahead at most
    // (memory stays flat).
    let generator = Generator {
        rng,
        cities,
        employers,
        random_end,
        persons,
        demo_staff,
        wages: Arc::clone(&wages),
    };
    let (sender, mut batches) = mpsc::channel(1);
    let generating = tokio::task::spawn_blocking(move || generator.run(&sender));

    let mut bar = options
        .progress
        .then(|| Progress::new("seeding", persons, "persons"));
    // Every citizen's account shares one hash of the demo password, so that seeding a million
    // persons does not spend days in argon2; demo data only.
    let citizen_hash = app::server::auth::password::hash_now(DEMO_PASSWORD)?;
    // Qualification checks are dated back from the day of seeding, so the demo is always in
    // the same place against them (the rest of the record ends at REFERENCE_MONTH).
    let seeded_on = chrono::Utc::now();
    let mut contributions = 0usize;
    while let Some(batch) = batches.recv().await {
        contributions += batch.records.contributions.len();
        write(store, &wages, &batch, &citizen_hash, seeded_on).await?;
        if let Some(b) = &mut bar {
            b.advance(batch.people.len());
        }
    }
    generating
        .await
        .expect("the generator thread does not panic");
    if let Some(b) = bar {
        b.finish();
    }
    demo::insert_staff(store, sealer).await?;
    store.set_offices_data_as_of(data_as_of()).await?;
    store.reset_id_sequences().await?;
    store.analyze().await?;
    Ok(Some(SeedReport {
        persons,
        employers: employer_count,
        contributions,
    }))
}

/// The demo employer first, then one per 25 persons, half of them in the hubs, then the movers'
/// employers. Returns them with the end of the random ones (the pool careers draw from).
fn employers(
    rng: &mut impl Rng,
    persons: usize,
    cities: &[(String, String)],
) -> (Vec<NewEmployer>, usize) {
    let city_names: HashMap<&str, &str> = cities
        .iter()
        .map(|(code, name)| (code.as_str(), name.as_str()))
        .collect();
    let mut employers = vec![demo::employer()];
    employers.extend(demo::career_employers());
    for i in 0..(persons / 25).max(40) {
        let region = if rng.gen_bool(0.5) {
            HUBS.choose(rng).expect("non-empty").to_string()
        } else {
            cities.choose(rng).expect("non-empty").0.clone()
        };
        let (name, risk_class) = names::company(rng, city_names[region.as_str()]);
        employers.push(NewEmployer {
            id: employers.len() as i64 + 1,
            credit_code: credit_code(&region, i as u64),
            name,
            region_code: region,
            risk_class,
        });
    }
    let random_end = employers.len();
    employers.extend(movers(random_end).employers());
    (employers, random_end)
}

fn movers(random_end: usize) -> demo::Movers {
    demo::Movers {
        first_employer_id: random_end as i64 + 1,
    }
}

/// Persons `first_id..=last_id` with their records.
struct Batch {
    first_id: i64,
    last_id: i64,
    people: Vec<NewPerson>,
    records: career::Records,
}

/// Draws persons and careers in id order from one random stream, so the same seed gives the
/// same data however the batches are written.
struct Generator {
    rng: ChaCha8Rng,
    cities: Vec<(String, String)>,
    employers: Vec<NewEmployer>,
    random_end: usize,
    persons: usize,
    demo_staff: usize,
    wages: Arc<WageTable>,
}

impl Generator {
    const BATCH: usize = 1000;

    /// Sends batches until every person is drawn or the writer has stopped.
    fn run(self, batches: &mpsc::Sender<Batch>) {
        let Generator {
            mut rng,
            cities,
            employers,
            random_end,
            persons,
            demo_staff,
            wages,
        } = self;
        let movers = movers(random_end);
        let mut by_region: HashMap<&str, Vec<&NewEmployer>> = HashMap::new();
        for e in &employers[..random_end] {
            by_region.entry(e.region_code.as_str()).or_default().push(e);
        }
        let mut used_ids: HashSet<u64> = HashSet::new();
        let mut next_id = 1i64;
        while (next_id as usize) <= persons {
            let first_id = next_id;
            let mut people = Vec::with_capacity(Self::BATCH);
            let mut records = career::Records::default();
            while people.len() < Self::BATCH && (next_id as usize) <= persons {
                let (person, plan, retire_age) = if next_id <= 2 {
                    demo::citizen(next_id)
                } else if next_id as usize == demo_staff + 3 {
                    demo::resident(next_id)
                } else if next_id as usize == demo_staff + 4 {
                    movers.same_province(next_id)
                } else if next_id as usize == demo_staff + 5 {
                    movers.temporary_account(next_id)
                } else {
                    // Persons 3, 4, ... are the demo employer's staff.
                    let staff_index =
                        (next_id as usize - 3 < demo_staff).then(|| next_id as usize - 3);
                    random_person(
                        next_id,
                        &mut rng,
                        &cities,
                        &by_region,
                        &mut used_ids,
                        staff_index,
                    )
                };
                used_ids.insert(id_digits(&person.resident_id));
                let r = career::build(
                    person.id,
                    &plan,
                    &wages,
                    REFERENCE_MONTH,
                    retire_age,
                    &mut rng,
                );
                records.enrolments.extend(r.enrolments);
                records.contributions.extend(r.contributions);
                records.account_years.extend(r.account_years);
                records.pensions.extend(r.pensions);
                records.medical_credits.extend(r.medical_credits);
                people.push(person);
                next_id += 1;
            }
            let batch = Batch {
                first_id,
                last_id: next_id - 1,
                people,
                records,
            };
            if batches.blocking_send(batch).is_err() {
                return;
            }
        }
    }
}

/// Writes one batch: its records, then the read models built from them.
async fn write(
    store: &Store,
    wages: &WageTable,
    batch: &Batch,
    citizen_hash: &str,
    seeded_on: chrono::DateTime<chrono::Utc>,
) -> Result<(), SeedError> {
    let (people, records) = (&batch.people, &batch.records);
    let ids = (batch.first_id, batch.last_id);
    let tables: Vec<Write<'_>> = vec![
        Box::pin(async { Ok(store.insert_persons(people).await?) }),
        Box::pin(async { Ok(store.insert_enrolments(&records.enrolments).await?) }),
        Box::pin(async { Ok(store.insert_contributions(&records.contributions).await?) }),
        Box::pin(async { Ok(store.insert_account_years(&records.account_years).await?) }),
        Box::pin(async {
            store.insert_pensions(&records.pensions).await?;
            qualification_checks(store, &records.pensions, seeded_on).await
        }),
        Box::pin(async {
            Ok(store
                .insert_medical_credits(&records.medical_credits)
                .await?)
        }),
        Box::pin(async { Ok(store.insert_citizen_accounts(people, citizen_hash).await?) }),
    ];
    all(store, tables).await?;
    // The read models read what the tables above hold.
    let read_models: Vec<Write<'_>> = vec![
        Box::pin(async { Ok(store.rebuild_record_totals(ids.0, ids.1).await.map(drop)?) }),
        Box::pin(async {
            let (enrolments, contributions) = records.with_employers();
            let ages = people
                .iter()
                .map(|p| PersonAgeRow {
                    person_id: p.id,
                    birth_date: p.birth_date,
                    sex: p.sex.to_string(),
                    female_category: p.female_category.map(str::to_string),
                })
                .collect();
            let rows = staff_roster::StaffFactRows {
                enrolments,
                contributions,
                ages,
            };
            staff_roster::replace(store, wages, ids, rows, REFERENCE_MONTH).await?;
            Ok(())
        }),
    ];
    all(store, read_models).await
}

type Write<'a> = Pin<Box<dyn Future<Output = Result<(), SeedError>> + Send + 'a>>;

/// Runs independent writes: at once on PostgreSQL, where each has its own connection and
/// server process (the seed's time is the database's, so two cores write twice as fast); one
/// after the other on SQLite, which has one writer.
async fn all(store: &Store, writes: Vec<Write<'_>>) -> Result<(), SeedError> {
    match store.backend() {
        Backend::Postgres => futures::future::try_join_all(writes).await.map(drop),
        Backend::Sqlite => {
            for write in writes {
                write.await?;
            }
            Ok(())
        }
    }
}

/// Each pensioner's last qualification check, recorded by the paying office: the demo retiree
/// confirmed 350 days before seeding (due in about two weeks, so warned), the others up to 400
/// days before (about one in eight overdue).
async fn qualification_checks(
    store: &Store,
    pensions: &[NewPension],
    seeded_on: chrono::DateTime<chrono::Utc>,
) -> Result<(), SeedError> {
    let mut rows = Vec::with_capacity(pensions.len());
    for p in pensions {
        let Some(office) = store
            .office_for(&p.region_code, Agency::HumanResources)
            .await?
        else {
            continue;
        };
        let days_ago = if p.person_id == 2 {
            350
        } else {
            p.person_id * 37 % 400
        };
        rows.push(SeededCheck {
            person_id: p.person_id,
            office_id: office.id,
            at: seeded_on - chrono::Duration::days(days_ago),
        });
    }
    store.insert_seeded_checks(&rows).await?;
    Ok(())
}

/// Declaration problems at roughly the rates labour inspections report them.
fn random_anomaly(rng: &mut impl Rng) -> Option<Anomaly> {
    match rng.gen_range(0..1000) {
        0..20 => Some(Anomaly::BaseBelowFloor),
        20..25 => Some(Anomaly::BaseAboveCap),
        25..45 => Some(Anomaly::SplitBase),
        45..75 => Some(Anomaly::PartialEnrolment),
        _ => None,
    }
}

/// "91" (enterprise) + region + an organisation code from the index ("MA" and six characters,
/// then its GB 11714 check) + the code's check.
fn credit_code(region: &str, index: u64) -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
    let mut org = String::from("MA");
    let mut n = index;
    for _ in 0..6 {
        org.push(ALPHABET[(n % 31) as usize] as char);
        n /= 31;
    }
    CreditCode::complete(&format!("91{region}{org}"))
        .expect("valid code characters")
        .as_str()
        .to_string()
}

/// An ID number's first 17 digits, which determine its check character: a million of them
/// take 16 MB where the strings took about 70.
fn id_digits(resident_id: &str) -> u64 {
    resident_id[..17]
        .parse()
        .expect("seeded ID numbers start with 17 digits")
}

fn random_person(
    id: i64,
    rng: &mut impl Rng,
    cities: &[(String, String)],
    employers: &HashMap<&str, Vec<&NewEmployer>>,
    used: &mut HashSet<u64>,
    demo_staff: Option<usize>,
) -> (NewPerson, Plan, i32) {
    let male = rng.gen_bool(0.5);
    // The demo employer's staff are of working age and started work by 2024.
    let years = if demo_staff.is_some() {
        1980..=2000
    } else {
        1958..=2005
    };
    let birth = NaiveDate::from_ymd_opt(
        rng.gen_range(years),
        rng.gen_range(1..=12),
        rng.gen_range(1..=28),
    )
    .expect("valid date");
    let hukou = if rng.gen_bool(0.3) {
        HUBS.choose(rng).expect("non-empty").to_string()
    } else {
        cities.choose(rng).expect("non-empty").0.clone()
    };
    let category = match (male, rng.gen_bool(0.4)) {
        (true, _) => RetirementCategory::Man,
        (false, true) => RetirementCategory::WomanCadre,
        (false, false) => RetirementCategory::WomanWorker,
    };
    let resident_id = loop {
        let region = format!("{}{:02}", &hukou[..4], rng.gen_range(1..=9));
        let seq = rng.gen_range(0..500u16) * 2 + u16::from(male);
        let candidate = ResidentId::from_parts(&region, birth, seq)
            .expect("digits")
            .as_str()
            .to_string();
        if !used.contains(&id_digits(&candidate)) {
            break candidate;
        }
    };
    let (retire_month, retire_age_months) = statutory_retirement(birth, category);
    let retired_at = (retire_month <= REFERENCE_MONTH).then_some(retire_month);
    let adult = |years: i32| {
        month_from_index(month_index(birth.year() * 100 + birth.month() as i32) + years * 12)
    };
    // Residents draw their pension at 60, men and women alike (国发〔2014〕8号).
    let resident_retired_at = Some(adult(60)).filter(|m| *m <= REFERENCE_MONTH);

    let plan = if demo_staff.is_some() || rng.gen_bool(0.65) {
        let index = (0.5f64 + rng.gen_range(0.0..1.3) + if rng.gen_bool(0.1) { 1.0 } else { 0.0 })
            .clamp(0.6, 3.0);
        let career_start = adult(rng.gen_range(20..=24));
        let start = career_start.max(FIRST_RECORDED_MONTH);
        let deemed_months =
            i64::from((month_index(FIRST_RECORDED_MONTH) - month_index(career_start)).max(0));
        let career_end = retired_at.unwrap_or(REFERENCE_MONTH);
        let mut jobs = Vec::new();
        let mut m = start;
        while m <= career_end {
            let region: &str = if rng.gen_bool(0.55) {
                &hukou
            } else {
                HUBS.choose(rng).expect("non-empty")
            };
            let pool = employers
                .get(region)
                .or_else(|| employers.get("110100"))
                .expect("demo employer region");
            let employer = pool.choose(rng).expect("non-empty");
            let length = rng.gen_range(12..=96);
            let end = month_from_index(month_index(m) + length - 1);
            let current = end >= career_end;
            let (end, unpaid_tail) = match (current, retired_at) {
                (true, Some(r)) => (Some(r), 0),
                (true, None) if rng.gen_bool(0.9) => (
                    None,
                    if rng.gen_bool(0.05) {
                        rng.gen_range(1..=3)
                    } else {
                        0
                    },
                ),
                (true, None) => (
                    Some(month_from_index(
                        month_index(career_end) - rng.gen_range(1..=6),
                    )),
                    0,
                ),
                (false, _) => (
                    Some(end),
                    if rng.gen_bool(0.02) {
                        rng.gen_range(1..=2)
                    } else {
                        0
                    },
                ),
            };
            let Some(last) = end.or(Some(REFERENCE_MONTH)).filter(|l| *l >= m) else {
                break;
            };
            jobs.push(Job {
                employer_id: employer.id,
                region: employer.region_code.clone(),
                risk_class: employer.risk_class,
                start: m,
                end,
                unpaid_tail,
                anomaly: random_anomaly(rng),
            });
            let gap = match rng.gen_range(0..10) {
                0..=6 => 0,
                7..=8 => rng.gen_range(1..=6),
                _ => rng.gen_range(7..=24),
            };
            m = month_from_index(month_index(last) + 1 + gap);
            if current {
                break;
            }
        }
        if let (Some(index), Some(last)) = (demo_staff, jobs.last_mut()) {
            *last = demo::staff_job(index, last);
        }
        if jobs.is_empty() {
            Plan::Resident {
                region: hukou.clone(),
                pension_from: 201401,
                medical_from: 201401,
                retired_at: resident_retired_at,
                grade_fen: 50_000,
            }
        } else {
            Plan::Employee {
                jobs,
                base_index: index,
                retired_at,
                deemed_months,
            }
        }
    } else {
        Plan::Resident {
            region: hukou.clone(),
            pension_from: adult(18).max(201101),
            medical_from: adult(18).max(200801),
            retired_at: resident_retired_at,
            grade_fen: [20_000, 50_000, 100_000, 200_000][rng.gen_range(0..4)],
        }
    };
    let person = NewPerson {
        id,
        resident_id,
        name: names::person_name(rng, male),
        sex: if male { 'M' } else { 'F' },
        birth_date: birth,
        hukou_region: hukou,
        phone: rng
            .gen_bool(0.8)
            .then(|| format!("13{:09}", 100_000_000 + id)),
        female_category: match category {
            RetirementCategory::Man => None,
            RetirementCategory::WomanCadre => Some("cadre"),
            RetirementCategory::WomanWorker => Some("worker"),
        },
    };
    let retire_age_months = match plan {
        Plan::Employee { .. } => retire_age_months,
        Plan::Resident { .. } => RESIDENT_PENSION_AGE_MONTHS,
    };
    (person, plan, retire_age_months)
}
