//! What the load generator and the fault scripts' driver share: a browser-like client, sign-in,
//! server-function calls, and the demo citizen's submissions split into "prepare the form" and
//! "post it with its request key", so that a submission can be posted again with the same key.
#![allow(dead_code)] // Each example uses its own part of this module.

use serde_json::Value;

/// The demo citizen the README lists; every demo account has the same password.
pub const CITIZEN: &str = "110101199003074514";
pub const PASSWORD: &str = "Jinbao-Demo-2026";

/// Seeded citizens sign in by phone `13` + (100000000 + person id); persons 3.. are generated.
pub fn phone(i: usize, accounts: usize) -> String {
    format!(
        "13{:09}",
        100_000_000 + 3 + (i % accounts.saturating_sub(3).max(1))
    )
}

/// A client as a browser is one: own cookies, same-origin header, redirects left to the caller.
pub fn client(base: &str) -> reqwest::Client {
    let mut h = reqwest::header::HeaderMap::new();
    h.insert("origin", base.parse().expect("origin"));
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(h)
        .build()
        .expect("client")
}

pub async fn login(c: &reqwest::Client, base: &str, account: &str) -> bool {
    let res = c
        .post(format!("{base}/api/auth/login"))
        .header("accept", "application/json")
        .form(&[("account", account), ("password", PASSWORD)])
        .send()
        .await;
    matches!(res, Ok(r) if r.status() == 200)
}

/// A fresh client signed in as `account`.
pub async fn signed_in(base: &str, account: &str) -> reqwest::Client {
    let c = client(base);
    assert!(login(&c, base, account).await, "{account} login failed");
    c
}

/// Calls a server function as the hydrated app does: its JSON answer, or why there is none
/// (a refused request, or no answer at all from a server that went away).
pub async fn try_call(
    c: &reqwest::Client,
    base: &str,
    path: &str,
    form: &[(&str, &str)],
) -> Result<Value, String> {
    let res = c
        .post(format!("{base}{path}"))
        .header("accept", "application/json")
        .form(form)
        .send()
        .await
        .map_err(|e| format!("{path}: {e}"))?;
    let status = res.status();
    if !status.is_success() {
        return Err(format!(
            "{path}: {status} {}",
            res.text().await.unwrap_or_default()
        ));
    }
    // A redirecting function (withdraw, cancel) answers with an empty body.
    let body = res.bytes().await.map_err(|e| format!("{path}: {e}"))?;
    Ok(serde_json::from_slice(&body).unwrap_or(Value::Null))
}

/// A server function call that must succeed.
pub async fn call_json(
    c: &reqwest::Client,
    base: &str,
    path: &str,
    form: &[(&str, &str)],
) -> Value {
    try_call(c, base, path, form)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

/// A submission's answer: the document number or reference, as a string.
pub fn answer(v: Result<Value, String>) -> Result<String, String> {
    v?.as_str()
        .map(str::to_string)
        .ok_or_else(|| "not a string".into())
}

/// A fresh certificate form's request key and the region paid most recently (empty for a
/// person who never paid: the certificate is then refused).
pub async fn certificate_form(c: &reqwest::Client, base: &str) -> (String, String) {
    let options = call_json(c, base, "/api/citizen/get_certificate_options", &[]).await;
    let key = options["request_key"].as_str().expect("key").to_string();
    let region = options["regions"][0][0]
        .as_str()
        .unwrap_or_default()
        .to_string();
    (key, region)
}

/// Issues a 36-month contributions certificate (all five insurances, for a loan) with the
/// form's key; its number.
pub async fn issue_certificate(
    c: &reqwest::Client,
    base: &str,
    key: &str,
    region: &str,
) -> Result<String, String> {
    answer(
        try_call(
            c,
            base,
            "/api/citizen/issue_certificate",
            &[
                ("kind", "contributions"),
                ("purpose", "loan"),
                ("language", "zh"),
                ("region", region),
                ("pension", "on"),
                ("medical", "on"),
                ("work_injury", "on"),
                ("unemployment", "on"),
                ("maternity", "on"),
                ("period", "36"),
                ("request_key", key),
            ],
        )
        .await,
    )
}

/// Fills the demo citizen's pension transfer draft (Shenzhen to Beijing); the draft's key.
pub async fn transfer_form(c: &reqwest::Client, base: &str) -> String {
    let kind = ("kind", "pension");
    let places = [kind, ("from", "440300"), ("to", "110100")];
    call_json(c, base, "/api/citizen/save_transfer_places", &places).await;
    let contact = [kind, ("phone", "13800138000")];
    call_json(c, base, "/api/citizen/save_transfer_contact", &contact).await;
    let draft = call_json(c, base, "/api/citizen/get_transfer_draft", &[kind]).await;
    draft["request_key"].as_str().expect("key").to_string()
}

/// Submits the pension transfer draft of `key`; the request's reference.
pub async fn submit_transfer(c: &reqwest::Client, base: &str, key: &str) -> Result<String, String> {
    let form = [("kind", "pension"), ("request_key", key)];
    answer(try_call(c, base, "/api/citizen/submit_transfer", &form).await)
}

/// The first two steps of the demo citizen's out-of-area filing (insured in Beijing, treated
/// in Shanghai, long-term residence).
pub async fn filing_steps(c: &reqwest::Client, base: &str) {
    let places = [("insured", "110100:employee"), ("treatment", "310100")];
    call_json(c, base, "/api/citizen/save_filing_places", &places).await;
    let category = [
        ("category", "long_term_residence"),
        ("stay", "not_admitted"),
    ];
    call_json(c, base, "/api/citizen/save_filing_category", &category).await;
}

/// Posts the filing's evidence step as the browser's multipart form does.
pub async fn filing_evidence(c: &reqwest::Client, base: &str, form: reqwest::multipart::Form) {
    let res = c
        .post(format!("{base}/files/filing-documents"))
        .multipart(form)
        .send()
        .await
        .expect("upload");
    assert_eq!(res.status(), 303, "evidence step");
}

/// The filing draft's documents.
pub async fn filing_documents(c: &reqwest::Client, base: &str) -> Value {
    call_json(c, base, "/api/citizen/get_filing_draft", &[]).await["documents"].clone()
}

/// A filing draft ready to submit, signed with the undertaking instead of documents; its key.
pub async fn filing_form(c: &reqwest::Client, base: &str) -> String {
    filing_steps(c, base).await;
    let form = reqwest::multipart::Form::new()
        .text("evidence", "undertaking")
        .text("undertaking", "on")
        .text("then", "continue");
    filing_evidence(c, base, form).await;
    let draft = call_json(c, base, "/api/citizen/get_filing_draft", &[]).await;
    draft["request_key"].as_str().expect("key").to_string()
}

/// Submits the filing draft of `key`; the filing's reference.
pub async fn submit_filing(c: &reqwest::Client, base: &str, key: &str) -> Result<String, String> {
    answer(
        try_call(
            c,
            base,
            "/api/citizen/submit_filing",
            &[("request_key", key)],
        )
        .await,
    )
}
