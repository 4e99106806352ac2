//! Out-of-area medical filings over HTTP on SQLite and PostgreSQL: the form written step by step
//! into a server-side draft, uploaded documents (type, size and count limits, removal, download
//! for the owner only), filing (at once in effect, once per form), one long-term filing at a
//! time, temporary validity, change and cancel, the filing on the medical insurance, the
//! assisted-session rule for undertakings, and refusal for other citizens, other roles and
//! nobody.

use crate::common;
use common::{CITIZEN, Kind, RESIDENT, RETIREE, TestApp, field_codes, json, ok, spawn_app};
use serde_json::Value;

const SHANGHAI: &str = "310100";
/// The smallest files each accepted kind is recognised by.
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

fn form_of(replaces: Option<&str>, fields: &[(&str, &str)]) -> Vec<(String, String)> {
    replaces
        .map(|r| ("replaces", r))
        .into_iter()
        .chain(fields.iter().copied())
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

async fn call(
    app: &TestApp,
    c: &reqwest::Client,
    path: &str,
    replaces: Option<&str>,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let form = form_of(replaces, fields);
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.call(c, path, &form).await
}

async fn draft(app: &TestApp, c: &reqwest::Client, replaces: Option<&str>) -> Value {
    ok(call(app, c, "/api/citizen/get_filing_draft", replaces, &[]).await).await
}

/// Step 1 for the demo citizen (insured in Beijing as an employee).
async fn places(
    app: &TestApp,
    c: &reqwest::Client,
    replaces: Option<&str>,
    treatment: &str,
) -> reqwest::Response {
    places_insured(app, c, replaces, "110100:employee", treatment).await
}

async fn places_insured(
    app: &TestApp,
    c: &reqwest::Client,
    replaces: Option<&str>,
    insured: &str,
    treatment: &str,
) -> reqwest::Response {
    let fields = [("insured", insured), ("treatment", treatment)];
    call(app, c, "/api/citizen/save_filing_places", replaces, &fields).await
}

/// Step 2 with `category`, not admitted (unless `extra` says otherwise).
async fn category(
    app: &TestApp,
    c: &reqwest::Client,
    replaces: Option<&str>,
    category: &str,
    extra: &[(&str, &str)],
) -> reqwest::Response {
    let mut fields = vec![("category", category), ("stay", "not_admitted")];
    for (k, v) in extra {
        fields.retain(|(f, _)| f != k);
        fields.push((k, v));
    }
    call(
        app,
        c,
        "/api/citizen/save_filing_category",
        replaces,
        &fields,
    )
    .await
}

/// Step 3 as the browser posts it: a multipart form with any files.
async fn evidence(
    app: &TestApp,
    c: &reqwest::Client,
    replaces: Option<&str>,
    fields: &[(&str, &str)],
    files: &[(&str, &[u8])],
) -> reqwest::Response {
    let mut form = reqwest::multipart::Form::new();
    for (k, v) in form_of(replaces, fields) {
        form = form.text(k, v);
    }
    for (name, bytes) in files {
        let part = reqwest::multipart::Part::bytes(bytes.to_vec())
            .file_name(name.to_string())
            .mime_str("application/octet-stream")
            .unwrap();
        form = form.part("documents", part);
    }
    c.post(app.url("/files/filing-documents"))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// The head of an upload and the first bytes of a 20 MB file, then nothing more: a body the
/// server would wait for if it read before checking.
async fn stalled_upload(app: &TestApp, token: Option<&str>) -> tokio::net::TcpStream {
    use tokio::io::AsyncWriteExt;
    let host = app.base.trim_start_matches("http://");
    let mut s = tokio::net::TcpStream::connect(host).await.unwrap();
    let cookie = token
        .map(|t| format!("Cookie: jb_session={t}\r\n"))
        .unwrap_or_default();
    let head = format!(
        "POST /files/filing-documents HTTP/1.1\r\nHost: {host}\r\nOrigin: {}\r\n{cookie}\
         Content-Type: multipart/form-data; boundary=B\r\nContent-Length: 20000000\r\n\r\n\
         --B\r\nContent-Disposition: form-data; name=\"documents\"; filename=\"a.pdf\"\r\n\r\n\
         %PDF-1.4\n",
        app.base
    );
    s.write_all(head.as_bytes()).await.unwrap();
    s
}

/// The status the server answered on `s`, or None when it has not answered in three seconds.
async fn answer(s: &mut tokio::net::TcpStream) -> Option<u16> {
    use tokio::io::AsyncReadExt;
    let mut buf = [0u8; 64];
    let wait = std::time::Duration::from_secs(3);
    let n = tokio::time::timeout(wait, s.read(&mut buf))
        .await
        .ok()?
        .ok()?;
    std::str::from_utf8(&buf[..n])
        .ok()?
        .split(' ')
        .nth(1)?
        .parse()
        .ok()
}

/// Where the evidence form sent the browser.
fn location(res: &reqwest::Response) -> String {
    assert_eq!(res.status(), 303, "{res:?}");
    res.headers()["location"].to_str().unwrap().to_string()
}

const UNDERTAKING: [(&str, &str); 3] = [
    ("evidence", "undertaking"),
    ("undertaking", "on"),
    ("then", "continue"),
];

/// Every step of a filing to `treatment` in `category` (plus `extra` for step 2), signed with
/// the undertaking; the draft's request key.
async fn fill(
    app: &TestApp,
    c: &reqwest::Client,
    replaces: Option<&str>,
    treatment: &str,
    cat: &str,
    extra: &[(&str, &str)],
) -> String {
    ok(places(app, c, replaces, treatment).await).await;
    ok(category(app, c, replaces, cat, extra).await).await;
    let res = evidence(app, c, replaces, &UNDERTAKING, &[]).await;
    assert!(!location(&res).contains("error"), "{res:?}");
    let d = draft(app, c, replaces).await;
    assert!(!d["preview"].is_null(), "{d}");
    d["request_key"].as_str().unwrap().to_string()
}

async fn submit(
    app: &TestApp,
    c: &reqwest::Client,
    replaces: Option<&str>,
    key: &str,
) -> reqwest::Response {
    call(
        app,
        c,
        "/api/citizen/submit_filing",
        replaces,
        &[("request_key", key)],
    )
    .await
}

async fn filing(app: &TestApp, c: &reqwest::Client, reference: &str) -> Value {
    ok(app
        .call(c, "/api/citizen/get_filing", &[("reference", reference)])
        .await)
    .await
}

fn steps_done(d: &Value) -> Vec<String> {
    d["done"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

on_both_backends!(a_filing_is_written_step_by_step_with_uploaded_documents);
async fn a_filing_is_written_step_by_step_with_uploaded_documents(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let me = app.signed_in(CITIZEN).await;
    let d = draft(&app, &me, None).await;
    assert_eq!(d["insured"][0]["value"], "110100:employee", "{d}");
    assert!(d["provinces"].as_array().unwrap().len() > 30);
    assert!(steps_done(&d).is_empty() && d["preview"].is_null());

    // A step with a problem saves nothing.
    let res = places(&app, &me, None, "110100").await;
    assert_eq!(
        field_codes(&json(res).await),
        vec![("treatment".into(), "same_place".into())]
    );
    assert_eq!(draft(&app, &me, None).await["answers"]["treatment"], "");
    ok(places(&app, &me, None, SHANGHAI).await).await;
    let res = category(&app, &me, None, "referral", &[("months", "3")]).await;
    assert_eq!(
        field_codes(&json(res).await),
        vec![("months".into(), "months_invalid".into())]
    );
    ok(category(&app, &me, None, "long_term_residence", &[]).await).await;
    assert_eq!(
        steps_done(&draft(&app, &me, None).await),
        ["Places", "Category"]
    );

    // Files are recognised by their bytes; a bad one, an empty one or one over 5 MB saves
    // nothing, not even the good file beside it; "upload" needs a file.
    let mut big = PDF.to_vec();
    big.resize(5 * 1024 * 1024 + 1, b' ');
    for (files, code) in [
        (
            vec![("证明.pdf", PDF), ("notes.txt", b"hello".as_slice())],
            "file_type",
        ),
        (vec![("fake.pdf", b"<html>".as_slice())], "file_type"),
        (vec![("empty.pdf", b"".as_slice())], "file_empty"),
        (vec![("big.pdf", big.as_slice())], "file_too_large"),
        (vec![], "required"),
    ] {
        let res = evidence(&app, &me, None, &[("then", "upload")], &files).await;
        assert_eq!(
            location(&res),
            format!("/me/filings/new/evidence?error=documents:{code}")
        );
    }
    assert!(
        draft(&app, &me, None).await["documents"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    // Uploading (without choosing yet) means documents; the step stays open for more.
    let res = evidence(
        &app,
        &me,
        None,
        &[("then", "upload")],
        &[("C:\\扫描\\居住证.pdf", PDF), ("房屋租赁合同.png", PNG)],
    )
    .await;
    assert_eq!(location(&res), "/me/filings/new/evidence");
    let d = draft(&app, &me, None).await;
    assert_eq!(d["answers"]["evidence"], "documents");
    let docs = d["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2, "{d}");
    assert_eq!(docs[0]["file_name"], "居住证.pdf");
    assert_eq!(docs[0]["kind"], "Pdf");
    assert_eq!(docs[1]["kind"], "Png");
    assert_eq!(docs[1]["size_bytes"], PNG.len());
    let (pdf_id, png_id) = (
        docs[0]["id"].as_i64().unwrap(),
        docs[1]["id"].as_i64().unwrap(),
    );
    // The same form posted again keeps each file once.
    let again = [("居住证.pdf", PDF), ("房屋租赁合同.png", PNG)];
    let res = evidence(&app, &me, None, &[("then", "upload")], &again).await;
    assert_eq!(location(&res), "/me/filings/new/evidence");
    assert_eq!(
        draft(&app, &me, None).await["documents"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // The owner downloads a document as uploaded.
    let res = me
        .get(app.url(&format!("/files/filing-documents/{pdf_id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    assert_eq!(res.headers()["cache-control"], "private, no-store");
    assert!(
        res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("filename*=UTF-8''%E5%B1%85%E4%BD%8F%E8%AF%81.pdf")
    );
    assert_eq!(res.bytes().await.unwrap(), PDF);

    // Four more would make six: refused, nothing added.
    // (Each different: a file already on the form is not added twice.)
    let pdfs: Vec<Vec<u8>> = (0..4).map(|n| [PDF, &[b'0' + n]].concat()).collect();
    let four: Vec<(&str, &[u8])> = pdfs.iter().map(|p| ("more.pdf", p.as_slice())).collect();
    let res = evidence(&app, &me, None, &[("then", "upload")], &four).await;
    assert!(location(&res).ends_with("error=documents:too_many_files"));
    assert_eq!(
        draft(&app, &me, None).await["documents"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // Removing one; finishing the step needs documents (or the undertaking).
    ok(call(
        &app,
        &me,
        "/api/citizen/remove_filing_document",
        None,
        &[("id", &png_id.to_string())],
    )
    .await)
    .await;
    let res = evidence(
        &app,
        &me,
        None,
        &[("evidence", "undertaking"), ("then", "continue")],
        &[],
    )
    .await;
    assert!(location(&res).ends_with("error=undertaking:undertaking_required"));
    let res = evidence(
        &app,
        &me,
        None,
        &[("evidence", "documents"), ("then", "continue")],
        &[],
    )
    .await;
    assert_eq!(location(&res), "/me/filings/new");
    let d = draft(&app, &me, None).await;
    assert_eq!(steps_done(&d), ["Places", "Category", "Evidence"]);
    let today = app::server::services::transfers::today(app.clock.now());
    assert_eq!(d["preview"]["starts_on"], today.to_string());
    assert!(d["preview"]["ends_on"].is_null());
    let key = d["request_key"].as_str().unwrap().to_string();

    // A key the draft never gave out is a conflict; posted twice at once, one filing.
    assert_eq!(submit(&app, &me, None, "forged").await.status(), 409);
    let (a, b) = tokio::join!(submit(&app, &me, None, &key), submit(&app, &me, None, &key));
    let first = ok(a).await.as_str().unwrap().to_string();
    assert_eq!(ok(b).await, first.as_str());
    assert!(first.starts_with("YD"));
    let f = filing(&app, &me, &first).await;
    assert_eq!(f["in_effect"], true);
    assert_eq!(f["evidence"], "documents");
    assert_eq!(f["documents"][0]["id"], pdf_id);
    assert_eq!(f["documents"].as_array().unwrap().len(), 1);
    // It shows on the medical insurance.
    let home = ok(app.call(&me, "/api/citizen/get_home", &[]).await).await;
    assert_eq!(
        home["insurances"][1]["enrolment"]["filings"][0]["reference"],
        first.as_str(),
        "{home}"
    );
    // The draft is gone (a new one starts empty); a filed document cannot be removed.
    let d = draft(&app, &me, None).await;
    assert!(d["documents"].as_array().unwrap().is_empty() && steps_done(&d).is_empty());
    assert_ne!(d["request_key"], key.as_str());
    let res = call(
        &app,
        &me,
        "/api/citizen/remove_filing_document",
        None,
        &[("id", &pdf_id.to_string())],
    )
    .await;
    assert_eq!(res.status(), 404);
    assert_eq!(
        me.get(app.url(&format!("/files/filing-documents/{pdf_id}")))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
}

on_both_backends!(one_long_term_filing_temporary_validity_change_and_cancel);
async fn one_long_term_filing_temporary_validity_change_and_cancel(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let me = app.signed_in(CITIZEN).await;
    let today = app::server::services::transfers::today(app.clock.now());
    let key = fill(&app, &me, None, SHANGHAI, "long_term_residence", &[]).await;
    let first = ok(submit(&app, &me, None, &key).await).await;
    let first = first.as_str().unwrap().to_string();
    assert_eq!(
        draft(&app, &me, None).await["active_long_term"],
        first.as_str()
    );

    // A second long-term filing is refused at its step; a temporary one is fine, 12 months.
    ok(places(&app, &me, None, "440300").await).await;
    let res = category(&app, &me, None, "resident_work", &[]).await;
    assert_eq!(
        field_codes(&json(res).await),
        vec![("category".into(), "long_term_exists".into())]
    );
    // A file uploaded before choosing the undertaking is not kept with the filing.
    let res = evidence(&app, &me, None, &[("then", "upload")], &[("a.pdf", PDF)]).await;
    assert_eq!(location(&res), "/me/filings/new/evidence");
    let key = fill(
        &app,
        &me,
        None,
        "440300",
        "other_temporary",
        &[("months", "12")],
    )
    .await;
    let temp = ok(submit(&app, &me, None, &key).await).await;
    let f = filing(&app, &me, temp.as_str().unwrap()).await;
    assert_eq!(f["documents"], serde_json::json!([]));
    let end = today
        .checked_add_months(chrono::Months::new(12))
        .unwrap()
        .pred_opt()
        .unwrap();
    assert_eq!(f["ends_on"], end.to_string());
    assert_eq!(f["days_left"], (end - today).num_days());
    assert_eq!(f["evidence"], "undertaking");

    // A change starts from the filing it replaces (places and category filled in).
    let d = draft(&app, &me, Some(&first)).await;
    assert_eq!(d["replacing"]["reference"], first.as_str());
    assert_eq!(d["answers"]["treatment"], SHANGHAI);
    assert_eq!(d["answers"]["category"], "long_term_residence");
    // The filing being changed does not count against the one long-term filing allowed.
    let key = fill(&app, &me, Some(&first), "320100", "resident_work", &[]).await;
    // The new filing's own draft is untouched by the change's.
    assert!(steps_done(&draft(&app, &me, None).await).is_empty());
    let changed = ok(submit(&app, &me, Some(&first), &key).await).await;
    let changed = changed.as_str().unwrap().to_string();
    // The change form posted again answers the same filing.
    assert_eq!(
        ok(submit(&app, &me, Some(&first), &key).await).await,
        changed.as_str()
    );
    let old = filing(&app, &me, &first).await;
    assert_eq!(old["replaced"], true);
    assert_eq!(old["in_effect"], false);
    assert_eq!(
        filing(&app, &me, &changed).await["category"],
        "resident_work"
    );
    // Changing the replaced one again is a conflict.
    let res = call(
        &app,
        &me,
        "/api/citizen/get_filing_draft",
        Some(&first),
        &[],
    )
    .await;
    assert_eq!(res.status(), 409);

    // Cancelling needs the box, works once.
    let res = app
        .call(
            &me,
            "/api/citizen/cancel_filing",
            &[("reference", &changed)],
        )
        .await;
    assert_eq!(res.status(), 422);
    let cancel = [("reference", changed.as_str()), ("confirm", "on")];
    ok(app.call(&me, "/api/citizen/cancel_filing", &cancel).await).await;
    let res = app.call(&me, "/api/citizen/cancel_filing", &cancel).await;
    assert_eq!(res.status(), 409);
    assert_eq!(filing(&app, &me, &changed).await["in_effect"], false);

    // Someone already discharged who paid: retroactive to the admission, reimbursed by hand.
    let admitted = (today - chrono::Duration::days(10)).to_string();
    let late = [
        ("months", "6"),
        ("stay", "discharged_self_paid"),
        ("admitted_on", admitted.as_str()),
    ];
    let key = fill(&app, &me, None, SHANGHAI, "other_temporary", &late).await;
    assert_eq!(
        draft(&app, &me, None).await["preview"]["manual_reimbursement"],
        true
    );
    let late = ok(submit(&app, &me, None, &key).await).await;
    let f = filing(&app, &me, late.as_str().unwrap()).await;
    assert_eq!(f["starts_on"], admitted);
    assert_eq!(f["stay"], "discharged_self_paid");
}

on_both_backends!(each_category_is_checked_by_its_rule);
/// 医保发〔2022〕22号 on the server: each category's conditions and evidence, an emergency that
/// needs no filing, and the retroactive limit as the insured place's own rule.
async fn each_category_is_checked_by_its_rule(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let today = app::server::services::transfers::today(app.clock.now());
    let codes = |res| async { field_codes(&json(res).await) };
    let me = app.signed_in(CITIZEN).await;
    ok(places(&app, &me, None, SHANGHAI).await).await;
    // Not retired: no resettled retiree's filing.
    assert_eq!(
        codes(category(&app, &me, None, "retiree_resettled", &[]).await).await,
        vec![("category".into(), "retired_only".into())]
    );
    // An emergency needs no filing: the answer explains, and nothing is saved.
    assert_eq!(
        codes(category(&app, &me, None, "emergency", &[]).await).await,
        vec![("stay".into(), "emergency_no_filing".into())]
    );
    assert_eq!(draft(&app, &me, None).await["answers"]["category"], "");
    // A referral needs the hospital's certificate, not an undertaking.
    ok(category(&app, &me, None, "referral", &[("months", "6")]).await).await;
    let res = evidence(&app, &me, None, &UNDERTAKING, &[]).await;
    assert!(
        location(&res).contains("evidence:undertaking_not_accepted"),
        "{res:?}"
    );
    // Admitted after an emergency: completed for six months from the admission day.
    let admitted = (today - chrono::Duration::days(3)).to_string();
    let stay = [("stay", "in_hospital"), ("admitted_on", admitted.as_str())];
    ok(category(&app, &me, None, "emergency", &stay).await).await;
    let res = evidence(&app, &me, None, &UNDERTAKING, &[]).await;
    assert!(!location(&res).contains("error"), "{res:?}");
    let d = draft(&app, &me, None).await;
    let end = (today - chrono::Duration::days(3))
        .checked_add_months(chrono::Months::new(6))
        .unwrap()
        .pred_opt()
        .unwrap();
    assert_eq!(d["preview"]["ends_on"], end.to_string(), "{d}");

    // How far back is Beijing's rule: 180 days unless it says otherwise.
    assert_eq!(d["reach_days"], 180);
    let rule = app::server::store::RegionRule {
        region_code: "110100".into(),
        retroactive_filing_days: Some(30),
        single_contribution_base: None,
    };
    assert!(app.store.set_region_rule(&rule).await.unwrap());
    assert_eq!(draft(&app, &me, None).await["reach_days"], 30);
    let old = (today - chrono::Duration::days(31)).to_string();
    let res = category(
        &app,
        &me,
        None,
        "other_temporary",
        &[
            ("months", "6"),
            ("stay", "in_hospital"),
            ("admitted_on", &old),
        ],
    )
    .await;
    assert_eq!(
        codes(res).await,
        vec![("admitted_on".into(), "date_too_old".into())]
    );

    // A resident cannot file as posted to work elsewhere.
    let resident = app.signed_in(RESIDENT).await;
    ok(places_insured(&app, &resident, None, "510100:resident", SHANGHAI).await).await;
    assert_eq!(
        codes(category(&app, &resident, None, "resident_work", &[]).await).await,
        vec![("category".into(), "employees_only".into())]
    );
    // A retiree files as resettled only where her hukou has moved: Chengdu's is not in
    // Shanghai.
    let retiree = app.signed_in(RETIREE).await;
    let insured = draft(&app, &retiree, None).await["insured"][0]["value"]
        .as_str()
        .unwrap()
        .to_string();
    ok(places_insured(&app, &retiree, None, &insured, SHANGHAI).await).await;
    assert_eq!(
        codes(category(&app, &retiree, None, "retiree_resettled", &[]).await).await,
        vec![("category".into(), "hukou_not_there".into())]
    );
}

on_both_backends!(a_helpdesk_agent_uploads_documents_but_never_signs_the_undertaking);
async fn a_helpdesk_agent_uploads_documents_but_never_signs_the_undertaking(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let agent = app.signed_in("helpdesk-demo").await;
    let user = app.find_user(&agent, CITIZEN).await;
    ok(app.start_assist(&agent, user, "citizen").await).await;
    // Read-only: the draft is visible, nothing can be saved or uploaded.
    draft(&app, &agent, None).await;
    assert_eq!(places(&app, &agent, None, SHANGHAI).await.status(), 403);
    let res = evidence(&app, &agent, None, &[("then", "upload")], &[("a.pdf", PDF)]).await;
    assert_eq!(res.status(), 403);
    ok(app
        .call(
            &agent,
            "/api/assist/set_mode",
            &[("mode", "write"), ("confirmed", "yes")],
        )
        .await)
    .await;
    ok(places(&app, &agent, None, SHANGHAI).await).await;
    ok(category(&app, &agent, None, "long_term_residence", &[]).await).await;
    let res = evidence(&app, &agent, None, &UNDERTAKING, &[]).await;
    assert_eq!(res.status(), 403);
    let res = evidence(
        &app,
        &agent,
        None,
        &[("evidence", "documents"), ("then", "continue")],
        &[("居住证.pdf", PDF)],
    )
    .await;
    assert_eq!(location(&res), "/me/filings/new");
    let key = draft(&app, &agent, None).await["request_key"]
        .as_str()
        .unwrap()
        .to_string();
    let reference = ok(submit(&app, &agent, None, &key).await).await;
    let reference = reference.as_str().unwrap();
    let f = filing(&app, &agent, reference).await;
    assert_eq!(f["helper"], "Helpdesk");
    // Cancelled by the agent: the filing records who, and in which session.
    let cancel = [("reference", reference), ("confirm", "on")];
    ok(app
        .call(&agent, "/api/citizen/cancel_filing", &cancel)
        .await)
    .await;
    let by_agent = format!(
        "SELECT COUNT(*) FROM medical_filings WHERE reference_no = '{reference}' \
         AND cancelled_by_user_id = {user} AND cancelled_in_session_id IS NOT NULL"
    );
    assert_eq!(app.count(&by_agent).await, 1, "{kind:?}");

    // The undertaking signed by the citizen cannot be filed by the agent either.
    let me = app.signed_in(CITIZEN).await;
    let key = fill(
        &app,
        &me,
        None,
        "440300",
        "other_temporary",
        &[("months", "6")],
    )
    .await;
    let res = submit(&app, &agent, None, &key).await;
    assert_eq!(res.status(), 403);
    assert_eq!(
        json(res).await,
        serde_json::json!({ "AssistDenied": { "read_only": false } })
    );
}

/// A one-page PDF with its cross-reference table, as a scanner writes one.
fn one_page_pdf() -> Vec<u8> {
    let content = "0 0 50 50 re f\n";
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >>".to_string(),
        format!(
            "<< /Length {} >>\nstream\n{content}endstream",
            content.len()
        ),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{object}\nendobj\n", i + 1).bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for offset in offsets {
        pdf.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    let trailer = format!("trailer\n<< /Size {} /Root 1 0 R >>\n", objects.len() + 1);
    pdf.extend(format!("{trailer}startxref\n{xref}\n%%EOF\n").bytes());
    pdf
}

/// A whole PNG: one transparent pixel.
const ONE_PIXEL_PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\
\0\0\0\nIDATx\x9cc\0\x01\0\0\x05\0\x01\r\n-\xb4\0\0\0\0IEND\xaeB`\x82";

on_both_backends!(documents_leave_an_assisted_session_only_watermarked);
async fn documents_leave_an_assisted_session_only_watermarked(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let me = app.signed_in(CITIZEN).await;
    ok(places(&app, &me, None, SHANGHAI).await).await;
    ok(category(&app, &me, None, "long_term_residence", &[]).await).await;
    let scan = one_page_pdf();
    let files = [
        ("居住证.pdf", scan.as_slice()),
        ("合同.png", ONE_PIXEL_PNG),
        ("坏文件.pdf", PDF),
    ];
    let res = evidence(&app, &me, None, &[("then", "upload")], &files).await;
    assert_eq!(location(&res), "/me/filings/new/evidence");
    let docs = draft(&app, &me, None).await["documents"].clone();
    let id = |name: &str| {
        let doc = docs
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["file_name"] == name);
        format!("/files/filing-documents/{}", doc.unwrap()["id"])
    };

    // A helpdesk agent looking on the citizen's behalf (a read-only session is enough) gets
    // each as a PDF carrying the watermark, under the same name ending in .pdf.
    let agent = app.signed_in("helpdesk-demo").await;
    let user = app.find_user(&agent, CITIZEN).await;
    ok(app.start_assist(&agent, user, "citizen").await).await;
    for (name, original, served_as) in [
        (
            "居住证.pdf",
            scan.as_slice(),
            "%E5%B1%85%E4%BD%8F%E8%AF%81.pdf",
        ),
        ("合同.png", ONE_PIXEL_PNG, "%E5%90%88%E5%90%8C.pdf"),
    ] {
        let res = agent.get(app.url(&id(name))).send().await.unwrap();
        assert_eq!(res.status(), 200, "{name} ({kind:?})");
        assert_eq!(res.headers()["content-type"], "application/pdf");
        assert_eq!(res.headers()["cache-control"], "private, no-store");
        let disposition = res.headers()["content-disposition"].to_str().unwrap();
        assert!(disposition.ends_with(served_as), "{disposition}");
        let body = res.bytes().await.unwrap();
        assert!(body.starts_with(b"%PDF-") && body.as_ref() != original);
        assert!(
            body.windows(15).any(|w| w == b"JinbaoWatermark"),
            "{name} carries the watermark form"
        );
    }
    // A file that cannot carry the mark does not leave the session, and says why.
    let res = agent.get(app.url(&id("坏文件.pdf"))).send().await.unwrap();
    assert_eq!(res.status(), 422, "{kind:?}");
    assert!(res.text().await.unwrap().contains("无法加盖协助会话水印"));

    // The citizen's own downloads are the files as uploaded.
    for (name, original) in [
        ("居住证.pdf", scan.as_slice()),
        ("合同.png", ONE_PIXEL_PNG),
        ("坏文件.pdf", PDF),
    ] {
        let res = me.get(app.url(&id(name))).send().await.unwrap();
        assert_eq!(res.status(), 200, "{name}");
        assert_eq!(res.bytes().await.unwrap().as_ref(), original, "{name}");
    }
}

on_both_backends!(others_cannot_see_or_act_on_a_filing_or_its_documents);
async fn others_cannot_see_or_act_on_a_filing_or_its_documents(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let me = app.signed_in(CITIZEN).await;
    let key = fill(&app, &me, None, SHANGHAI, "long_term_residence", &[]).await;
    let reference = ok(submit(&app, &me, None, &key).await).await;
    let reference = reference.as_str().unwrap().to_string();
    let res = evidence(&app, &me, None, &[("then", "upload")], &[("a.pdf", PDF)]).await;
    assert_eq!(location(&res), "/me/filings/new/evidence");
    let doc = draft(&app, &me, None).await["documents"][0]["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let download = format!("/files/filing-documents/{doc}");
    let r = Some(reference.as_str());
    let calls: Vec<(&str, Vec<(String, String)>)> = vec![
        ("/api/citizen/get_filing_draft", form_of(r, &[])),
        (
            "/api/citizen/save_filing_places",
            form_of(
                r,
                &[("insured", "110100:employee"), ("treatment", "440300")],
            ),
        ),
        (
            "/api/citizen/save_filing_category",
            form_of(
                r,
                &[("category", "resident_work"), ("stay", "not_admitted")],
            ),
        ),
        (
            "/api/citizen/remove_filing_document",
            form_of(None, &[("id", &doc)]),
        ),
        (
            "/api/citizen/submit_filing",
            form_of(r, &[("request_key", &key)]),
        ),
        (
            "/api/citizen/get_filing",
            form_of(None, &[("reference", &reference)]),
        ),
        (
            "/api/citizen/cancel_filing",
            form_of(None, &[("reference", &reference), ("confirm", "on")]),
        ),
        ("/api/citizen/list_filings", vec![]),
    ];
    let expect = |c: &reqwest::Client, status: u16, who: &str| {
        let (app, calls, download, c, who) = (&app, &calls, &download, c.clone(), who.to_string());
        async move {
            for (path, form) in calls {
                if status == 404 && path.ends_with("list_filings") {
                    continue;
                }
                let form: Vec<(&str, &str)> =
                    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                assert_eq!(
                    app.call(&c, path, &form).await.status(),
                    status,
                    "{who} {path}"
                );
            }
            let res = c.get(app.url(download)).send().await.unwrap();
            assert_eq!(res.status(), status, "{who} download");
            let upload = evidence(app, &c, None, &[("then", "upload")], &[("b.pdf", PDF)]).await;
            // Another citizen uploads to their own draft: never to someone else's.
            if status != 404 {
                assert_eq!(upload.status(), status, "{who} upload");
            }
        }
    };
    expect(&app.client(), 401, "nobody").await;
    // A reference that is no reference never reaches the address sent back.
    let odd = Some("YD1?x=\r\n");
    let res = evidence(&app, &me, odd, &[("then", "upload")], &[("a.pdf", PDF)]).await;
    assert_eq!(res.status(), 404);
    for account in [
        "employer-demo",
        "helpdesk-demo",
        "reviewer-beijing",
        "admin-demo",
    ] {
        expect(&app.signed_in(account).await, 403, account).await;
    }
    let other = app.signed_in(RETIREE).await;
    expect(&other, 404, "retiree").await;
    assert_eq!(
        ok(app.call(&other, "/api/citizen/list_filings", &[]).await).await,
        serde_json::json!([])
    );
    // Nothing changed: the filing in effect, the document still the owner's draft's.
    assert_eq!(filing(&app, &me, &reference).await["in_effect"], true);
    let d = draft(&app, &me, None).await;
    assert_eq!(d["documents"].as_array().unwrap().len(), 1, "{d}");
}

on_both_backends!(an_upload_is_refused_before_its_body_is_read);
/// Who may upload is decided on the request's head: nobody and an employer are refused while
/// their 20 MB body is still on its way. A citizen's body is read only in a free slot, and a
/// form with more files than a filing holds is refused at the first one too many.
async fn an_upload_is_refused_before_its_body_is_read(kind: Kind) {
    let app = spawn_app(kind, |s| s.max_concurrent_uploads = 1).await;
    assert_eq!(
        answer(&mut stalled_upload(&app, None).await).await,
        Some(401)
    );
    let employer = app.token_of("employer-demo").await;
    let mut refused = stalled_upload(&app, Some(&employer)).await;
    assert_eq!(answer(&mut refused).await, Some(403), "{kind:?}");

    let me = app.signed_in(CITIZEN).await;
    ok(places(&app, &me, None, SHANGHAI).await).await;
    ok(category(&app, &me, None, "long_term_residence", &[]).await).await;
    // The citizen's own slow upload is being read, in the only slot.
    let token = app.token_of(CITIZEN).await;
    let mut slow = stalled_upload(&app, Some(&token)).await;
    assert_eq!(
        answer(&mut slow).await,
        None,
        "{kind:?}: its body is awaited"
    );
    let one = [("a.pdf", PDF)];
    let res = evidence(&app, &me, None, &[("then", "upload")], &one).await;
    assert_eq!(res.status(), 503, "{kind:?}");
    // The slot comes back when that upload ends.
    drop(slow);
    let mut res = evidence(&app, &me, None, &[("then", "upload")], &one).await;
    for _ in 0..50 {
        if res.status() != 503 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        res = evidence(&app, &me, None, &[("then", "upload")], &one).await;
    }
    assert_eq!(location(&res), "/me/filings/new/evidence");

    let pdfs: Vec<Vec<u8>> = (0..6).map(|n| [PDF, &[b'0' + n]].concat()).collect();
    let six: Vec<(&str, &[u8])> = pdfs.iter().map(|p| ("more.pdf", p.as_slice())).collect();
    let res = evidence(&app, &me, None, &[("then", "upload")], &six).await;
    assert!(location(&res).ends_with("error=documents:too_many_files"));
    let d = draft(&app, &me, None).await;
    assert_eq!(d["documents"].as_array().unwrap().len(), 1, "{d}");
}
