//! Helpdesk assisted sessions over HTTP, on SQLite and PostgreSQL: finding a caller, acting as
//! them read-only, what is refused whatever the client sends, the time limits on a clock the
//! test controls, ending from either side, and the audit trail with both identities.

use crate::common;
use app::models::auth::AssistReason;
use app::server::store::AuditFilter;
use chrono::Duration;
use common::{ASSIST_TICKET, CITIZEN, Kind, PASSWORD, RETIREE, TestApp, spawn_app};
use serde_json::Value;

async fn json(res: reqwest::Response) -> Value {
    res.json().await.expect("json body")
}

/// A helpdesk agent in an assisted session as the demo citizen.
async fn assisting_citizen(app: &TestApp) -> (reqwest::Client, i64) {
    let agent = app.signed_in("helpdesk-demo").await;
    let user = app.find_user(&agent, CITIZEN).await;
    let res = app.start_assist(&agent, user, "citizen").await;
    assert_eq!(
        res.status(),
        200,
        "{}",
        res.text().await.unwrap_or_default()
    );
    (agent, user)
}

/// What the agent's login gets for the citizen's home: 200 while acting as them, 403 after.
async fn home_status(app: &TestApp, agent: &reqwest::Client) -> u16 {
    app.call(agent, "/api/citizen/get_home", &[])
        .await
        .status()
        .as_u16()
}

async fn assisted_events(app: &TestApp) -> Vec<app::server::store::AuditRecord> {
    let filter = AuditFilter {
        assisted_only: true,
        ..Default::default()
    };
    app.store.audit_events(&filter, 1000, 0).await.unwrap().0
}

on_both_backends!(the_console_finds_callers_by_exact_keys_only_and_logs_each_lookup);
async fn the_console_finds_callers_by_exact_keys_only_and_logs_each_lookup(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let agent = app.signed_in("helpdesk-demo").await;
    for (by, q, birth) in [
        ("id", CITIZEN, ""),
        ("phone", "13800138000", ""),
        ("name", "李明轩", "1990-03-07"),
    ] {
        let res = app
            .call(
                &agent,
                "/api/helpdesk/find_callers",
                &[("by", by), ("q", q), ("birth", birth)],
            )
            .await;
        assert_eq!(res.status(), 200, "{kind:?} {by}");
        let found = json(res).await;
        let persons = found["Persons"].as_array().unwrap();
        assert_eq!(persons.len(), 1, "{by}");
        assert_eq!(persons[0]["name"], "李明轩");
        assert_eq!(persons[0]["masked_id"], "110101********4514");
        assert_eq!(persons[0]["masked_phone"], "138****8000");
    }
    // Partial or malformed keys are refused, not searched.
    for (by, q, birth, field) in [
        ("id", "1101011990", "", "q"),
        ("phone", "138", "", "q"),
        ("name", "李明轩", "", "birth"),
        ("name", "李", "1990-02-30", "birth"),
        ("employer", "91110000", "", "q"),
    ] {
        let res = app
            .call(
                &agent,
                "/api/helpdesk/find_callers",
                &[("by", by), ("q", q), ("birth", birth)],
            )
            .await;
        assert_eq!(res.status(), 422, "{by} {q}");
        assert_eq!(json(res).await["Validation"][0]["field"], field);
    }
    let res = app
        .call(
            &agent,
            "/api/helpdesk/find_callers",
            &[("by", "employer"), ("q", "91110000MA01ABCD52")],
        )
        .await;
    let employer = json(res).await;
    assert_eq!(employer["Employer"]["users"].as_array().unwrap().len(), 1);

    // Three lookups of the demo citizen, each in their access log.
    let citizen = app.signed_in(CITIZEN).await;
    let log = json(
        app.call(
            &citizen,
            "/api/citizen/get_access_log",
            &[("kind", "helpdesk")],
        )
        .await,
    )
    .await;
    assert_eq!(log["total"], 3, "{kind:?}");
    assert_eq!(log["entries"][0]["action"], "helpdesk_lookup");
    assert_eq!(log["entries"][0]["actor"], "客服 周敏");
}

