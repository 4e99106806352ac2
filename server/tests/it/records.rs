//! The record pages' data on both backends: one insurance in depth, the career chart and the
//! pension estimate for the demo citizens, worked by hand from the seed's fixed careers.

use crate::common;
use app::models::gaps::{Gap, GapKind};
use app::models::insurance::Insurance;
use app::models::pension::PayingPlaceRule;
use app::models::record::RecordQuery;
use app::server::auth::{CitizenScope, test_support};
use app::server::services::{estimate, record};
use app::server::store::{Store, TimelineRow};
use common::{
    CITIZEN, Kind, LATE_MOVER, MOVER, RESIDENT, RETIREE, fresh_database, seeded_store, settings,
};

async fn scope(store: &app::server::store::Store, id: &str) -> CitizenScope {
    test_support::citizen(store.person_id_by_resident_id(id).await.unwrap().unwrap())
}

on_both_backends!(medical_continuity_per_break);
/// DESIGN §3 (国办发〔2024〕38号): the demo citizen's three months without contributions keep
/// his medical continuity; the late mover's two unpaid months in Chengdu are arrears (no break)
/// and her two months before Shanghai (2021-01 to 2021-02) keep it too. A pension record has no
/// continuity to show.
async fn medical_continuity_per_break(kind: Kind) {
    use app::models::medical_continuity::BreakEffect;
    let (store, _dir) = seeded_store(kind).await;
    let me = scope(&store, CITIZEN).await;
    let r = record::insurance_record(&store, me, Insurance::Medical, RecordQuery::default())
        .await
        .unwrap();
    let c = r.continuity.expect("medical continuity");
    assert_eq!(c.effects, vec![Some(BreakEffect::KeepsYears)], "{kind:?}");
    assert_eq!(c.months, r.months_paid_all);
    let pension = record::insurance_record(&store, me, Insurance::Pension, RecordQuery::default())
        .await
        .unwrap();
    assert!(pension.continuity.is_none());
    let late = scope(&store, LATE_MOVER).await;
    let r = record::insurance_record(&store, late, Insurance::Medical, RecordQuery::default())
        .await
        .unwrap();
    let c = r.continuity.unwrap();
    assert_eq!(c.effects, vec![None, Some(BreakEffect::KeepsYears)]);
    assert_eq!(c.months, r.months_paid_all);
}

on_both_backends!(the_timeline_unfolds_the_stored_runs_into_the_months_of_the_record);
/// The record page's chart reads an insurance's runs and unfolds them; every month must be the
/// one the contributions view lists, for careers with gaps, yearly rows, arrears and moves.
async fn the_timeline_unfolds_the_stored_runs_into_the_months_of_the_record(kind: Kind) {
    let (store, _dir) = seeded_store(kind).await;
    for account in [CITIZEN, RETIREE, RESIDENT, MOVER, LATE_MOVER] {
        let me = scope(&store, account).await;
        let mine = store.citizen(&me);
        let history = mine.contribution_history().await.unwrap();
        for insurance in Insurance::ALL {
            let months: Vec<TimelineRow> = history
                .iter()
                .filter(|h| h.insurance == insurance)
                .map(|h| TimelineRow {
                    month: h.month,
                    months_covered: h.months_covered,
                    base: h.base,
                    total: h.employer_part + h.personal_part,
                    paid: i64::from(h.paid_on.is_some()),
                })
                .collect();
            assert_eq!(
                mine.contribution_timeline(Some(insurance.code()))
                    .await
                    .unwrap(),
                months,
                "{account} {insurance:?} {kind:?}"
            );
        }
    }
}

