//! Out-of-area medical filings over HTTP on SQLite and PostgreSQL: filing (at once in effect,
//! once per form), one long-term filing at a time, temporary validity, change and cancel, the
//! filing on the medical insurance, the assisted-session rule for undertakings, and refusal for
//! other citizens, other roles and nobody.

mod common;

use common::{BACKENDS, CITIZEN, RETIREE, TestApp, field_codes, json, ok, spawn_app};
use serde_json::Value;

const SHANGHAI: &str = "310100";

async fn options(app: &TestApp, c: &reqwest::Client, replaces: Option<&str>) -> Value {
    let form: Vec<(&str, &str)> = replaces.map(|r| ("replaces", r)).into_iter().collect();
    ok(app.call(c, "/api/citizen/get_filing_options", &form).await).await
}

/// A long-term filing to Shanghai on the personal undertaking, plus `extra` fields.
async fn file(
    app: &TestApp,
    c: &reqwest::Client,
    key: &str,
    extra: &[(&str, &str)],
) -> reqwest::Response {
    let mut form: Vec<(&str, &str)> = vec![
        ("insured", "110100:employee"),
        ("treatment", SHANGHAI),
        ("category", "long_term_residence"),
        ("stay", "not_admitted"),
        ("evidence", "undertaking"),
        ("undertaking", "on"),
        ("request_key", key),
    ];
    for (k, v) in extra {
        form.retain(|(f, _)| f != k);
        form.push((k, v));
    }
    app.call(c, "/api/citizen/file_medical_filing", &form).await
}

async fn filing(app: &TestApp, c: &reqwest::Client, reference: &str) -> Value {
    ok(app
        .call(c, "/api/citizen/get_filing", &[("reference", reference)])
        .await)
    .await
}

#[tokio::test]
async fn filings_take_effect_at_once_change_and_cancel() {
    for kind in BACKENDS {
        let app = spawn_app(kind, |_| {}).await;
        let me = app.signed_in(CITIZEN).await;
        let o = options(&app, &me, None).await;
        assert_eq!(o["insured"][0]["value"], "110100:employee", "{o}");
        assert!(o["active_long_term"].is_null());
        assert!(o["provinces"].as_array().unwrap().len() > 30);
        let key = o["request_key"].as_str().unwrap().to_string();

        // Every problem at once, nothing stored.
        let res = file(
            &app,
            &me,
            &key,
            &[
                ("treatment", "110100"),
                ("evidence", "undertaking"),
                ("undertaking", ""),
            ],
        )
        .await;
        assert_eq!(res.status(), 422);
        let codes = field_codes(&json(res).await);
        assert!(
            codes.contains(&("treatment".into(), "same_place".into())),
            "{codes:?}"
        );
        assert!(
            ok(app.call(&me, "/api/citizen/list_filings", &[]).await)
                .await
                .as_array()
                .unwrap()
                .is_empty()
        );

        // Filed twice with the same form: one filing, in effect today, until changed.
        let (a, b) = tokio::join!(file(&app, &me, &key, &[]), file(&app, &me, &key, &[]));
        let first = ok(a).await.as_str().unwrap().to_string();
        assert_eq!(ok(b).await, first.as_str());
        assert!(first.starts_with("YD"));
        let f = filing(&app, &me, &first).await;
        let today = app::server::services::transfers::today(app.clock.now());
        assert_eq!(f["in_effect"], true);
        assert_eq!(f["starts_on"], today.to_string());
        assert!(f["ends_on"].is_null() && f["days_left"].is_null());
        // It shows on the medical insurance.
        let home = ok(app.call(&me, "/api/citizen/get_home", &[]).await).await;
        assert_eq!(
            home["insurances"][1]["enrolment"]["filings"][0]["reference"],
            first.as_str(),
            "{home}"
        );

        // A second long-term filing is refused; a temporary one is fine, for 12 months.
        let key2 = options(&app, &me, None).await["request_key"]
            .as_str()
            .unwrap()
            .to_string();
        let res = file(&app, &me, &key2, &[("category", "resident_work")]).await;
        assert_eq!(
            field_codes(&json(res).await),
            vec![("category".into(), "long_term_exists".into())]
        );
        let temp = ok(file(
            &app,
            &me,
            &key2,
            &[
                ("category", "emergency"),
                ("months", "12"),
                ("evidence", "documents"),
                ("documents", "急诊病历和诊断证明"),
                ("treatment", "440300"),
            ],
        )
        .await)
        .await;
        let temp = temp.as_str().unwrap();
        let f = filing(&app, &me, temp).await;
        let end = today
            .checked_add_months(chrono::Months::new(12))
            .unwrap()
            .pred_opt()
            .unwrap();
        assert_eq!(f["ends_on"], end.to_string());
        assert_eq!(f["days_left"], (end - today).num_days());
        assert_eq!(f["documents"], "急诊病历和诊断证明");

        // Changing the long-term filing replaces it; the old one is no longer in effect.
        let o = options(&app, &me, Some(&first)).await;
        assert_eq!(o["replacing"]["reference"], first.as_str());
        let key3 = o["request_key"].as_str().unwrap().to_string();
        let changed = ok(file(
            &app,
            &me,
            &key3,
            &[
                ("replaces", &first),
                ("treatment", "320100"),
                ("category", "resident_work"),
            ],
        )
        .await)
        .await;
        let changed = changed.as_str().unwrap();
        // The change form posted again answers the same filing.
        let again = file(
            &app,
            &me,
            &key3,
            &[
                ("replaces", &first),
                ("treatment", "320100"),
                ("category", "resident_work"),
            ],
        )
        .await;
        assert_eq!(ok(again).await, changed);
        let old = filing(&app, &me, &first).await;
        assert_eq!(old["replaced"], true);
        assert_eq!(old["in_effect"], false);
        assert_eq!(filing(&app, &me, changed).await["category"], "ResidentWork");
        // Changing the replaced one again is a conflict.
        let key4 = options(&app, &me, None).await["request_key"]
            .as_str()
            .unwrap()
            .to_string();
        let res = file(&app, &me, &key4, &[("replaces", &first)]).await;
        assert_eq!(res.status(), 409);

        // Cancelling needs the box, works once.
        let res = app
            .call(&me, "/api/citizen/cancel_filing", &[("reference", changed)])
            .await;
        assert_eq!(res.status(), 422);
        ok(app
            .call(
                &me,
                "/api/citizen/cancel_filing",
                &[("reference", changed), ("confirm", "on")],
            )
            .await)
        .await;
        let res = app
            .call(
                &me,
                "/api/citizen/cancel_filing",
                &[("reference", changed), ("confirm", "on")],
            )
            .await;
        assert_eq!(res.status(), 409);
        assert_eq!(filing(&app, &me, changed).await["in_effect"], false);
        // With no long-term filing active, a new one is allowed again.
        let key5 = options(&app, &me, None).await["request_key"]
            .as_str()
            .unwrap()
            .to_string();
        ok(file(&app, &me, &key5, &[]).await).await;

        // Someone already discharged who paid: retroactive to the admission, reimbursed by hand.
        let admitted = (today - chrono::Duration::days(10)).to_string();
        let key6 = options(&app, &me, None).await["request_key"]
            .as_str()
            .unwrap()
            .to_string();
        let late = ok(file(
            &app,
            &me,
            &key6,
            &[
                ("category", "other_temporary"),
                ("months", "6"),
                ("stay", "discharged_self_paid"),
                ("admitted_on", &admitted),
            ],
        )
        .await)
        .await;
        let f = filing(&app, &me, late.as_str().unwrap()).await;
        assert_eq!(f["starts_on"], admitted);
        assert_eq!(f["stay"], "DischargedSelfPaid");
    }
}