on_both_backends!(an_assisted_session_reads_as_the_citizen_and_audits_every_request);
async fn an_assisted_session_reads_as_the_citizen_and_audits_every_request(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let agent = app.signed_in("helpdesk-demo").await;
    let user = app.find_user(&agent, CITIZEN).await;

    // Reason, details and ticket are required; a refused start creates nothing.
    let res = app
        .call(
            &agent,
            "/api/helpdesk/start_assist",
            &[
                ("user", &user.to_string()),
                ("as_role", "citizen"),
                ("reason", ""),
                ("reason_text", ""),
                ("ticket", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let fields: Vec<Value> = json(res).await["Validation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].clone())
        .collect();
    assert_eq!(fields, ["reason", "reason_text", "ticket"]);
    // Acting as staff is refused whatever the client sends.
    let admin_user = {
        let login = app
            .store
            .login_by_username("admin-demo")
            .await
            .unwrap()
            .unwrap();
        login.user_id.to_string()
    };
    for (user, role) in [
        (admin_user.as_str(), "admin"),
        (admin_user.as_str(), "citizen"),
    ] {
        let res = app
            .call(
                &agent,
                "/api/helpdesk/start_assist",
                &[
                    ("user", user),
                    ("as_role", role),
                    ("reason", "other"),
                    ("reason_text", "想以管理员身份操作"),
                    ("ticket", "T-9999"),
                ],
            )
            .await;
        assert!(
            matches!(res.status().as_u16(), 404 | 422),
            "{role}: {}",
            res.status()
        );
    }
    assert!(assisted_events(&app).await.is_empty());

    let res = app.start_assist(&agent, user, "citizen").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers().get("location").unwrap(), "/me");
    assert!(
        res.headers().get("set-cookie").is_some(),
        "a new session token"
    );

    // Every page shows the banner; the data is the citizen's.
    let me = json(app.call(&agent, "/api/auth/who_am_i", &[]).await).await;
    assert_eq!(me["role"], "citizen");
    assert_eq!(me["display_name"], "李明轩");
    assert_eq!(me["assisted"]["agent_name"], "客服 周敏");
    assert_eq!(me["assisted"]["ticket"], ASSIST_TICKET);
    assert_eq!(me["assisted"]["write_mode"], false);
    assert_eq!(me["assisted"]["minutes_left"], 10);
    // The header counts the citizen's unread notices (the notice of this session), not the
    // agent's, which the session row carries.
    assert_eq!(me["unread_notifications"], 1);
    let home = json(app.call(&agent, "/api/citizen/get_home", &[]).await).await;
    assert_eq!(home["masked_id"], "110101********4514");
    let page = agent.get(app.url("/me/records")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("客服 周敏 正在代 李明轩 操作"),
        "banner on the page"
    );
    // The agent's own powers are gone while acting: no console, no staff functions.
    for path in [
        "/api/helpdesk/get_home",
        "/api/helpdesk/find_callers",
        "/api/admin/get_home",
    ] {
        let res = app
            .call(&agent, path, &[("by", "id"), ("q", RETIREE)])
            .await;
        assert_eq!(res.status(), 403, "{path}");
    }

    // Every request above is in the audit log with both identities and the session.
    let events = assisted_events(&app).await;
    let requests: Vec<&str> = events
        .iter()
        .rev()
        .filter(|e| e.action != "assist_start")
        .map(|e| e.target.as_str())
        .collect();
    assert_eq!(
        requests,
        [
            "/api/auth/who_am_i",
            "/api/citizen/get_home",
            "/me/records",
            "/api/helpdesk/get_home",
            "/api/helpdesk/find_callers",
            "/api/admin/get_home"
        ],
        "{kind:?}"
    );
    for e in &events {
        assert_eq!(e.actor_name.as_deref(), Some("客服 周敏"));
        assert_eq!(e.subject_name.as_deref(), Some("李明轩"));
        assert_eq!(e.ticket.as_deref(), Some(ASSIST_TICKET));
        assert_eq!(e.reason, Some(AssistReason::RecordEnquiry));
    }
    assert_eq!(events.iter().filter(|e| e.outcome == "refused").count(), 3);

    // The citizen is told, and sees the session (running) in their access log.
    let citizen = app.signed_in(CITIZEN).await;
    let me = json(app.call(&citizen, "/api/auth/who_am_i", &[]).await).await;
    assert_eq!(me["unread_notifications"], 1);
    let inbox = json(
        app.call(&citizen, "/api/citizen/get_notifications", &[])
            .await,
    )
    .await;
    assert_eq!(inbox[0]["kind"], "assisted_session_started");
    let log = json(app.call(&citizen, "/api/citizen/get_access_log", &[]).await).await;
    assert_eq!(log["open_sessions"].as_array().unwrap().len(), 1);
    let session = &log["entries"][0]["assisted"];
    assert_eq!(session["ticket"], ASSIST_TICKET);
    assert_eq!(session["reason_text"], "来电查询 2019 年的缴费记录");
    assert!(session["actions"].as_array().unwrap().len() >= 6);
}

on_both_backends!(credentials_contact_details_and_two_factor_are_refused_in_any_mode);
async fn credentials_contact_details_and_two_factor_are_refused_in_any_mode(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let (agent, _) = assisting_citizen(&app).await;
    let forbidden: [(&str, &[(&str, &str)]); 6] = [
        (
            "/api/account/change_password",
            &[
                ("current", PASSWORD),
                ("new_password", "Another-Pass-1"),
                ("confirm", "Another-Pass-1"),
            ],
        ),
        ("/api/account/begin_two_factor", &[]),
        ("/api/account/get_two_factor", &[]),
        ("/api/account/confirm_two_factor", &[("code", "123456")]),
        ("/api/citizen/mark_notifications_read", &[]),
        ("/api/me/end_assisted_session", &[("id", "1")]),
    ];
    // Write mode needs the caller's request confirmed, and changes none of this.
    let res = app
        .call(&agent, "/api/assist/set_mode", &[("mode", "write")])
        .await;
    assert_eq!(res.status(), 422);
    for write in [false, true] {
        if write {
            let res = app
                .call(
                    &agent,
                    "/api/assist/set_mode",
                    &[("mode", "write"), ("confirmed", "yes")],
                )
                .await;
            assert_eq!(res.status(), 200);
            let me = json(app.call(&agent, "/api/auth/who_am_i", &[]).await).await;
            assert_eq!(me["assisted"]["write_mode"], true);
        }
        for (path, form) in forbidden {
            let res = app.call(&agent, path, form).await;
            assert_eq!(res.status(), 403, "{kind:?} write={write} {path}");
            assert_eq!(
                json(res).await["AssistDenied"]["read_only"],
                false,
                "{path}"
            );
        }
    }
    // Nor the number the offices would call about a transfer.
    let contact = [("kind", "pension"), ("phone", "13912345678"), ("note", "")];
    let res = app
        .call(&agent, "/api/citizen/save_transfer_contact", &contact)
        .await;
    assert_eq!(res.status(), 403, "{kind:?}");
    assert_eq!(json(res).await["AssistDenied"]["read_only"], false);
    // Nothing changed: the old password still works, the notice is still unread.
    let citizen = app.signed_in(CITIZEN).await;
    let me = json(app.call(&citizen, "/api/auth/who_am_i", &[]).await).await;
    assert_eq!(me["unread_notifications"], 1);
    // The refusals are audited too.
    let refused = assisted_events(&app)
        .await
        .into_iter()
        .filter(|e| e.outcome == "refused")
        .count();
    assert_eq!(
        refused, 14,
        "{kind:?}: one bad mode switch, six refusals in each mode, and the transfer's phone"
    );
}

on_both_backends!(the_idle_and_hard_limits_end_the_session_and_return_to_the_console);
async fn the_idle_and_hard_limits_end_the_session_and_return_to_the_console(kind: Kind) {
    let app = spawn_app(kind, |s| {
        s.assist_idle_minutes = 10;
        s.assist_max_minutes = 30;
    })
    .await;
    // Idle: 10 minutes without a request.
    let (agent, _) = assisting_citizen(&app).await;
    app.clock.advance(Duration::minutes(9));
    assert_eq!(home_status(&app, &agent).await, 200);
    app.clock.advance(Duration::minutes(10));
    assert_eq!(home_status(&app, &agent).await, 403);
    let console = app.call(&agent, "/api/helpdesk/get_home", &[]).await;
    assert_eq!(console.status(), 200, "back at the console");

    // Hard limit: busy all along, still ended at 30 minutes.
    let user = app.find_user(&agent, CITIZEN).await;
    assert_eq!(
        app.start_assist(&agent, user, "citizen").await.status(),
        200
    );
    for _ in 0..3 {
        app.clock.advance(Duration::minutes(9));
        assert_eq!(home_status(&app, &agent).await, 200);
    }
    app.clock.advance(Duration::minutes(4));
    assert_eq!(home_status(&app, &agent).await, 403);

    let citizen = app.signed_in(CITIZEN).await;
    let log = json(
        app.call(
            &citizen,
            "/api/citizen/get_access_log",
            &[("kind", "helpdesk")],
        )
        .await,
    )
    .await;
    let reasons: Vec<Value> = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "assisted_session")
        .map(|e| e["assisted"]["end_reason"].clone())
        .collect();
    assert_eq!(reasons, ["time_limit", "idle"], "{kind:?}");
    assert!(log["open_sessions"].as_array().unwrap().is_empty());
}

on_both_backends!(either_side_can_end_it_and_nobody_else);
async fn either_side_can_end_it_and_nobody_else(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    // The citizen ends it from their own login; another citizen cannot.
    let (agent, _) = assisting_citizen(&app).await;
    let citizen = app.signed_in(CITIZEN).await;
    let log = json(app.call(&citizen, "/api/citizen/get_access_log", &[]).await).await;
    let id = log["open_sessions"][0]["id"].as_i64().unwrap().to_string();
    let other = app.signed_in(RETIREE).await;
    let res = app
        .call(&other, "/api/me/end_assisted_session", &[("id", &id)])
        .await;
    assert_eq!(res.status(), 404);
    assert_eq!(home_status(&app, &agent).await, 200);
    let res = app
        .call(&citizen, "/api/me/end_assisted_session", &[("id", &id)])
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(home_status(&app, &agent).await, 403);
    assert_eq!(
        app.call(&agent, "/api/helpdesk/get_home", &[])
            .await
            .status(),
        200
    );

    // The agent ends it: back to the console under a new session token.
    let user = app.find_user(&agent, CITIZEN).await;
    assert_eq!(
        app.start_assist(&agent, user, "citizen").await.status(),
        200
    );
    let res = app.call(&agent, "/api/assist/end", &[]).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers().get("location").unwrap(), "/helpdesk");
    assert!(res.headers().get("set-cookie").is_some());
    assert_eq!(
        app.call(&agent, "/api/helpdesk/get_home", &[])
            .await
            .status(),
        200
    );
    // Ending twice, or outside a session, is refused.
    assert_eq!(app.call(&agent, "/api/assist/end", &[]).await.status(), 403);
    let log = json(app.call(&citizen, "/api/citizen/get_access_log", &[]).await).await;
    let reasons: Vec<Value> = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "assisted_session")
        .map(|e| e["assisted"]["end_reason"].clone())
        .collect();
    assert_eq!(reasons, ["agent", "subject"], "{kind:?}");
}

