//! The yearly qualification check over HTTP on both backends: the demo retiree's standing (the
//! seed confirmed her 350 days ago, so she is warned), a confirmation sent to the office once per
//! form and one at a time, the Chengdu office's decision (and no other office's), a confirmation
//! with her own second factor, and refusal for every other role and for nobody.

use crate::common;
use common::{CITIZEN, Kind, RETIREE, TestApp, json, spawn_app};
use serde_json::Value;

const VIEW: &str = "/api/citizen/get_qualification";
const CONFIRM: &str = "/api/citizen/confirm_qualification";
const QUEUE: &str = "/api/review/get_qualification_queue";
const DECIDE: &str = "/api/review/decide_qualification";

async fn view(app: &TestApp, c: &reqwest::Client) -> Value {
    let res = app.call(c, VIEW, &[]).await;
    assert_eq!(res.status(), 200);
    json(res).await
}

fn today(app: &TestApp) -> chrono::NaiveDate {
    app::server::services::transfers::today(app.clock.now())
}

on_both_backends!(a_pensioner_confirms_through_the_office_or_with_her_second_factor);
async fn a_pensioner_confirms_through_the_office_or_with_her_second_factor(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let me = app.signed_in(RETIREE).await;
    let v = view(&app, &me).await;
    // Confirmed 350 days before seeding: due in about two weeks, and warned.
    let days_left = v["standing"]["DueSoon"].as_i64().expect("due soon");
    assert!((14..=16).contains(&days_left), "{kind:?} {v}");
    assert_eq!(v["pending"], false);
    assert_eq!(v["second_factor"], false);
    assert_eq!(v["history"].as_array().unwrap().len(), 1);
    let key = v["request_key"].as_str().unwrap().to_string();

    // Without a second factor she cannot confirm herself; a form without the tick is refused.
    let res = app
        .call(
            &me,
            CONFIRM,
            &[
                ("confirm_by", "second_factor"),
                ("code", "123456"),
                ("confirm", "on"),
                ("request_key", &key),
            ],
        )
        .await;
    assert_eq!(res.status(), 409, "{kind:?}");
    let res = app
        .call(
            &me,
            CONFIRM,
            &[("confirm_by", "office_review"), ("request_key", &key)],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert_eq!(
        common::field_codes(&json(res).await),
        vec![("confirm".to_string(), "confirm".to_string())]
    );
    let count = "SELECT COUNT(*) FROM qualification_checks WHERE person_id = 2";
    assert_eq!(app.count(count).await, 1, "nothing written");

    // Sent to the office: the same form twice is kept once; another while it waits is refused.
    let form = [
        ("confirm_by", "office_review"),
        ("confirm", "on"),
        ("request_key", key.as_str()),
    ];
    assert_eq!(app.call(&me, CONFIRM, &form).await.status(), 200);
    assert_eq!(app.call(&me, CONFIRM, &form).await.status(), 200);
    assert_eq!(app.count(count).await, 2);
    let other_key = view(&app, &me).await["request_key"]
        .as_str()
        .unwrap()
        .to_string();
    let res = app
        .call(
            &me,
            CONFIRM,
            &[
                ("confirm_by", "office_review"),
                ("confirm", "on"),
                ("request_key", &other_key),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert_eq!(
        common::field_codes(&json(res).await),
        vec![("confirm_by".to_string(), "check_pending".to_string())]
    );
    assert_eq!(view(&app, &me).await["pending"], true);

    // Only the paying office (Chengdu's) sees and decides it.
    let beijing = app.signed_in("reviewer-beijing").await;
    assert_eq!(
        json(app.call(&beijing, QUEUE, &[]).await).await,
        serde_json::json!([])
    );
    let chengdu = app.signed_in("reviewer-chengdu").await;
    let queue = json(app.call(&chengdu, QUEUE, &[]).await).await;
    assert_eq!(queue.as_array().unwrap().len(), 1, "{queue}");
    assert_eq!(queue[0]["name"], "刘淑芬");
    let id = queue[0]["id"].as_i64().unwrap().to_string();
    let res = app
        .call(&beijing, DECIDE, &[("check", &id), ("decision", "confirm")])
        .await;
    assert_eq!(res.status(), 404, "another office's check is not found");
    let res = app
        .call(&chengdu, DECIDE, &[("check", &id), ("decision", "refuse")])
        .await;
    assert_eq!(res.status(), 422);
    assert_eq!(
        common::field_codes(&json(res).await),
        vec![("note".to_string(), "required".to_string())]
    );
    let res = app
        .call(&chengdu, DECIDE, &[("check", &id), ("decision", "confirm")])
        .await;
    assert_eq!(res.status(), 200);
    let res = app
        .call(
            &chengdu,
            DECIDE,
            &[("check", &id), ("decision", "refuse"), ("note", "x")],
        )
        .await;
    assert_eq!(res.status(), 404, "decided once");

    // She is told, it is in her access log, and the next check is a year away.
    let v = view(&app, &me).await;
    assert_eq!(v["pending"], false);
    assert_eq!(v["standing"], "Current");
    let due = chrono::NaiveDate::parse_from_str(v["due"].as_str().unwrap(), "%Y-%m-%d").unwrap();
    assert!((due - today(&app)).num_days() >= 364, "{v}");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM notifications WHERE kind = 'qualification_decided'")
            .await,
        1
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM access_log WHERE person_id = 2 AND action = 'qualification_review'")
            .await,
        1
    );

    // With two-factor sign-in on, she confirms herself: a wrong code changes nothing.
    let user = app.count("SELECT id FROM users WHERE person_id = 2").await;
    const SECRET: &str = "RETIREEJINBAOQUALIFICATIONCHECKA";
    app.store
        .set_totp_secret(user, &common::test_sealer().seal(user, SECRET))
        .await
        .unwrap();
    let v = view(&app, &me).await;
    assert_eq!(v["second_factor"], true);
    let key = v["request_key"].as_str().unwrap().to_string();
    let res = app
        .call(
            &me,
            CONFIRM,
            &[
                ("confirm_by", "second_factor"),
                ("code", "000000"),
                ("confirm", "on"),
                ("request_key", &key),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert_eq!(app.count(count).await, 2);
    app.clock.advance(chrono::Duration::seconds(30));
    let code = app::server::auth::totp::code_at(SECRET, app.clock.now()).unwrap();
    let res = app
        .call(
            &me,
            CONFIRM,
            &[
                ("confirm_by", "second_factor"),
                ("code", &code),
                ("confirm", "on"),
                ("request_key", &key),
            ],
        )
        .await;
    assert_eq!(res.status(), 200, "{kind:?}");
    let v = view(&app, &me).await;
    assert_eq!(v["history"][0]["method"], "second_factor");
    assert_eq!(v["history"][0]["status"], "confirmed");
}

on_both_backends!(qualification_functions_refuse_other_roles_and_nobody);
async fn qualification_functions_refuse_other_roles_and_nobody(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let confirm = [
        ("confirm_by", "office_review"),
        ("confirm", "on"),
        ("request_key", "0123456789abcdef0123"),
    ];
    let decide = [("check", "1"), ("decision", "confirm")];
    let calls: [(&str, &[(&str, &str)]); 4] = [
        (VIEW, &[]),
        (CONFIRM, &confirm),
        (QUEUE, &[]),
        (DECIDE, &decide),
    ];
    for (path, form) in calls {
        let res = app.call(&app.client(), path, form).await;
        assert_eq!(res.status(), 401, "{kind:?} nobody → {path}");
    }
    let citizen_side = [VIEW, CONFIRM];
    for account in [
        "employer-demo",
        "helpdesk-demo",
        "reviewer-chengdu",
        "admin-demo",
        CITIZEN,
    ] {
        let c = app.signed_in(account).await;
        for (path, form) in calls {
            let status = app.call(&c, path, form).await.status();
            let expected = match (account, citizen_side.contains(&path)) {
                // A citizen without a pension has no check to see or send.
                (CITIZEN, true) => 404,
                // The Chengdu reviewer's own queue is empty and check 1 is the seed's, decided.
                ("reviewer-chengdu", false) => {
                    if path == QUEUE {
                        200
                    } else {
                        404
                    }
                }
                _ => 403,
            };
            assert_eq!(status, expected, "{kind:?} {account} → {path}");
        }
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM qualification_checks WHERE status <> 'confirmed'")
            .await,
        0
    );
}
