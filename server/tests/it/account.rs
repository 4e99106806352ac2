//! Two-factor sign-in and password changes over HTTP, on SQLite and PostgreSQL.

use crate::common;
use app::models::auth::Role;
use app::server::auth::totp;
use app::server::store::{NewUser, RoleGrant};
use common::{CITIZEN, Kind, PASSWORD, TestApp, session_token, spawn_app};
use serde_json::Value;

async fn json(res: reqwest::Response) -> Value {
    res.json().await.expect("json body")
}

/// The secret the set-up page shows, without the grouping spaces.
async fn pending_secret(app: &TestApp, c: &reqwest::Client) -> String {
    let setup = json(app.call(c, "/api/account/get_two_factor", &[]).await).await;
    assert_eq!(setup["enabled"], false);
    assert!(setup["qr_svg"].as_str().unwrap().contains("<svg"));
    setup["secret"].as_str().unwrap().replace(' ', "")
}

fn code(app: &TestApp, secret: &str) -> String {
    totp::code_at(secret, app.clock.now()).unwrap()
}

/// Signs the citizen in on a new client; returns it with the session token it holds now.
async fn signed_in_with_token(app: &TestApp) -> (reqwest::Client, String) {
    let c = app.client();
    let res = app.login(&c, CITIZEN, PASSWORD).await;
    assert_eq!(res.status(), 200);
    let token = session_token(&res).expect("a session cookie");
    (c, token)
}

/// After a change of credentials on `c`: `c` is still signed in under a new token set by
/// `res`, the token it held before and every other device are signed out.
async fn only_this_session_goes_on(
    app: &TestApp,
    res: &reqwest::Response,
    c: &reqwest::Client,
    old_token: &str,
    other_device: &reqwest::Client,
) {
    let new_token = session_token(res).expect("a renewed session cookie");
    assert_ne!(new_token, old_token);
    let home = |c: reqwest::Client| async move {
        app.call(&c, "/api/citizen/get_home", &[])
            .await
            .status()
            .as_u16()
    };
    assert_eq!(home(c.clone()).await, 200, "this session goes on");
    assert_eq!(home(app.client_with_token(&new_token)).await, 200);
    assert_eq!(
        home(app.client_with_token(old_token)).await,
        401,
        "old token"
    );
    assert_eq!(home(other_device.clone()).await, 401, "other device");
}

on_both_backends!(turning_two_factor_on_or_off_ends_other_sessions_and_renews_this_one);
async fn turning_two_factor_on_or_off_ends_other_sessions_and_renews_this_one(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let (c, token) = signed_in_with_token(&app).await;
    let other_device = app.signed_in(CITIZEN).await;
    app.call(&c, "/api/account/begin_two_factor", &[]).await;
    let secret = pending_secret(&app, &c).await;
    let res = app
        .call(
            &c,
            "/api/account/confirm_two_factor",
            &[("code", &code(&app, &secret))],
        )
        .await;
    assert_eq!(res.status(), 200, "{kind:?}");
    only_this_session_goes_on(&app, &res, &c, &token, &other_device).await;

    let token = session_token(&res).unwrap();
    let other_device = app.client();
    app.login(&other_device, CITIZEN, PASSWORD).await;
    app.clock.advance(chrono::Duration::seconds(30));
    let res = app
        .call(
            &other_device,
            "/api/auth/verify_code",
            &[("code", &code(&app, &secret))],
        )
        .await;
    assert_eq!(res.status(), 200);
    app.clock.advance(chrono::Duration::seconds(30));
    let res = app
        .call(
            &c,
            "/api/account/disable_two_factor",
            &[("code", &code(&app, &secret))],
        )
        .await;
    assert_eq!(res.status(), 200, "{kind:?}");
    only_this_session_goes_on(&app, &res, &c, &token, &other_device).await;
}

