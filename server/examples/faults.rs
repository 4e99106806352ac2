//! Driver of the fault scripts (`scripts/crash.sh`, `scripts/db-restart.sh`, `scripts/soak.sh`):
//!
//! `faults crash --base URL --serve BIN --rounds N`: runs `BIN serve` itself (environment
//! inherited) so that it can SIGKILL it at a random moment while the demo citizen's submissions
//! (certificates, a pension transfer, a filing) are in flight, restart it and post every
//! submission again with its request key. Checks that each key made exactly one document, that
//! each is whole, and that a retry answers what the first post answered; exits 1 otherwise.
//!
//! `faults outage --base URL --seconds S --concurrency C --accounts N`: C signed-in citizens load
//! their home page while `/healthz` is polled every 100 ms; the script restarts the database
//! meanwhile. Prints how long health said 503, when it recovered and what failed after.
//!
//! `faults soak --base URL --seconds S --users U --accounts N`: U simulated users, each looping
//! sign in, pages, sign out; one in ten signs in as the demo employer. Prints per page the
//! p50/p99 and the 5xx and other failures; exits 1 on any 5xx.

mod common;

use common::{CITIZEN, call_json, client, login, phone, signed_in, try_call};
use rand::Rng;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

struct Args {
    command: String,
    base: String,
    serve: String,
    server_log: String,
    rounds: usize,
    certificates: usize,
    max_delay_ms: u64,
    seconds: u64,
    concurrency: usize,
    accounts: usize,
}

fn parse_args() -> Args {
    let mut it = std::env::args().skip(1);
    let mut a = Args {
        command: it.next().expect("crash, outage or soak"),
        base: "http://127.0.0.1:3300".into(),
        serve: String::new(),
        server_log: "/dev/null".into(),
        rounds: 20,
        certificates: 6,
        max_delay_ms: 60,
        seconds: 60,
        concurrency: 64,
        accounts: 1000,
    };
    while let Some(flag) = it.next() {
        let value = it.next().unwrap_or_else(|| panic!("{flag} needs a value"));
        let number = || value.parse::<u64>().expect("a number");
        match flag.as_str() {
            "--base" => a.base = value,
            "--serve" => a.serve = value,
            "--server-log" => a.server_log = value,
            "--rounds" => a.rounds = number() as usize,
            "--certificates" => a.certificates = number() as usize,
            "--max-delay-ms" => a.max_delay_ms = number(),
            "--seconds" => a.seconds = number(),
            "--concurrency" | "--users" => a.concurrency = number() as usize,
            "--accounts" => a.accounts = number() as usize,
            other => panic!("unknown flag {other}"),
        }
    }
    a
}

#[tokio::main]
async fn main() {
    let args = parse_args();
    let ok = match args.command.as_str() {
        "crash" => crash(&args).await,
        "outage" => outage(&args).await,
        "soak" => soak(&args).await,
        other => panic!("unknown command {other}"),
    };
    std::process::exit(if ok { 0 } else { 1 });
}

/// Milliseconds since the epoch: the scripts compare these with their own `date +%s%3N`.
fn epoch_ms() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock")
        .as_millis()
}

async fn healthy(base: &str) -> bool {
    let res = reqwest::get(format!("{base}/healthz")).await;
    matches!(res, Ok(r) if r.status() == 200)
}

// ---------------------------------------------------------------------------------------------
// crash

/// The server under test, run and killed by this process.
struct Server {
    bin: String,
    log: String,
    base: String,
    child: Option<tokio::process::Child>,
}

impl Server {
    async fn start(&mut self) {
        let child = tokio::process::Command::new(&self.bin)
            .arg("serve")
            .stdout(self.output())
            .stderr(self.output())
            .kill_on_drop(true)
            .spawn()
            .expect("start the server");
        self.child = Some(child);
        for _ in 0..120 {
            if healthy(&self.base).await {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the server did not come up on {}", self.base);
    }

    /// The server's output, appended to its log across restarts.
    fn output(&self) -> std::fs::File {
        let mut f = std::fs::OpenOptions::new();
        f.create(true)
            .append(true)
            .open(&self.log)
            .expect("server log")
    }

    /// SIGKILL: no shutdown hook, no flush, no chance to finish a transaction.
    async fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.start_kill().expect("kill");
            child.wait().await.expect("reap");
        }
    }
}

