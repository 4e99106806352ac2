//! Staff administration and the audit log over HTTP, on SQLite and PostgreSQL: creating staff
//! accounts with a one-time password, disabling and enabling them, changing roles, the
//! administrator's lock-out protection, the audit trail of each change, its filters, the plain
//! form posts of a browser without JavaScript, and every other role refused.

use crate::common;
use common::{CITIZEN, Kind, PASSWORD, TestApp, spawn_app};
use serde_json::Value;

async fn json(res: reqwest::Response) -> Value {
    res.json().await.expect("json body")
}

/// The (field, code) pairs of a refused call, which must be a validation error.
async fn problems(res: reqwest::Response) -> Vec<(String, String)> {
    assert_eq!(res.status(), 422);
    json(res).await["Validation"]
        .as_array()
        .expect("a validation error")
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap().to_string(),
                f["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn pair(field: &str, code: &str) -> (String, String) {
    (field.to_string(), code.to_string())
}

async fn user_id(app: &TestApp, username: &str) -> i64 {
    app.store
        .login_by_username(username)
        .await
        .unwrap()
        .expect("a user")
        .user_id
}

async fn list(app: &TestApp, admin: &reqwest::Client, form: &[(&str, &str)]) -> Value {
    let res = app.call(admin, "/api/admin/list_staff", form).await;
    assert_eq!(res.status(), 200);
    json(res).await
}

/// The first office a reviewer can be bound to.
async fn an_office(app: &TestApp, admin: &reqwest::Client) -> String {
    list(app, admin, &[]).await["offices"][0]["id"]
        .as_i64()
        .expect("an office")
        .to_string()
}

async fn create(
    app: &TestApp,
    admin: &reqwest::Client,
    form: &[(&str, &str)],
) -> reqwest::Response {
    app.call(admin, "/api/admin/create_staff", form).await
}

async fn audit(app: &TestApp, admin: &reqwest::Client, form: &[(&str, &str)]) -> Value {
    let res = app.call(admin, "/api/admin/get_audit_log", form).await;
    assert_eq!(res.status(), 200);
    json(res).await
}

async fn set_roles(
    app: &TestApp,
    admin: &reqwest::Client,
    form: &[(&str, &str)],
) -> reqwest::Response {
    app.call(admin, "/api/admin/set_staff_roles", form).await
}

/// A form posted by a browser without JavaScript, from the staff page.
async fn browser_post(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    client
        .post(app.url(path))
        .header("accept", "text/html")
        .header("referer", app.url("/admin/staff"))
        .form(form)
        .send()
        .await
        .unwrap()
}

async fn browser_get(app: &TestApp, client: &reqwest::Client, path: &str) -> String {
    let res = match client
        .get(app.url(path))
        .header("accept", "text/html")
        .send()
        .await
    {
        Ok(res) => res,
        Err(e) => panic!("{path}: {e:?}\n{}", app.diagnose().await),
    };
    assert_eq!(res.status(), 200, "{path}");
    res.text().await.unwrap()
}

fn actions(log: &Value) -> Vec<String> {
    log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_string())
        .collect()
}