on_both_backends!(a_citizen_turns_on_two_factor_and_then_signs_in_with_a_code);
async fn a_citizen_turns_on_two_factor_and_then_signs_in_with_a_code(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let c = app.signed_in(CITIZEN).await;
    assert_eq!(
        app.call(&c, "/api/account/begin_two_factor", &[])
            .await
            .status(),
        200
    );
    let secret = pending_secret(&app, &c).await;
    // A reload shows the same secret, so a scan stays valid.
    assert_eq!(pending_secret(&app, &c).await, secret);
    // The database holds it sealed, never readable.
    let readable = format!(
        "SELECT COUNT(*) FROM users WHERE totp_pending LIKE '%{secret}%' OR totp_secret LIKE '%{secret}%'"
    );
    assert_eq!(app.count(&readable).await, 0, "{kind:?}");
    let res = app
        .call(&c, "/api/account/confirm_two_factor", &[("code", "000000")])
        .await;
    assert_eq!(res.status(), 422);
    // The same string is replayed below: computing it again could cross into the next
    // 30-second step, whose code is new.
    let confirmed_with = code(&app, &secret);
    let res = app
        .call(
            &c,
            "/api/account/confirm_two_factor",
            &[("code", &confirmed_with)],
        )
        .await;
    assert_eq!(res.status(), 200, "{kind:?}");
    let setup = json(app.call(&c, "/api/account/get_two_factor", &[]).await).await;
    assert_eq!(setup["enabled"], true);
    assert!(setup["secret"].is_null(), "never shown again");

    // The password alone now only reaches the code step; no data.
    let c2 = app.client();
    let res = app.login(&c2, CITIZEN, PASSWORD).await;
    assert_eq!(res.headers().get("location").unwrap(), "/login/code");
    assert_eq!(
        app.call(&c2, "/api/citizen/get_home", &[]).await.status(),
        401
    );
    let res = app
        .call(&c2, "/api/auth/verify_code", &[("code", "123456")])
        .await;
    assert_eq!(res.status(), 422);
    // The code used to confirm set-up cannot be replayed; the next one works.
    let res = app
        .call(&c2, "/api/auth/verify_code", &[("code", &confirmed_with)])
        .await;
    assert_eq!(res.status(), 422, "replayed");
    app.clock.advance(chrono::Duration::seconds(30));
    let good = code(&app, &secret);
    let res = app
        .call(&c2, "/api/auth/verify_code", &[("code", &good)])
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers().get("location").unwrap(), "/me");
    assert_eq!(
        app.call(&c2, "/api/citizen/get_home", &[]).await.status(),
        200
    );

    // Turning it off needs a fresh code, and wrong codes are throttled like the sign-in code's:
    // a stolen session cannot guess its way to turning it off.
    let res = app
        .call(&c2, "/api/account/disable_two_factor", &[("code", &good)])
        .await;
    assert_eq!(res.status(), 422);
    for _ in 0..4 {
        let wrong = [("code", "000000")];
        let res = app
            .call(&c2, "/api/account/disable_two_factor", &wrong)
            .await;
        assert_eq!(res.status(), 422);
    }
    app.clock.advance(chrono::Duration::seconds(30));
    let right = code(&app, &secret);
    let res = app
        .call(&c2, "/api/account/disable_two_factor", &[("code", &right)])
        .await;
    assert_eq!(
        res.status(),
        429,
        "{kind:?}: throttled even with the right code"
    );
    app.clock.advance(chrono::Duration::minutes(15));
    let res = app
        .call(
            &c2,
            "/api/account/disable_two_factor",
            &[("code", &code(&app, &secret))],
        )
        .await;
    assert_eq!(res.status(), 200);
    let res = app.login(&app.client(), CITIZEN, PASSWORD).await;
    assert_eq!(res.headers().get("location").unwrap(), "/me");
}

