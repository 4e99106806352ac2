//! Load generator for a running portal: `cargo run --release -p server --example loadgen --
//! --base http://127.0.0.1:3000 --scenario login --concurrency 8 --requests 400`.
//! Scenarios: `login` (citizen sign-in, argon2 included), `home` (the citizen home page, SSR),
//! `record` (the pension record page, SSR), `home-api` (the home's server function); each
//! worker signs in as a different seeded citizen. Employer scenarios share one session of
//! `employer-demo`: `staff-list` (the roster page, default order), `staff-filter` (a flag filter
//! sorted by name, page 3), `staff-search` (a name search), `staff-api` (the list's server
//! function), `staff-member` (a person's page), `export` (the whole roster as CSV; also prints
//! rows/s).
//! Helpdesk scenarios sign in once as `helpdesk-demo` (with its demo TOTP secret) and share that
//! session: `console-search` (the console finding the demo citizen by resident ID), `assisted-home`
//! (the citizen home page in an assisted session as the demo citizen: session, banner and audit
//! event included); `access-log` signs in as the demo citizen and loads their access log.
//! Certificate scenarios sign in as the demo citizen, who first issues a 36-month contributions
//! certificate (all five insurances, for a loan): `certificate-pdf` downloads it (regenerated from
//! the stored content each time; also prints its size), `verify` opens the public verification
//! page for it with number and code (signed out; each success is an access-log insert).
//! Transfer scenarios: the demo citizen first submits a pension transfer from Shenzhen to
//! Beijing; `request` loads its tracking page (legs, due dates, history; SSR), `queue` signs in
//! as `reviewer-beijing` and loads the office's queue page. Filing scenarios: the demo citizen
//! fills an out-of-area filing draft with a 1 MiB PDF uploaded; `filing-check` loads its
//! check-your-answers page (SSR), `filing-document` downloads the PDF.
//! Prints latency percentiles and throughput.

mod common;

use common::{CITIZEN, call_json, client, login, phone, signed_in};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The certificate and transfer scenarios' page, set once before the workers start.
static DOCUMENT: OnceLock<String> = OnceLock::new();

struct Args {
    base: String,
    scenario: String,
    concurrency: usize,
    requests: usize,
    accounts: usize,
}

fn parse_args() -> Args {
    let mut a = Args {
        base: "http://127.0.0.1:3000".into(),
        scenario: "login".into(),
        concurrency: 8,
        requests: 400,
        accounts: 1000,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().unwrap_or_else(|| panic!("{flag} needs a value"));
        match flag.as_str() {
            "--base" => a.base = value,
            "--scenario" => a.scenario = value,
            "--concurrency" => a.concurrency = value.parse().expect("number"),
            "--requests" => a.requests = value.parse().expect("number"),
            "--accounts" => a.accounts = value.parse().expect("number"),
            other => panic!("unknown flag {other}"),
        }
    }
    a
}

/// Signs in as a demo staff member, code step included. A code signs in once: when this
/// step's code was used by the previous run, wait for the next step.
async fn staff_login(base: &str, account: &str) -> reqwest::Client {
    let secret = server::seed::DEMO_TOTP_SECRETS
        .iter()
        .find(|(u, _)| *u == account)
        .expect("a demo staff account")
        .1;
    for _ in 0..3 {
        let c = client(base);
        assert!(login(&c, base, account).await, "{account} login failed");
        let code = app::server::auth::totp::code_at(secret, chrono::Utc::now()).unwrap();
        let res = c
            .post(format!("{base}/api/auth/verify_code"))
            .form(&[("code", code)])
            .send()
            .await;
        if matches!(res, Ok(r) if r.status().is_success() || r.status().is_redirection()) {
            return c;
        }
        tokio::time::sleep(Duration::from_secs(31)).await;
    }
    panic!("{account}: code refused");
}

/// A helpdesk session acting as the demo citizen.
async fn assisting(base: &str) -> reqwest::Client {
    let c = staff_login(base, "helpdesk-demo").await;
    let found: serde_json::Value = c
        .post(format!("{base}/api/helpdesk/find_callers"))
        .form(&[("by", "id"), ("q", "110101199003074514")])
        .send()
        .await
        .expect("search")
        .json()
        .await
        .expect("json");
    let user = found["Persons"][0]["user_id"]
        .as_i64()
        .expect("demo citizen")
        .to_string();
    let res = c
        .post(format!("{base}/api/helpdesk/start_assist"))
        .form(&[
            ("user", user.as_str()),
            ("as_role", "citizen"),
            ("reason", "record_enquiry"),
            ("reason_text", "benchmark: load of an assisted session"),
            ("ticket", "BENCH-0001"),
        ])
        .send()
        .await
        .expect("start");
    assert!(
        res.status().is_success() || res.status().is_redirection(),
        "start refused"
    );
    c
}

