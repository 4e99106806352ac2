//! `jinbao import contributions` as an office runs it, on both databases: good rows land in the
//! record and its read models, bad rows go to the reject file with their reasons, a second run
//! of the same file changes nothing, and a file of bad rows changes nothing at all.

use crate::common::{CITIZEN, Kind, execute_sql, fresh_database};
use crate::storage::{scalar, view_rows};
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
        stderr.contains("0 of them changed, 0 months written"),
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

fn import_header() -> String {
    server::import::HEADER.to_string()
}
