//! Certificates over HTTP on SQLite and PostgreSQL: issuing (idempotent per form), what the PDF
//! says (text extracted with poppler's `pdftotext`), regeneration byte for byte, the public
//! verification (right code, wrong code, tampered number, revoked), throttling, the CSV, the
//! purposes' limits, and refusal for every other role and for nobody.

use crate::common;
use app::models::insurance::Insurance;
use app::server::auth::test_support;
use common::{ASSIST_TICKET, CITIZEN, Kind, LATE_MOVER, MOVER, RETIREE, TestApp, spawn_app};
use serde_json::Value;

async fn json(res: reqwest::Response) -> Value {
    res.json().await.expect("json body")
}

/// The text of a PDF as a reader's tool extracts it.
pub fn pdf_text(bytes: &[u8]) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8", "-", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("pdftotext (Debian package poppler-utils; scripts/test.sh installs it)");
    child.stdin.take().unwrap().write_all(bytes).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8(out.stdout).unwrap()
}

async fn options(app: &TestApp, c: &reqwest::Client) -> Value {
    let res = app
        .call(c, "/api/citizen/get_certificate_options", &[])
        .await;
    assert_eq!(res.status(), 200);
    json(res).await
}

/// Issues a certificate with the form's fields; returns the response.
async fn issue(app: &TestApp, c: &reqwest::Client, fields: &[(&str, &str)]) -> reqwest::Response {
    app.call(c, "/api/citizen/issue_certificate", fields).await
}

async fn issued(app: &TestApp, c: &reqwest::Client, fields: &[(&str, &str)]) -> String {
    let res = issue(app, c, fields).await;
    assert_eq!(
        res.status(),
        200,
        "{}",
        res.text().await.unwrap_or_default()
    );
    json(res)
        .await
        .as_str()
        .expect("the document number")
        .to_string()
}

async fn download(app: &TestApp, c: &reqwest::Client, number: &str) -> reqwest::Response {
    c.get(app.url(&format!("/files/certificates/{number}.pdf")))
        .send()
        .await
        .unwrap()
}

async fn verify(app: &TestApp, number: &str, code: &str) -> reqwest::Response {
    app.call(
        &app.client(),
        "/api/public/verify_certificate",
        &[("number", number), ("code", code)],
    )
    .await
}

/// Every form field of a 36-month contributions certificate for Beijing.
fn beijing_36(key: &str, purpose: &'static str) -> Vec<(&'static str, String)> {
    vec![
        ("kind", "contributions".into()),
        ("purpose", purpose.into()),
        ("language", "zh".into()),
        ("region", "110100".into()),
        ("pension", "on".into()),
        ("medical", "on".into()),
        ("period", "36".into()),
        ("request_key", key.into()),
    ]
}

fn borrowed<'a>(v: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    v.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

on_both_backends!(the_form_offers_every_place_and_year_the_record_holds);
async fn the_form_offers_every_place_and_year_the_record_holds(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let count = async |what: &str, condition: &str| {
        app.count(&format!(
            "SELECT CAST({what} AS BIGINT) FROM contributions WHERE {condition}"
        ))
        .await
    };
    for account in [CITIZEN, RETIREE, MOVER, LATE_MOVER] {
        let me = app.signed_in(account).await;
        let o = options(&app, &me).await;
        let person =
            format!("person_id = (SELECT id FROM persons WHERE resident_id = '{account}')");
        let regions = o["regions"].as_array().unwrap();
        let places = count("COUNT(DISTINCT region_code)", &person).await;
        assert_eq!(regions.len() as i64, places, "{account} {kind:?}");
        let mut previous_last = i64::MAX;
        for region in regions {
            let here = format!(
                "{person} AND region_code = '{}'",
                region[0].as_str().unwrap()
            );
            let last = count("MAX(month)", &here).await;
            assert!(last <= previous_last, "{account}: paid most recently first");
            previous_last = last;
            let insurances = region[2].as_array().unwrap();
            let paid_here = count("COUNT(DISTINCT insurance)", &here).await;
            assert_eq!(insurances.len() as i64, paid_here, "{account} {here}");
            for insurance in insurances {
                let rows = format!("{here} AND insurance = '{}'", insurance.as_str().unwrap());
                assert!(count("COUNT(*)", &rows).await > 0, "{account} {rows}");
            }
        }
        let years: Vec<i64> = o["years"]
            .as_array()
            .unwrap()
            .iter()
            .map(|y| y.as_i64().unwrap())
            .collect();
        assert!(
            years.windows(2).all(|w| w[0] > w[1]),
            "{account}: {years:?}"
        );
        let paid_years = count("COUNT(DISTINCT month / 100)", &person).await;
        assert_eq!(years.len() as i64, paid_years, "{account} {kind:?}");
        assert_eq!(years[0], count("MAX(month) / 100", &person).await);
    }
}

