//! Bad input over HTTP, on SQLite and PostgreSQL. Every server function, called by nobody and
//! by each role, gets random arguments: any text (control characters included), numbers past
//! every integer type, negative ones, long strings, and invalid UTF-8 percent-encoded; every
//! page gets such query strings and path segments, and the upload malformed multipart bodies.
//! Never a 5xx; a server function's refusal is always one of the typed errors, which the app
//! words in the reader's language. The inputs are drawn by proptest with a fixed seed, so a
//! failure repeats.

use crate::common::{CITIZEN, Kind, TestApp, spawn_app};
use app::error::AppError;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

/// Random inputs per server function and caller, and per page.
const CASES: usize = 6;

/// Every argument name a server function takes: a random few are sent with random values.
const ARGUMENTS: &[&str] = &[
    "account",
    "action",
    "actor",
    "admin",
    "admitted_on",
    "answer",
    "as_role",
    "assisted",
    "birth",
    "by",
    "category",
    "code",
    "confirm",
    "confirmed",
    "current",
    "decision",
    "disabled",
    "display_name",
    "employer",
    "exception",
    "flag",
    "from",
    "growth",
    "helpdesk",
    "id",
    "index",
    "insurance",
    "insured",
    "kind",
    "lang",
    "language",
    "leg",
    "maternity",
    "medical",
    "mode",
    "months",
    "new_password",
    "note",
    "number",
    "office",
    "offset",
    "outcome",
    "page",
    "password",
    "pension",
    "period",
    "person",
    "phone",
    "purpose",
    "q",
    "reason",
    "reason_text",
    "reference",
    "region",
    "replaces",
    "request_key",
    "reviewer",
    "role",
    "scope",
    "sort",
    "status",
    "stay",
    "ticket",
    "to",
    "treatment",
    "unemployment",
    "user",
    "username",
    "version",
    "work_injury",
    "year",
];

/// Pages, with a placeholder for a path segment.
const PAGES: &[&str] = &[
    "/login",
    "/me",
    "/me/records/{}",
    "/me/pension-estimate",
    "/me/access-log",
    "/me/certificates/{}",
    "/me/certificates/new",
    "/me/requests/new/{}",
    "/me/requests/{}",
    "/me/filings/new/evidence",
    "/me/filings/{}",
    "/verify",
    "/employer/staff",
    "/employer/staff/{}",
    "/review/legs/{}",
    "/admin/staff",
    "/admin/audit",
];

/// One value, already percent-encoded for a form or a query string.
fn value() -> impl Strategy<Value = String> {
    let text = prop_oneof![
        any::<String>(),
        "[0-9]{1,40}",
        "-[0-9]{1,25}",
        Just("9223372036854775807".to_string()),
        Just("-9223372036854775808".to_string()),
        Just("1e309".to_string()),
        "[a-z0-9 ]{2000,6000}",
        Just(String::new()),
        "[\\x00-\\x1f\\x7f]{1,8}",
    ]
    .prop_map(|s| {
        percent_encoding::utf8_percent_encode(&s, percent_encoding::NON_ALPHANUMERIC).to_string()
    });
    // Bytes that are not UTF-8, as a browser or a script could send them.
    let bytes = prop::collection::vec(any::<u8>(), 1..40).prop_map(|b| {
        b.iter()
            .map(|byte| format!("%{byte:02X}"))
            .collect::<String>()
    });
    prop_oneof![4 => text, 1 => bytes]
}

/// A form body (or query string): a few argument names, sometimes repeated or unknown.
fn form() -> impl Strategy<Value = String> {
    let name = prop_oneof![
        9 => prop::sample::select(ARGUMENTS).prop_map(String::from),
        1 => "[a-z_%]{1,12}",
    ];
    prop::collection::vec((name, value()), 0..8).prop_map(|pairs| {
        pairs
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    })
}