on_both_backends!(an_admin_creates_staff_accounts_that_must_set_up_two_factor);
async fn an_admin_creates_staff_accounts_that_must_set_up_two_factor(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let admin = app.signed_in("admin-demo").await;
    let staff_before = list(&app, &admin, &[]).await["total"].as_i64().unwrap();
    let office = an_office(&app, &admin).await;

    // Every problem of the form at once; nothing is created.
    let res = create(
        &app,
        &admin,
        &[("username", "Zhou Min!"), ("display_name", " ")],
    )
    .await;
    assert_eq!(
        problems(res).await,
        [
            pair("username", "username_format"),
            pair("display_name", "required"),
            pair("roles", "role_required"),
        ]
    );
    let res = create(
        &app,
        &admin,
        &[
            ("username", "chen-li"),
            ("display_name", "审核 陈莉"),
            ("reviewer", "on"),
        ],
    )
    .await;
    assert_eq!(
        problems(res).await,
        [pair("office", "office_required")],
        "{kind:?}"
    );
    let res = create(
        &app,
        &admin,
        &[
            ("username", "helpdesk-demo"),
            ("display_name", "重名"),
            ("helpdesk", "on"),
            ("reviewer", "on"),
            ("office", "999999"),
        ],
    )
    .await;
    assert_eq!(
        problems(res).await,
        [
            pair("username", "username_taken"),
            pair("office", "office_unknown"),
        ]
    );
    assert_eq!(
        list(&app, &admin, &[]).await["total"].as_i64().unwrap(),
        staff_before
    );

    // A helpdesk agent and a reviewer bound to an office.
    let res = create(
        &app,
        &admin,
        &[
            ("username", "Zhou-Min"),
            ("display_name", "客服 周敏敏"),
            ("helpdesk", "on"),
        ],
    )
    .await;
    assert_eq!(res.status(), 200, "{kind:?}");
    assert!(res.headers().get("location").is_none());
    let helpdesk = json(res).await;
    assert_eq!(helpdesk["username"], "zhou-min");
    let password = helpdesk["initial_password"].as_str().unwrap().to_string();
    assert!(password.len() >= 16);
    let res = create(
        &app,
        &admin,
        &[
            ("username", "chen-li"),
            ("display_name", "审核 陈莉"),
            ("reviewer", "on"),
            ("office", &office),
        ],
    )
    .await;
    assert_eq!(res.status(), 200);
    let reviewer = json(res).await;
    assert_ne!(reviewer["initial_password"], helpdesk["initial_password"]);
    let res = create(
        &app,
        &admin,
        &[
            ("username", "zhou-min"),
            ("display_name", "另一个"),
            ("admin", "on"),
        ],
    )
    .await;
    assert_eq!(problems(res).await, [pair("username", "username_taken")]);

    let page = list(&app, &admin, &[("user", &reviewer["user_id"].to_string())]).await;
    assert_eq!(page["total"].as_i64().unwrap(), staff_before + 2);
    let selected = &page["selected"];
    assert_eq!(selected["username"], "chen-li");
    assert_eq!(selected["two_factor"], false);
    assert_eq!(selected["disabled"], false);
    assert_eq!(selected["grants"][0]["role"], "reviewer");
    assert_eq!(selected["grants"][0]["office_id"].to_string(), office);

    // The one-time password signs in, straight to setting up two-factor sign-in.
    let c = app.client();
    let res = app.login(&c, "zhou-min", &password).await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers().get("location").unwrap(),
        "/account/two-factor"
    );
    assert_eq!(json(res).await, "enrol");
    assert_eq!(
        app.call(&c, "/api/helpdesk/get_home", &[]).await.status(),
        401
    );

    let log = audit(&app, &admin, &[("action", "staff_create")]).await;
    assert_eq!(log["total"], 2, "{kind:?}");
    let newest = &log["entries"][0];
    assert_eq!(newest["actor_username"], "admin-demo");
    assert_eq!(newest["actor_role"], "admin");
    assert_eq!(newest["subject_name"], "审核 陈莉");
    assert_eq!(newest["target"], "chen-li");
    assert_eq!(newest["detail"], format!("reviewer@{office}"));
    assert_eq!(newest["outcome"], "ok");
}

on_both_backends!(the_staff_list_filters_by_role_and_name);
async fn the_staff_list_filters_by_role_and_name(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let admin = app.signed_in("admin-demo").await;
    let usernames = |v: &Value| -> Vec<String> {
        v["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["username"].as_str().unwrap().to_string())
            .collect()
    };
    let all = list(&app, &admin, &[]).await;
    let names = usernames(&all);
    assert!(names.contains(&"admin-demo".to_string()));
    assert!(!names.contains(&"employer-demo".to_string()), "staff only");
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "by user name");

    let reviewers = list(&app, &admin, &[("role", "reviewer")]).await;
    assert_eq!(
        usernames(&reviewers),
        [
            "reviewer-beijing",
            "reviewer-beijing-medical",
            "reviewer-chengdu",
            "reviewer-shenzhen",
            "reviewer-shenzhen-medical",
            "supervisor-demo"
        ],
        "{kind:?}"
    );
    // A fragment of the user name in any case, or of the display name.
    let found = list(&app, &admin, &[("q", "SHENZ")]).await;
    assert_eq!(
        usernames(&found),
        ["reviewer-shenzhen", "reviewer-shenzhen-medical"],
        "{kind:?}"
    );
    let found = list(&app, &admin, &[("q", "陈刚")]).await;
    assert_eq!(usernames(&found), ["reviewer-beijing"], "{kind:?}");
    // Wildcards are literal.
    for q in ["%", "_", "\\"] {
        assert_eq!(
            list(&app, &admin, &[("q", q)]).await["total"],
            0,
            "{kind:?} {q}"
        );
    }
    let res = app
        .call(
            &admin,
            "/api/admin/list_staff",
            &[("role", "citizen"), ("page", "2")],
        )
        .await;
    assert_eq!(problems(res).await, [pair("role", "invalid")]);
}

