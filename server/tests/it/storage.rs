//! The compact contribution layout (migration 0016): a database of the old monthly layout
//! converts row for row, and the seed's writer folds the same rows into the same answers; the
//! seed writes the same database from the same seed, batch after batch.

use crate::common::{Kind, execute_sql, fresh_database, settings, test_sealer};
use app::models::insurance::Insurance;
use app::server::store::NewContribution;
use chrono::NaiveDate;
use sqlx::Connection;

/// (insurance, month, covered, employer, region, base, employer part, personal part, paid on)
pub type Row = (
    String,
    i32,
    i32,
    Option<i64>,
    String,
    i64,
    i64,
    i64,
    Option<NaiveDate>,
);

/// Monthly rows as an office's history holds them: a regular year, a new base, a late payment,
/// a gap, months in arrears, payments on days some months lack, another employer, and a
/// resident's yearly payments.
fn history() -> Vec<Row> {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
    let mut rows = Vec::new();
    for insurance in ["pension", "medical", "unemployment"] {
        for m in 1..=12u32 {
            let paid = if m == 12 {
                d(2023, 1, 15)
            } else {
                d(2022, m + 1, 15)
            };
            rows.push((
                insurance.into(),
                202200 + m as i32,
                1,
                Some(1),
                "440300".into(),
                600_000,
                96_000,
                48_000,
                paid,
            ));
        }
        for m in 1..=6u32 {
            rows.push((
                insurance.into(),
                202300 + m as i32,
                1,
                Some(1),
                "440300".into(),
                650_000,
                104_000,
                52_000,
                d(2023, m + 1, 15),
            ));
        }
    }
    let medical = |month, employer, paid| {
        (
            "medical".to_string(),
            month,
            1,
            Some(employer),
            "440300".to_string(),
            650_000,
            52_000,
            13_000,
            paid,
        )
    };
    rows.push(medical(202307, 1, d(2023, 11, 2)));
    rows.push(medical(202309, 1, None));
    rows.push(medical(202310, 1, None));
    rows.push(medical(202311, 2, d(2023, 12, 31)));
    rows.push(medical(202312, 2, d(2024, 1, 31)));
    rows.push(medical(202401, 2, d(2024, 2, 29)));
    for year in 2015..=2019 {
        rows.push((
            "maternity".into(),
            year * 100 + 1,
            12,
            None,
            "110000".into(),
            0,
            3_000,
            40_000,
            d(year - 1, 12, 20),
        ));
    }
    rows.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    rows
}

fn literal(v: Option<impl ToString>, quoted: bool) -> String {
    match v {
        None => "NULL".into(),
        Some(v) if quoted => format!("'{}'", v.to_string()),
        Some(v) => v.to_string(),
    }
}

pub async fn view_rows(kind: Kind, url: &str, person_id: i64) -> Vec<Row> {
    let sql = "SELECT insurance, month, months_covered, employer_id, region_code, base, employer_part, \
               personal_part, paid_on FROM contributions WHERE person_id = $1 ORDER BY insurance, month";
    match kind {
        Kind::Sqlite => {
            let mut db = sqlx::SqliteConnection::connect(url).await.unwrap();
            sqlx::query_as(sql)
                .bind(person_id)
                .fetch_all(&mut db)
                .await
                .unwrap()
        }
        Kind::Postgres => {
            let mut db = sqlx::PgConnection::connect(url).await.unwrap();
            sqlx::query_as(sql)
                .bind(person_id)
                .fetch_all(&mut db)
                .await
                .unwrap()
        }
    }
}