on_both_backends!(acting_for_an_employer_logs_views_of_staff_as_done_on_its_behalf);
async fn acting_for_an_employer_logs_views_of_staff_as_done_on_its_behalf(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let agent = app.signed_in("helpdesk-demo").await;
    let res = app
        .call(
            &agent,
            "/api/helpdesk/find_callers",
            &[("by", "employer"), ("q", "91110000MA01ABCD52")],
        )
        .await;
    let user = json(res).await["Employer"]["users"][0][0].as_i64().unwrap();
    let res = app.start_assist(&agent, user, "employer").await;
    assert_eq!(res.headers().get("location").unwrap(), "/employer");
    let res = app.call(&agent, "/api/employer/list_staff", &[]).await;
    assert_eq!(res.status(), 200);
    // A document produced in the session carries the watermark.
    let csv = agent
        .get(app.url("/employer/staff.csv"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let first = csv.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert!(
        first.contains("客服协助会话") && first.contains(ASSIST_TICKET),
        "{first}"
    );
    // The demo citizen works for the demo employer: the view is in their log, marked.
    let citizen = app.signed_in(CITIZEN).await;
    let log = json(
        app.call(
            &citizen,
            "/api/citizen/get_access_log",
            &[("kind", "employer")],
        )
        .await,
    )
    .await;
    let entries = log["entries"].as_array().unwrap();
    for (entry, action) in entries.iter().zip(["staff_export", "staff_list"]) {
        assert_eq!(entry["action"], action);
        assert_eq!(entry["assisted"]["agent"], "客服 周敏", "{kind:?}");
    }
    // Employers get no notification inbox: the session is in the audit log.
    assert!(!assisted_events(&app).await.is_empty());

    // The employer user's home shows the session running as them (the agent's does not), and
    // they end it there.
    let agents_home = json(app.call(&agent, "/api/employer/get_home", &[]).await).await;
    assert_eq!(agents_home["open_sessions"], serde_json::json!([]));
    let employer = app.signed_in("employer-demo").await;
    let home = json(app.call(&employer, "/api/employer/get_home", &[]).await).await;
    let open = home["open_sessions"].as_array().unwrap();
    assert_eq!(open.len(), 1, "{kind:?}");
    assert_eq!(open[0]["ticket"], ASSIST_TICKET);
    let id = open[0]["id"].to_string();
    let res = app
        .call(&employer, "/api/me/end_assisted_session", &[("id", &id)])
        .await;
    assert_eq!(res.status(), 200, "{kind:?}");
    assert_eq!(res.headers()["location"], "/employer?ended=1");
    let res = app.call(&agent, "/api/employer/list_staff", &[]).await;
    assert_eq!(
        res.status(),
        403,
        "{kind:?}: the agent is back at the console"
    );
}

on_both_backends!(the_console_and_session_controls_refuse_other_roles_and_nobody);
async fn the_console_and_session_controls_refuse_other_roles_and_nobody(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let calls: [(&str, &[(&str, &str)]); 5] = [
        (
            "/api/helpdesk/find_callers",
            &[("by", "id"), ("q", CITIZEN)],
        ),
        (
            "/api/helpdesk/start_assist",
            &[
                ("user", "1"),
                ("as_role", "citizen"),
                ("reason", "other"),
                ("reason_text", "测试测试测试"),
                ("ticket", "T-1234"),
            ],
        ),
        ("/api/assist/end", &[]),
        ("/api/assist/set_mode", &[("mode", "read")]),
        ("/api/me/end_assisted_session", &[("id", "1")]),
    ];
    for (path, form) in calls {
        let res = app.call(&app.client(), path, form).await;
        assert_eq!(res.status(), 401, "{kind:?} nobody {path}");
    }
    for account in [CITIZEN, "employer-demo", "reviewer-beijing", "admin-demo"] {
        let c = app.signed_in(account).await;
        for (path, form) in &calls[..4] {
            let res = app.call(&c, path, form).await;
            assert_eq!(res.status(), 403, "{kind:?} {account} {path}");
        }
    }
    // The person's end needs a session on their own account.
    let employer = app.signed_in("employer-demo").await;
    let res = app
        .call(&employer, "/api/me/end_assisted_session", &[("id", "1")])
        .await;
    assert_eq!(res.status(), 404);
    // The citizen functions, and the person's end of a session, refuse staff outside a session.
    let end = ("/api/me/end_assisted_session", &[("id", "1")][..]);
    for account in ["helpdesk-demo", "reviewer-beijing", "admin-demo"] {
        let staff = app.signed_in(account).await;
        for (path, form) in [
            ("/api/citizen/get_access_log", &[][..]),
            ("/api/citizen/get_notifications", &[]),
            ("/api/citizen/mark_notifications_read", &[]),
            end,
        ] {
            let res = app.call(&staff, path, form).await;
            assert_eq!(res.status(), 403, "{kind:?} {account} {path}");
        }
    }
}

on_both_backends!(an_assisted_request_that_cannot_be_audited_does_not_run);
/// The audit event of an assisted request is written before the request runs: while the audit
/// log cannot be written, the agent's requests are refused and change nothing. Each event then
/// ends with its outcome; none is left pending.
async fn an_assisted_request_that_cannot_be_audited_does_not_run(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let (agent, _) = assisting_citizen(&app).await;
    let write = [("mode", "write"), ("confirmed", "yes")];
    assert_eq!(
        app.call(&agent, "/api/assist/set_mode", &write)
            .await
            .status(),
        200
    );
    let sql = |from: &str, to: &str| format!("ALTER TABLE {from} RENAME TO {to}");
    let off = sql("audit_events", "audit_events_away");
    common::execute_sql(kind, &app.database_url, &[&off]).await;
    let read = [("mode", "read")];
    let res = app.call(&agent, "/api/assist/set_mode", &read).await;
    assert_eq!(res.status(), 503, "{kind:?}");
    assert_eq!(home_status(&app, &agent).await, 503);
    let back = sql("audit_events_away", "audit_events");
    common::execute_sql(kind, &app.database_url, &[&back]).await;
    let me = json(app.call(&agent, "/api/auth/who_am_i", &[]).await).await;
    assert_eq!(
        me["assisted"]["write_mode"], true,
        "{kind:?}: still in write mode"
    );
    assert_eq!(home_status(&app, &agent).await, 200);
    let events = assisted_events(&app).await;
    assert!(
        events
            .iter()
            .any(|e| e.target == "/api/citizen/get_home" && e.outcome == "ok")
    );
    assert!(events.iter().all(|e| e.outcome != "pending"), "{kind:?}");
}