/// One kind of submission: how to post it with a key, how to list what exists and how to
/// tell that one document is whole.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Kind {
    Certificate,
    Transfer,
    Filing,
}

const KINDS: [Kind; 3] = [Kind::Certificate, Kind::Transfer, Kind::Filing];

impl Kind {
    async fn post(
        self,
        c: &reqwest::Client,
        base: &str,
        key: &str,
        region: &str,
    ) -> Result<String, String> {
        match self {
            Kind::Certificate => common::issue_certificate(c, base, key, region).await,
            Kind::Transfer => common::submit_transfer(c, base, key).await,
            Kind::Filing => common::submit_filing(c, base, key).await,
        }
    }

    /// The numbers or references of every such document the citizen has.
    async fn existing(self, c: &reqwest::Client, base: &str) -> BTreeSet<String> {
        let (path, field) = match self {
            Kind::Certificate => ("/api/citizen/list_certificates", "document_no"),
            Kind::Transfer => ("/api/citizen/list_requests", "reference"),
            Kind::Filing => ("/api/citizen/list_filings", "reference"),
        };
        let list = call_json(c, base, path, &[]).await;
        let items = list.as_array().expect("a list");
        items
            .iter()
            .map(|i| i[field].as_str().expect("an id").to_string())
            .collect()
    }

    /// Whether the document reads back whole: a certificate with its code and its PDF, a
    /// transfer with its legs and its "submitted" event, a filing with its details.
    async fn whole(self, c: &reqwest::Client, base: &str, id: &str) -> bool {
        match self {
            Kind::Certificate => {
                let detail =
                    try_call(c, base, "/api/citizen/get_certificate", &[("number", id)]).await;
                let pdf = c
                    .get(format!("{base}/files/certificates/{id}.pdf"))
                    .send()
                    .await;
                matches!(detail, Ok(d) if d["code"].is_string())
                    && matches!(pdf, Ok(r) if r.status() == 200)
            }
            Kind::Transfer => {
                let detail =
                    try_call(c, base, "/api/citizen/get_request", &[("reference", id)]).await;
                matches!(detail, Ok(d) if non_empty(&d["legs"]) && non_empty(&d["events"]))
            }
            Kind::Filing => {
                let detail =
                    try_call(c, base, "/api/citizen/get_filing", &[("reference", id)]).await;
                matches!(detail, Ok(d) if d["reference"] == id)
            }
        }
    }

    /// Withdraws or cancels what the round made, so that the next round may submit again (one
    /// pension transfer in progress and one long-term filing at a time).
    async fn close(self, c: &reqwest::Client, base: &str, id: &str) {
        match self {
            Kind::Certificate => {}
            Kind::Transfer => {
                let d = call_json(c, base, "/api/citizen/get_request", &[("reference", id)]).await;
                let version = d["version"].as_i64().expect("version").to_string();
                let form = [("reference", id), ("version", &version), ("confirm", "on")];
                call_json(c, base, "/api/citizen/withdraw_request", &form).await;
            }
            Kind::Filing => {
                let form = [("reference", id), ("confirm", "on")];
                call_json(c, base, "/api/citizen/cancel_filing", &form).await;
            }
        }
    }
}

fn non_empty(v: &Value) -> bool {
    v.as_array().is_some_and(|a| !a.is_empty())
}

/// One submission of a round: its form's key and what its posts answered.
struct Submission {
    kind: Kind,
    key: String,
    acknowledged: Option<String>,
    retried: Option<Result<String, String>>,
}

#[derive(Default)]
struct Counts {
    sent: usize,
    acknowledged: usize,
    unanswered: usize,
    retried: usize,
    retry_failed: usize,
    mismatched: usize,
    duplicates: usize,
    missing: usize,
    half_written: usize,
}

impl Counts {
    fn violations(&self) -> usize {
        self.retry_failed + self.mismatched + self.duplicates + self.missing + self.half_written
    }
}