/// Applies the migrations before 0016 only: the database an earlier release left.
async fn migrate_to_monthly_layout(kind: Kind, url: &str, scratch: &std::path::Path) {
    let dialect = match kind {
        Kind::Sqlite => "sqlite",
        Kind::Postgres => "postgres",
    };
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../migrations")
        .join(dialect);
    let old = scratch.join("old-migrations");
    std::fs::create_dir_all(&old).unwrap();
    for entry in std::fs::read_dir(source).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.as_str() < "0016" {
            std::fs::copy(&path, old.join(&name)).unwrap();
        }
    }
    let migrator = sqlx::migrate::Migrator::new(old.as_path()).await.unwrap();
    match kind {
        Kind::Sqlite => {
            let mut db = sqlx::SqliteConnection::connect(&format!("{url}?mode=rwc"))
                .await
                .unwrap();
            migrator.run(&mut db).await.unwrap();
        }
        Kind::Postgres => {
            let mut db = sqlx::PgConnection::connect(url).await.unwrap();
            migrator.run(&mut db).await.unwrap();
        }
    }
}

on_both_backends!(old_monthly_rows_convert_row_for_row);
async fn old_monthly_rows_convert_row_for_row(kind: Kind) {
    let (url, dir) = fresh_database(kind).await;
    migrate_to_monthly_layout(kind, &url, dir.path()).await;
    let mut statements = vec![
        "INSERT INTO persons (id, resident_id, name, sex, birth_date, hukou_region, phone, female_category, created_at) \
         VALUES (1, '440305199001010011', '测试', 'M', '1990-01-01', '440300', NULL, NULL, '2026-01-01T00:00:00Z'), \
                (2, '440305199001010038', '测试二', 'M', '1990-01-01', '440300', NULL, NULL, '2026-01-01T00:00:00Z')"
            .to_string(),
        "INSERT INTO employers (id, credit_code, name, region_code, risk_class, created_at) \
         VALUES (1, '914403000000000011', '甲', '440300', 1, '2026-01-01T00:00:00Z'), \
                (2, '914403000000000022', '乙', '440300', 2, '2026-01-01T00:00:00Z')"
            .to_string(),
    ];
    for (insurance, month, covered, employer, region, base, er, pr, paid) in history() {
        statements.push(format!(
            "INSERT INTO contributions (person_id, insurance, month, months_covered, employer_id, region_code, \
             base, employer_part, personal_part, paid_on) VALUES (1, '{insurance}', {month}, {covered}, {}, \
             '{region}', {base}, {er}, {pr}, {})",
            literal(employer, false),
            literal(paid, true),
        ));
    }
    let statements: Vec<&str> = statements.iter().map(String::as_str).collect();
    execute_sql(kind, &url, &statements).await;

    // The current release opens it: 0016 folds the rows into runs.
    let store = server::startup::open_store(&settings(&url, dir.path()))
        .await
        .unwrap();
    assert_eq!(view_rows(kind, &url, 1).await, history(), "{kind:?}");

    // The writer folds the same rows for another person; the view gives back the same rows.
    let rows: Vec<NewContribution> = history()
        .into_iter()
        .map(
            |(insurance, month, covered, employer, region, base, er, pr, paid)| NewContribution {
                person_id: 2,
                insurance: Insurance::from_code(&insurance).unwrap(),
                month,
                months_covered: covered,
                employer_id: employer,
                region_code: region,
                base,
                employer_part: er,
                personal_part: pr,
                paid_on: paid,
            },
        )
        .collect();
    store.insert_contributions(&rows).await.unwrap();
    assert_eq!(view_rows(kind, &url, 2).await, history(), "{kind:?}");

    // 65 monthly rows, 12 runs a person: a run per insurance and base (6), the late payment,
    // the months in arrears, each payment on the 29th or later (3) and the yearly payments.
    let count = |table: &str| format!("SELECT COUNT(*) FROM {table}");
    let runs: i64 = scalar(kind, &url, &count("contribution_runs")).await;
    assert_eq!(runs, 2 * 12, "{kind:?}");

    // The record totals, summed over runs, are what the months add up to.
    assert_eq!(store.rebuild_record_totals(1, 2).await.unwrap(), 2 * 4);
    let from_months = "SELECT c.person_id, c.insurance, COUNT(*), \
            SUM(CASE WHEN c.paid_on IS NOT NULL THEN c.months_covered ELSE 0 END), \
            SUM(CASE WHEN c.paid_on IS NULL THEN c.months_covered ELSE 0 END), \
            SUM(c.employer_part), SUM(c.personal_part), MAX(CASE WHEN c.paid_on IS NOT NULL THEN c.month END), \
            (SELECT l.base FROM contributions l WHERE l.person_id = c.person_id AND l.insurance = c.insurance \
             ORDER BY l.month DESC LIMIT 1) \
        FROM contributions c GROUP BY c.person_id, c.insurance";
    let stored = "SELECT person_id, insurance, contribution_rows, months_paid, months_in_arrears, employer_sum, \
        personal_sum, last_paid_month, latest_base FROM record_totals";
    for (a, b) in [(stored, from_months), (from_months, stored)] {
        let differ = format!("SELECT COUNT(*) FROM ({a} EXCEPT {b}) d");
        assert_eq!(scalar(kind, &url, &differ).await, 0, "{kind:?}: {a}");
    }
}