on_both_backends!(wrong_codes_are_throttled_and_the_code_step_expires);
async fn wrong_codes_are_throttled_and_the_code_step_expires(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let c = app.client();
    app.login(&c, "helpdesk-demo", PASSWORD).await;
    for _ in 0..5 {
        let res = app
            .call(&c, "/api/auth/verify_code", &[("code", "000000")])
            .await;
        assert_eq!(res.status(), 422);
    }
    let right = app.code_for("helpdesk-demo");
    let res = app
        .call(&c, "/api/auth/verify_code", &[("code", &right)])
        .await;
    assert_eq!(
        res.status(),
        429,
        "{kind:?}: throttled even with the right code"
    );

    // A half-signed-in session lasts minutes, not the session's hours.
    let c = app.client();
    app.login(&c, "admin-demo", PASSWORD).await;
    app.clock.advance(chrono::Duration::minutes(6));
    let res = app.enter_code(&c, "admin-demo").await;
    assert_eq!(res.status(), 401, "{kind:?}");
}

on_both_backends!(new_staff_must_set_up_two_factor_before_anything_else);
async fn new_staff_must_set_up_two_factor_before_anything_else(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let hash = app::server::auth::password::hash_now(PASSWORD).unwrap();
    app.store
        .create_user(&NewUser {
            username: Some("helpdesk-new"),
            person_id: None,
            display_name: "新客服",
            password_hash: &hash,
            password_expired: false,
            grants: &[RoleGrant {
                role: Role::Helpdesk,
                employer_id: None,
                office_id: None,
            }],
        })
        .await
        .unwrap();
    let c = app.client();
    let res = app.login(&c, "helpdesk-new", PASSWORD).await;
    assert_eq!(
        res.headers().get("location").unwrap(),
        "/account/two-factor"
    );
    assert_eq!(json(res).await, "enrol");
    assert_eq!(
        app.call(&c, "/api/helpdesk/get_home", &[]).await.status(),
        401
    );
    let secret = pending_secret(&app, &c).await;
    let setup = json(app.call(&c, "/api/account/get_two_factor", &[]).await).await;
    assert_eq!(setup["required"], true);
    let res = app
        .call(
            &c,
            "/api/account/confirm_two_factor",
            &[("code", &code(&app, &secret))],
        )
        .await;
    assert_eq!(res.status(), 200, "{kind:?}");
    assert_eq!(res.headers().get("location").unwrap(), "/helpdesk");
    assert_eq!(
        app.call(&c, "/api/helpdesk/get_home", &[]).await.status(),
        200
    );
    // Staff cannot turn it off.
    app.clock.advance(chrono::Duration::seconds(30));
    let res = app
        .call(
            &c,
            "/api/account/disable_two_factor",
            &[("code", &code(&app, &secret))],
        )
        .await;
    assert_eq!(res.status(), 403);
}

on_both_backends!(wrong_current_passwords_are_throttled_like_sign_in);
/// A signed-in session cannot guess the current password faster than the sign-in page allows:
/// after five wrong ones even the right one waits.
async fn wrong_current_passwords_are_throttled_like_sign_in(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let c = app.signed_in(CITIZEN).await;
    for _ in 0..5 {
        assert_eq!(change(&app, &c, "wrong-password").await, 422, "{kind:?}");
    }
    assert_eq!(change(&app, &c, PASSWORD).await, 429, "{kind:?}");
    app.clock.advance(chrono::Duration::minutes(16));
    assert_eq!(change(&app, &c, PASSWORD).await, 200, "{kind:?}");
}

/// Asks to change the password to a new one, giving `current`; returns the status.
async fn change(app: &TestApp, c: &reqwest::Client, current: &str) -> u16 {
    let new = "Jinbao-New-Pass-2027";
    let form = [
        ("current", current),
        ("new_password", new),
        ("confirm", new),
    ];
    let res = app.call(c, "/api/account/change_password", &form).await;
    res.status().as_u16()
}

