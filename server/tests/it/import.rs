//! `jinbao import contributions` as an office runs it, on both databases: good rows land in the
//! record and its read models, bad rows go to the reject file with their reasons, a second run
//! of the same file changes nothing, and a file of bad rows changes nothing at all.

use crate::common::{CITIZEN, Kind, execute_sql, fresh_database};
use crate::storage::{column, scalar, view_rows};
use app::models::insurance::{add_months, month_of};
use std::process::{Command, Output};

const DEMO_EMPLOYER_CODE: &str = "91110000MA01ABCD52";
/// Valid check characters, but nobody in the seeded record.
const UNKNOWN_PERSON: &str = "110101199501010011";
const UNKNOWN_EMPLOYER: &str = "91110000MA01ABCE3W";

fn jinbao(url: &str, dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jinbao"))
        .env("DATABASE_URL", url)
        .env("JINBAO_SECRET_KEY_FILE", dir.join("secret.key"))
        .env("JINBAO_CONFIG", dir.join("absent.toml"))
        .args(args)
        .output()
        .unwrap()
}

/// The citizen's person id and his month rows, and the run count, as a snapshot.
async fn snapshot(kind: Kind, url: &str, person_id: i64) -> (Vec<crate::storage::Row>, i64) {
    (
        view_rows(kind, url, person_id).await,
        scalar(kind, url, "SELECT COUNT(*) FROM contribution_runs").await,
    )
}

on_both_backends!(declarations_import_once_and_reject_bad_rows);
async fn declarations_import_once_and_reject_bad_rows(kind: Kind) {
    let (url, dir) = fresh_database(kind).await;
    let seeded = jinbao(
        &url,
        dir.path(),
        &["seed", "--persons", "12", "--seed", "3"],
    );
    assert!(seeded.status.success(), "{seeded:?}");
    let person_id = scalar(
        kind,
        &url,
        &format!("SELECT id FROM persons WHERE resident_id = '{CITIZEN}'"),
    )
    .await;

    // Last month, paid today: always a month the seed left open.
    let today = chrono::Utc::now().date_naive();
    let month = add_months(month_of(&today), -1);
    let month_text = format!("{}-{:02}", month / 100, month % 100);
    let paid = today.format("%Y-%m-%d").to_string();
    let row = |id: &str, code: &str, insurance: &str, base: &str| {
        format!("{id},{code},{insurance},{month_text},{base},1600.00,800.00,{paid}")
    };
    let mut lines = vec![import_header()];
    for insurance in [
        "pension",
        "medical",
        "work_injury",
        "unemployment",
        "maternity",
    ] {
        lines.push(row(CITIZEN, DEMO_EMPLOYER_CODE, insurance, "10000.00"));
    }
    lines.push(row(UNKNOWN_PERSON, DEMO_EMPLOYER_CODE, "pension", "10000")); // line 7
    lines.push(row(CITIZEN, UNKNOWN_EMPLOYER, "pension", "10000")); // line 8
    lines.push(row(CITIZEN, DEMO_EMPLOYER_CODE, "pension", "10000")); // line 9: twice
    lines.push(row(CITIZEN, DEMO_EMPLOYER_CODE, "annuity", "10000")); // line 10
    lines.push(row(CITIZEN, DEMO_EMPLOYER_CODE, "medical", "0")); // line 11
    let file = dir.path().join("declarations.csv");
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    let before = snapshot(kind, &url, person_id).await;

    let run = jinbao(
        &url,
        dir.path(),
        &["import", "contributions", file.to_str().unwrap()],
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success(), "rejects fail the command: {stderr}");
    assert!(stderr.contains("5 rows rejected"), "{stderr}");
    let rejects = std::fs::read_to_string(dir.path().join("declarations.rejects.csv")).unwrap();
    let reasons: Vec<&str> = rejects.lines().skip(1).collect();
    assert_eq!(reasons.len(), 5, "{rejects}");
    for (line_no, word) in [
        (7, "resident ID"),
        (8, "credit code"),
        (9, "on line 2"),
        (10, "insurance"),
        (11, "base"),
    ] {
        assert!(
            reasons
                .iter()
                .any(|r| r.starts_with(&format!("{line_no},")) && r.contains(word)),
            "{kind:?} line {line_no}: {rejects}"
        );
    }

    // The five good rows are in the record, in fen, with the employer's place.
    let after = snapshot(kind, &url, person_id).await;
    let declared: Vec<_> = after.0.iter().filter(|r| r.1 == month).collect();
    assert_eq!(declared.len(), 5, "{kind:?}");
    for r in &declared {
        assert_eq!(
            (r.2, r.5, r.6, r.7),
            (1, 1_000_000, 160_000, 80_000),
            "{r:?}"
        );
        assert_eq!(r.8, Some(today));
        assert_eq!(r.4, "110100");
    }
    assert_eq!(
        after.0.iter().filter(|r| r.1 != month).collect::<Vec<_>>(),
        before.0.iter().filter(|r| r.1 != month).collect::<Vec<_>>(),
        "no other month changes"
    );
    // The read models follow: his record totals and the employer's roster row.
    read_models_show(kind, &url, person_id, month).await;

    // A run that crashed after writing the record left his read models stale: the same file
    // again writes nothing and finishes the rebuild.
    execute_sql(
        kind,
        &url,
        &[
            &format!("DELETE FROM employer_staff WHERE person_id = {person_id}"),
            &format!("DELETE FROM record_totals WHERE person_id = {person_id}"),
            &format!("INSERT INTO stale_read_models (person_id) VALUES ({person_id})"),
        ],
    )
    .await;
    let again = jinbao(
        &url,
        dir.path(),
        &["import", "contributions", file.to_str().unwrap()],
    );
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(
        stderr.contains("0 of them changed (0 rebuilt from the record), 0 months written"),
        "{stderr}"
    );
    assert_eq!(snapshot(kind, &url, person_id).await, after, "{kind:?}");
    read_models_show(kind, &url, person_id, month).await;

    // Only bad rows, or the wrong header: nothing changes.
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, format!("{}\n{}\n", import_header(), lines[10])).unwrap();
    assert!(
        !jinbao(
            &url,
            dir.path(),
            &["import", "contributions", bad.to_str().unwrap()]
        )
        .status
        .success()
    );
    std::fs::write(
        &bad,
        format!(
            "person,month\n{}\n",
            lines[1].replace("10000.00", "12000.00")
        ),
    )
    .unwrap();
    let wrong = jinbao(
        &url,
        dir.path(),
        &["import", "contributions", bad.to_str().unwrap()],
    );
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("the first line must be"));
    assert_eq!(snapshot(kind, &url, person_id).await, after, "{kind:?}");
}