/// The demo citizen's pension transfer from Shenzhen to Beijing, submitted unless one is in
/// progress; returns their client and the request's reference.
async fn transfer(base: &str) -> (reqwest::Client, String) {
    let c = signed_in(base, CITIZEN).await;
    // A second scenario run finds the first run's request still in progress.
    let requests = call_json(&c, base, "/api/citizen/list_requests", &[]).await;
    if let Some(r) = requests
        .as_array()
        .expect("a list")
        .iter()
        .find(|r| r["status"] == "InProgress")
    {
        let reference = r["reference"].as_str().expect("reference").to_string();
        return (c, reference);
    }
    let key = common::transfer_form(&c, base).await;
    let reference = common::submit_transfer(&c, base, &key)
        .await
        .expect("submit");
    (c, reference)
}

/// The demo citizen's out-of-area filing draft, every step done, with a 1 MiB PDF uploaded
/// (once: a second run finds it there); returns their client and the document's id.
async fn filing_draft(base: &str) -> (reqwest::Client, i64) {
    let c = signed_in(base, CITIZEN).await;
    common::filing_steps(&c, base).await;
    if common::filing_documents(&c, base)
        .await
        .as_array()
        .expect("a list")
        .is_empty()
    {
        let mut pdf = b"%PDF-1.4\n".to_vec();
        pdf.resize(1024 * 1024, b' ');
        let part = reqwest::multipart::Part::bytes(pdf).file_name("居住证.pdf");
        let form = reqwest::multipart::Form::new()
            .text("evidence", "documents")
            .text("then", "continue")
            .part("documents", part);
        common::filing_evidence(&c, base, form).await;
    }
    let id = common::filing_documents(&c, base).await[0]["id"]
        .as_i64()
        .expect("a document");
    (c, id)
}

/// The demo citizen issues a 36-month contributions certificate; returns their client, its
/// number and its verification code.
async fn certificate(base: &str) -> (reqwest::Client, String, String) {
    let c = signed_in(base, CITIZEN).await;
    let (key, region) = common::certificate_form(&c, base).await;
    let number = common::issue_certificate(&c, base, &key, &region)
        .await
        .expect("issue");
    let code = call_json(
        &c,
        base,
        "/api/citizen/get_certificate",
        &[("number", &number)],
    )
    .await["code"]
        .as_str()
        .expect("code")
        .to_string();
    (c, number, code)
}