on_both_backends!(changing_the_password_checks_it_and_ends_other_sign_ins);
async fn changing_the_password_checks_it_and_ends_other_sign_ins(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let (c, token) = signed_in_with_token(&app).await;
    let other_device = app.signed_in(CITIZEN).await;
    let new = "Jinbao-New-Pass-2027";
    for (current, new_password, confirm, field) in [
        ("wrong-password", new, new, "current"),
        (PASSWORD, "short", "short", "new_password"),
        (PASSWORD, PASSWORD, PASSWORD, "new_password"),
        (PASSWORD, new, "Jinbao-New-Pass-2028", "confirm"),
    ] {
        let res = app
            .call(
                &c,
                "/api/account/change_password",
                &[
                    ("current", current),
                    ("new_password", new_password),
                    ("confirm", confirm),
                ],
            )
            .await;
        assert_eq!(res.status(), 422, "{field}");
        assert_eq!(json(res).await["Validation"][0]["field"], field);
    }
    let res = app
        .call(
            &c,
            "/api/account/change_password",
            &[
                ("current", PASSWORD),
                ("new_password", new),
                ("confirm", new),
            ],
        )
        .await;
    assert_eq!(res.status(), 200, "{kind:?}");
    only_this_session_goes_on(&app, &res, &c, &token, &other_device).await;
    assert_eq!(
        app.login(&app.client(), CITIZEN, PASSWORD).await.status(),
        401
    );
    assert_eq!(app.login(&app.client(), CITIZEN, new).await.status(), 200);
    // Nobody may change a password without a session.
    let res = app
        .call(
            &app.client(),
            "/api/account/change_password",
            &[
                ("current", new),
                ("new_password", PASSWORD),
                ("confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(res.status(), 401);
}

on_both_backends!(a_one_time_password_signs_in_once_to_choose_ones_own);
/// A staff account an administrator creates gets a one-time password: after setting up
/// two-factor sign-in, its user can do nothing but choose their own password, and then the
/// one-time password no longer signs in.
async fn a_one_time_password_signs_in_once_to_choose_ones_own(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let admin = app.signed_in("admin-demo").await;
    let new_staff = [
        ("username", "wu-fang"),
        ("display_name", "客服 吴芳"),
        ("helpdesk", "on"),
    ];
    let res = app
        .call(&admin, "/api/admin/create_staff", &new_staff)
        .await;
    assert_eq!(res.status(), 200, "{kind:?}");
    let one_time = json(res).await["initial_password"]
        .as_str()
        .unwrap()
        .to_string();
    let c = app.client();
    assert_eq!(
        json(app.login(&c, "wu-fang", &one_time).await).await,
        "enrol"
    );
    let secret = pending_secret(&app, &c).await;
    let first = code(&app, &secret);
    let res = app
        .call(&c, "/api/account/confirm_two_factor", &[("code", &first)])
        .await;
    assert_eq!(res.status(), 200, "{kind:?}");
    assert_eq!(res.headers()["location"], "/account?renew=password");
    let res = app.call(&c, "/api/helpdesk/get_home", &[]).await;
    assert_eq!(res.status(), 403, "{kind:?}");
    assert_eq!(json(res).await, "PasswordExpired");

    let own = "Own-Choice-Pass-2026";
    let change = [
        ("current", one_time.as_str()),
        ("new_password", own),
        ("confirm", own),
    ];
    let res = app.call(&c, "/api/account/change_password", &change).await;
    assert_eq!(res.status(), 200, "{kind:?}");
    assert_eq!(res.headers()["location"], "/helpdesk");
    assert_eq!(
        app.call(&c, "/api/helpdesk/get_home", &[]).await.status(),
        200
    );
    // The one-time password is spent; their own signs in, to the code step and then to work.
    let res = app.login(&app.client(), "wu-fang", &one_time).await;
    assert_eq!(res.status(), 401);
    let c2 = app.client();
    assert_eq!(json(app.login(&c2, "wu-fang", own).await).await, "code");
    app.clock.advance(chrono::Duration::seconds(30));
    let next = code(&app, &secret);
    let res = app
        .call(&c2, "/api/auth/verify_code", &[("code", &next)])
        .await;
    assert_eq!(res.headers()["location"], "/helpdesk", "{kind:?}");
}
