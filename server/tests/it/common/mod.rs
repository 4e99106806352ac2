//! Test support: a fresh database per test on each backend (SQLite file, PostgreSQL database),
//! seeded with a small deterministic data set, and the real app bound to port 0.

use app::server::auth::sealed::SecretBox;
use app::server::clock::Clock;
use app::server::store::Store;
use server::config::Settings;
use server::startup::{Application, open_store};

pub const PASSWORD: &str = "Jinbao-Demo-2026";
pub const CITIZEN: &str = "110101199003074514";
pub const RETIREE: &str = "510107196211033927";
/// The demo resident (residents' scheme in Chengdu, 60 in 2028-05).
pub const RESIDENT: &str = "510107196805122644";
/// 陈志强: Guangzhou (suspended) then Shenzhen, both in Guangdong: a change of registration.
pub const MOVER: &str = "510104198506150311";
/// 赵丽: Chengdu (two months unpaid) then Shanghai from age 40: a temporary account.
pub const LATE_MOVER: &str = "510106198008200489";
/// The ticket number of the assisted sessions tests start.
pub const ASSIST_TICKET: &str = "T-20261127-001";

/// The administrative PostgreSQL URL; the test command starts a local server where none runs.
fn pg_admin_url() -> String {
    std::env::var("JINBAO_TEST_PG")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Sqlite,
    Postgres,
}

pub const BACKENDS: [Kind; 2] = [Kind::Sqlite, Kind::Postgres];

/// Declares the test `async fn $name(kind: Kind)` as two cases, `$name::sqlite` and
/// `$name::postgres`; write it just above the function. Each runs on a multi-thread runtime, as
/// the server does in production: the app and the test's client are tasks on two workers.
macro_rules! on_both_backends {
    ($name:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name($crate::common::Kind::Sqlite).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$name($crate::common::Kind::Postgres).await
            }
        }
    };
}

/// A fresh, empty database of the given kind; returns its URL and a temp dir kept alive.
pub async fn fresh_database(kind: Kind) -> (String, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = match kind {
        Kind::Sqlite => format!("sqlite://{}/jinbao.db", dir.path().display()),
        Kind::Postgres => {
            use sqlx::Connection;
            let admin = pg_admin_url();
            let name = format!("jinbao_t_{}", uuid_like());
            let mut conn = sqlx::PgConnection::connect(&admin)
                .await
                .expect("PostgreSQL must be reachable for the database tests (JINBAO_TEST_PG)");
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut conn)
                .await
                .expect("create test database");
            let base = admin
                .rsplit_once('/')
                .map(|(b, _)| b.to_string())
                .expect("url with database");
            format!("{base}/{name}")
        }
    };
    (url, dir)
}

/// Runs statements on the database behind the store's back, as an old build or an operator would.
pub async fn execute_sql(kind: Kind, url: &str, statements: &[&str]) {
    use sqlx::Connection;
    match kind {
        Kind::Sqlite => {
            let mut conn = sqlx::SqliteConnection::connect(url).await.unwrap();
            for sql in statements {
                sqlx::query(sql).execute(&mut conn).await.unwrap();
            }
        }
        Kind::Postgres => {
            let mut conn = sqlx::PgConnection::connect(url).await.unwrap();
            for sql in statements {
                sqlx::query(sql).execute(&mut conn).await.unwrap();
            }
        }
    }
}

fn uuid_like() -> String {
    format!("{:016x}", rand::random::<u64>())
}

/// The server key of every test database, written to each test's key file: the seed seals the
/// demo staff's two-factor secrets with it, and the app opens them with it.
pub const TEST_KEY: [u8; 32] = *b"the key of every jinbao test db!";

pub fn test_sealer() -> SecretBox {
    SecretBox::new(&TEST_KEY)
}

/// Settings for a test database in `dir`, whose key file holds [`TEST_KEY`].
pub fn settings(url: &str, dir: &std::path::Path) -> Settings {
    let key_file = dir.join("secret.key");
    std::fs::write(&key_file, data_encoding::HEXLOWER.encode(&TEST_KEY)).expect("key file");
    Settings {
        database_url: url.into(),
        database_max_connections: 5,
        site_addr: "127.0.0.1:0".parse().unwrap(),
        metrics_addr: String::new(),
        secret_key_file: key_file,
        ..Settings::default()
    }
}

/// A migrated and seeded store (30 persons, seed 7) on a fresh database.
pub async fn seeded_store(kind: Kind) -> (Store, tempfile::TempDir) {
    let (url, dir) = fresh_database(kind).await;
    let store = open_store(&settings(&url, dir.path()))
        .await
        .expect("open store");
    seed(&store).await;
    (store, dir)
}

/// The test data set (30 persons, seed 7) in a fresh database.
async fn seed(store: &Store) {
    let options = server::seed::SeedOptions::new(30, 7);
    server::seed::run(store, &options, &test_sealer())
        .await
        .expect("seed")
        .expect("a fresh database");
}