/// A multipart body with random parts (names, file names, bytes) and random boundaries of
/// well-formedness.
fn multipart() -> impl Strategy<Value = Vec<u8>> {
    let part = (
        prop_oneof![Just("documents".to_string()), "[a-z]{1,10}"],
        prop::option::of(any::<String>()),
        prop::collection::vec(any::<u8>(), 0..2000),
    );
    (prop::collection::vec(part, 0..12), any::<bool>()).prop_map(|(parts, close)| {
        let mut body = Vec::new();
        for (name, file, bytes) in parts {
            body.extend_from_slice(b"--B\r\nContent-Disposition: form-data; name=\"");
            body.extend_from_slice(name.as_bytes());
            if let Some(file) = file {
                body.extend_from_slice(b"\"; filename=\"");
                body.extend_from_slice(file.as_bytes());
            }
            body.extend_from_slice(b"\"\r\n\r\n");
            body.extend_from_slice(&bytes);
            body.extend_from_slice(b"\r\n");
        }
        if close {
            body.extend_from_slice(b"--B--\r\n");
        }
        body
    })
}

fn sample<S: Strategy>(runner: &mut TestRunner, strategy: &S) -> S::Value {
    strategy.new_tree(runner).expect("a value").current()
}

/// The callers: nobody, and one of each role (staff past the code step).
async fn callers(app: &TestApp) -> Vec<(&'static str, reqwest::Client)> {
    let mut callers = vec![("nobody", app.client())];
    for account in [
        CITIZEN,
        "employer-demo",
        "helpdesk-demo",
        "reviewer-beijing",
        "admin-demo",
    ] {
        callers.push((account, app.signed_in(account).await));
    }
    callers
}

on_both_backends!(random_arguments_never_get_a_server_error);
async fn random_arguments_never_get_a_server_error(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let callers = callers(&app).await;
    let mut paths: Vec<&str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        // Signing out would make the rest of the callers' calls nobody's.
        .filter(|path| !path.ends_with("/logout"))
        .collect();
    paths.sort_unstable();
    assert!(
        paths.len() > 50,
        "every server function is registered: {paths:?}"
    );
    let mut runner = TestRunner::deterministic();
    let form = form();
    for path in paths {
        for (caller, client) in &callers {
            for _ in 0..CASES {
                let body = sample(&mut runner, &form);
                let res = client
                    .post(app.url(path))
                    .header("accept", "application/json")
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(body.clone())
                    .send()
                    .await
                    .unwrap();
                let status = res.status().as_u16();
                let text = res.text().await.unwrap_or_default();
                let what = format!("{kind:?} {caller} {path} {body:.300} → {status} {text:.300}");
                assert!(status < 500, "{what}");
                if status >= 400 {
                    assert!(serde_json::from_str::<AppError>(&text).is_ok(), "{what}");
                }
            }
        }
    }
}

on_both_backends!(random_query_strings_and_uploads_never_get_a_server_error);
async fn random_query_strings_and_uploads_never_get_a_server_error(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let callers = callers(&app).await;
    let mut runner = TestRunner::deterministic();
    let (query, segment) = (form(), value());
    for page in PAGES {
        for (caller, client) in &callers {
            for _ in 0..CASES {
                let path = page.replace("{}", &sample(&mut runner, &segment));
                let url = format!("{}?{}", app.url(&path), sample(&mut runner, &query));
                let res = match client.get(&url).header("accept", "text/html").send().await {
                    Ok(res) => res,
                    Err(e) => panic!(
                        "{kind:?} {caller} {url:.400}: {e:?}\n{}",
                        app.diagnose().await
                    ),
                };
                let status = res.status().as_u16();
                assert!(status < 500, "{kind:?} {caller} {url:.400} → {status}");
            }
        }
    }
    let multipart = multipart();
    for (caller, client) in &callers {
        for _ in 0..CASES * 4 {
            let body = sample(&mut runner, &multipart);
            let res = client
                .post(app.url("/files/filing-documents"))
                .header("content-type", "multipart/form-data; boundary=B")
                .body(body)
                .send()
                .await
                .unwrap();
            let status = res.status().as_u16();
            assert!(status < 500, "{kind:?} {caller} upload → {status}");
        }
    }
}
