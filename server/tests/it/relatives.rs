//! Relatives who help (亲情代办) and elder mode over HTTP on both backends: the demo retiree
//! authorises the first demo citizen (found by ID and the last four digits of his phone), who
//! accepts, acts for her (her pension, her benefit certificate) and is refused everything that is
//! hers alone; her access log shows it all; a view-only authorisation cannot act; the helpdesk
//! sees but cannot create authorisations; nobody and the other roles are refused.
//! Elder mode is remembered by the device (cookie) and by the account.

use crate::common;
use common::{CITIZEN, Kind, RETIREE, TestApp, json, spawn_app};
use serde_json::Value;

const VIEW: &str = "/api/citizen/get_relatives";
const AUTHORISE: &str = "/api/citizen/authorise_relative";
const ANSWER: &str = "/api/citizen/answer_relative";
const END: &str = "/api/citizen/end_relative";
const ACT: &str = "/api/citizen/act_for_relative";
const STOP: &str = "/api/assist/end";
/// 李明轩's phone is 13800138000.
const CITIZEN_LAST_FOUR: &str = "8000";

async fn view(app: &TestApp, c: &reqwest::Client) -> Value {
    let res = app.call(c, VIEW, &[]).await;
    assert_eq!(res.status(), 200);
    json(res).await
}

async fn authorise(
    app: &TestApp,
    c: &reqwest::Client,
    id: &str,
    last_four: &str,
    may_act: bool,
    key: &str,
) -> reqwest::Response {
    let mut form = vec![
        ("resident_id", id),
        ("phone_last_four", last_four),
        ("months", "12"),
        ("request_key", key),
    ];
    if may_act {
        form.push(("may_act", "yes"));
    }
    app.call(c, AUTHORISE, &form).await
}

fn key_of(v: &Value) -> String {
    v["request_key"].as_str().unwrap().to_string()
}