/// The state a request would see over `store`, with the default policies: for calling services
/// below the HTTP layer.
pub fn state_of(store: &Store) -> app::server::state::AppState {
    use app::server::auth::{
        password::Passwords, session::SessionPolicy, throttle::ThrottlePolicy,
    };
    app::server::state::AppState::new(app::server::state::Shared {
        leptos_options: leptos::config::LeptosOptions::builder()
            .output_name("jinbao")
            .build(),
        store: store.clone(),
        passwords: Passwords::new(1).expect("hasher"),
        sessions: SessionPolicy::default(),
        throttle: ThrottlePolicy::default(),
        clock: Clock::system(),
        secret_key: TEST_KEY.as_slice().into(),
        totp_secrets: test_sealer(),
        public_url: "http://localhost".into(),
    })
}

/// Far longer than any request takes (the slowest, a PDF in a debug build, takes about a second).
pub const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

pub struct TestApp {
    pub base: String,
    pub database_url: String,
    pub clock: Clock,
    pub store: Store,
    pub metrics: server::http::metrics::Metrics,
    _dir: tempfile::TempDir,
}

/// Boots the real application on a fresh seeded database, with a clock the test controls.
/// The server's warnings (slow statements, failed lookups) go to the output of the test whose
/// app wrote them, which the harness shows when that test fails.
fn show_server_warnings() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new("warn"))
            .with_test_writer()
            .try_init();
    });
}

pub async fn spawn_app(kind: Kind, tweak: impl FnOnce(&mut Settings)) -> TestApp {
    show_server_warnings();
    let (url, dir) = fresh_database(kind).await;
    let mut s = settings(&url, dir.path());
    tweak(&mut s);
    let store = open_store(&s).await.expect("open store");
    seed(&store).await;
    store.close().await;
    let clock = Clock::system();
    let app = Application::build(&s, clock.clone())
        .await
        .expect("build app");
    let port = app.port();
    let store = app.state().store.clone();
    let metrics = app.metrics().clone();
    tokio::spawn(app.run_until_stopped());
    TestApp {
        base: format!("http://127.0.0.1:{port}"),
        database_url: url,
        clock,
        store,
        metrics,
        _dir: dir,
    }
}

impl TestApp {
    /// A browser-like client: keeps cookies, sends a same-origin `Origin`, follows no redirects.
    /// A request that gets no answer in [`REQUEST_TIMEOUT`] fails its test instead of hanging the
    /// suite.
    pub fn client(&self) -> reqwest::Client {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("origin", self.base.parse().unwrap());
        reqwest::Client::builder()
            .timeout(REQUEST_TIMEOUT)
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .default_headers(headers)
            .build()
            .unwrap()
    }