#[tokio::main]
async fn main() {
    let args = parse_args();
    let per_worker = args.requests.div_ceil(args.concurrency);
    // Helpdesk scenarios share one signed-in agent across workers (one agent, many requests);
    // employer scenarios share the demo employer's session, since the login throttle lets at
    // most five sign-ins to one account run at once.
    let shared = match args.scenario.as_str() {
        s if s.starts_with("staff") || s == "export" => {
            Some(signed_in(&args.base, "employer-demo").await)
        }
        "console-search" => Some(staff_login(&args.base, "helpdesk-demo").await),
        "assisted-home" => Some(assisting(&args.base).await),
        "access-log" => Some(signed_in(&args.base, CITIZEN).await),
        "request" | "queue" => {
            let (c, reference) = transfer(&args.base).await;
            if args.scenario == "queue" {
                let _ = DOCUMENT.set(format!("{}/review", args.base));
                Some(staff_login(&args.base, "reviewer-beijing").await)
            } else {
                let _ = DOCUMENT.set(format!("{}/me/requests/{reference}", args.base));
                Some(c)
            }
        }
        "filing-check" | "filing-document" => {
            let (c, id) = filing_draft(&args.base).await;
            let _ = DOCUMENT.set(if args.scenario == "filing-check" {
                format!("{}/me/filings/new/check", args.base)
            } else {
                format!("{}/files/filing-documents/{id}", args.base)
            });
            Some(c)
        }
        "certificate-pdf" | "verify" => {
            let (c, number, code) = certificate(&args.base).await;
            let path = if args.scenario == "verify" {
                format!("{}/verify?no={number}&code={code}", args.base)
            } else {
                let path = format!("{}/files/certificates/{number}.pdf", args.base);
                let size = c
                    .get(&path)
                    .send()
                    .await
                    .expect("pdf")
                    .bytes()
                    .await
                    .expect("body")
                    .len();
                println!("certificate {number}: {size} bytes");
                path
            };
            let _ = DOCUMENT.set(path);
            // Verifiers are strangers: a fresh client without the citizen's session.
            Some(if args.scenario == "verify" {
                client(&args.base)
            } else {
                c
            })
        }
        _ => None,
    };
    let started = Instant::now();
    let mut workers = Vec::new();
    for w in 0..args.concurrency {
        let base = args.base.clone();
        let scenario = args.scenario.clone();
        let accounts = args.accounts;
        let concurrency = args.concurrency;
        let shared = shared.clone();
        workers.push(tokio::spawn(async move {
            let c = shared.clone().unwrap_or_else(|| client(&base));
            if shared.is_some() {
                // Signed in once, before the workers started.
            } else if scenario != "login" {
                // Workers' citizens spread over all the accounts, so their records lie apart
                // in the tables as real users' do. One in five seeded persons has no phone on
                // record: try the next account.
                let stride = (accounts / concurrency).max(1);
                let signed_in = {
                    let mut ok = false;
                    for k in 0..20 {
                        if login(&c, &base, &phone(w * stride + k, accounts)).await {
                            ok = true;
                            break;
                        }
                    }
                    ok
                };
                assert!(signed_in, "warm-up login failed");
            }
            let mut latencies = Vec::with_capacity(per_worker);
            let mut errors = 0usize;
            let mut csv_rows = 0usize;
            let page = |path: String| {
                let c = c.clone();
                async move {
                    matches!(c.get(path).header("accept", "text/html").send().await, Ok(r) if r.status() == 200)
                }
            };
            for i in 0..per_worker {
                let t = Instant::now();
                let ok = match scenario.as_str() {
                    // A fresh client per login: a new session each time, as real users do.
                    "login" => login(&client(&base), &base, &phone(w * per_worker + i, accounts)).await,
                    "home" => matches!(c.get(format!("{base}/me")).header("accept", "text/html").send().await, Ok(r) if r.status() == 200),
                    "record" => matches!(
                        c.get(format!("{base}/me/records/pension")).header("accept", "text/html").send().await,
                        Ok(r) if r.status() == 200
                    ),
                    "home-api" => matches!(
                        c.post(format!("{base}/api/citizen/get_home")).header("accept", "application/json").send().await,
                        Ok(r) if r.status() == 200
                    ),
                    "staff-list" => page(format!("{base}/employer/staff")).await,
                    "staff-filter" => page(format!("{base}/employer/staff?flag=arrears&sort=name&page=3")).await,
                    "staff-search" => page(format!("{base}/employer/staff?q=%E5%BB%BA")).await,
                    "staff-api" => matches!(
                        c.post(format!("{base}/api/employer/list_staff")).header("accept", "application/json").send().await,
                        Ok(r) if r.status() == 200
                    ),
                    "staff-member" => page(format!("{base}/employer/staff/{}", 3 + (w * per_worker + i) % accounts.max(1))).await,
                    "export" => match c.get(format!("{base}/employer/staff.csv?scope=all")).send().await {
                        Ok(r) if r.status() == 200 => match r.text().await {
                            Ok(body) => {
                                csv_rows += body.lines().count().saturating_sub(1);
                                true
                            }
                            Err(_) => false,
                        },
                        _ => false,
                    },
                    "console-search" => page(format!("{base}/helpdesk?by=id&q=110101199003074514")).await,
                    "assisted-home" => page(format!("{base}/me")).await,
                    "access-log" => page(format!("{base}/me/access-log")).await,
                    "certificate-pdf" | "verify" | "request" | "queue" | "filing-check"
                    | "filing-document" => {
                        let path = DOCUMENT.get().expect("set before the workers").clone();
                        match c.get(path).header("accept", "text/html").send().await {
                            Ok(r) if r.status() == 200 => r.bytes().await.is_ok(),
                            _ => false,
                        }
                    }
                    other => panic!("unknown scenario {other}"),
                };
                latencies.push(t.elapsed());
                errors += usize::from(!ok);
            }
            (latencies, errors, csv_rows)
        }));
    }
    let mut all: Vec<Duration> = Vec::new();
    let mut errors = 0;
    let mut csv_rows = 0;
    for w in workers {
        let (l, e, rows) = w.await.expect("worker");
        all.extend(l);
        errors += e;
        csv_rows += rows;
    }
    let elapsed = started.elapsed();
    all.sort();
    let pct =
        |p: f64| all[((all.len() as f64 * p) as usize).min(all.len() - 1)].as_secs_f64() * 1000.0;
    println!(
        "{} {} requests, concurrency {}: p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms, {:.1} req/s, {} errors",
        args.scenario,
        all.len(),
        args.concurrency,
        pct(0.5),
        pct(0.9),
        pct(0.99),
        pct(1.0),
        all.len() as f64 / elapsed.as_secs_f64(),
        errors
    );
    if csv_rows > 0 {
        println!(
            "export: {csv_rows} rows in {:.1} s, {:.0} rows/s",
            elapsed.as_secs_f64(),
            csv_rows as f64 / elapsed.as_secs_f64()
        );
    }
}