async fn crash(args: &Args) -> bool {
    let base = args.base.as_str();
    let mut server = Server {
        bin: args.serve.clone(),
        log: args.server_log.clone(),
        base: base.to_string(),
        child: None,
    };
    let mut totals = Counts::default();
    for round in 1..=args.rounds {
        server.start().await;
        let c = signed_in(base, CITIZEN).await;
        let before = existing(&c, base).await;
        let (mut subs, region) = prepare(&c, base, args.certificates).await;
        let delay = rand::thread_rng().gen_range(0..=args.max_delay_ms);
        fire(
            &c,
            base,
            &region,
            &mut subs,
            &mut server,
            Duration::from_millis(delay),
        )
        .await;
        server.start().await;
        // Made before the kill but never answered: the case the request keys are for.
        let written = unanswered(&existing(&c, base).await, &before, &subs);
        for s in &mut subs {
            s.retried = Some(s.kind.post(&c, base, &s.key, &region).await);
        }
        let mut counts = check(&c, base, &subs, &before).await;
        counts.unanswered = written;
        println!(
            "round {round}: killed after {delay} ms, {} of {} acknowledged, {} written unanswered, {} violations",
            counts.acknowledged,
            counts.sent,
            counts.unanswered,
            counts.violations()
        );
        for s in &subs {
            if let Some(Ok(id)) = &s.retried {
                s.kind.close(&c, base, id).await;
            }
        }
        server.kill().await;
        add(&mut totals, &counts);
    }
    println!(
        "crash: {} rounds, {} submissions sent, {} acknowledged before the kill, {} written but \
         unanswered, {} retried, \
         {} retries refused, {} duplicates, {} missing, {} half-written, {} mismatched retry answers",
        args.rounds,
        totals.sent,
        totals.acknowledged,
        totals.unanswered,
        totals.retried,
        totals.retry_failed,
        totals.duplicates,
        totals.missing,
        totals.half_written,
        totals.mismatched
    );
    totals.violations() == 0
}

async fn existing(c: &reqwest::Client, base: &str) -> BTreeMap<Kind, BTreeSet<String>> {
    let mut all = BTreeMap::new();
    for kind in KINDS {
        all.insert(kind, kind.existing(c, base).await);
    }
    all
}

/// How many documents the kill left written but unanswered: there now, not there before,
/// and no post was told about them.
fn unanswered(
    now: &BTreeMap<Kind, BTreeSet<String>>,
    before: &BTreeMap<Kind, BTreeSet<String>>,
    subs: &[Submission],
) -> usize {
    let told: BTreeSet<&String> = subs
        .iter()
        .filter_map(|s| s.acknowledged.as_ref())
        .collect();
    KINDS
        .iter()
        .map(|k| {
            now[k]
                .difference(&before[k])
                .filter(|id| !told.contains(id))
                .count()
        })
        .sum()
}

/// The round's forms, filled while the server is up: `n` certificates, a transfer, a filing.
async fn prepare(c: &reqwest::Client, base: &str, n: usize) -> (Vec<Submission>, String) {
    let sub = |kind, key| Submission {
        kind,
        key,
        acknowledged: None,
        retried: None,
    };
    let mut subs = Vec::new();
    let mut region = String::new();
    for _ in 0..n {
        let (key, r) = common::certificate_form(c, base).await;
        region = r;
        subs.push(sub(Kind::Certificate, key));
    }
    subs.push(sub(Kind::Transfer, common::transfer_form(c, base).await));
    subs.push(sub(Kind::Filing, common::filing_form(c, base).await));
    (subs, region)
}

/// Posts every submission at once and kills the server `delay` later; records which posts
/// were answered before it died.
async fn fire(
    c: &reqwest::Client,
    base: &str,
    region: &str,
    subs: &mut [Submission],
    server: &mut Server,
    delay: Duration,
) {
    let posts =
        futures::future::join_all(subs.iter().map(|s| s.kind.post(c, base, &s.key, region)));
    let kill = async {
        tokio::time::sleep(delay).await;
        server.kill().await;
    };
    let (answers, ()) = tokio::join!(posts, kill);
    for (s, a) in subs.iter_mut().zip(answers) {
        s.acknowledged = a.ok();
    }
}

