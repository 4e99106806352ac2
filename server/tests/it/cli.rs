//! The `jinbao` binary as an operator uses it: help, migrate, seed, user add.

use std::io::Write;
use std::process::{Command, Stdio};

fn jinbao(dir: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_jinbao"));
    c.env("DATABASE_URL", format!("sqlite://{}/cli.db", dir.display()))
        .env("JINBAO_SECRET_KEY_FILE", dir.join("secret.key"))
        .env("JINBAO_CONFIG", dir.join("absent.toml"));
    c
}

#[test]
fn help_names_every_command() {
    let out = Command::new(env!("CARGO_BIN_EXE_jinbao"))
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    for cmd in ["serve", "migrate", "seed", "import", "region-rule", "user"] {
        assert!(help.contains(cmd), "{help}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migrate_seed_and_add_a_reviewer() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        jinbao(dir.path())
            .arg("migrate")
            .status()
            .unwrap()
            .success()
    );
    let seed = jinbao(dir.path())
        .args(["seed", "--persons", "12", "--seed", "3"])
        .output()
        .unwrap();
    assert!(seed.status.success());
    assert!(String::from_utf8_lossy(&seed.stderr).contains("seeded 12 persons"));
    // Seeding again leaves the data alone.
    let again = jinbao(dir.path())
        .args(["seed", "--persons", "12"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&again.stderr).contains("nothing seeded"));

    let add = |args: &[&str], password: &str| {
        let mut child = jinbao(dir.path())
            .args(["user", "add"])
            .args(args)
            .stdin(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
        child.wait_with_output().unwrap()
    };
    let ok = add(
        &[
            "--username",
            "Reviewer-GZ",
            "--name",
            "广州审核",
            "--role",
            "reviewer",
            "--office-region",
            "440100",
        ],
        "a-long-password-1",
    );
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let short = add(
        &[
            "--username",
            "short-pw",
            "--name",
            "x",
            "--role",
            "helpdesk",
        ],
        "short",
    );
    assert!(!short.status.success());
    let bad_code = add(
        &[
            "--username",
            "emp",
            "--name",
            "x",
            "--role",
            "employer",
            "--employer",
            "91110000MA01ABCD1N",
        ],
        "a-long-password-1",
    );
    assert!(!bad_code.status.success());
    let taken = add(
        &[
            "--username",
            "reviewer-gz",
            "--name",
            "x",
            "--role",
            "admin",
        ],
        "a-long-password-1",
    );
    assert!(!taken.status.success());

    let store =
        app::server::store::Store::connect(&format!("sqlite://{}/cli.db", dir.path().display()), 1)
            .await
            .unwrap();
    let login = store
        .login_by_username("reviewer-gz")
        .await
        .unwrap()
        .expect("created, user name lower-cased");
    let grants = store.role_grants(login.user_id).await.unwrap();
    assert_eq!(grants.len(), 1);
    assert!(grants[0].office_id.is_some());
    assert!(!store.username_exists("short-pw").await.unwrap());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_city_sets_its_own_rules() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| jinbao(dir.path()).args(args).output().unwrap();
    assert!(run(&["migrate"]).status.success());
    let set = run(&[
        "region-rule",
        "440300",
        "--retroactive-days",
        "90",
        "--separate-bases",
    ]);
    assert!(set.status.success(), "{set:?}");
    // Not a city, and a limit out of range: refused, nothing written.
    assert!(
        !run(&["region-rule", "440000", "--retroactive-days", "30"])
            .status
            .success()
    );
    assert!(
        !run(&["region-rule", "110100", "--retroactive-days", "-1"])
            .status
            .success()
    );
    let url = format!("sqlite://{}/cli.db", dir.path().display());
    let store = app::server::store::Store::connect(&url, 1).await.unwrap();
    let rules = store.region_rules().await.unwrap();
    assert_eq!(
        rules,
        vec![app::server::store::RegionRule {
            region_code: "440300".into(),
            retroactive_filing_days: Some(90),
            single_contribution_base: Some(false),
        }]
    );
}