/// The retiree authorises the citizen, who accepts; returns the grant's id.
async fn authorised(
    app: &TestApp,
    retiree: &reqwest::Client,
    relative: &reqwest::Client,
    may_act: bool,
) -> String {
    let key = key_of(&view(app, retiree).await);
    let res = authorise(app, retiree, CITIZEN, CITIZEN_LAST_FOUR, may_act, &key).await;
    assert_eq!(res.status(), 200);
    let id = view(app, relative).await["received"][0]["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let res = app
        .call(relative, ANSWER, &[("grant", &id), ("answer", "accept")])
        .await;
    assert_eq!(res.status(), 200);
    id
}

/// Issues the benefit certificate (for a loan) of whoever `c` acts as.
async fn issue_benefit_certificate(app: &TestApp, c: &reqwest::Client) -> reqwest::Response {
    let options = json(
        app.call(c, "/api/citizen/get_certificate_options", &[])
            .await,
    )
    .await;
    let form = [
        ("kind", "pension_benefit"),
        ("purpose", "loan"),
        ("language", "zh"),
        ("request_key", &key_of(&options)),
    ];
    app.call(c, "/api/citizen/issue_certificate", &form).await
}

fn error_kind(body: &Value) -> String {
    body.as_object()
        .and_then(|o| o.keys().next().cloned())
        .unwrap_or_else(|| body.to_string())
}

on_both_backends!(a_relative_is_authorised_accepts_and_acts_within_the_authorisation);
async fn a_relative_is_authorised_accepts_and_acts_within_the_authorisation(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let retiree = app.signed_in(RETIREE).await;
    let son = app.signed_in(CITIZEN).await;
    let grants = "SELECT COUNT(*) FROM relative_grants";
    let key = key_of(&view(&app, &retiree).await);

    // Bad input: every field's problem at once, nothing written.
    let res = authorise(&app, &retiree, "12345", "12a4", true, &key).await;
    assert_eq!(res.status(), 422);
    let mut codes = common::field_codes(&json(res).await);
    codes.sort();
    assert_eq!(
        codes,
        vec![
            ("phone_last_four".into(), "invalid".into()),
            ("resident_id".into(), "resident_id_invalid".into())
        ]
    );
    // Wrong digits answer as an unknown account does; herself is refused.
    let res = authorise(&app, &retiree, CITIZEN, "0000", true, &key).await;
    assert_eq!(
        common::field_codes(&json(res).await),
        vec![("resident_id".into(), "no_such_relative".into())]
    );
    let res = authorise(&app, &retiree, RETIREE, "9000", true, &key).await;
    assert_eq!(
        common::field_codes(&json(res).await),
        vec![("resident_id".into(), "self_relative".into())]
    );
    assert_eq!(app.count(grants).await, 0, "{kind:?}");

    // The offer: the same form twice offers once; a second while it is open is refused.
    assert_eq!(
        authorise(&app, &retiree, CITIZEN, CITIZEN_LAST_FOUR, true, &key)
            .await
            .status(),
        200
    );
    assert_eq!(
        authorise(&app, &retiree, CITIZEN, CITIZEN_LAST_FOUR, true, &key)
            .await
            .status(),
        200
    );
    assert_eq!(app.count(grants).await, 1);
    let other = key_of(&view(&app, &retiree).await);
    let res = authorise(&app, &retiree, CITIZEN, CITIZEN_LAST_FOUR, true, &other).await;
    assert_eq!(
        common::field_codes(&json(res).await),
        vec![("resident_id".into(), "already_authorised".into())]
    );
    let invited = "SELECT COUNT(*) FROM notifications WHERE user_id = (SELECT u.id FROM users u JOIN persons p ON p.id = u.person_id \
                   WHERE p.resident_id = '110101199003074514') AND kind = 'relative_invited'";
    assert_eq!(app.count(invited).await, 1);

    // Before he accepts he cannot act; then he accepts and acts for her.
    let received = view(&app, &son).await["received"].clone();
    assert_eq!(received[0]["name"], "刘淑芬");
    assert_eq!(received[0]["state"], "Offered");
    let id = received[0]["id"].as_i64().unwrap().to_string();
    assert_eq!(app.call(&son, ACT, &[("grant", &id)]).await.status(), 404);
    assert_eq!(
        app.call(&retiree, ANSWER, &[("grant", &id), ("answer", "accept")])
            .await
            .status(),
        404,
        "only he answers"
    );
    assert_eq!(
        app.call(&son, ANSWER, &[("grant", &id), ("answer", "accept")])
            .await
            .status(),
        200
    );
    assert_eq!(view(&app, &retiree).await["given"][0]["state"], "Active");
    assert_eq!(app.call(&son, ACT, &[("grant", &id)]).await.status(), 200);

    // Acting for her he sees whom she authorised, not who authorised her.
    let hers = view(&app, &son).await;
    assert_eq!(hers["given"][0]["name"], "李明轩");
    assert_eq!(hers["received"], Value::Null);
    assert_eq!(hers["can_manage"], false);

    // Acting for her: her pension, and the banner says who helps whom.
    let pension = json(
        app.call(&son, "/api/citizen/get_pension_benefits", &[])
            .await,
    )
    .await;
    assert!(
        pension["current"]["basic"].as_i64().unwrap() > 0,
        "{pension}"
    );
    let me = json(app.call(&son, "/api/auth/who_am_i", &[]).await).await;
    assert_eq!(me["display_name"], "刘淑芬");
    assert_eq!(me["assisted"]["relative"], true);
    assert_eq!(me["assisted"]["agent_name"], "李明轩");

    // What is hers alone is refused: password, two-factor, authorisations, her own confirmation.
    let refused: [(&str, Vec<(&str, &str)>); 7] = [
        (
            "/api/account/change_password",
            vec![
                ("current", common::PASSWORD),
                ("new_password", "Another-Pass-2026"),
                ("confirm", "Another-Pass-2026"),
            ],
        ),
        ("/api/account/begin_two_factor", vec![]),
        ("/api/account/disable_two_factor", vec![("code", "123456")]),
        (
            AUTHORISE,
            vec![
                ("resident_id", "510107196805122644"),
                ("phone_last_four", "7000"),
                ("months", "1"),
                ("request_key", "abcdefghijklmnopqrstuvwx"),
            ],
        ),
        (END, vec![("grant", id.as_str())]),
        (ACT, vec![("grant", id.as_str())]),
        (
            "/api/citizen/confirm_qualification",
            vec![
                ("confirm_by", "second_factor"),
                ("code", "123456"),
                ("confirm", "on"),
                ("request_key", "abcdefghijklmnopqrstuvwx"),
            ],
        ),
    ];
    for (path, form) in &refused {
        let res = app.call(&son, path, form).await;
        assert_eq!(res.status(), 403, "{kind:?} {path}");
        assert_eq!(error_kind(&json(res).await), "RelativeDenied", "{path}");
    }
    assert_eq!(app.count(grants).await, 1, "no third person");

    // Her benefit certificate, issued by him.
    let res = issue_benefit_certificate(&app, &son).await;
    assert_eq!(res.status(), 200, "{kind:?}");

    let list = json(
        app.call(&retiree, "/api/citizen/list_certificates", &[])
            .await,
    )
    .await;
    assert_eq!(list[0]["helper"], "Relative", "{list}");

    // He stops; her access log shows his session, with what he looked at and did.
    assert_eq!(app.call(&son, STOP, &[]).await.status(), 200);
    assert_eq!(
        json(app.call(&son, "/api/auth/who_am_i", &[]).await).await["display_name"],
        "李明轩"
    );
    let log = json(
        app.call(
            &retiree,
            "/api/citizen/get_access_log",
            &[("kind", "relative")],
        )
        .await,
    )
    .await;
    let entries = log["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1, "{log}");
    assert_eq!(entries[0]["actor"], "李明轩");
    let session = &entries[0]["assisted"];
    assert_eq!(session["reason"], "relative");
    let actions: Vec<&str> = session["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a[2].as_str().unwrap())
        .collect();
    assert!(
        actions.contains(&"/api/citizen/get_pension_benefits"),
        "{actions:?}"
    );
    assert!(
        actions.contains(&"/api/citizen/issue_certificate"),
        "{actions:?}"
    );

    // She ends it: he can no longer act.
    assert_eq!(
        app.call(&retiree, END, &[("grant", &id)]).await.status(),
        200
    );
    assert_eq!(app.call(&son, ACT, &[("grant", &id)]).await.status(), 404);
    assert_eq!(
        app.call(&son, END, &[("grant", &id)]).await.status(),
        404,
        "ended once"
    );
}

on_both_backends!(an_authorisation_to_look_does_not_let_the_relative_act);
async fn an_authorisation_to_look_does_not_let_the_relative_act(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let retiree = app.signed_in(RETIREE).await;
    let son = app.signed_in(CITIZEN).await;
    let id = authorised(&app, &retiree, &son, false).await;
    assert_eq!(app.call(&son, ACT, &[("grant", &id)]).await.status(), 200);
    assert_eq!(
        app.call(&son, "/api/citizen/get_pension_benefits", &[])
            .await
            .status(),
        200
    );
    let res = issue_benefit_certificate(&app, &son).await;
    assert_eq!(res.status(), 403, "{kind:?}");
    assert_eq!(
        json(res).await,
        serde_json::json!({ "RelativeDenied": { "view_only": true } })
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM certificates").await, 0);
    // Ending the authorisation from her side ends his session at once.
    assert_eq!(
        app.call(&retiree, END, &[("grant", &id)]).await.status(),
        200
    );
    let open = "SELECT COUNT(*) FROM assisted_sessions WHERE ended_at IS NULL";
    assert_eq!(app.count(open).await, 0, "{kind:?}");
    let me = json(app.call(&son, "/api/auth/who_am_i", &[]).await).await;
    assert_eq!(me["display_name"], "李明轩", "{kind:?}");
    assert_eq!(me["assisted"], Value::Null);
}

on_both_backends!(the_helpdesk_sees_authorisations_but_cannot_make_them);
async fn the_helpdesk_sees_authorisations_but_cannot_make_them(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let retiree = app.signed_in(RETIREE).await;
    let son = app.signed_in(CITIZEN).await;
    authorised(&app, &retiree, &son, true).await;
    let agent = app.signed_in("helpdesk-demo").await;
    let user = app.find_user(&agent, RETIREE).await;
    assert_eq!(
        app.start_assist(&agent, user, "citizen").await.status(),
        200
    );
    let res = app
        .call(
            &agent,
            "/api/assist/set_mode",
            &[("mode", "write"), ("confirmed", "yes")],
        )
        .await;
    assert_eq!(res.status(), 200);
    let v = view(&app, &agent).await;
    assert_eq!(v["given"][0]["name"], "李明轩");
    assert_eq!(v["can_manage"], false);
    let res = authorise(
        &app,
        &agent,
        "510107196805122644",
        "7000",
        true,
        &key_of(&v),
    )
    .await;
    assert_eq!(res.status(), 403, "{kind:?}");
    assert_eq!(
        json(res).await,
        serde_json::json!({ "AssistDenied": { "read_only": false } })
    );
    let grant = v["given"][0]["id"].as_i64().unwrap().to_string();
    assert_eq!(
        app.call(&agent, END, &[("grant", &grant)]).await.status(),
        403
    );
    assert_eq!(view(&app, &retiree).await["given"][0]["state"], "Active");
}

on_both_backends!(relatives_endpoints_refuse_nobody_and_other_roles);
async fn relatives_endpoints_refuse_nobody_and_other_roles(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let calls: [(&str, Vec<(&str, &str)>); 5] = [
        (VIEW, vec![]),
        (
            AUTHORISE,
            vec![
                ("resident_id", CITIZEN),
                ("phone_last_four", CITIZEN_LAST_FOUR),
                ("months", "1"),
                ("request_key", "abcdefghijklmnopqrstuvwx"),
            ],
        ),
        (ANSWER, vec![("grant", "1"), ("answer", "accept")]),
        (END, vec![("grant", "1")]),
        (ACT, vec![("grant", "1")]),
    ];
    let nobody = app.client();
    for (path, form) in &calls {
        assert_eq!(
            app.call(&nobody, path, form).await.status(),
            401,
            "{kind:?} {path}"
        );
    }
    for staff in ["employer-demo", "reviewer-beijing", "admin-demo"] {
        let c = app.signed_in(staff).await;
        for (path, form) in &calls {
            assert_eq!(
                app.call(&c, path, form).await.status(),
                403,
                "{staff} {path}"
            );
        }
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM relative_grants").await, 0);
}

on_both_backends!(elder_mode_is_remembered_by_the_device_and_the_account);
async fn elder_mode_is_remembered_by_the_device_and_the_account(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let page = |c: reqwest::Client, path: &'static str| {
        let url = app.url(path);
        async move { c.get(url).send().await.unwrap().text().await.unwrap() }
    };
    let is_elder = |html: &str| html.contains("<html lang=\"zh-CN\" class=\"elder\"");

    // A device without an account: the cookie.
    let device = app.client();
    let res = app
        .call(&device, "/api/prefs/set_elder_mode", &[("on", "true")])
        .await;
    assert_eq!(res.status(), 200);
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(
        cookie.starts_with("elder=1;") && cookie.contains("Max-Age=31536000"),
        "{cookie}"
    );
    assert!(is_elder(&page(device.clone(), "/login").await));
    assert!(!is_elder(&page(app.client(), "/login").await));
    let bad = app
        .call(&device, "/api/prefs/set_elder_mode", &[("on", "maybe")])
        .await;
    assert_eq!(bad.status(), 400, "{kind:?}");

    // Signing in on that device makes it the account's: a new device shows elder mode and its
    // home.
    let on = "SELECT COUNT(*) FROM users u JOIN persons p ON p.id = u.person_id \
              WHERE p.resident_id = '510107196211033927' AND u.elder_mode";
    assert_eq!(app.count(on).await, 0);
    assert_eq!(
        app.login(&device, RETIREE, common::PASSWORD).await.status(),
        200
    );
    assert_eq!(app.count(on).await, 1, "{kind:?}");
    let phone = app.signed_in(RETIREE).await;
    let home = page(phone.clone(), "/me").await;
    assert!(is_elder(&home), "{kind:?}");
    assert!(home.contains("class=\"elder-actions\"") && home.contains("href=\"/me/relatives\""));
    assert!(home.contains("每月养老金"), "her pension first");
    let all = page(phone.clone(), "/me?all=1").await;
    assert!(
        all.contains("class=\"insurance-grid\""),
        "all services on the full home"
    );
    // This device's own choice wins over the account's.
    assert_eq!(
        app.call(&phone, "/api/prefs/set_elder_mode", &[("on", "false")])
            .await
            .status(),
        200
    );
    assert!(!is_elder(&page(phone.clone(), "/me").await));
    assert_eq!(
        app.count(on).await,
        0,
        "and the account follows the last choice"
    );

    // An agent's choice in an assisted session is the device's, never the person's account's.
    let agent = app.signed_in("helpdesk-demo").await;
    let user = app.find_user(&agent, RETIREE).await;
    assert_eq!(
        app.start_assist(&agent, user, "citizen").await.status(),
        200
    );
    assert_eq!(
        app.call(&agent, "/api/prefs/set_elder_mode", &[("on", "true")])
            .await
            .status(),
        200
    );
    assert_eq!(app.count(on).await, 0);
}

on_both_backends!(the_session_clock_counts_down_and_continue_renews_it);
async fn the_session_clock_counts_down_and_continue_renews_it(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    assert_eq!(
        app.call(&app.client(), "/api/auth/keep_alive", &[])
            .await
            .status(),
        401
    );
    let me = app.signed_in(CITIZEN).await;
    let clock = json(app.call(&me, "/api/auth/who_am_i", &[]).await).await["session_clock"].clone();
    let idle = clock["idle_timeout"].as_i64().unwrap();
    assert_eq!(idle, 30 * 60, "{kind:?}");
    assert!(
        (idle - 60..=idle).contains(&clock["idle_left"].as_i64().unwrap()),
        "{clock}"
    );
    assert!(clock["hard_left"].as_i64().unwrap() > idle);
    let seen = "SELECT COUNT(*) FROM sessions WHERE last_seen_at > created_at";
    let before = app.count(seen).await;
    assert_eq!(
        app.call(&me, "/api/auth/keep_alive", &[]).await.status(),
        200
    );
    assert_eq!(app.count(seen).await, before + 1, "renewed");
}