/// Compares what the posts answered with what the citizen's lists hold now.
async fn check(
    c: &reqwest::Client,
    base: &str,
    subs: &[Submission],
    before: &BTreeMap<Kind, BTreeSet<String>>,
) -> Counts {
    let mut n = Counts {
        sent: subs.len(),
        ..Counts::default()
    };
    let mut answered: BTreeMap<Kind, BTreeSet<String>> = BTreeMap::new();
    for s in subs {
        n.acknowledged += usize::from(s.acknowledged.is_some());
        n.retried += 1;
        match s.retried.as_ref().expect("retried") {
            Err(e) => {
                println!("  {:?} {}: retry refused: {e}", s.kind, s.key);
                n.retry_failed += 1;
            }
            Ok(id) => {
                if s.acknowledged.as_ref().is_some_and(|first| first != id) {
                    println!(
                        "  {:?} {}: first {:?}, retry {id}",
                        s.kind, s.key, s.acknowledged
                    );
                    n.mismatched += 1;
                }
                if !s.kind.whole(c, base, id).await {
                    println!("  {:?} {id}: not whole", s.kind);
                    n.half_written += 1;
                }
                answered.entry(s.kind).or_default().insert(id.clone());
            }
        }
    }
    for kind in KINDS {
        let new: BTreeSet<String> = kind
            .existing(c, base)
            .await
            .difference(&before[&kind])
            .cloned()
            .collect();
        let answers = answered.remove(&kind).unwrap_or_default();
        // A document nobody's answer names was made by a post whose retry made another one.
        let extra = new.difference(&answers).count();
        let gone = answers.difference(&new).count();
        if extra + gone > 0 {
            println!("  {kind:?}: {extra} made twice, {gone} answered but not listed");
        }
        n.duplicates += extra;
        n.missing += gone;
    }
    // Two keys answered with one document would also be a mix-up.
    let distinct: usize = subs
        .iter()
        .filter_map(|s| s.retried.as_ref()?.as_ref().ok())
        .collect::<BTreeSet<_>>()
        .len();
    n.mismatched += subs.len() - n.retry_failed - distinct;
    n
}

fn add(t: &mut Counts, c: &Counts) {
    t.sent += c.sent;
    t.acknowledged += c.acknowledged;
    t.unanswered += c.unanswered;
    t.retried += c.retried;
    t.retry_failed += c.retry_failed;
    t.mismatched += c.mismatched;
    t.duplicates += c.duplicates;
    t.missing += c.missing;
    t.half_written += c.half_written;
}

// ---------------------------------------------------------------------------------------------
// outage and soak: signed-in users and their timings

/// Signs a fresh client in as a seeded citizen, starting at account `i`: one in five seeded
/// persons has no phone on record, so the next ones are tried.
async fn seeded_citizen(base: &str, i: usize, accounts: usize) -> (reqwest::Client, String) {
    for k in 0..20 {
        let account = phone(i + k * 64, accounts);
        let c = client(base);
        if login(&c, base, &account).await {
            return (c, account);
        }
    }
    panic!("no seeded citizen could sign in near account {i}");
}

/// A seeded citizen with contributions in the last three years, from account `i` on, and the
/// number of the certificate they issue (once: each download renders it again).
async fn citizen_with_certificate(base: &str, i: usize, accounts: usize) -> (String, String) {
    for k in 0..20 {
        let (c, account) = seeded_citizen(base, i + k * 1280, accounts).await;
        let (key, region) = common::certificate_form(&c, base).await;
        if let Ok(number) = common::issue_certificate(&c, base, &key, &region).await {
            return (account, number);
        }
    }
    panic!("no seeded citizen near account {i} has contributions to certify");
}

/// The status of a GET as a browser's page load (0: no answer).
async fn get_status(c: &reqwest::Client, url: &str) -> u16 {
    match c.get(url).header("accept", "text/html").send().await {
        Ok(r) => {
            let status = r.status().as_u16();
            // The whole body: a page that fails half-way through is a failure.
            if r.bytes().await.is_ok() { status } else { 0 }
        }
        Err(_) => 0,
    }
}