on_both_backends!(disabling_an_account_ends_its_sessions_and_blocks_sign_in);
async fn disabling_an_account_ends_its_sessions_and_blocks_sign_in(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let admin = app.signed_in("admin-demo").await;
    let agent = app.signed_in("helpdesk-demo").await;
    let helpdesk = user_id(&app, "helpdesk-demo").await.to_string();
    // The agent is acting for the citizen when the account is disabled.
    let found = json(
        app.call(
            &agent,
            "/api/helpdesk/find_callers",
            &[("by", "id"), ("q", CITIZEN)],
        )
        .await,
    )
    .await;
    let citizen = found["Persons"][0]["user_id"].to_string();
    let res = app
        .call(
            &agent,
            "/api/helpdesk/start_assist",
            &[
                ("user", &citizen),
                ("as_role", "citizen"),
                ("reason", "record_enquiry"),
                ("reason_text", "来电查询缴费记录"),
                ("ticket", "T-20261127-009"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);

    let res = app
        .call(
            &admin,
            "/api/admin/set_staff_disabled",
            &[("user", &helpdesk), ("disabled", "true")],
        )
        .await;
    assert_eq!(res.status(), 200, "{kind:?}");
    assert_eq!(
        res.headers().get("location").unwrap(),
        &format!("/admin/staff?user={helpdesk}&done=disabled#manage")
    );
    assert_eq!(
        app.call(&agent, "/api/citizen/get_home", &[])
            .await
            .status(),
        401,
        "{kind:?} the session has ended"
    );
    assert_eq!(
        app.login(&app.client(), "helpdesk-demo", PASSWORD)
            .await
            .status(),
        401
    );
    let page = list(&app, &admin, &[("user", &helpdesk)]).await;
    assert_eq!(page["selected"]["disabled"], true);
    // The assisted session ended with the agent's login.
    let ended = audit(&app, &admin, &[("action", "assist_end")]).await;
    assert_eq!(ended["total"], 1, "{kind:?}");
    assert_eq!(ended["entries"][0]["detail"], "sign_out");

    let res = app
        .call(
            &admin,
            "/api/admin/set_staff_disabled",
            &[("user", &helpdesk), ("disabled", "false")],
        )
        .await;
    assert_eq!(res.status(), 200);
    let agent = app.signed_in("helpdesk-demo").await;
    assert_eq!(
        app.call(&agent, "/api/helpdesk/get_home", &[])
            .await
            .status(),
        200
    );

    // An administrator cannot lock themselves out, and only manages staff accounts.
    let own = user_id(&app, "admin-demo").await.to_string();
    let res = app
        .call(
            &admin,
            "/api/admin/set_staff_disabled",
            &[("user", &own), ("disabled", "true")],
        )
        .await;
    assert_eq!(problems(res).await, [pair("user", "own_account")]);
    let employer = user_id(&app, "employer-demo").await.to_string();
    for (user, disabled, status) in [
        (employer.as_str(), "true", 404),
        ("999999", "true", 404),
        ("x", "true", 404),
        (helpdesk.as_str(), "maybe", 422),
    ] {
        let res = app
            .call(
                &admin,
                "/api/admin/set_staff_disabled",
                &[("user", user), ("disabled", disabled)],
            )
            .await;
        assert_eq!(res.status(), status, "{user} {disabled}");
    }
    assert_eq!(
        app.call(&admin, "/api/admin/get_home", &[]).await.status(),
        200
    );

    let log = audit(&app, &admin, &[("actor", "admin-demo")]).await;
    assert_eq!(
        actions(&log),
        ["staff_enable", "staff_disable", "sign_in_code"],
        "{kind:?}"
    );
    assert_eq!(log["entries"][1]["subject_name"], "客服 周敏");
}

on_both_backends!(an_admin_changes_roles_but_never_their_own_admin_role);
async fn an_admin_changes_roles_but_never_their_own_admin_role(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let admin = app.signed_in("admin-demo").await;
    let reviewer = app.signed_in("reviewer-shenzhen").await;
    assert_eq!(
        app.call(&reviewer, "/api/review/get_home", &[])
            .await
            .status(),
        200
    );
    let user = user_id(&app, "reviewer-shenzhen").await.to_string();

    let res = set_roles(&app, &admin, &[("user", &user)]).await;
    assert_eq!(problems(res).await, [pair("roles", "role_required")]);
    let res = set_roles(&app, &admin, &[("user", &user), ("reviewer", "on")]).await;
    assert_eq!(problems(res).await, [pair("office", "office_required")]);

    let res = set_roles(
        &app,
        &admin,
        &[("user", &user), ("helpdesk", "on"), ("admin", "on")],
    )
    .await;
    assert_eq!(res.status(), 200, "{kind:?}");
    assert_eq!(
        res.headers().get("location").unwrap(),
        &format!("/admin/staff?user={user}&done=roles#manage")
    );
    let page = list(&app, &admin, &[("user", &user)]).await;
    let roles: Vec<&str> = page["selected"]["grants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["admin", "helpdesk"]);
    // The session was in the reviewer role, which is gone.
    assert_eq!(
        app.call(&reviewer, "/api/review/get_home", &[])
            .await
            .status(),
        401,
        "{kind:?}"
    );

    // Dropping one's own admin role is refused; other staff roles may be added.
    let own = user_id(&app, "admin-demo").await.to_string();
    let res = set_roles(&app, &admin, &[("user", &own), ("helpdesk", "on")]).await;
    assert_eq!(problems(res).await, [pair("roles", "own_admin_role")]);
    let res = set_roles(
        &app,
        &admin,
        &[("user", &own), ("admin", "on"), ("helpdesk", "on")],
    )
    .await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        app.call(&admin, "/api/admin/get_home", &[]).await.status(),
        200
    );
    // A citizen's account is not staff: not found.
    let citizen = app
        .store
        .login_by_resident_id(CITIZEN)
        .await
        .unwrap()
        .unwrap()
        .user_id
        .to_string();
    let res = set_roles(&app, &admin, &[("user", &citizen), ("helpdesk", "on")]).await;
    assert_eq!(res.status(), 404);

    let log = audit(&app, &admin, &[("action", "staff_roles")]).await;
    assert_eq!(log["total"], 2, "{kind:?}");
    assert_eq!(log["entries"][1]["target"], "reviewer-shenzhen");
    assert_eq!(log["entries"][1]["detail"], "helpdesk,admin");
}

on_both_backends!(the_audit_log_filters_by_actor_action_outcome_and_day);
async fn the_audit_log_filters_by_actor_action_outcome_and_day(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let admin = app.signed_in("admin-demo").await;
    app.signed_in("helpdesk-demo").await;
    let res = create(
        &app,
        &admin,
        &[
            ("username", "wang-fang"),
            ("display_name", "客服 王芳"),
            ("helpdesk", "on"),
        ],
    )
    .await;
    assert_eq!(res.status(), 200);

    let all = audit(&app, &admin, &[]).await;
    assert!(all["total"].as_i64().unwrap() >= 3, "{kind:?}");
    let helpdesk = audit(&app, &admin, &[("actor", "helpdesk-demo")]).await;
    assert_eq!(actions(&helpdesk), ["sign_in_code"]);
    let created = audit(
        &app,
        &admin,
        &[
            ("actor", "admin-demo"),
            ("action", "staff_create"),
            ("outcome", "ok"),
        ],
    )
    .await;
    assert_eq!(created["total"], 1);
    assert_eq!(
        audit(&app, &admin, &[("outcome", "refused")]).await["total"],
        0
    );
    assert_eq!(audit(&app, &admin, &[("assisted", "on")]).await["total"], 0);

    // Days are Beijing calendar days, both ends included.
    let today = app
        .clock
        .now()
        .with_timezone(&app::models::time::china_offset())
        .date_naive();
    let (yesterday, tomorrow) = (today.pred_opt().unwrap(), today.succ_opt().unwrap());
    for (from, to, n) in [
        (Some(today), Some(today), 1),
        (Some(yesterday), None, 1),
        (None, Some(yesterday), 0),
        (Some(tomorrow), None, 0),
    ] {
        let (from, to) = (
            from.map(|d| d.to_string()).unwrap_or_default(),
            to.map(|d| d.to_string()).unwrap_or_default(),
        );
        let log = audit(
            &app,
            &admin,
            &[("action", "staff_create"), ("from", &from), ("to", &to)],
        )
        .await;
        assert_eq!(log["total"], n, "{kind:?} {from}..{to}");
    }

    let res = app
        .call(
            &admin,
            "/api/admin/get_audit_log",
            &[
                ("actor", "周 敏"),
                ("action", "drop_table"),
                ("from", "2026-11-30"),
                ("to", "2026-11-01"),
            ],
        )
        .await;
    assert_eq!(
        problems(res).await,
        [
            pair("to", "before_from"),
            pair("actor", "username_format"),
            pair("action", "invalid"),
        ]
    );
}

on_both_backends!(without_javascript_the_forms_redirect_and_the_password_is_shown_once);
async fn without_javascript_the_forms_redirect_and_the_password_is_shown_once(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let admin = app.signed_in("admin-demo").await;

    // A refusal goes back to the form with the error for it to show.
    let res = browser_post(
        &app,
        &admin,
        "/api/admin/create_staff",
        &[("username", "li-na"), ("display_name", "")],
    )
    .await;
    assert_eq!(res.status(), 302);
    let back = res.headers()["location"].to_str().unwrap().to_string();
    assert!(back.starts_with(&app.url("/admin/staff?")), "{back}");
    assert!(back.contains("__err="), "{back}");
    let form = browser_get(&app, &admin, back.trim_start_matches(&app.base)).await;
    assert!(
        form.contains("此项为必填项"),
        "{kind:?} the error beside its field"
    );

    let res = browser_post(
        &app,
        &admin,
        "/api/admin/create_staff",
        &[
            ("username", "li-na"),
            ("display_name", "客服 李娜"),
            ("helpdesk", "on"),
        ],
    )
    .await;
    assert_eq!(res.status(), 302, "{kind:?}");
    let id = user_id(&app, "li-na").await;
    let next = format!("/admin/staff?user={id}&done=created#manage");
    assert_eq!(res.headers()["location"], next.as_str());
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.contains("HttpOnly") && cookie.contains("Path=/admin/staff"));
    let password = cookie
        .split(';')
        .next()
        .and_then(|c| c.rsplit('.').next())
        .unwrap()
        .to_string();
    assert!(password.len() >= 16);

    let shown = format!("/admin/staff?user={id}&done=created");
    let first = browser_get(&app, &admin, &shown).await;
    assert!(
        first.contains(&password),
        "{kind:?} shown after the redirect"
    );
    assert!(first.contains("客服 李娜"));
    let again = browser_get(&app, &admin, &shown).await;
    assert!(!again.contains(&password), "{kind:?} and only once");
    assert_eq!(
        app.login(&app.client(), "li-na", &password).await.status(),
        200
    );

    let res = browser_post(
        &app,
        &admin,
        "/api/admin/set_staff_disabled",
        &[("user", &id.to_string()), ("disabled", "true")],
    )
    .await;
    assert_eq!(res.status(), 302);
    assert_eq!(
        res.headers()["location"],
        format!("/admin/staff?user={id}&done=disabled#manage").as_str()
    );

    let audit_page = browser_get(&app, &admin, "/admin/audit?action=staff_disable").await;
    assert!(audit_page.contains("停用账号"), "{kind:?}");
    assert!(audit_page.contains("li-na"));
}

on_both_backends!(every_admin_function_refuses_everyone_else);
async fn every_admin_function_refuses_everyone_else(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let target = user_id(&app, "reviewer-shenzhen").await.to_string();
    let calls: [(&str, Vec<(&str, &str)>); 6] = [
        ("/api/admin/list_staff", vec![]),
        (
            "/api/admin/create_staff",
            vec![
                ("username", "intruder"),
                ("display_name", "入侵者"),
                ("admin", "on"),
            ],
        ),
        (
            "/api/admin/set_staff_disabled",
            vec![("user", &target), ("disabled", "true")],
        ),
        (
            "/api/admin/set_staff_roles",
            vec![("user", &target), ("admin", "on")],
        ),
        ("/api/admin/get_audit_log", vec![]),
        ("/api/admin/take_created_staff", vec![]),
    ];
    let mut others = Vec::new();
    for account in [
        CITIZEN,
        "employer-demo",
        "helpdesk-demo",
        "reviewer-beijing",
    ] {
        others.push((account, app.signed_in(account).await));
    }
    for (path, form) in &calls {
        let res = app.call(&app.client(), path, form).await;
        assert_eq!(res.status(), 401, "{kind:?} nobody → {path}");
        for (account, client) in &others {
            let res = app.call(client, path, form).await;
            assert_eq!(res.status(), 403, "{kind:?} {account} → {path}");
        }
    }
    // Nothing changed.
    assert!(
        app.store
            .login_by_username("intruder")
            .await
            .unwrap()
            .is_none()
    );
    let reviewer = app.signed_in("reviewer-shenzhen").await;
    assert_eq!(
        app.call(&reviewer, "/api/review/get_home", &[])
            .await
            .status(),
        200
    );
    // The pages too.
    let res = others[2]
        .1
        .get(app.url("/admin/staff"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
}
