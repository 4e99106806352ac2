//! Transfers over HTTP on SQLite and PostgreSQL: the draft, the pre-check and idempotent
//! submission; every leg processed by the office holding it, with the clock paused for
//! material; the record changed by completion; withdrawal and refusal; two reviewers deciding
//! at once; and refusal for other citizens, other offices, other roles and nobody.

use crate::common;
use common::{
    CITIZEN, Kind, LATE_MOVER, MOVER, RETIREE, TestApp, field_codes, json, ok, spawn_app,
};
use serde_json::Value;

const SHENZHEN: &str = "440300";
const BEIJING: &str = "110100";

async fn draft(app: &TestApp, c: &reqwest::Client, kind: &str) -> Value {
    ok(app
        .call(c, "/api/citizen/get_transfer_draft", &[("kind", kind)])
        .await)
    .await
}

/// Writes both steps of the demo citizen's draft and returns its request key.
async fn prepared(app: &TestApp, c: &reqwest::Client, kind: &str) -> String {
    prepared_between(app, c, kind, SHENZHEN, BEIJING).await
}

async fn prepared_between(
    app: &TestApp,
    c: &reqwest::Client,
    kind: &str,
    from: &str,
    to: &str,
) -> String {
    ok(app
        .call(
            c,
            "/api/citizen/save_transfer_places",
            &[("kind", kind), ("from", from), ("to", to)],
        )
        .await)
    .await;
    ok(app
        .call(
            c,
            "/api/citizen/save_transfer_contact",
            &[("kind", kind), ("phone", "13800138000"), ("note", "")],
        )
        .await)
    .await;
    draft(app, c, kind).await["request_key"]
        .as_str()
        .unwrap()
        .to_string()
}

async fn submit(app: &TestApp, c: &reqwest::Client, kind: &str, key: &str) -> reqwest::Response {
    app.call(
        c,
        "/api/citizen/submit_transfer",
        &[("kind", kind), ("request_key", key)],
    )
    .await
}

async fn request(app: &TestApp, c: &reqwest::Client, reference: &str) -> Value {
    ok(app
        .call(c, "/api/citizen/get_request", &[("reference", reference)])
        .await)
    .await
}

async fn queue(app: &TestApp, c: &reqwest::Client) -> Vec<Value> {
    ok(app.call(c, "/api/review/get_queue", &[]).await)
        .await
        .as_array()
        .unwrap()
        .clone()
}

/// The leg of `reference` in this reviewer's queue: (leg id, request version).
async fn queued(app: &TestApp, reviewer: &reqwest::Client, reference: &str) -> (i64, i64) {
    let q = queue(app, reviewer).await;
    let item = q
        .iter()
        .find(|i| i["reference"] == reference)
        .unwrap_or_else(|| panic!("{reference} not in the queue: {q:?}"));
    let leg = item["leg_id"].as_i64().unwrap();
    let review = ok(app
        .call(
            reviewer,
            "/api/review/get_leg",
            &[("leg", &leg.to_string())],
        )
        .await)
    .await;
    (leg, review["request"]["version"].as_i64().unwrap())
}

async fn decide(
    app: &TestApp,
    reviewer: &reqwest::Client,
    leg: i64,
    version: i64,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let (leg, version) = (leg.to_string(), version.to_string());
    let mut form = vec![("leg", leg.as_str()), ("version", version.as_str())];
    form.extend_from_slice(fields);
    app.call(reviewer, "/api/review/decide_leg", &form).await
}