on_both_backends!(a_certificate_is_issued_once_downloaded_verified_and_revoked);
async fn a_certificate_is_issued_once_downloaded_verified_and_revoked(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let me = app.signed_in(CITIZEN).await;
    let o = options(&app, &me).await;
    let key = o["request_key"].as_str().unwrap().to_string();
    assert_eq!(
        o["regions"][0][0], "110100",
        "Beijing, paid most recently, first"
    );
    assert_eq!(o["receiving"], serde_json::json!([]));

    let form = beijing_36(&key, "loan");
    let number = issued(&app, &me, &borrowed(&form)).await;
    // The same form again (a double click, a retry): the same certificate, no second one.
    assert_eq!(
        issued(&app, &me, &borrowed(&form)).await,
        number,
        "{kind:?}"
    );
    let list = json(app.call(&me, "/api/citizen/list_certificates", &[]).await).await;
    assert_eq!(list.as_array().unwrap().len(), 1);

    let res = download(&app, &me, &number).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    assert_eq!(res.headers()["cache-control"], "private, no-store");
    let pdf = res.bytes().await.unwrap();
    assert!(pdf.len() < 200_000, "{} bytes", pdf.len());
    let text = pdf_text(&pdf);
    for expected in [
        "参保缴费证明",
        "李明轩",
        "110101********4514",
        "贷款",
        "北京金保示范科技有限公司",
        "缴费基数",
        "养老保险、医疗保险",
        &number,
    ] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
    // The latest pension month's base ends the last pension row.
    let person = app
        .store
        .person_id_by_resident_id(CITIZEN)
        .await
        .unwrap()
        .unwrap();
    let history = app
        .store
        .citizen(&test_support::citizen(person))
        .contribution_history()
        .await
        .unwrap();
    let latest = history
        .iter()
        .filter(|h| h.insurance == Insurance::Pension)
        .max_by_key(|h| h.month)
        .unwrap();
    let (month, base) = (
        app::models::insurance::month_label(latest.month),
        app::models::insurance::yuan(latest.base),
    );
    assert!(
        text.lines()
            .any(|l| l.contains(&month) && l.contains("养老保险") && l.contains(&base)),
        "no pension row ending {month} with base {base} in:\n{text}"
    );
    assert!(
        !text.contains(CITIZEN),
        "a loan certificate hides the middle of the ID"
    );
    // Regenerated from what is stored: the same bytes.
    let again = download(&app, &me, &number).await.bytes().await.unwrap();
    assert_eq!(pdf, again);

    let detail = json(
        app.call(&me, "/api/citizen/get_certificate", &[("number", &number)])
            .await,
    )
    .await;
    let code = detail["code"].as_str().unwrap().to_string();
    assert!(text.contains(&app::models::certificate::grouped_code(&code)));

    // Anyone with number and code: the minimal view, logged for the owner.
    let res = verify(&app, &number.to_lowercase(), &code).await;
    assert_eq!(res.status(), 200);
    let v = json(res).await;
    assert_eq!(v["Verified"]["masked_name"], "李*轩");
    assert_eq!(v["Verified"]["kind"], "contributions");
    assert!(v["Verified"]["revoked_at"].is_null());
    assert!(
        v.to_string().find(CITIZEN).is_none(),
        "no ID number in the public view"
    );
    let log = json(
        app.call(&me, "/api/citizen/get_access_log", &[("kind", "public")])
            .await,
    )
    .await;
    assert_eq!(log["total"], 1, "{log}");
    assert_eq!(log["entries"][0]["actor"], number.as_str());

    // A wrong code and a tampered number reveal nothing.
    let wrong = if code.starts_with('A') { "B" } else { "A" };
    let bad_code = format!("{wrong}{}", &code[1..]);
    assert_eq!(
        json(verify(&app, &number, &bad_code).await).await,
        "NotVerified"
    );
    let last = number.chars().last().unwrap();
    let tampered = format!("{}{}", &number[..11], if last == 'Z' { 'Y' } else { 'Z' });
    assert_eq!(
        json(verify(&app, &tampered, &code).await).await,
        "NotVerified"
    );

    // Only the owner revokes, once, with confirmation.
    let res = app
        .call(
            &me,
            "/api/citizen/revoke_certificate",
            &[("number", &number)],
        )
        .await;
    assert_eq!(res.status(), 422);
    let revoke = [("number", number.as_str()), ("confirm", "on")];
    let other = app.signed_in(RETIREE).await;
    let res = app
        .call(&other, "/api/citizen/revoke_certificate", &revoke)
        .await;
    assert_eq!(res.status(), 404, "another citizen's number is not found");
    let res = app
        .call(&me, "/api/citizen/revoke_certificate", &revoke)
        .await;
    assert_eq!(res.status(), 200);
    let res = app
        .call(&me, "/api/citizen/revoke_certificate", &revoke)
        .await;
    assert_eq!(res.status(), 409);
    let v = json(verify(&app, &number, &code).await).await;
    assert!(v["Verified"]["revoked_at"].is_string(), "{v}");
}