on_both_backends!(pension_record_of_the_demo_citizen);
async fn pension_record_of_the_demo_citizen(kind: Kind) {
    let (store, _dir) = seeded_store(kind).await;
    let me = scope(&store, CITIZEN).await;
    let r = record::insurance_record(&store, me, Insurance::Pension, RecordQuery::default())
        .await
        .unwrap();
    assert_eq!(r.periods.len(), 2, "{kind:?}");
    assert_eq!(r.months_paid_all, 169);
    // Born 1990, he retires in 2053: employees then need 20 years.
    assert_eq!(r.minimum_months, Some(240));
    assert_eq!(
        r.gaps,
        vec![Gap {
            kind: GapKind::NoContribution,
            from: 201907,
            to: 201909,
            months: 3
        }]
    );
    assert_eq!(r.chart.len(), 169);
    assert_eq!(r.pages, 15, "169 months, 12 a page");
    assert_eq!(r.rows.len(), 12);
    assert_eq!(r.rows[0].month, 202610, "newest first");
    assert_eq!(r.years.len(), 15, "2012..=2026");
    assert_eq!(r.employers.len(), 2);
    assert_eq!(r.totals.months_paid, 169);
    // Personal part is 8% of the base, employer part 16%, month by month.
    for c in &r.rows {
        assert_eq!(c.personal_part, c.base * 800 / 10_000);
        assert_eq!(c.employer_part, c.base * 1600 / 10_000);
    }
    let sum: i64 = r.accounts.iter().map(|a| a.credited).sum();
    assert_eq!(
        sum, r.totals.personal_sum,
        "the account holds exactly the personal contributions"
    );
    assert!(r.accounts.windows(2).all(|w| w[0].closing == w[1].opening));

    // 2019: January–June in Shenzhen and October–December in Beijing.
    let y2019 = record::insurance_record(
        &store,
        me,
        Insurance::Pension,
        RecordQuery {
            year: Some(2019),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(y2019.totals.months_paid, 9);
    assert_eq!(y2019.rows.len(), 9);
    let shenzhen = y2019
        .employers
        .iter()
        .find(|(_, n)| n.contains("深圳"))
        .unwrap()
        .0;
    let only = record::insurance_record(
        &store,
        me,
        Insurance::Pension,
        RecordQuery {
            year: Some(2019),
            employer_id: Some(shenzhen),
            page: 0,
        },
    )
    .await
    .unwrap();
    assert_eq!(only.rows.len(), 6);
    assert!(only.rows.iter().all(|c| c.region.zh == "深圳市"));
}

/// One insurance's figures: rows, months paid and in arrears, employer and personal sums, last
/// paid month, latest base, latest account year and its closing balance.
type Figures = (
    Insurance,
    i32,
    i32,
    i32,
    i64,
    i64,
    Option<i32>,
    Option<i64>,
    Option<i32>,
    Option<i64>,
);

async fn read_model(store: &Store, person_id: i64) -> Vec<Figures> {
    let mut rows: Vec<Figures> = store
        .citizen(&test_support::citizen(person_id))
        .record_totals()
        .await
        .unwrap()
        .into_iter()
        .map(|t| {
            (
                t.insurance,
                t.contribution_rows,
                t.months_paid,
                t.months_in_arrears,
                t.employer_sum,
                t.personal_sum,
                t.last_paid_month,
                t.latest_base,
                t.account_year,
                t.account_closing,
            )
        })
        .collect();
    rows.sort();
    rows
}

/// The same figures summed month by month from the record itself.
async fn summed_from_the_record(store: &Store, person_id: i64) -> Vec<Figures> {
    let months = store
        .citizen(&test_support::citizen(person_id))
        .contribution_history()
        .await
        .unwrap();
    let mut rows = Vec::new();
    for insurance in Insurance::ALL {
        let own: Vec<_> = months.iter().filter(|m| m.insurance == insurance).collect();
        let Some(latest) = own.iter().max_by_key(|m| m.month) else {
            continue;
        };
        let paid = |want: bool| {
            own.iter()
                .filter(|m| m.paid_on.is_some() == want)
                .map(|m| m.months_covered)
                .sum::<i32>()
        };
        let account = store
            .citizen(&test_support::citizen(person_id))
            .account_history(insurance.code())
            .await
            .unwrap();
        rows.push((
            insurance,
            own.len() as i32,
            paid(true),
            paid(false),
            own.iter().map(|m| m.employer_part).sum(),
            own.iter().map(|m| m.personal_part).sum(),
            own.iter()
                .filter(|m| m.paid_on.is_some())
                .map(|m| m.month)
                .max(),
            Some(latest.base),
            account.last().map(|a| a.year),
            account.last().map(|a| a.closing),
        ));
    }
    rows.sort();
    rows
}

on_both_backends!(record_totals_hold_what_the_months_sum_to);
async fn record_totals_hold_what_the_months_sum_to(kind: Kind) {
    let (store, _dir) = seeded_store(kind).await;
    for person_id in 1..=30 {
        let expected = summed_from_the_record(&store, person_id).await;
        assert!(!expected.is_empty(), "person {person_id} has a record");
        assert_eq!(
            read_model(&store, person_id).await,
            expected,
            "{kind:?} person {person_id}"
        );
    }
}

on_both_backends!(the_migration_fills_record_totals_from_an_existing_record);
/// A database seeded before the read model existed gets it from the migration that adds it.
async fn the_migration_fills_record_totals_from_an_existing_record(kind: Kind) {
    let (url, dir) = fresh_database(kind).await;
    let store = server::startup::open_store(&settings(&url, dir.path()))
        .await
        .unwrap();
    server::seed::run(
        &store,
        &server::seed::SeedOptions::new(30, 7),
        &common::test_sealer(),
    )
    .await
    .unwrap();
    let mut seeded = Vec::new();
    for person_id in 1..=30 {
        seeded.push(read_model(&store, person_id).await);
    }
    store.close().await;
    // Back to the layout before migration 9: no table, and migration 9 not yet applied.
    let undo = [
        "DROP TABLE record_totals",
        "DELETE FROM _sqlx_migrations WHERE version = 9",
    ];
    if kind == Kind::Sqlite {
        use sqlx::Connection;
        let mut conn = sqlx::SqliteConnection::connect(&url).await.unwrap();
        // The seed's ANALYZE keeps no index samples (Store::analyze says why).
        let samples: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_stat4")
            .fetch_one(&mut conn)
            .await
            .unwrap();
        assert_eq!(samples, 0);
    }
    common::execute_sql(kind, &url, &undo).await;
    let store = server::startup::open_store(&settings(&url, dir.path()))
        .await
        .unwrap();
    for (person_id, expected) in (1..=30).zip(seeded) {
        assert_eq!(
            read_model(&store, person_id).await,
            expected,
            "{kind:?} person {person_id}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_record_on_both_backends() {
    let (a, _x) = seeded_store(Kind::Sqlite).await;
    let (b, _y) = seeded_store(Kind::Postgres).await;
    for person_id in [1, 2, 5, 9, 17] {
        let s = test_support::citizen(person_id);
        for insurance in Insurance::ALL {
            let q = RecordQuery {
                page: 1,
                ..Default::default()
            };
            assert_eq!(
                record::insurance_record(&a, s, insurance, q).await.unwrap(),
                record::insurance_record(&b, s, insurance, q).await.unwrap(),
                "person {person_id} {insurance:?}"
            );
        }
        assert_eq!(
            record::career_overview(&a, s).await.unwrap(),
            record::career_overview(&b, s).await.unwrap()
        );
        assert_eq!(
            estimate::pension_estimate(&a, s, None, None, None)
                .await
                .unwrap(),
            estimate::pension_estimate(&b, s, None, None, None)
                .await
                .unwrap()
        );
    }
}

on_both_backends!(pension_estimate_for_a_resident);
/// 国发〔2014〕8号, worked for the demo resident (born 1968-05, a woman worker by category, in the
/// residents' scheme in Chengdu since 2011): the pension at 60 (2028-05), not at a woman worker's
/// age; 15 years needed; the account divided by 139; no flexible range; the national minimum
/// basic pension.
async fn pension_estimate_for_a_resident(kind: Kind) {
    let (store, _dir) = seeded_store(kind).await;
    let her = scope(&store, RESIDENT).await;
    let e = estimate::pension_estimate(&store, her, None, None, None)
        .await
        .unwrap();
    assert_eq!(e.scheme, app::models::insurance::Scheme::Resident);
    assert_eq!((e.statutory_month, e.statutory_age_months), (202805, 720));
    assert_eq!(e.offsets, vec![0]);
    assert_eq!(e.minimum_months, 180);
    // Her record page says the same minimum: the residents' 15 years.
    let r = record::insurance_record(&store, her, Insurance::Pension, RecordQuery::default())
        .await
        .unwrap();
    assert_eq!(r.minimum_months, Some(180));
    // Yearly payments 2011..=2026.
    assert_eq!(e.months_so_far, 16 * 12);
    assert!(e.eligible);
    assert_eq!(e.payout_months, 139);
    assert_eq!(e.account_part, e.account_at_retirement / 139);
    assert_eq!(e.basic_part, estimate::RESIDENT_MINIMUM_BASIC);
    assert_eq!(
        e.paying_place, None,
        "the employees' paying-place rule does not apply"
    );
    assert!(!e.already_retired);
    assert!(
        estimate::pension_estimate(&store, her, None, None, Some(-12))
            .await
            .is_err(),
        "no flexible retirement for residents"
    );
}

on_both_backends!(pension_estimate_for_the_demo_citizens);
async fn pension_estimate_for_the_demo_citizens(kind: Kind) {
    let (store, _dir) = seeded_store(kind).await;
    let me = scope(&store, CITIZEN).await;
    let e = estimate::pension_estimate(&store, me, None, Some(4.0), None)
        .await
        .unwrap();
    // Born 1990-03, a man: 63 in 2053-03 under the reform; 20 years needed by then.
    assert_eq!((e.statutory_month, e.statutory_age_months), (205303, 756));
    assert_eq!(e.minimum_months, 240);
    assert_eq!(e.months_so_far, 169);
    // Contributing from 2026-11 to 2053-02.
    assert_eq!(e.months_future, 316);
    assert!(e.eligible);
    let (place, rule) = e.paying_place.clone().unwrap();
    assert_eq!(
        (place.zh.as_str(), rule),
        ("北京市", PayingPlaceRule::HukouPlace)
    );
    // Seeded bases are 1.4 × the local wage of the year before, within 60%–300%.
    assert!(
        (e.average_index_so_far - 1.4).abs() < 0.01,
        "{}",
        e.average_index_so_far
    );
    assert_eq!(
        e.basic_part,
        app::models::pension::basic_pension(
            e.wage_at_retirement,
            (e.average_index * 1000.0).round() as i64,
            485
        )
    );
    assert_eq!(e.account_part, e.account_at_retirement / 117);

    // Retiring three years early shortens contributions and raises the payout months.
    let early = estimate::pension_estimate(&store, me, Some(1.4), Some(4.0), Some(-36))
        .await
        .unwrap();
    assert_eq!(early.retirement_month, 205003);
    assert_eq!(early.payout_months, 139);
    assert_eq!(early.months_future, e.months_future - 36);
    assert!(early.basic_part < e.basic_part);
    // Flexible retirement is offered by month: 62 years 5 months reads the row of 62
    // (国发〔2005〕38号: 125); three years later, 66 reads 93, not 101.
    assert_eq!(e.offsets.len(), 73);
    let months = estimate::pension_estimate(&store, me, Some(1.4), Some(4.0), Some(-7))
        .await
        .unwrap();
    assert_eq!(months.retirement_age_months, 749);
    assert_eq!(months.payout_months, 125);
    let late = estimate::pension_estimate(&store, me, Some(1.4), Some(4.0), Some(36))
        .await
        .unwrap();
    assert_eq!(late.payout_months, 93);
    assert_eq!(late.account_part, late.account_at_retirement / 93);

    assert!(
        estimate::pension_estimate(&store, me, Some(9.0), None, None)
            .await
            .is_err()
    );
    assert!(
        estimate::pension_estimate(&store, me, None, None, Some(-48))
            .await
            .is_err()
    );

    let retiree = scope(&store, RETIREE).await;
    assert!(
        estimate::pension_estimate(&store, retiree, None, None, None)
            .await
            .unwrap()
            .already_retired
    );
}