    /// A client that sends this session token and keeps no cookies: a copy of a cookie taken
    /// at some moment, as a thief would hold it.
    pub fn client_with_token(&self, token: &str) -> reqwest::Client {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("origin", self.base.parse().unwrap());
        headers.insert("cookie", format!("jb_session={token}").parse().unwrap());
        reqwest::Client::builder()
            .timeout(REQUEST_TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .default_headers(headers)
            .build()
            .unwrap()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Calls a server function the way the hydrated app does (form-encoded in, JSON out).
    pub async fn call(
        &self,
        client: &reqwest::Client,
        path: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        client
            .post(self.url(path))
            .header("accept", "application/json")
            .form(form)
            .send()
            .await
            .expect("request")
    }

    pub async fn login(
        &self,
        client: &reqwest::Client,
        account: &str,
        password: &str,
    ) -> reqwest::Response {
        self.call(
            client,
            "/api/auth/login",
            &[("account", account), ("password", password)],
        )
        .await
    }

    /// A client signed in as `account`, past the code step for demo staff.
    pub async fn signed_in(&self, account: &str) -> reqwest::Client {
        let c = self.client();
        let res = self.login(&c, account, PASSWORD).await;
        assert_eq!(res.status(), 200, "login as {account}");
        let stage: String = res.json().await.expect("login answers the stage");
        if stage == "code" {
            let res = self.enter_code(&c, account).await;
            assert_eq!(res.status(), 200, "sign-in code for {account}");
        }
        c
    }

    /// For the message of a request that got no answer: whether the server still answers a new
    /// connection, and what the database is doing.
    pub async fn diagnose(&self) -> String {
        let health = reqwest::Client::new()
            .get(self.url("/healthz"))
            .timeout(std::time::Duration::from_secs(5))
            .send()
            .await
            .map(|r| r.status().to_string());
        format!(
            "/healthz on a new connection: {health:?}\ndatabase: {}",
            self.database_activity().await
        )
    }

    /// What the database's other sessions are doing (PostgreSQL): a statement waiting on a lock
    /// shows here, with what it waits for.
    pub async fn database_activity(&self) -> String {
        use sqlx::Connection;
        if self.database_url.starts_with("sqlite:") {
            return "(SQLite: no activity view)".into();
        }
        let Ok(mut c) = sqlx::PgConnection::connect(&self.database_url).await else {
            return "(cannot connect)".into();
        };
        // state, wait event type, wait event, the statement
        type Activity = (
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
        );
        let rows: Vec<Activity> = sqlx::query_as(
            "SELECT state, wait_event_type, wait_event, left(query, 200) FROM pg_stat_activity \
             WHERE datname = current_database() AND pid <> pg_backend_pid()",
        )
        .fetch_all(&mut c)
        .await
        .unwrap_or_default();
        format!("{rows:#?}")
    }

    /// What a `SELECT COUNT(*)` answers: for facts that no page shows.
    pub async fn count(&self, sql: &str) -> i64 {
        use sqlx::Connection;
        if self.database_url.starts_with("sqlite:") {
            let mut c = sqlx::SqliteConnection::connect(&self.database_url)
                .await
                .unwrap();
            sqlx::query_scalar(sql).fetch_one(&mut c).await.unwrap()
        } else {
            let mut c = sqlx::PgConnection::connect(&self.database_url)
                .await
                .unwrap();
            sqlx::query_scalar(sql).fetch_one(&mut c).await.unwrap()
        }
    }

    /// The session token of `account` signed in (past the code step for demo staff), for a
    /// request written by hand.
    pub async fn token_of(&self, account: &str) -> String {
        let c = self.client();
        let res = self.login(&c, account, PASSWORD).await;
        let token = session_token(&res).expect("a session");
        let stage: String = res.json().await.expect("login answers the stage");
        if stage != "code" {
            return token;
        }
        session_token(&self.enter_code(&c, account).await).expect("a renewed session")
    }

    /// The demo staff member's current sign-in code, as their authenticator app would show it.
    /// The clock moves on a step first: each code signs in once.
    pub fn code_for(&self, account: &str) -> String {
        self.clock.advance(chrono::Duration::seconds(30));
        let secret = server::seed::DEMO_TOTP_SECRETS
            .iter()
            .find(|(u, _)| *u == account)
            .map(|(_, s)| *s)
            .expect("a demo staff account");
        app::server::auth::totp::code_at(secret, self.clock.now()).unwrap()
    }

    pub async fn enter_code(&self, c: &reqwest::Client, account: &str) -> reqwest::Response {
        let code = self.code_for(account);
        self.call(c, "/api/auth/verify_code", &[("code", &code)])
            .await
    }

    /// The helpdesk finds the caller by resident ID; returns their user id.
    pub async fn find_user(&self, agent: &reqwest::Client, resident_id: &str) -> i64 {
        let res = self
            .call(
                agent,
                "/api/helpdesk/find_callers",
                &[("by", "id"), ("q", resident_id)],
            )
            .await;
        assert_eq!(res.status(), 200);
        res.json::<serde_json::Value>().await.expect("json body")["Persons"][0]["user_id"]
            .as_i64()
            .expect("a user")
    }

    /// The agent starts an assisted session as `user` in `as_role`, with ticket [`ASSIST_TICKET`].
    pub async fn start_assist(
        &self,
        agent: &reqwest::Client,
        user: i64,
        as_role: &str,
    ) -> reqwest::Response {
        self.call(
            agent,
            "/api/helpdesk/start_assist",
            &[
                ("user", &user.to_string()),
                ("as_role", as_role),
                ("reason", "record_enquiry"),
                ("reason_text", "来电查询 2019 年的缴费记录"),
                ("ticket", ASSIST_TICKET),
            ],
        )
        .await
    }
}

/// The session token a response sets, if any.
pub fn session_token(res: &reqwest::Response) -> Option<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok()?.strip_prefix("jb_session="))
        .map(|rest| rest.split(';').next().unwrap_or_default().to_string())
        .find(|token| !token.is_empty())
}

/// A response's JSON body; the status and text when it is not JSON.
pub async fn json(res: reqwest::Response) -> serde_json::Value {
    let status = res.status();
    let text = res.text().await.unwrap_or_default();
    serde_json::from_str(&text).unwrap_or_else(|_| panic!("{status}: {text}"))
}

/// The JSON body of a response that must be 200.
pub async fn ok(res: reqwest::Response) -> serde_json::Value {
    let status = res.status();
    let body = json(res).await;
    assert_eq!(status, 200, "{body}");
    body
}

/// The (field, code) pairs of a validation error.
pub fn field_codes(body: &serde_json::Value) -> Vec<(String, String)> {
    body["Validation"]
        .as_array()
        .unwrap_or_else(|| panic!("not a validation error: {body}"))
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap().to_string(),
                f["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}