on_both_backends!(other_people_and_roles_cannot_reach_a_certificate);
async fn other_people_and_roles_cannot_reach_a_certificate(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let me = app.signed_in(CITIZEN).await;
    let key = options(&app, &me).await["request_key"]
        .as_str()
        .unwrap()
        .to_string();
    let number = issued(&app, &me, &borrowed(&beijing_36(&key, "school"))).await;

    let other = app.signed_in(RETIREE).await;
    assert_eq!(
        download(&app, &other, &number).await.status(),
        404,
        "{kind:?}"
    );
    let res = app
        .call(
            &other,
            "/api/citizen/get_certificate",
            &[("number", &number)],
        )
        .await;
    assert_eq!(res.status(), 404);
    let list = json(
        app.call(&other, "/api/citizen/list_certificates", &[])
            .await,
    )
    .await;
    assert_eq!(list, serde_json::json!([]));

    let nobody = app.client();
    assert_eq!(download(&app, &nobody, &number).await.status(), 401);
    let csv = nobody
        .get(app.url("/files/contributions.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), 401);
    let loan = beijing_36(&key, "loan");
    let calls: [(&str, Vec<(&str, &str)>); 5] = [
        ("/api/citizen/get_certificate_options", vec![]),
        ("/api/citizen/issue_certificate", borrowed(&loan)),
        ("/api/citizen/list_certificates", vec![]),
        ("/api/citizen/get_certificate", vec![("number", &number)]),
        (
            "/api/citizen/revoke_certificate",
            vec![("number", &number), ("confirm", "on")],
        ),
    ];
    for (path, form) in &calls {
        assert_eq!(app.call(&nobody, path, form).await.status(), 401, "{path}");
    }
    for account in [
        "employer-demo",
        "helpdesk-demo",
        "reviewer-beijing",
        "admin-demo",
    ] {
        let c = app.signed_in(account).await;
        assert_eq!(download(&app, &c, &number).await.status(), 403, "{account}");
        let csv = c
            .get(app.url("/files/contributions.csv"))
            .send()
            .await
            .unwrap();
        assert_eq!(csv.status(), 403, "{account}");
        for (path, form) in &calls {
            assert_eq!(
                app.call(&c, path, form).await.status(),
                403,
                "{account} {path}"
            );
        }
    }
    // Nothing was issued or revoked by all of that.
    let list = json(app.call(&me, "/api/citizen/list_certificates", &[]).await).await;
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert!(list[0]["revoked_at"].is_null());
}

on_both_backends!(purposes_limit_what_a_certificate_shows);
async fn purposes_limit_what_a_certificate_shows(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let me = app.signed_in(CITIZEN).await;
    let text_for = async |purpose: &'static str| {
        let key = options(&app, &me).await["request_key"]
            .as_str()
            .unwrap()
            .to_string();
        let number = issued(&app, &me, &borrowed(&beijing_36(&key, purpose))).await;
        pdf_text(&download(&app, &me, &number).await.bytes().await.unwrap())
    };
    let hukou = text_for("hukou").await;
    assert!(
        hukou.contains(CITIZEN),
        "落户 shows the whole ID ({kind:?})"
    );
    assert!(!hukou.contains("（元）"), "but no amounts");
    assert!(hukou.contains("不显示缴费基数与金额"), "and says so");
    let other = text_for("other").await;
    assert!(other.contains("1****************4"));
    assert!(!other.contains("（元）"));
}

on_both_backends!(kinds_apply_only_where_the_record_allows);
async fn kinds_apply_only_where_the_record_allows(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let retiree = app.signed_in(RETIREE).await;
    let o = options(&app, &retiree).await;
    assert!(
        o["receiving"]
            .as_array()
            .unwrap()
            .contains(&"pension".into()),
        "{kind:?}"
    );
    let key = o["request_key"].as_str().unwrap().to_string();
    let base = [
        ("purpose", "other"),
        ("language", "zh"),
        ("request_key", key.as_str()),
    ];
    let with = |extra: &[(&'static str, &'static str)]| {
        let mut f: Vec<(&str, &str)> = base.to_vec();
        f.extend_from_slice(extra);
        f
    };
    // Receiving a pension: no "no benefits" certificate, and nothing is stored.
    let res = issue(&app, &retiree, &with(&[("kind", "no_benefit")])).await;
    assert_eq!(res.status(), 422);
    assert_eq!(
        json(res).await["Validation"][0]["code"],
        "receiving_benefits"
    );
    // Still enrolled in pension: no "not enrolled" certificate for it.
    let res = issue(
        &app,
        &retiree,
        &with(&[("kind", "not_enrolled"), ("insurance", "pension")]),
    )
    .await;
    assert_eq!(json(res).await["Validation"][0]["code"], "enrolled");
    let list = json(
        app.call(&retiree, "/api/citizen/list_certificates", &[])
            .await,
    )
    .await;
    assert_eq!(list, serde_json::json!([]));
    // An insurance the retiree was never enrolled in: that certificate applies.
    let insurance = o["not_enrolled"][0].as_str().unwrap().to_lowercase();
    let insurance = if insurance == "workinjury" {
        "work_injury".to_string()
    } else {
        insurance
    };
    let mut fields = with(&[("kind", "not_enrolled")]);
    fields.push(("insurance", insurance.as_str()));
    let number = issued(&app, &retiree, &fields).await;
    let text = pdf_text(
        &download(&app, &retiree, &number)
            .await
            .bytes()
            .await
            .unwrap(),
    );
    assert!(
        text.contains("未参保证明") && text.contains("刘淑芬"),
        "{text}"
    );

    // The annual statement in English, for a year with data.
    let me = app.signed_in(CITIZEN).await;
    let key = options(&app, &me).await["request_key"]
        .as_str()
        .unwrap()
        .to_string();
    let number = issued(
        &app,
        &me,
        &[
            ("kind", "annual_statement"),
            ("purpose", "visa"),
            ("language", "en"),
            ("year", "2024"),
            ("request_key", &key),
        ],
    )
    .await;
    let text = pdf_text(&download(&app, &me, &number).await.bytes().await.unwrap());
    for expected in [
        "Annual personal rights statement",
        "Basic pension contributions up to the end of 2024",
        "Closing",
        "Page 1 of",
    ] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
    // Bad input changes nothing and says what is wrong with each field.
    let res = issue(
        &app,
        &me,
        &[
            ("kind", "contributions"),
            ("purpose", "loan"),
            ("language", "zh"),
            ("region", "110100"),
            ("period", "custom"),
            ("from", "2025-09"),
            ("to", "2024-01"),
            ("request_key", "fresh-key-000000001"),
        ],
    )
    .await;
    assert_eq!(res.status(), 422);
    let codes: Vec<String> = json(res).await["Validation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{}:{}",
                f["field"].as_str().unwrap(),
                f["code"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(codes, ["insurances:choose_insurance", "to:range_reversed"]);
    let list = json(app.call(&me, "/api/citizen/list_certificates", &[]).await).await;
    assert_eq!(list.as_array().unwrap().len(), 1);
}

on_both_backends!(wrong_codes_are_throttled_per_document);
async fn wrong_codes_are_throttled_per_document(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let me = app.signed_in(CITIZEN).await;
    let key = options(&app, &me).await["request_key"]
        .as_str()
        .unwrap()
        .to_string();
    let number = issued(&app, &me, &borrowed(&beijing_36(&key, "loan"))).await;
    let detail = json(
        app.call(&me, "/api/citizen/get_certificate", &[("number", &number)])
            .await,
    )
    .await;
    let code = detail["code"].as_str().unwrap();
    for _ in 0..5 {
        assert_eq!(
            json(verify(&app, &number, "2222-2222-2222").await).await,
            "NotVerified"
        );
    }
    assert_eq!(verify(&app, &number, code).await.status(), 429, "{kind:?}");
    // Malformed numbers are throttled for the address that types them, not per document.
    for _ in 0..5 {
        assert_eq!(
            json(verify(&app, "JB-TYPO", code).await).await,
            "NotVerified"
        );
    }
    assert_eq!(verify(&app, "JB-TYPO", code).await.status(), 429);
    // The window passes; the right code works again.
    app.clock.advance(chrono::Duration::minutes(16));
    assert_eq!(verify(&app, &number, code).await.status(), 200);
}

on_both_backends!(the_contribution_history_csv_round_trips);
async fn the_contribution_history_csv_round_trips(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let me = app.signed_in(CITIZEN).await;
    let res = me
        .get(app.url("/files/contributions.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "private, no-store");
    assert_eq!(res.headers()["content-type"], "text/csv; charset=utf-8");
    let body = res.bytes().await.unwrap();
    assert!(body.starts_with("\u{feff}".as_bytes()), "byte-order mark");
    let mut reader = csv::Reader::from_reader(&body[3..]);
    assert_eq!(reader.headers().unwrap().len(), 10);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let person = app
        .store
        .person_id_by_resident_id(CITIZEN)
        .await
        .unwrap()
        .unwrap();
    let stored = app
        .store
        .citizen(&test_support::citizen(person))
        .contribution_history()
        .await
        .unwrap();
    assert_eq!(rows.len(), stored.len(), "{kind:?}");
    // Every stored row comes back: insurance, month, base, parts and the date paid.
    let yuan = |s: &str| -> i64 {
        let (a, b) = s.split_once('.').unwrap();
        a.parse::<i64>().unwrap() * 100 + b.parse::<i64>().unwrap()
    };
    let mut back: Vec<(String, i64, i64, i64, String)> = rows
        .iter()
        .map(|r| {
            (
                r[1].replace('-', ""),
                yuan(&r[5]),
                yuan(&r[6]),
                yuan(&r[7]),
                r[9].to_string(),
            )
        })
        .collect();
    let mut want: Vec<(String, i64, i64, i64, String)> = stored
        .iter()
        .map(|h| {
            (
                h.month.to_string(),
                h.base,
                h.employer_part,
                h.personal_part,
                h.paid_on.map(|d| d.to_string()).unwrap_or_default(),
            )
        })
        .collect();
    back.sort();
    want.sort();
    assert_eq!(back, want);
    assert_eq!(&rows[0][0], "养老保险", "pension first");
}

on_both_backends!(in_an_assisted_session_issuing_needs_write_mode_and_is_watermarked);
async fn in_an_assisted_session_issuing_needs_write_mode_and_is_watermarked(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let agent = app.signed_in("helpdesk-demo").await;
    let user = app.find_user(&agent, CITIZEN).await;
    let res = app.start_assist(&agent, user, "citizen").await;
    assert_eq!(res.status(), 200);
    let key = options(&app, &agent).await["request_key"]
        .as_str()
        .unwrap()
        .to_string();
    let form = beijing_36(&key, "loan");
    let res = issue(&app, &agent, &borrowed(&form)).await;
    assert_eq!(res.status(), 403, "read-only by default ({kind:?})");
    assert_eq!(
        json(res).await,
        serde_json::json!({"AssistDenied": {"read_only": true}})
    );
    let res = app
        .call(
            &agent,
            "/api/assist/set_mode",
            &[("mode", "write"), ("confirmed", "on")],
        )
        .await;
    assert_eq!(res.status(), 200);
    let number = issued(&app, &agent, &borrowed(&form)).await;
    let text = pdf_text(&download(&app, &agent, &number).await.bytes().await.unwrap());
    assert!(
        text.contains(ASSIST_TICKET),
        "the watermark names the ticket:\n{text}"
    );
    assert!(text.contains("客服"));
    // The citizen's own download of it carries the same mark: it is part of the document.
    let me = app.signed_in(CITIZEN).await;
    let list = json(app.call(&me, "/api/citizen/list_certificates", &[]).await).await;
    assert_eq!(list[0]["helper"], "Helpdesk");
    // Revoked by the agent: the certificate records who, and in which session.
    let revoke = [("number", number.as_str()), ("confirm", "on")];
    let res = app
        .call(&agent, "/api/citizen/revoke_certificate", &revoke)
        .await;
    assert_eq!(res.status(), 200, "{kind:?}");
    let by_agent = format!(
        "SELECT COUNT(*) FROM certificates WHERE document_no = '{number}' \
         AND revoked_by_user_id = {user} AND revoked_in_session_id IS NOT NULL"
    );
    assert_eq!(app.count(&by_agent).await, 1, "{kind:?}");
}