#[tokio::test]
async fn a_helpdesk_agent_cannot_sign_the_undertaking() {
    for kind in BACKENDS {
        let app = spawn_app(kind, |_| {}).await;
        let agent = app.signed_in("helpdesk-demo").await;
        let user = app.find_user(&agent, CITIZEN).await;
        ok(app.start_assist(&agent, user, "citizen").await).await;
        let key = options(&app, &agent, None).await["request_key"]
            .as_str()
            .unwrap()
            .to_string();
        // Read-only first, then write mode: documents are fine, the undertaking never.
        assert_eq!(
            file(
                &app,
                &agent,
                &key,
                &[("evidence", "documents"), ("documents", "居住证")]
            )
            .await
            .status(),
            403
        );
        ok(app
            .call(
                &agent,
                "/api/assist/set_mode",
                &[("mode", "write"), ("confirmed", "yes")],
            )
            .await)
        .await;
        let res = file(&app, &agent, &key, &[]).await;
        assert_eq!(res.status(), 403);
        assert_eq!(
            json(res).await,
            serde_json::json!({ "AssistDenied": { "read_only": false } })
        );
        let reference = ok(file(
            &app,
            &agent,
            &key,
            &[("evidence", "documents"), ("documents", "居住证（上海）")],
        )
        .await)
        .await;
        let f = filing(&app, &agent, reference.as_str().unwrap()).await;
        assert_eq!(f["assisted"], true);
    }
}

#[tokio::test]
async fn others_cannot_see_or_act_on_a_filing() {
    for kind in BACKENDS {
        let app = spawn_app(kind, |_| {}).await;
        let me = app.signed_in(CITIZEN).await;
        let key = options(&app, &me, None).await["request_key"]
            .as_str()
            .unwrap()
            .to_string();
        let reference = ok(file(&app, &me, &key, &[]).await).await;
        let reference = reference.as_str().unwrap().to_string();
        let calls: Vec<(&str, Vec<(&str, &str)>)> = vec![
            (
                "/api/citizen/get_filing_options",
                vec![("replaces", &reference)],
            ),
            ("/api/citizen/list_filings", vec![]),
            ("/api/citizen/get_filing", vec![("reference", &reference)]),
            (
                "/api/citizen/cancel_filing",
                vec![("reference", &reference), ("confirm", "on")],
            ),
            (
                "/api/citizen/file_medical_filing",
                vec![
                    ("replaces", &reference),
                    ("insured", "110100:employee"),
                    ("treatment", SHANGHAI),
                    ("category", "long_term_residence"),
                    ("stay", "not_admitted"),
                    ("evidence", "undertaking"),
                    ("undertaking", "on"),
                    ("request_key", "x"),
                ],
            ),
        ];
        let nobody = app.client();
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
            for (path, form) in &calls {
                assert_eq!(
                    app.call(&c, path, form).await.status(),
                    403,
                    "{account} {path}"
                );
            }
        }
        let other = app.signed_in(RETIREE).await;
        for (path, form) in [&calls[0], &calls[2], &calls[3], &calls[4]] {
            assert_eq!(
                app.call(&other, path, form).await.status(),
                404,
                "retiree {path}"
            );
        }
        assert_eq!(
            ok(app.call(&other, "/api/citizen/list_filings", &[]).await).await,
            serde_json::json!([])
        );
        assert_eq!(filing(&app, &me, &reference).await["in_effect"], true);
    }
}
