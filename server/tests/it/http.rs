//! The HTTP surface as a browser and an attacker see it, on SQLite and on PostgreSQL:
//! login, logout, wrong password, session expiry, throttling, the origin check, role refusal,
//! security headers, health.

use crate::common;
use chrono::Duration;
use common::{CITIZEN, Kind, PASSWORD, TestApp, field_codes, json, spawn_app};

fn set_cookie(res: &reqwest::Response) -> String {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

on_both_backends!(over_tls_the_session_cookie_is_host_only);
/// With `secure_cookies` on, the session cookie is `__Host-` prefixed (so the browser takes it
/// only `Secure`, for the whole host and no other), `SameSite=Strict`, and it is the only name
/// the server reads: a cookie planted under the plain name signs no one in.
async fn over_tls_the_session_cookie_is_host_only(kind: Kind) {
    let app = spawn_app(kind, |s| s.secure_cookies = true).await;
    let res = app.login(&app.client(), CITIZEN, PASSWORD).await;
    assert_eq!(res.status(), 200, "{kind:?}");
    let cookie = set_cookie(&res);
    assert!(cookie.starts_with("__Host-jb_session="), "{cookie}");
    assert!(cookie.contains("; Path=/;") && !cookie.contains("Domain"));
    for flag in ["HttpOnly", "SameSite=Strict", "Secure"] {
        assert!(cookie.contains(flag), "{flag} in {cookie}");
    }
    let token = cookie.split(';').next().unwrap().split_once('=').unwrap().1;
    // reqwest keeps no `Secure` cookie over plain HTTP: the test sends it itself, as a
    // browser would over TLS.
    let who = |name: &str| {
        let c = reqwest::Client::builder()
            .timeout(common::REQUEST_TIMEOUT)
            .build()
            .unwrap();
        c.post(app.url("/api/auth/who_am_i"))
            .header("accept", "application/json")
            .header("origin", app.url(""))
            .header("cookie", format!("{name}={token}"))
            .send()
    };
    let hosted = json(who("__Host-jb_session").await.unwrap()).await;
    assert_eq!(hosted["role"], "citizen", "{hosted}");
    let plain = json(who("jb_session").await.unwrap()).await;
    assert!(plain.is_null(), "{plain}");
}

on_both_backends!(login_lands_on_role_home_and_sets_a_safe_cookie);
async fn login_lands_on_role_home_and_sets_a_safe_cookie(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let c = app.client();
    let res = app.login(&c, CITIZEN, PASSWORD).await;
    assert_eq!(res.status(), 200, "{kind:?}");
    let cookie = set_cookie(&res);
    assert!(
        cookie.contains("jb_session=")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict")
    );
    assert_eq!(res.headers().get("location").unwrap(), "/me");
    assert_eq!(
        json(res).await,
        "full",
        "a citizen without 2FA is signed in"
    );
    let home = json(app.call(&c, "/api/citizen/get_home", &[]).await).await;
    assert_eq!(home["insurances"].as_array().unwrap().len(), 5);
    assert_eq!(home["masked_id"], "110101********4514");

    // Phone numbers sign in too; employers by user name, to their home.
    let res = app.login(&app.client(), "13800138000", PASSWORD).await;
    assert_eq!(res.status(), 200);
    let res = app.login(&app.client(), "employer-demo", PASSWORD).await;
    assert_eq!(res.headers().get("location").unwrap(), "/employer");
    // Staff go through the code step, then to their own home.
    for (account, home) in [
        ("helpdesk-demo", "/helpdesk"),
        ("reviewer-beijing", "/review"),
        ("admin-demo", "/admin"),
    ] {
        let c = app.client();
        let res = app.login(&c, account, PASSWORD).await;
        assert_eq!(
            res.headers().get("location").unwrap(),
            "/login/code",
            "{account}"
        );
        let res = app.enter_code(&c, account).await;
        assert_eq!(res.status(), 200, "{account}");
        assert_eq!(res.headers().get("location").unwrap(), home, "{account}");
    }
}

on_both_backends!(wrong_password_and_unknown_accounts_get_the_same_answer);
async fn wrong_password_and_unknown_accounts_get_the_same_answer(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let wrong = app.login(&app.client(), CITIZEN, "wrong-password").await;
    assert_eq!(wrong.status(), 401);
    assert!(set_cookie(&wrong).is_empty());
    assert_eq!(json(wrong).await, serde_json::json!("BadCredentials"));
    let unknown = app
        .login(&app.client(), "nobody-here", "wrong-password")
        .await;
    assert_eq!(unknown.status(), 401);
    assert_eq!(json(unknown).await, serde_json::json!("BadCredentials"));
    let empty = app.login(&app.client(), "", "x").await;
    assert_eq!(empty.status(), 422);
}

on_both_backends!(every_home_refuses_other_roles_and_nobody);
async fn every_home_refuses_other_roles_and_nobody(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let homes = [
        ("/api/citizen/get_home", CITIZEN),
        ("/api/employer/get_home", "employer-demo"),
        ("/api/helpdesk/get_home", "helpdesk-demo"),
        ("/api/review/get_home", "reviewer-beijing"),
        ("/api/admin/get_home", "admin-demo"),
    ];
    let clients: Vec<_> = futures_join(&app, homes.iter().map(|(_, a)| *a)).await;
    for (path, owner) in homes {
        let res = app.call(&app.client(), path, &[]).await;
        assert_eq!(res.status(), 401, "{kind:?} nobody → {path}");
        assert_eq!(json(res).await, serde_json::json!("Unauthenticated"));
        for ((_, account), client) in homes.iter().zip(&clients) {
            let res = app.call(client, path, &[]).await;
            if *account == owner {
                assert_eq!(res.status(), 200, "{account} → {path}");
            } else {
                assert_eq!(res.status(), 403, "{kind:?} {account} → {path}");
                assert_eq!(json(res).await, serde_json::json!("Forbidden"));
            }
        }
    }
    // Pages too: a citizen opening the admin page is refused, nobody is sent to sign in.
    let res = clients[0]
        .get(app.url("/admin"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let res = app
        .client()
        .get(app.url("/me"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert!(res.status().is_redirection());
    assert_eq!(res.headers().get("location").unwrap(), "/login");
}

async fn futures_join<'a>(
    app: &TestApp,
    accounts: impl Iterator<Item = &'a str>,
) -> Vec<reqwest::Client> {
    let mut out = Vec::new();
    for a in accounts {
        out.push(app.signed_in(a).await);
    }
    out
}

on_both_backends!(logout_destroys_the_session_and_login_renews_it);
async fn logout_destroys_the_session_and_login_renews_it(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let c = app.client();
    let first = app.login(&c, CITIZEN, PASSWORD).await;
    let first_cookie = set_cookie(&first);
    let second = app.login(&c, CITIZEN, PASSWORD).await;
    assert_ne!(
        first_cookie,
        set_cookie(&second),
        "a new session id at each login"
    );
    // The first token no longer works.
    let token = first_cookie.split(';').next().unwrap().to_string();
    let stale = reqwest::Client::new()
        .post(app.url("/api/citizen/get_home"))
        .header("origin", &app.base)
        .header("accept", "application/json")
        .header("cookie", &token)
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), 401, "{kind:?}");

    assert_eq!(
        app.call(&c, "/api/citizen/get_home", &[]).await.status(),
        200
    );
    let out = app.call(&c, "/api/auth/logout", &[]).await;
    assert_eq!(out.status(), 200);
    assert!(set_cookie(&out).contains("Max-Age=0"));
    assert_eq!(
        app.call(&c, "/api/citizen/get_home", &[]).await.status(),
        401
    );
}

on_both_backends!(sessions_expire_when_idle_and_at_the_absolute_limit);
async fn sessions_expire_when_idle_and_at_the_absolute_limit(kind: Kind) {
    let app = spawn_app(kind, |s| {
        s.session_idle_minutes = 30;
        s.session_absolute_hours = 2;
    })
    .await;
    let c = app.signed_in(CITIZEN).await;
    app.clock.advance(Duration::minutes(29));
    assert_eq!(
        app.call(&c, "/api/citizen/get_home", &[]).await.status(),
        200,
        "{kind:?} still live"
    );
    app.clock.advance(Duration::minutes(31));
    assert_eq!(
        app.call(&c, "/api/citizen/get_home", &[]).await.status(),
        401,
        "{kind:?} idle expiry"
    );

    let c = app.signed_in(CITIZEN).await;
    // Active every 25 minutes: never idle, but 4 × 25 = 100 minutes in, then 125 > 120.
    for _ in 0..4 {
        app.clock.advance(Duration::minutes(25));
        assert_eq!(
            app.call(&c, "/api/citizen/get_home", &[]).await.status(),
            200
        );
    }
    app.clock.advance(Duration::minutes(25));
    assert_eq!(
        app.call(&c, "/api/citizen/get_home", &[]).await.status(),
        401,
        "{kind:?} absolute expiry"
    );
}

on_both_backends!(repeated_failures_throttle_the_account_then_the_window_reopens);
async fn repeated_failures_throttle_the_account_then_the_window_reopens(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    for _ in 0..5 {
        assert_eq!(
            app.login(&app.client(), CITIZEN, "wrong-password")
                .await
                .status(),
            401
        );
    }
    // Even the right password is refused while throttled, with a time to wait.
    let res = app.login(&app.client(), CITIZEN, PASSWORD).await;
    assert_eq!(res.status(), 429, "{kind:?}");
    let body = json(res).await;
    assert!(body["Throttled"]["retry_after_secs"].as_i64().unwrap() > 0);
    // The account is throttled by whichever name it signs in with: here its phone number.
    assert_eq!(
        app.login(&app.client(), "13800138000", PASSWORD)
            .await
            .status(),
        429,
        "{kind:?}"
    );
    // Other accounts from the same address are not yet affected.
    assert_eq!(
        app.login(&app.client(), "13900139000", PASSWORD)
            .await
            .status(),
        200
    );
    app.clock.advance(Duration::minutes(16));
    assert_eq!(
        app.login(&app.client(), CITIZEN, PASSWORD).await.status(),
        200,
        "{kind:?}"
    );
}

on_both_backends!(parallel_guesses_get_no_more_tries_than_the_limit);
/// Forty wrong passwords sent at once for one account, half by ID number and half by phone:
/// each attempt is counted and reserved under the account's lock, so exactly five are tried.
async fn parallel_guesses_get_no_more_tries_than_the_limit(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let guesses: Vec<_> = (0..40)
        .map(|i| {
            let (client, url) = (app.client(), app.url("/api/auth/login"));
            let account = if i % 2 == 0 { CITIZEN } else { "13800138000" };
            tokio::spawn(async move {
                let form = [("account", account), ("password", "wrong-password")];
                let res = client.post(url).form(&form).send().await.unwrap();
                res.status().as_u16()
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for guess in guesses {
        statuses.push(guess.await.unwrap());
    }
    let tried = statuses.iter().filter(|s| **s == 401).count();
    let refused = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!(tried + refused, 40, "{kind:?}: {statuses:?}");
    // Counted one after another: the first five are tried, every later one is refused.
    assert_eq!(tried, 5, "{kind:?}: {statuses:?}");
    assert_eq!(
        app.login(&app.client(), CITIZEN, PASSWORD).await.status(),
        429,
        "{kind:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_address_throttle_stops_a_spray_across_accounts() {
    let app = spawn_app(common::Kind::Sqlite, |s| {
        s.login_max_failures_per_address = 3
    })
    .await;
    for account in ["a1", "a2", "a3"] {
        assert_eq!(app.login(&app.client(), account, "x").await.status(), 401);
    }
    assert_eq!(
        app.login(&app.client(), CITIZEN, PASSWORD).await.status(),
        429
    );
}

/// A sign-in attempt as a proxy forwards it for `client`.
async fn login_via(app: &TestApp, account: &str, password: &str, client: &str) -> u16 {
    app.client()
        .post(app.url("/api/auth/login"))
        .header("accept", "application/json")
        .header("x-forwarded-for", client)
        .form(&[("account", account), ("password", password)])
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

on_both_backends!(behind_a_trusted_proxy_each_client_has_its_own_address_throttle);
/// Behind a trusted proxy, one client's failures block that client, not everyone the proxy
/// forwards; without the setting the forwarding headers are ignored, so writing them dodges
/// nothing.
async fn behind_a_trusted_proxy_each_client_has_its_own_address_throttle(kind: Kind) {
    let proxied = spawn_app(kind, |s| {
        s.login_max_failures_per_address = 3;
        s.trusted_proxies = vec!["127.0.0.1/32".into()];
    })
    .await;
    for account in ["a1", "a2", "a3"] {
        assert_eq!(login_via(&proxied, account, "x", "198.51.100.7").await, 401);
    }
    assert_eq!(
        login_via(&proxied, CITIZEN, PASSWORD, "198.51.100.7").await,
        429,
        "{kind:?}"
    );
    assert_eq!(
        login_via(&proxied, CITIZEN, PASSWORD, "198.51.100.8").await,
        200,
        "{kind:?}: another client behind the same proxy"
    );
    // What the client wrote before the address the proxy added changes nothing.
    assert_eq!(
        login_via(&proxied, CITIZEN, PASSWORD, "198.51.100.8, 198.51.100.7").await,
        429,
        "{kind:?}"
    );

    let direct = spawn_app(kind, |s| s.login_max_failures_per_address = 3).await;
    for (i, account) in ["a1", "a2", "a3"].into_iter().enumerate() {
        let client = format!("198.51.100.{i}");
        assert_eq!(login_via(&direct, account, "x", &client).await, 401);
    }
    assert_eq!(
        login_via(&direct, CITIZEN, PASSWORD, "198.51.100.9").await,
        429,
        "{kind:?}: an untrusted peer's header is ignored"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cross_origin_state_changes_are_refused() {
    let app = spawn_app(common::Kind::Sqlite, |_| {}).await;
    let bare = reqwest::Client::builder()
        .timeout(common::REQUEST_TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let form = [("account", CITIZEN), ("password", PASSWORD)];
    let no_origin = bare
        .post(app.url("/api/auth/login"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(no_origin.status(), 403);
    let evil = bare
        .post(app.url("/api/auth/login"))
        .header("origin", "http://evil.example")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(evil.status(), 403);
    let cross = bare
        .post(app.url("/api/auth/login"))
        .header("origin", &app.base)
        .header("sec-fetch-site", "cross-site")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(cross.status(), 403);
    assert!(set_cookie(&cross).is_empty());
    let same = bare
        .post(app.url("/api/auth/login"))
        .header("sec-fetch-site", "same-origin")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(same.status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plain_form_posts_work_without_javascript() {
    let app = spawn_app(common::Kind::Sqlite, |_| {}).await;
    let c = app.client();
    let html = |req: reqwest::RequestBuilder| {
        req.header("accept", "text/html")
            .header("referer", app.url("/login"))
    };
    let bad = html(c.post(app.url("/api/auth/login")))
        .form(&[("account", CITIZEN), ("password", "nope")])
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 302);
    let back = bad
        .headers()
        .get("location")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        back.contains("/login?") && back.contains("__err="),
        "{back}"
    );
    let page = c.get(&back).send().await.unwrap().text().await.unwrap();
    assert!(
        page.contains("账号或密码不正确"),
        "the error is rendered on the server"
    );

    let ok = html(c.post(app.url("/api/auth/login")))
        .form(&[("account", CITIZEN), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 302);
    assert_eq!(ok.headers().get("location").unwrap(), "/me");
    let me = c.get(app.url("/me")).send().await.unwrap();
    assert_eq!(me.status(), 200);
    let page = me.text().await.unwrap();
    for text in [
        "养老保险",
        "医疗保险",
        "工伤保险",
        "失业保险",
        "生育保险",
        "北京市",
        "李明轩",
    ] {
        assert!(page.contains(text), "SSR page shows {text}");
    }
    // Switching language is a form post too, remembered in a cookie.
    let sw = html(c.post(app.url("/api/prefs/set_locale")))
        .form(&[("lang", "en")])
        .send()
        .await
        .unwrap();
    assert_eq!(sw.status(), 302);
    let page = c
        .get(app.url("/me"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Pension insurance") && page.contains("lang=\"en\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn responses_carry_security_headers_and_a_body_limit() {
    let app = spawn_app(common::Kind::Sqlite, |_| {}).await;
    let res = app.client().get(app.url("/")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let h = res.headers();
    let csp = h
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp.contains("frame-ancestors 'none'") && csp.contains("'nonce-"));
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap()
        .to_string();
    assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff");
    assert_eq!(h.get("referrer-policy").unwrap(), "same-origin");
    let body = res.text().await.unwrap();
    assert!(
        body.contains(&format!("nonce=\"{nonce}\"")),
        "hydration script carries the CSP nonce"
    );
    let api = app.call(&app.client(), "/api/auth/who_am_i", &[]).await;
    assert!(
        api.headers()
            .get("content-security-policy")
            .unwrap()
            .to_str()
            .unwrap()
            .contains("default-src 'none'")
    );

    let big = "x".repeat(200 * 1024);
    let res = app
        .call(
            &app.client(),
            "/api/auth/login",
            &[("account", &big), ("password", "x")],
        )
        .await;
    assert_eq!(res.status(), 413);
}

on_both_backends!(record_pages_answer_only_for_the_signed_in_citizen);
async fn record_pages_answer_only_for_the_signed_in_citizen(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let endpoints: [(&str, &[(&str, &str)]); 3] = [
        (
            "/api/citizen/get_insurance_record",
            &[("insurance", "pension")],
        ),
        ("/api/citizen/get_career", &[]),
        ("/api/citizen/get_pension_estimate", &[]),
    ];
    for (path, form) in endpoints {
        assert_eq!(
            app.call(&app.client(), path, form).await.status(),
            401,
            "{kind:?} nobody → {path}"
        );
        for staff in [
            "employer-demo",
            "helpdesk-demo",
            "reviewer-beijing",
            "admin-demo",
        ] {
            let c = app.signed_in(staff).await;
            assert_eq!(
                app.call(&c, path, form).await.status(),
                403,
                "{kind:?} {staff} → {path}"
            );
        }
    }
    // The retiree asks with the demo citizen's employer as a filter and an injected person
    // id: the answer is still only her own (empty) history with that employer.
    let retiree = app.signed_in(common::RETIREE).await;
    let res = app
        .call(
            &retiree,
            "/api/citizen/get_insurance_record",
            &[
                ("insurance", "pension"),
                ("employer", "1"),
                ("person_id", "1"),
            ],
        )
        .await;
    let body = json(res).await;
    assert!(
        body["rows"].as_array().is_none_or(|r| r.is_empty()),
        "{kind:?}: {body}"
    );
    let own = json(
        app.call(
            &retiree,
            "/api/citizen/get_insurance_record",
            &[("insurance", "pension")],
        )
        .await,
    )
    .await;
    assert!(
        own["rows"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["region"]["zh"] == "成都市")
    );

    let c = app.signed_in(CITIZEN).await;
    let r = app
        .call(
            &c,
            "/api/citizen/get_insurance_record",
            &[("insurance", "pension"), ("year", "1800")],
        )
        .await;
    assert_eq!(r.status(), 422);
    let r = app
        .call(
            &c,
            "/api/citizen/get_insurance_record",
            &[("insurance", "dental")],
        )
        .await;
    assert_eq!(r.status(), 404);
    let r = app
        .call(&c, "/api/citizen/get_pension_estimate", &[("index", "7")])
        .await;
    assert_eq!(r.status(), 422);
    let page = c
        .get(app.url("/me/records/medical?year=2020"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("<svg") && html.contains("医疗保险明细") && html.contains("2020-12"));
}

/// The `http_requests_total` series of an exposition, one line each.
fn request_series(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| l.starts_with("http_requests_total{"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_are_counted_in_the_metrics() {
    let app = spawn_app(Kind::Sqlite, |_| {}).await;
    assert_eq!(
        app.call(&app.client(), "/api/auth/who_am_i", &[])
            .await
            .status(),
        200
    );
    let text = app.metrics.render();
    let series = request_series(&text);
    // This app's recorder saw exactly this test's one request.
    assert_eq!(series.len(), 1, "{text}");
    assert!(
        series[0].contains(r#"route="/api/auth/who_am_i""#)
            && series[0].contains(r#"method="POST""#)
            && series[0].ends_with(" 1"),
        "{text}"
    );
    assert!(text.contains("http_request_duration_seconds_bucket"));
}

/// Invented HTTP methods share one label: 1,000 of them add no series after the first of each
/// route, so no request can make the metrics grow at will.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invented_methods_do_not_grow_the_metrics() {
    let app = spawn_app(Kind::Sqlite, |_| {}).await;
    let client = app.client();
    let paths = ["/login", "/api/auth/who_am_i", "/healthz"];
    let mut series = Vec::new();
    for i in 0..1000 {
        let method = reqwest::Method::from_bytes(format!("INVENTED{i}").as_bytes()).unwrap();
        let path = paths[i % paths.len()];
        let res = client.request(method, app.url(path)).send().await.unwrap();
        assert!(res.status().is_client_error(), "{path}: {}", res.status());
        if i == paths.len() - 1 || i == 999 {
            series.push(request_series(&app.metrics.render()).len());
        }
    }
    let text = app.metrics.render();
    assert_eq!(series[0], series[1], "{text}");
    let counted: u64 = request_series(&text)
        .iter()
        .filter(|l| l.contains(r#"method="other""#))
        .map(|l| l.rsplit(' ').next().unwrap().parse::<u64>().unwrap())
        .sum();
    assert_eq!(counted, 1000, "{text}");
}

on_both_backends!(health_reports_the_database);
async fn health_reports_the_database(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let res = reqwest::get(app.url("/healthz")).await.unwrap();
    assert_eq!(res.status(), 200);
    app.store.close().await;
    let res = reqwest::get(app.url("/healthz")).await.unwrap();
    assert_eq!(res.status(), 503, "{kind:?}");
}

/// A built site with hashed names, as `cargo leptos build --release --precompress` writes it.
fn built_site(dir: &std::path::Path) -> String {
    let pkg = dir.join("site/pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::write(pkg.join("jinbao.0123abcd.wasm"), b"\0asm plain bytes").unwrap();
    std::fs::write(pkg.join("jinbao.0123abcd.wasm.br"), b"brotli bytes").unwrap();
    std::fs::write(pkg.join("jinbao.0123abcd.wasm.gz"), b"gzip bytes").unwrap();
    dir.join("site").display().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn built_files_are_served_precompressed_and_cached_for_good() {
    let site = tempfile::tempdir().unwrap();
    let root = built_site(site.path());
    let app = spawn_app(common::Kind::Sqlite, |s| {
        s.site_root = root;
        s.hash_files = Some(true);
    })
    .await;
    let wasm = app.url("/pkg/jinbao.0123abcd.wasm");
    for (accept, encoding, body) in [
        ("br, gzip", Some("br"), "brotli bytes"),
        ("gzip", Some("gzip"), "gzip bytes"),
        ("identity", None, "\0asm plain bytes"),
    ] {
        let res = app
            .client()
            .get(&wasm)
            .header("accept-encoding", accept)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{accept}");
        let h = res.headers();
        assert_eq!(
            h.get("content-encoding").map(|v| v.to_str().unwrap()),
            encoding,
            "{accept}"
        );
        assert_eq!(
            h.get("cache-control").unwrap(),
            "public, max-age=31536000, immutable"
        );
        assert_eq!(h.get("vary").unwrap(), "accept-encoding");
        assert_eq!(h.get("content-type").unwrap(), "application/wasm");
        assert_eq!(res.text().await.unwrap(), body, "{accept}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unhashed_files_are_checked_again_each_time() {
    let site = tempfile::tempdir().unwrap();
    let root = built_site(site.path());
    let app = spawn_app(common::Kind::Sqlite, |s| {
        s.site_root = root;
        s.hash_files = Some(false);
    })
    .await;
    let res = app.client().get(app.url("/pkg/jinbao.0123abcd.wasm"));
    let res = res.send().await.unwrap();
    assert_eq!(res.headers().get("cache-control").unwrap(), "no-cache");
    // A name no build wrote is not remembered either (the next release may write it).
    let missing = app.client().get(app.url("/pkg/jinbao.ffff.wasm")).send();
    let missing = missing.await.unwrap();
    assert_eq!(missing.status(), 404);
    assert!(missing.headers().get("cache-control").is_none());
}

on_both_backends!(pages_and_server_function_answers_are_compressed);
async fn pages_and_server_function_answers_are_compressed(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let c = app.signed_in(CITIZEN).await;
    for accept in ["br", "gzip"] {
        let page = c.get(app.url("/me")).header("accept-encoding", accept);
        let page = page.send().await.unwrap();
        assert_eq!(page.status(), 200, "{kind:?}");
        assert_eq!(page.headers().get("content-encoding").unwrap(), accept);
        assert!(
            page.headers()
                .get("cache-control")
                .is_none_or(|v| v != "public, max-age=31536000, immutable"),
            "a page is never cached as a built file"
        );
        // A larger answer than the compressor's threshold: the citizen's home data.
        let api = c
            .post(app.url("/api/citizen/get_home"))
            .header("accept", "application/json")
            .header("accept-encoding", accept)
            .send()
            .await
            .unwrap();
        assert_eq!(api.status(), 200, "{kind:?}");
        assert_eq!(api.headers().get("content-encoding").unwrap(), accept);
        // Both answers are read to their end, as a browser would.
        assert!(!page.bytes().await.unwrap().is_empty());
        assert!(!api.bytes().await.unwrap().is_empty());
    }
    let plain = c.get(app.url("/me")).send().await.unwrap();
    assert!(plain.headers().get("content-encoding").is_none());
    assert!(plain.text().await.unwrap().contains("<html"));
}

on_both_backends!(every_list_refuses_a_page_out_of_bounds);
/// A page number is bounded where it is read: one past the bound, zero, or one that would
/// overflow an offset is a field error on `page`, never a server error or a silent first page.
async fn every_list_refuses_a_page_out_of_bounds(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let citizen = app.signed_in(CITIZEN).await;
    let admin = app.signed_in("admin-demo").await;
    let employer = app.signed_in("employer-demo").await;
    type Form<'a> = &'a [(&'a str, &'a str)];
    let lists: [(&reqwest::Client, &str, Form); 5] = [
        (&citizen, "/api/citizen/get_access_log", &[]),
        (
            &citizen,
            "/api/citizen/get_insurance_record",
            &[("insurance", "pension")],
        ),
        (&admin, "/api/admin/list_staff", &[]),
        (&admin, "/api/admin/get_audit_log", &[]),
        (&employer, "/api/employer/list_staff", &[]),
    ];
    for (client, path, form) in lists {
        let res = app
            .call(client, path, &[form, &[("page", "2")]].concat())
            .await;
        assert_eq!(res.status(), 200, "{kind:?} {path}: a page within bounds");
        // The record's page counts from 0 (the others from 1): both bounds are refused.
        for page in ["0", "100001", "9223372036854775807"] {
            let page = if path.ends_with("get_insurance_record") && page == "0" {
                "-1"
            } else {
                page
            };
            let res = app
                .call(client, path, &[form, &[("page", page)]].concat())
                .await;
            assert_eq!(res.status(), 422, "{kind:?} {path} page={page}");
            assert_eq!(
                field_codes(&json(res).await),
                [("page".to_string(), "invalid".to_string())],
                "{kind:?} {path} page={page}"
            );
        }
    }
}

on_both_backends!(a_failed_session_lookup_answers_503_and_keeps_the_session);
/// While the sessions cannot be read (the database restarting), a signed-in request is answered
/// 503 and its cookie kept: once the database is back, the person is still signed in.
async fn a_failed_session_lookup_answers_503_and_keeps_the_session(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let me = app.signed_in(CITIZEN).await;
    let rename = |from: &str, to: &str| format!("ALTER TABLE {from} RENAME TO {to}");
    common::execute_sql(
        kind,
        &app.database_url,
        &[&rename("sessions", "sessions_away")],
    )
    .await;
    let res = app.call(&me, "/api/citizen/get_home", &[]).await;
    assert_eq!(res.status(), 503, "{kind:?}");
    assert!(set_cookie(&res).is_empty(), "{kind:?}: the cookie is kept");
    common::execute_sql(
        kind,
        &app.database_url,
        &[&rename("sessions_away", "sessions")],
    )
    .await;
    let res = app.call(&me, "/api/citizen/get_home", &[]).await;
    assert_eq!(res.status(), 200, "{kind:?}");
}