async fn outage(args: &Args) -> bool {
    let base = args.base.clone();
    let users = (0..args.concurrency).map(|w| seeded_citizen(&args.base, w, args.accounts));
    let users = futures::future::join_all(users).await;
    // The script waits for this line: the clock starts once everyone is signed in.
    println!("outage: {} users signed in, loading /me", args.concurrency);
    let deadline = Instant::now() + Duration::from_secs(args.seconds);
    let mut workers = Vec::new();
    for (c, _) in users {
        let base = base.clone();
        workers.push(tokio::spawn(async move {
            let mut log = Vec::new();
            while Instant::now() < deadline {
                let started = epoch_ms();
                let status = get_status(&c, &format!("{base}/me")).await;
                log.push((started, status));
            }
            log
        }));
    }

    let mut health = Vec::new();
    while Instant::now() < deadline {
        let at = epoch_ms();
        let status = match tokio::time::timeout(
            Duration::from_secs(3),
            reqwest::get(format!("{base}/healthz")),
        )
        .await
        {
            Ok(Ok(r)) => r.status().as_u16(),
            _ => 0,
        };
        health.push(Poll {
            started: at,
            answered: epoch_ms(),
            status,
        });
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mut requests = Vec::new();
    for w in workers {
        requests.extend(w.await.expect("worker"));
    }
    report_outage(&health, &requests)
}

/// One `/healthz` poll: when it was sent and answered (epoch ms), and its status (0: none).
struct Poll {
    started: u128,
    answered: u128,
    status: u16,
}

/// When health first failed and answered 200 again, and the page loads that failed before,
/// during and after the outage. A poll waits up to 2 s for the database (the health check's
/// timeout), so recovery is the first 200 *answer* after the last failure.
fn report_outage(health: &[Poll], requests: &[(u128, u16)]) -> bool {
    let down: Vec<&Poll> = health.iter().filter(|p| p.status != 200).collect();
    let (Some(first), Some(last)) = (down.first(), down.last()) else {
        println!("outage: /healthz never failed: was the database restarted?");
        return false;
    };
    let not_503 = down.iter().filter(|p| p.status != 503).count();
    let later_200 = health
        .iter()
        .find(|p| p.started > last.started && p.status == 200);
    let Some(recovered) = later_200.map(|p| p.answered) else {
        println!("outage: /healthz still failing at the end");
        return false;
    };
    let failed = |from: u128, to: u128| {
        let window = requests.iter().filter(|(t, _)| *t >= from && *t < to);
        let (n, bad) = window.fold((0, 0), |(n, bad), (_, s)| {
            (n + 1, bad + usize::from(*s != 200))
        });
        format!("{bad} of {n}")
    };
    println!(
        "outage: /healthz failed {} polls ({not_503} of them not 503) sent from {} ms on, 200 again at {recovered} ms",
        down.len(),
        first.started,
    );
    let (start, end) = (first.started, recovered);
    println!(
        "outage: page loads failed before (in flight at the stop) {}",
        failed(0, start)
    );
    println!("outage: page loads failed during {}", failed(start, end));
    println!(
        "outage: page loads failed after recovery {}",
        failed(end, u128::MAX)
    );
    let mut statuses = BTreeMap::new();
    for (_, s) in requests.iter().filter(|(t, s)| *t >= end && *s != 200) {
        *statuses.entry(s).or_insert(0) += 1;
    }
    if !statuses.is_empty() {
        println!("outage: after recovery, failures by status (0: no answer): {statuses:?}");
    }
    println!(
        "health_down_ms={start} recovered_ms={recovered} failed_after={}",
        statuses.values().sum::<usize>()
    );
    statuses.is_empty() && not_503 == 0
}

/// Latencies and failures of one page over the soak.
#[derive(Default)]
struct PageStats {
    latencies: Vec<Duration>,
    server_errors: usize,
    other_failures: usize,
}

type Stats = BTreeMap<&'static str, PageStats>;

fn record(stats: &mut Stats, page: &'static str, took: Duration, status: u16, ok: bool) {
    let s = stats.entry(page).or_default();
    s.latencies.push(took);
    if status >= 500 {
        s.server_errors += 1;
    } else if !ok {
        s.other_failures += 1;
    }
}

/// Times `step`, which answers a status and whether it was the expected one.
async fn timed<F: Future<Output = (u16, bool)>>(stats: &mut Stats, page: &'static str, step: F) {
    let t = Instant::now();
    let (status, ok) = step.await;
    record(stats, page, t.elapsed(), status, ok);
}

async fn post_status(c: &reqwest::Client, url: String, form: &[(&str, &str)]) -> (u16, bool) {
    match c
        .post(url)
        .header("accept", "application/json")
        .form(form)
        .send()
        .await
    {
        Ok(r) => {
            let s = r.status();
            (s.as_u16(), s.is_success() || s.is_redirection())
        }
        Err(_) => (0, false),
    }
}

async fn page(c: &reqwest::Client, url: String) -> (u16, bool) {
    let status = get_status(c, &url).await;
    (status, status == 200)
}

/// One simulated user's loop until `deadline`: citizens sign in, see their home, pension
/// record and certificate; employer users (every tenth) see the staff list; all sign out.
async fn soak_user(base: String, w: usize, accounts: usize, deadline: Instant) -> Stats {
    let mut stats = Stats::new();
    let employer = w % 10 == 9;
    let (account, certificate) = if employer {
        ("employer-demo".to_string(), None)
    } else {
        let (account, number) = citizen_with_certificate(&base, w, accounts).await;
        (account, Some(number))
    };
    while Instant::now() < deadline {
        let c = client(&base);
        let form = [
            ("account", account.as_str()),
            ("password", common::PASSWORD),
        ];
        timed(
            &mut stats,
            "sign in",
            post_status(&c, format!("{base}/api/auth/login"), &form),
        )
        .await;
        if employer {
            timed(
                &mut stats,
                "/employer/staff",
                page(&c, format!("{base}/employer/staff")),
            )
            .await;
        } else {
            timed(&mut stats, "/me", page(&c, format!("{base}/me"))).await;
            timed(
                &mut stats,
                "/me/records/pension",
                page(&c, format!("{base}/me/records/pension")),
            )
            .await;
            if let Some(n) = &certificate {
                let url = format!("{base}/files/certificates/{n}.pdf");
                timed(&mut stats, "certificate PDF", page(&c, url)).await;
            }
        }
        timed(
            &mut stats,
            "sign out",
            post_status(&c, format!("{base}/api/auth/logout"), &[]),
        )
        .await;
    }
    stats
}

async fn soak(args: &Args) -> bool {
    let deadline = Instant::now() + Duration::from_secs(args.seconds);
    let workers: Vec<_> = (0..args.concurrency)
        .map(|w| tokio::spawn(soak_user(args.base.clone(), w, args.accounts, deadline)))
        .collect();
    let mut all = Stats::new();
    for w in workers {
        for (page, s) in w.await.expect("user") {
            let t = all.entry(page).or_default();
            t.latencies.extend(s.latencies);
            t.server_errors += s.server_errors;
            t.other_failures += s.other_failures;
        }
    }
    let mut server_errors = 0;
    println!(
        "{:<22} {:>8} {:>9} {:>9} {:>9} {:>5} {:>6}",
        "page", "requests", "p50 ms", "p99 ms", "max ms", "5xx", "other"
    );
    for (page, s) in &mut all {
        s.latencies.sort();
        let pct = |p: f64| {
            let l = &s.latencies;
            l[((l.len() as f64 * p) as usize).min(l.len() - 1)].as_secs_f64() * 1000.0
        };
        println!(
            "{page:<22} {:>8} {:>9.1} {:>9.1} {:>9.1} {:>5} {:>6}",
            s.latencies.len(),
            pct(0.5),
            pct(0.99),
            pct(1.0),
            s.server_errors,
            s.other_failures
        );
        server_errors += s.server_errors;
    }
    server_errors == 0
}