/// His record totals and the employer's roster row have `month` as the last paid pension
/// month, and no person waits for a rebuild.
async fn read_models_show(kind: Kind, url: &str, person_id: i64, month: i32) {
    for table in ["record_totals", "employer_staff_insurances"] {
        let last_paid = format!(
            "SELECT CAST(MAX(last_paid_month) AS BIGINT) FROM {table} WHERE person_id = {person_id} AND insurance = 'pension'"
        );
        assert_eq!(
            scalar(kind, url, &last_paid).await,
            i64::from(month),
            "{kind:?} {table}"
        );
    }
    assert_eq!(
        scalar(kind, url, "SELECT COUNT(*) FROM stale_read_models").await,
        0,
        "{kind:?}: rebuilt and unmarked"
    );
}

/// Every row of a table as text (NULL as `-`), in key order: two dumps compare whole.
async fn dump(kind: Kind, url: &str, table: &str, columns: &[&str], order: &str) -> Vec<String> {
    let row = columns
        .iter()
        .map(|c| format!("COALESCE(CAST({c} AS TEXT), '-')"))
        .collect::<Vec<_>>()
        .join(" || ',' || ");
    column::<String>(
        kind,
        url,
        &format!("SELECT {row} FROM {table} ORDER BY {order}"),
    )
    .await
}

/// The read models whole: the rosters with their insurances and the record totals.
async fn read_models(kind: Kind, url: &str) -> [Vec<String>; 3] {
    [
        dump(
            kind,
            url,
            "employer_staff",
            &[
                "employer_id",
                "person_id",
                "current",
                "first_month",
                "last_month",
                "flags",
                "arrears_months",
                "last_declared",
                "months_below_floor",
                "months_above_cap",
                "months_mismatched",
            ],
            "employer_id, person_id",
        )
        .await,
        dump(
            kind,
            url,
            "employer_staff_insurances",
            &[
                "employer_id",
                "person_id",
                "insurance",
                "status",
                "base",
                "last_month",
                "last_paid_month",
                "arrears_months",
            ],
            "employer_id, person_id, insurance",
        )
        .await,
        dump(
            kind,
            url,
            "record_totals",
            &[
                "person_id",
                "insurance",
                "contribution_rows",
                "months_paid",
                "months_in_arrears",
                "employer_sum",
                "personal_sum",
                "last_paid_month",
                "last_month",
                "latest_base",
                "account_year",
                "account_closing",
            ],
            "person_id, insurance",
        )
        .await,
    ]
}