/// The status of the person's pension enrolment in a region, from their record page.
async fn pension_status(app: &TestApp, c: &reqwest::Client, region_zh: &str) -> (String, String) {
    let r = ok(app
        .call(
            c,
            "/api/citizen/get_insurance_record",
            &[("insurance", "pension")],
        )
        .await)
    .await;
    let p = r["periods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["region"]["zh"] == region_zh)
        .expect("a period there")
        .clone();
    (
        p["status"].as_str().unwrap().to_string(),
        p["reason"].as_str().unwrap().to_string(),
    )
}

on_both_backends!(a_pension_transfer_goes_through_every_office_and_changes_the_record);
async fn a_pension_transfer_goes_through_every_office_and_changes_the_record(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let me = app.signed_in(CITIZEN).await;

    // The draft offers Shenzhen (suspended) to move into Beijing (where he pays now).
    let d = draft(&app, &me, "pension").await;
    assert_eq!(d["from_choices"][0]["code"], SHENZHEN, "{d}");
    assert_eq!(d["from_choices"][0]["months_paid"], 84);
    assert_eq!(d["to_choices"][0]["code"], BEIJING);
    assert!(d["precheck"].is_null());
    // Not ready: submitting an empty draft changes nothing.
    let key = d["request_key"].as_str().unwrap().to_string();
    let res = submit(&app, &me, "pension", &key).await;
    assert_eq!(res.status(), 422);
    // A place the record does not offer, and a bad phone number, are refused by field.
    let res = app
        .call(
            &me,
            "/api/citizen/save_transfer_places",
            &[("kind", "pension"), ("from", "510100"), ("to", "")],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert_eq!(
        field_codes(&json(res).await),
        vec![
            ("from".into(), "place_unknown".into()),
            ("to".into(), "required".into())
        ]
    );
    let res = app
        .call(
            &me,
            "/api/citizen/save_transfer_contact",
            &[("kind", "pension"), ("phone", "12345")],
        )
        .await;
    assert_eq!(
        field_codes(&json(res).await),
        vec![("phone".into(), "phone_invalid".into())]
    );
    assert!(draft(&app, &me, "pension").await["answers"]["phone"].is_null());

    let key = prepared(&app, &me, "pension").await;
    let d = draft(&app, &me, "pension").await;
    let p = &d["precheck"];
    assert_eq!(p["unmet"], serde_json::json!([]), "{p}");
    assert_eq!(p["estimate"]["months"], 84);
    assert!(p["estimate"]["personal_account"].as_i64().unwrap() > 0);
    assert!(p["estimate"]["pooled_funds"].as_i64().unwrap() > 0);
    assert_eq!(p["paying_place"][0]["zh"], "北京市");
    assert_eq!(p["paying_place"][1], "HukouPlace");

    // Submitting twice (a double click or a retry) gives one request.
    let (a, b) = tokio::join!(
        submit(&app, &me, "pension", &key),
        submit(&app, &me, "pension", &key)
    );
    let reference = ok(a).await.as_str().unwrap().to_string();
    assert_eq!(ok(b).await, reference.as_str());
    assert!(reference.starts_with("YL"), "{reference}");
    // The draft is gone; the same form posted again still answers the same reference.
    assert_eq!(
        ok(submit(&app, &me, "pension", &key).await).await,
        reference.as_str()
    );
    let list = ok(app.call(&me, "/api/citizen/list_requests", &[]).await).await;
    assert_eq!(list.as_array().unwrap().len(), 1);

    let r = request(&app, &me, &reference).await;
    assert_eq!(r["summary"]["status"], "in_progress");
    assert_eq!(r["summary"]["holder"]["zh"], "北京市人力资源和社会保障局");
    let legs = r["legs"].as_array().unwrap();
    assert_eq!(
        legs.iter().map(|l| l["status"].clone()).collect::<Vec<_>>(),
        ["open", "waiting", "waiting"]
    );
    assert_eq!(
        legs.iter()
            .map(|l| l["limit_days"].clone())
            .collect::<Vec<_>>(),
        [15, 15, 15]
    );
    let today = app::server::services::transfers::today(app.clock.now());
    let due = app::server::working_days::add_working_days(today, 15);
    assert_eq!(legs[0]["due_on"], due.to_string());
    assert_eq!(legs[0]["overdue"], false);
    assert_eq!(r["can_withdraw"], true);

    // Leg 1 is Beijing's: Shenzhen's reviewer neither sees nor reaches it.
    let beijing = app.signed_in("reviewer-beijing").await;
    let shenzhen = app.signed_in("reviewer-shenzhen").await;
    assert!(queue(&app, &shenzhen).await.is_empty());
    let (leg1, v) = queued(&app, &beijing, &reference).await;
    let res = app
        .call(
            &shenzhen,
            "/api/review/get_leg",
            &[("leg", &leg1.to_string())],
        )
        .await;
    assert_eq!(res.status(), 404);
    let res = decide(&app, &shenzhen, leg1, v, &[("decision", "accept")]).await;
    assert_eq!(res.status(), 404);
    // Looking at it is in the citizen's access log.
    let log = ok(app.call(&me, "/api/citizen/get_access_log", &[]).await).await;
    assert!(log.to_string().contains("transfer_review"), "{log}");

    ok(decide(
        &app,
        &beijing,
        leg1,
        v,
        &[("decision", "accept"), ("note", "联系函已发出")],
    )
    .await)
    .await;
    // The same decision on what it saw before is a conflict.
    let res = decide(&app, &beijing, leg1, v, &[("decision", "accept")]).await;
    assert_eq!(res.status(), 409);
    assert_eq!(
        pension_status(&app, &me, "深圳市").await.0,
        "transferring_out"
    );
    // Accepted by an office: no longer withdrawable.
    let r = request(&app, &me, &reference).await;
    assert_eq!(r["can_withdraw"], false);
    let res = app
        .call(
            &me,
            "/api/citizen/withdraw_request",
            &[
                ("reference", &reference),
                ("version", &r["version"].to_string()),
                ("confirm", "on"),
            ],
        )
        .await;
    assert_eq!(res.status(), 409);

    // Leg 2 is Shenzhen's. Asking for material needs a note, then pauses the clock.
    let (leg2, v) = queued(&app, &shenzhen, &reference).await;
    let res = decide(
        &app,
        &shenzhen,
        leg2,
        v,
        &[("decision", "ask_material"), ("note", " ")],
    )
    .await;
    assert_eq!(res.status(), 422);
    ok(decide(
        &app,
        &shenzhen,
        leg2,
        v,
        &[
            ("decision", "ask_material"),
            ("note", "请补充解除劳动合同证明"),
        ],
    )
    .await)
    .await;
    let r = request(&app, &me, &reference).await;
    assert_eq!(r["legs"][1]["status"], "awaiting_material");
    assert_eq!(r["material_asked"][1], "请补充解除劳动合同证明");
    let due_before = r["legs"][1]["due_on"].as_str().unwrap().to_string();
    // Three days later the citizen answers: the due date moves by the working days paused.
    app.clock.advance(chrono::Duration::days(3));
    // Sessions idle for three days have ended: everyone signs in again.
    let me = app.signed_in(CITIZEN).await;
    let beijing = app.signed_in("reviewer-beijing").await;
    let shenzhen = app.signed_in("reviewer-shenzhen").await;
    let version = r["version"].to_string();
    let res = app
        .call(
            &me,
            "/api/citizen/answer_material",
            &[
                ("reference", &reference),
                ("version", &version),
                ("answer", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    ok(app
        .call(
            &me,
            "/api/citizen/answer_material",
            &[
                ("reference", &reference),
                ("version", &version),
                ("answer", "已上传解除劳动合同证明"),
            ],
        )
        .await)
    .await;
    let r = request(&app, &me, &reference).await;
    assert_eq!(r["legs"][1]["status"], "open");
    let paused = app::server::working_days::working_days_between(
        today,
        app::server::services::transfers::today(app.clock.now()),
    );
    let due_after =
        app::server::working_days::add_working_days(due_before.parse().unwrap(), paused);
    assert_eq!(r["legs"][1]["due_on"], due_after.to_string());

    let (leg2, v) = queued(&app, &shenzhen, &reference).await;
    ok(decide(&app, &shenzhen, leg2, v, &[("decision", "accept")]).await).await;
    assert_eq!(
        pension_status(&app, &me, "深圳市").await,
        ("terminated".into(), "transferred_out".into())
    );
    let (leg3, v) = queued(&app, &beijing, &reference).await;
    ok(decide(&app, &beijing, leg3, v, &[("decision", "accept")]).await).await;

    let r = request(&app, &me, &reference).await;
    assert_eq!(r["summary"]["status"], "completed");
    assert!(r["summary"]["holder"].is_null());
    assert_eq!(r["carried_months"], 84);
    let events: Vec<&str> = r["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        events,
        [
            "submitted",
            "accepted",
            "material_asked",
            "material_answered",
            "accepted",
            "completed"
        ]
    );
    // The five-insurance view: Beijing's pension carries Shenzhen's months.
    let home = ok(app.call(&me, "/api/citizen/get_home", &[]).await).await;
    let pension = &home["insurances"][0]["enrolment"];
    assert_eq!(pension["region"]["zh"], "北京市");
    assert_eq!(pension["carried_in"][0]["months"], 84, "{pension}");
    assert_eq!(pension["carried_in"][0]["from"]["zh"], "深圳市");
    // Every office's change reached the inbox, and the queues are empty.
    let inbox = ok(app.call(&me, "/api/citizen/get_notifications", &[]).await).await;
    let updates = inbox
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n.to_string().contains(&reference))
        .count();
    // The submission and the four office decisions (his own answer is not news to him).
    assert_eq!(updates, 5, "{inbox}");
    assert!(queue(&app, &beijing).await.is_empty());
    assert!(queue(&app, &shenzhen).await.is_empty());
    // A completed request takes no more decisions, and the ended relationship is no
    // longer offered.
    let res = decide(
        &app,
        &beijing,
        leg3,
        r["version"].as_i64().unwrap(),
        &[("decision", "accept")],
    )
    .await;
    assert_eq!(res.status(), 409);
    let d = draft(&app, &me, "pension").await;
    assert_eq!(d["from_choices"], serde_json::json!([]), "{d}");
}

on_both_backends!(withdrawn_and_refused_requests_restore_the_old_relationship);
async fn withdrawn_and_refused_requests_restore_the_old_relationship(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let me = app.signed_in(CITIZEN).await;
    let key = prepared(&app, &me, "pension").await;
    let reference = ok(submit(&app, &me, "pension", &key).await).await;
    let reference = reference.as_str().unwrap();
    let r = request(&app, &me, reference).await;
    let version = r["version"].to_string();
    // Withdrawal needs the confirmation box.
    let res = app
        .call(
            &me,
            "/api/citizen/withdraw_request",
            &[("reference", reference), ("version", &version)],
        )
        .await;
    assert_eq!(res.status(), 422);
    ok(app
        .call(
            &me,
            "/api/citizen/withdraw_request",
            &[
                ("reference", reference),
                ("version", &version),
                ("confirm", "on"),
            ],
        )
        .await)
    .await;
    let r = request(&app, &me, reference).await;
    assert_eq!(r["summary"]["status"], "withdrawn");
    assert_eq!(
        r["legs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["status"].clone())
            .collect::<Vec<_>>(),
        ["cancelled", "cancelled", "cancelled"]
    );
    let beijing = app.signed_in("reviewer-beijing").await;
    assert!(queue(&app, &beijing).await.is_empty());

    // A second request: Beijing sends the contact letter, Shenzhen refuses it, with a
    // reason the citizen reads with what to do next. Arrears are no reason to refuse.
    let key = prepared(&app, &me, "pension").await;
    let reference = ok(submit(&app, &me, "pension", &key).await).await;
    let reference = reference.as_str().unwrap();
    let (leg, v) = queued(&app, &beijing, reference).await;
    let res = decide(&app, &beijing, leg, v, &[("decision", "reject")]).await;
    assert_eq!(
        field_codes(&json(res).await),
        vec![("reason".into(), "required".into())]
    );
    ok(decide(&app, &beijing, leg, v, &[("decision", "accept")]).await).await;
    let shenzhen = app.signed_in("reviewer-shenzhen").await;
    let (leg, v) = queued(&app, &shenzhen, reference).await;
    let res = decide(
        &app,
        &shenzhen,
        leg,
        v,
        &[("decision", "reject"), ("reason", "arrears")],
    )
    .await;
    assert_eq!(
        field_codes(&json(res).await),
        vec![("reason".into(), "reason_unknown".into())]
    );
    ok(decide(
        &app,
        &shenzhen,
        leg,
        v,
        &[
            ("decision", "reject"),
            ("reason", "identity_mismatch"),
            ("note", "姓名与本地记录不一致"),
        ],
    )
    .await)
    .await;
    let r = request(&app, &me, reference).await;
    assert_eq!(r["summary"]["status"], "rejected");
    assert_eq!(r["rejection"], "identity_mismatch");
    assert_eq!(
        r["legs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["status"].clone())
            .collect::<Vec<_>>(),
        ["done", "rejected", "cancelled"]
    );
    // The relationship that was moving is suspended again, so it can be requested anew.
    assert_eq!(pension_status(&app, &me, "深圳市").await.0, "suspended");
    let d = draft(&app, &me, "pension").await;
    assert!(
        d["precheck"].is_null() || d["precheck"]["unmet"] == serde_json::json!([]),
        "{d}"
    );
}

on_both_backends!(a_move_within_one_province_is_a_change_of_registration);
/// 国办发〔2009〕66号: Guangzhou → Shenzhen is a change of registration inside Guangdong. The
/// pre-check says so, no fund moves and nothing can be submitted; medical insurance, pooled by
/// city, still transfers.
async fn a_move_within_one_province_is_a_change_of_registration(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let me = app.signed_in(MOVER).await;
    let key = prepared_between(&app, &me, "pension", "440100", "440300").await;
    let p = draft(&app, &me, "pension").await["precheck"].clone();
    let change = &p["route"]["ChangeOfRegistration"];
    assert_eq!(change["province"]["zh"], "广东省", "{p}");
    assert_eq!(change["since"], 202012);
    assert_eq!(p["estimate"]["pooled_funds"], 0);
    // Six years in each city are twelve in Guangdong: it pays, not the hukou's Sichuan.
    assert_eq!(p["paying_place"][0]["zh"], "广东省");
    assert_eq!(p["paying_place"][1], "CurrentPlaceTenYears");
    let res = submit(&app, &me, "pension", &key).await;
    assert_eq!(
        field_codes(&json(res).await),
        vec![("submit".into(), "transfer_not_ready".into())]
    );
    assert_eq!(
        ok(app.call(&me, "/api/citizen/list_requests", &[]).await).await,
        serde_json::json!([])
    );
    // Nothing about a temporary account to answer here.
    let res = app
        .call(
            &me,
            "/api/citizen/save_transfer_exception",
            &[("kind", "pension"), ("exception", "hukou_moved_in")],
        )
        .await;
    assert_eq!(
        field_codes(&json(res).await),
        vec![("exception".into(), "exception_not_asked".into())]
    );
    let key = prepared_between(&app, &me, "medical", "440100", "440300").await;
    let p = draft(&app, &me, "medical").await["precheck"].clone();
    assert_eq!(
        (&p["route"], &p["unmet"]),
        (&"Transfer".into(), &serde_json::json!([]))
    );
    let reference = ok(submit(&app, &me, "medical", &key).await).await;
    assert!(reference.as_str().unwrap().starts_with("YB"));
}

on_both_backends!(a_temporary_account_and_arrears_are_explained_not_refused);
/// 国办发〔2009〕66号 第三条 and 人社部规〔2016〕5号: Shanghai started when she was 40, so it
/// holds a temporary account (an outcome, not a refusal) until an exception is answered; the
/// two months unpaid in Chengdu are a warning and are left out of the estimate.
async fn a_temporary_account_and_arrears_are_explained_not_refused(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let me = app.signed_in(LATE_MOVER).await;
    let key = prepared_between(&app, &me, "pension", "510100", "310100").await;
    let d = draft(&app, &me, "pension").await;
    let p = &d["precheck"];
    let temporary = &p["route"]["TemporaryAccount"];
    assert_eq!(
        (&temporary["age"], &temporary["started"]),
        (&40.into(), &202103.into()),
        "{p}"
    );
    assert_eq!(p["unmet"], serde_json::json!([]));
    assert_eq!(p["arrears"], serde_json::json!([202011, 202012]));
    // Months paid in Chengdu: 2003-07 to 2020-10.
    assert_eq!(p["estimate"]["months"], 208);
    // Shanghai's years are left out: Sichuan, the hukou place, pays.
    assert_eq!(p["paying_place"][0]["zh"], "四川省");
    assert_eq!(submit(&app, &me, "pension", &key).await.status(), 422);

    for (answer, code) in [("", "required"), ("moved", "exception_unknown")] {
        let res = app
            .call(
                &me,
                "/api/citizen/save_transfer_exception",
                &[("kind", "pension"), ("exception", answer)],
            )
            .await;
        assert_eq!(
            field_codes(&json(res).await),
            vec![("exception".into(), code.into())]
        );
    }
    assert!(draft(&app, &me, "pension").await["answers"]["exception"].is_null());
    ok(app
        .call(
            &me,
            "/api/citizen/save_transfer_exception",
            &[("kind", "pension"), ("exception", "hukou_moved_in")],
        )
        .await)
    .await;
    let d = draft(&app, &me, "pension").await;
    let p = &d["precheck"];
    assert_eq!(
        (&p["route"], &p["exception"]),
        (&"Transfer".into(), &"hukou_moved_in".into())
    );
    assert_eq!(p["paying_place"][0]["zh"], "上海市");
    // The arrears still do not stop it.
    let reference =
        ok(submit(&app, &me, "pension", d["request_key"].as_str().unwrap()).await).await;
    let r = request(&app, &me, reference.as_str().unwrap()).await;
    assert_eq!(r["exception"], "hukou_moved_in");
    assert_eq!(r["estimate"]["months"], 208);
    // Answering "none" afterwards on a fresh draft keeps it a temporary account.
    prepared_between(&app, &me, "pension", "510100", "310100").await;
    ok(app
        .call(
            &me,
            "/api/citizen/save_transfer_exception",
            &[("kind", "pension"), ("exception", "none")],
        )
        .await)
    .await;
    let p = draft(&app, &me, "pension").await["precheck"].clone();
    assert!(p["route"]["TemporaryAccount"].is_object(), "{p}");
}

on_both_backends!(two_reviewers_deciding_at_once_one_wins);
async fn two_reviewers_deciding_at_once_one_wins(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let me = app.signed_in(CITIZEN).await;
    let key = prepared(&app, &me, "pension").await;
    let reference = ok(submit(&app, &me, "pension", &key).await).await;
    let reference = reference.as_str().unwrap();
    // Two reviewers of the Beijing office (the supervisor is one) on the same leg.
    let a = app.signed_in("reviewer-beijing").await;
    let b = app.signed_in("supervisor-demo").await;
    let (leg, v) = queued(&app, &a, reference).await;
    let (ra, rb) = tokio::join!(
        decide(&app, &a, leg, v, &[("decision", "accept")]),
        decide(
            &app,
            &b,
            leg,
            v,
            &[("decision", "reject"), ("reason", "identity_mismatch")]
        )
    );
    let mut statuses = [ra.status().as_u16(), rb.status().as_u16()];
    statuses.sort();
    assert_eq!(statuses, [200, 409]);
    let r = request(&app, &me, reference).await;
    let decisions = r["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "accepted" || e["action"] == "rejected")
        .count();
    assert_eq!(decisions, 1, "{r}");
    assert_eq!(r["version"], v + 1);
}

on_both_backends!(a_medical_transfer_goes_to_the_healthcare_offices);
async fn a_medical_transfer_goes_to_the_healthcare_offices(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let me = app.signed_in(CITIZEN).await;
    let key = prepared(&app, &me, "medical").await;
    let d = draft(&app, &me, "medical").await;
    assert!(d["precheck"]["paying_place"].is_null());
    assert_eq!(d["precheck"]["estimate"]["pooled_funds"], 0);
    let reference = ok(submit(&app, &me, "medical", &key).await).await;
    let reference = reference.as_str().unwrap();
    assert!(reference.starts_with("YB"));
    let r = request(&app, &me, reference).await;
    assert_eq!(
        r["legs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["limit_days"].clone())
            .collect::<Vec<_>>(),
        [10, 5]
    );
    assert_eq!(r["summary"]["holder"]["zh"], "深圳市医疗保障局");
    // The pension offices do not hold it; the healthcare offices process every leg.
    assert!(
        queue(&app, &app.signed_in("reviewer-shenzhen").await)
            .await
            .is_empty()
    );
    let shenzhen = app.signed_in("reviewer-shenzhen-medical").await;
    let beijing = app.signed_in("reviewer-beijing-medical").await;
    for reviewer in [&shenzhen, &beijing] {
        let (leg, v) = queued(&app, reviewer, reference).await;
        ok(decide(&app, reviewer, leg, v, &[("decision", "accept")]).await).await;
    }
    let r = request(&app, &me, reference).await;
    assert_eq!(r["summary"]["status"], "completed");
    assert_eq!(r["carried_months"], 84);
}

on_both_backends!(others_cannot_see_or_act_on_a_request);
async fn others_cannot_see_or_act_on_a_request(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let me = app.signed_in(CITIZEN).await;
    let key = prepared(&app, &me, "pension").await;
    let reference = ok(submit(&app, &me, "pension", &key).await).await;
    let reference = reference.as_str().unwrap().to_string();
    let beijing = app.signed_in("reviewer-beijing").await;
    let (leg, v) = queued(&app, &beijing, &reference).await;
    let (leg_s, v_s) = (leg.to_string(), v.to_string());

    let citizen_calls: Vec<(&str, Vec<(&str, &str)>)> = vec![
        ("/api/citizen/get_transfer_draft", vec![("kind", "pension")]),
        (
            "/api/citizen/save_transfer_places",
            vec![("kind", "pension"), ("from", SHENZHEN), ("to", BEIJING)],
        ),
        (
            "/api/citizen/save_transfer_contact",
            vec![("kind", "pension"), ("phone", "13800138000")],
        ),
        (
            "/api/citizen/save_transfer_exception",
            vec![("kind", "pension"), ("exception", "hukou_moved_in")],
        ),
        (
            "/api/citizen/submit_transfer",
            vec![("kind", "pension"), ("request_key", &key)],
        ),
        ("/api/citizen/list_requests", vec![]),
        ("/api/citizen/get_request", vec![("reference", &reference)]),
        (
            "/api/citizen/withdraw_request",
            vec![
                ("reference", &reference),
                ("version", &v_s),
                ("confirm", "on"),
            ],
        ),
        (
            "/api/citizen/answer_material",
            vec![
                ("reference", &reference),
                ("version", &v_s),
                ("answer", "x"),
            ],
        ),
    ];
    let review_calls: Vec<(&str, Vec<(&str, &str)>)> = vec![
        ("/api/review/get_queue", vec![]),
        ("/api/review/get_overdue", vec![]),
        ("/api/review/get_leg", vec![("leg", &leg_s)]),
        (
            "/api/review/decide_leg",
            vec![("leg", &leg_s), ("version", &v_s), ("decision", "accept")],
        ),
    ];
    // Nobody: 401 everywhere.
    let nobody = app.client();
    for (path, form) in citizen_calls.iter().chain(&review_calls) {
        assert_eq!(app.call(&nobody, path, form).await.status(), 401, "{path}");
    }
    // Other roles: 403 on citizen and review functions alike.
    for account in ["employer-demo", "helpdesk-demo", "admin-demo"] {
        let c = app.signed_in(account).await;
        for (path, form) in citizen_calls.iter().chain(&review_calls) {
            assert_eq!(
                app.call(&c, path, form).await.status(),
                403,
                "{account} {path}"
            );
        }
    }
    // Reviewers are not citizens.
    for (path, form) in &citizen_calls {
        assert_eq!(
            app.call(&beijing, path, form).await.status(),
            403,
            "reviewer {path}"
        );
    }
    // Another citizen: the reference is not theirs, so it does not exist for them.
    let other = app.signed_in(RETIREE).await;
    for (path, form) in &citizen_calls[6..] {
        assert_eq!(
            app.call(&other, path, form).await.status(),
            404,
            "retiree {path}"
        );
    }
    assert_eq!(
        ok(app.call(&other, "/api/citizen/list_requests", &[]).await).await,
        serde_json::json!([])
    );
    // The retiree cannot start one: receiving a pension, with nowhere to move to.
    let d = draft(&app, &other, "pension").await;
    assert_eq!(d["to_choices"], serde_json::json!([]));
    let res = app
        .call(
            &other,
            "/api/citizen/save_transfer_places",
            &[("kind", "pension"), ("from", "510100"), ("to", BEIJING)],
        )
        .await;
    assert_eq!(
        field_codes(&json(res).await),
        vec![("to".into(), "place_unknown".into())]
    );
    // Reviewers of other offices: not found; a reviewer who is not a supervisor: 403.
    for account in ["reviewer-shenzhen", "reviewer-beijing-medical"] {
        let c = app.signed_in(account).await;
        for (path, form) in &review_calls[2..] {
            assert_eq!(
                app.call(&c, path, form).await.status(),
                404,
                "{account} {path}"
            );
        }
    }
    assert_eq!(
        app.call(&beijing, "/api/review/get_overdue", &[])
            .await
            .status(),
        403
    );
    // Nothing above changed the request.
    let r = request(&app, &me, &reference).await;
    assert_eq!(r["version"], v);
    assert_eq!(r["summary"]["status"], "in_progress");

    // The supervisor sees the leg once it is past due, across offices.
    let supervisor = app.signed_in("supervisor-demo").await;
    assert_eq!(
        ok(app.call(&supervisor, "/api/review/get_overdue", &[]).await).await,
        serde_json::json!([])
    );
    app.clock.advance(chrono::Duration::days(40));
    let supervisor = app.signed_in("supervisor-demo").await;
    let overdue = ok(app.call(&supervisor, "/api/review/get_overdue", &[]).await).await;
    assert_eq!(overdue[0]["reference"], reference.as_str());
    assert_eq!(overdue[0]["overdue"], true);
    let me = app.signed_in(CITIZEN).await;
    assert_eq!(
        request(&app, &me, &reference).await["summary"]["overdue"],
        true
    );
}