on_both_backends!(one_seed_gives_one_database_batch_after_batch);
/// The seed draws the next batch while it writes the last (1,001 persons are two batches): the
/// same seed still gives the same records, and every person a citizen account.
async fn one_seed_gives_one_database_batch_after_batch(kind: Kind) {
    const PERSONS: i64 = 1001;
    let fingerprint = [
        "SELECT COUNT(*) FROM persons",
        "SELECT CAST(SUM(id * CAST(SUBSTR(resident_id, 15, 3) AS INTEGER)) AS BIGINT) FROM persons",
        "SELECT COUNT(*) FROM contribution_runs",
        "SELECT CAST(SUM(person_id % 997 * base % 1000003 + first_month * rows_in_run) AS BIGINT) FROM contribution_runs",
        "SELECT CAST(SUM(person_id % 997 * year + closing % 1000003) AS BIGINT) FROM account_years",
        "SELECT CAST(SUM(person_id % 997 * months_paid + employer_sum % 1000003) AS BIGINT) FROM record_totals",
        "SELECT CAST(SUM(employer_id % 997 * person_id + flags) AS BIGINT) FROM employer_staff",
        "SELECT CAST(SUM(person_id * office_id) AS BIGINT) FROM qualification_checks",
        "SELECT COUNT(*) FROM users u JOIN user_roles r ON r.user_id = u.id \
         WHERE u.person_id IS NOT NULL AND r.role = 'citizen'",
    ];
    let mut prints = Vec::new();
    for _ in 0..2 {
        let (url, dir) = fresh_database(kind).await;
        let store = server::startup::open_store(&settings(&url, dir.path()))
            .await
            .unwrap();
        let options = server::seed::SeedOptions::new(PERSONS as usize, 3);
        server::seed::run(&store, &options, &test_sealer())
            .await
            .unwrap()
            .expect("a fresh database");
        let mut print = Vec::new();
        for sql in fingerprint {
            print.push(scalar(kind, &url, sql).await);
        }
        prints.push(print);
    }
    assert_eq!(prints[0], prints[1], "{kind:?}");
    assert_eq!(prints[0][0], PERSONS, "{kind:?}");
    assert_eq!(prints[0][8], PERSONS, "{kind:?}: one citizen account each");
}

/// The first value of a one-column query.
pub async fn scalar(kind: Kind, url: &str, sql: &str) -> i64 {
    column(kind, url, sql).await[0]
}

/// Every value of a one-column query, on a connection of its own.
pub async fn column<T>(kind: Kind, url: &str, sql: &str) -> Vec<T>
where
    T: Send + Unpin + for<'r> sqlx::Decode<'r, sqlx::Sqlite> + sqlx::Type<sqlx::Sqlite>,
    T: for<'r> sqlx::Decode<'r, sqlx::Postgres> + sqlx::Type<sqlx::Postgres>,
{
    match kind {
        Kind::Sqlite => {
            let mut db = sqlx::SqliteConnection::connect(url).await.unwrap();
            sqlx::query_scalar(sql).fetch_all(&mut db).await.unwrap()
        }
        Kind::Postgres => {
            let mut db = sqlx::PgConnection::connect(url).await.unwrap();
            sqlx::query_scalar(sql).fetch_all(&mut db).await.unwrap()
        }
    }
}