/// Declaration lines for every monthly row with an employer in `month` (YYYYMM), as stored.
async fn declared_as_stored(kind: Kind, url: &str, month: i32) -> Vec<String> {
    let sql = format!(
        "SELECT p.resident_id || ',' || e.credit_code || ',' || c.insurance || ',' || CAST(c.base AS TEXT) \
                || ',' || CAST(c.employer_part AS TEXT) || ',' || CAST(c.personal_part AS TEXT) \
                || ',' || COALESCE(CAST(c.paid_on AS TEXT), '') \
         FROM contributions c JOIN persons p ON p.id = c.person_id JOIN employers e ON e.id = c.employer_id \
         WHERE c.month = {month} AND c.months_covered = 1 ORDER BY p.id, c.insurance"
    );
    let yuan = |fen: &str| {
        let fen: i64 = fen.parse().unwrap();
        format!("{}.{:02}", fen / 100, fen % 100)
    };
    column::<String>(kind, url, &sql)
        .await
        .iter()
        .map(|line| {
            let f: Vec<&str> = line.split(',').collect();
            let month = format!("{}-{:02}", month / 100, month % 100);
            format!(
                "{},{},{},{month},{},{},{},{}",
                f[0],
                f[1],
                f[2],
                yuan(f[3]),
                yuan(f[4]),
                yuan(f[5]),
                f[6]
            )
        })
        .collect()
}

/// `N of them changed (M rebuilt from the record)` of an import's report.
fn changed_and_rebuilt(stderr: &str) -> (usize, usize) {
    let number_before = |word: &str| -> usize {
        let at = stderr
            .find(word)
            .unwrap_or_else(|| panic!("{word}: {stderr}"));
        stderr[..at]
            .split_whitespace()
            .last()
            .unwrap()
            .trim_start_matches('(')
            .parse()
            .unwrap()
    };
    (
        number_before(" of them changed"),
        number_before(" rebuilt from the record"),
    )
}

on_both_backends!(an_import_moves_the_read_models_as_a_rebuild_would);
/// An office's monthly file and its corrections, imported: the rosters and record totals the
/// import leaves are row for row what rebuilding them from the record gives, whether a change
/// went by differences (an appended month, a base below the floor, a mismatch, arrears, a
/// corrected month) or by a rebuild (a month moved to another employer, a paid month declared
/// unpaid, a first month with an employer).
async fn an_import_moves_the_read_models_as_a_rebuild_would(kind: Kind) {
    let (url, dir) = fresh_database(kind).await;
    let seeded = jinbao(
        &url,
        dir.path(),
        &["seed", "--persons", "40", "--seed", "5"],
    );
    assert!(seeded.status.success(), "{seeded:?}");
    let today = chrono::Utc::now().date_naive();
    let last = add_months(month_of(&today), -1);
    let (prev, older) = (add_months(last, -1), add_months(last, -24));
    let text = |m: i32| format!("{}-{:02}", m / 100, m % 100);
    let paid = today.format("%Y-%m-%d").to_string();
    let codes = column::<String>(kind, &url, "SELECT credit_code FROM employers ORDER BY id").await;
    let other_employer = |line: &str| {
        let code = line.split(',').nth(1).unwrap();
        let other = codes.iter().find(|c| *c != code).unwrap();
        line.replacen(code, other, 1)
    };
    let set_field = |line: &str, at: usize, value: &str| {
        let mut f: Vec<String> = line.split(',').map(String::from).collect();
        f[at] = value.to_string();
        f.join(",")
    };

    // The monthly file: last month as the month before, paid today.
    let stored_prev = declared_as_stored(kind, &url, prev).await;
    assert!(stored_prev.len() > 40, "{}", stored_prev.len());
    let mut monthly: Vec<String> = stored_prev
        .iter()
        .map(|l| set_field(&l.replace(&text(prev), &text(last)), 7, &paid))
        .collect();
    let person = |line: &String| line.split(',').next().unwrap().to_string();
    let mut persons: Vec<String> = monthly.iter().map(person).collect();
    persons.dedup();
    let first_line =
        |p: &str, lines: &[String]| lines.iter().position(|l| l.starts_with(p)).unwrap();
    // A base far below the floor, a base unlike the other insurances', a month unpaid.
    let at = first_line(&persons[0], &monthly);
    monthly[at] = set_field(&set_field(&monthly[at], 4, "100.00"), 5, "16.00");
    monthly[at] = set_field(&monthly[at], 6, "8.00");
    let at = first_line(&persons[1], &monthly) + 1;
    monthly[at] = set_field(&monthly[at], 4, "54321.00");
    let at = first_line(&persons[2], &monthly);
    monthly[at] = set_field(&monthly[at], 7, "");
    // A first month with another employer.
    let at = first_line(&persons[3], &monthly);
    monthly[at] = other_employer(&monthly[at]);
    // Corrections two years back: a base, a paid month declared unpaid, a month that moves.
    let stored_older = declared_as_stored(kind, &url, older).await;
    let mut older_persons: Vec<String> = stored_older.iter().map(person).collect();
    older_persons.dedup();
    let older_line = |n: usize| stored_older[first_line(&older_persons[n], &stored_older)].clone();
    let corrected = set_field(&older_line(0), 4, "9999.00");
    assert!(!older_line(1).ends_with(','), "paid: {}", older_line(1));
    let unpaid = set_field(&older_line(1), 7, "");
    let moved = other_employer(&older_line(2));

    let files = [
        monthly.clone(),
        vec![corrected],
        vec![unpaid],
        vec![moved],
        // The unpaid month paid, and the first file again.
        monthly.iter().map(|l| set_field(l, 7, &paid)).collect(),
        monthly,
    ];
    // The seed builds its rosters as of its own today; from here on both ways use this month.
    let rebuild = || jinbao(&url, dir.path(), &["rebuild-read-models"]);
    assert!(rebuild().status.success());
    let mut rebuilt_any = 0;
    for (n, lines) in files.iter().enumerate() {
        let file = dir.path().join(format!("file{n}.csv"));
        std::fs::write(
            &file,
            format!("{}\n{}\n", import_header(), lines.join("\n")),
        )
        .unwrap();
        let run = jinbao(
            &url,
            dir.path(),
            &["import", "contributions", file.to_str().unwrap()],
        );
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(run.status.success(), "{kind:?} file {n}: {stderr}");
        let (changed, rebuilt) = changed_and_rebuilt(&stderr);
        assert!(changed > 0, "{kind:?} file {n}: {stderr}");
        // The record says what was declared: runs that grew or changed in place included.
        let month = |line: &str| {
            line.split(',')
                .nth(3)
                .unwrap()
                .replace('-', "")
                .parse::<i32>()
        };
        let months: std::collections::BTreeSet<i32> =
            lines.iter().map(|l| month(l).unwrap()).collect();
        for m in months {
            let stored = declared_as_stored(kind, &url, m).await;
            for line in lines.iter().filter(|l| month(l) == Ok(m)) {
                assert!(
                    stored.contains(line),
                    "{kind:?} file {n}: {line} not stored"
                );
            }
        }
        rebuilt_any += rebuilt;
        if n == 0 {
            assert!(
                rebuilt <= 1,
                "{kind:?}: the monthly file goes by differences: {stderr}"
            );
        }
        let imported = read_models(kind, &url).await;
        let run = rebuild();
        assert!(run.status.success(), "{run:?}");
        let rebuilt_models = read_models(kind, &url).await;
        for (table, (a, b)) in [
            "employer_staff",
            "employer_staff_insurances",
            "record_totals",
        ]
        .iter()
        .zip(imported.iter().zip(&rebuilt_models))
        {
            let differ: Vec<_> = a.iter().zip(b).filter(|(x, y)| x != y).take(5).collect();
            assert!(
                a == b,
                "{kind:?} file {n}, {table} ({} / {} rows): {differ:#?}",
                a.len(),
                b.len()
            );
        }
    }
    assert!(
        rebuilt_any >= 2,
        "{kind:?}: the moved and the unpaid months were rebuilt"
    );
}

fn import_header() -> String {
    server::import::HEADER.to_string()
}
