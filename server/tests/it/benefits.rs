//! Pensions in payment on both backends: the demo retiree's pension worked from the seed's
//! rules (the award against her account, each adjustment, July's back pay), the home page's
//! line, the function's refusals over HTTP, and the benefit certificate.

use crate::common;
use app::error::AppError;
use app::models::benefits::employee_adjustment_permille;
use app::models::insurance::{Insurance, Scheme};
use app::models::pension::payout_months;
use app::server::auth::{CitizenScope, test_support};
use app::server::services::{benefits, citizen_home};
use common::{CITIZEN, Kind, RETIREE, TestApp, json, seeded_store, spawn_app};

/// A day after the seed's data: pensions are paid up to 2026-10.
fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

async fn scope(store: &app::server::store::Store, id: &str) -> CitizenScope {
    test_support::citizen(store.person_id_by_resident_id(id).await.unwrap().unwrap())
}

on_both_backends!(the_demo_retirees_pension_follows_the_rules);
/// 刘淑芬 retired at 55 in 2017-11 and is paid from 2017-12: her account pension is her account
/// at retirement over 170 months; each January from 2018 adds the national rate to the whole
/// pension, paid from July with six months' back pay.
async fn the_demo_retirees_pension_follows_the_rules(kind: Kind) {
    let (store, _dir) = seeded_store(kind).await;
    let me = scope(&store, RETIREE).await;
    let p = benefits::pension_benefits(&store, me, None, today())
        .await
        .unwrap();
    assert_eq!((p.scheme, p.since), (Scheme::Employee, 201712), "{kind:?}");
    assert!(p.office.zh.contains("成都"), "{:?}", p.office);
    assert!(
        p.current.basic > 0 && p.current.transitional > 0,
        "{:?}",
        p.current
    );

    // The account part divides the account as it stood in her last year of contributions.
    let account_2017 = store
        .citizen(&me)
        .account_history("pension")
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.year == 2017)
        .unwrap();
    let at_retirement = account_2017.opening + account_2017.credited + account_2017.interest;
    assert_eq!(p.current.account, at_retirement / payout_months(660));

    // One adjustment a year, 2018 to 2026, newest first, each the year's national rate.
    let effective: Vec<i32> = p.adjustments.iter().map(|a| a.effective_month).collect();
    assert_eq!(
        effective,
        (2018..=2026).rev().map(|y| y * 100 + 1).collect::<Vec<_>>()
    );
    for a in &p.adjustments {
        let rate = employee_adjustment_permille(a.effective_month / 100).unwrap();
        assert_eq!(a.after - a.before, a.before * rate / 1000, "{a:?}");
    }
    assert_eq!(p.adjustments[0].after, p.current.total());
    assert_eq!(
        p.current.adjustments,
        p.adjustments
            .iter()
            .map(|a| a.after - a.before)
            .sum::<i64>()
    );

    // 2026 by default: ten payments, newest first; July carries January–June's difference.
    assert_eq!(p.year, 2026);
    assert_eq!(p.years.first(), Some(&2026));
    assert_eq!(p.years.last(), Some(&2017));
    let months: Vec<i32> = p.payments.iter().map(|l| l.payment.month).collect();
    assert_eq!(months, (202601..=202610).rev().collect::<Vec<_>>());
    let raise = p.adjustments[0].after - p.adjustments[0].before;
    for l in &p.payments {
        let pay = l.payment;
        match pay.month {
            202601..=202606 => assert_eq!(pay.amount, p.adjustments[0].before),
            202607 => {
                assert_eq!(pay.back_pay, 6 * raise);
                assert_eq!(pay.amount, p.current.total() + 6 * raise);
            }
            _ => assert_eq!((pay.amount, pay.back_pay), (p.current.total(), 0)),
        }
        assert_eq!(l.payee.last4.len(), 4);
    }
    assert_eq!(
        p.paid_in_year,
        p.payments.iter().map(|l| l.payment.amount).sum::<i64>()
    );
    let last = p.last_payment.as_ref().unwrap().payment;
    assert_eq!(
        (last.month, last.paid_on.to_string()),
        (202610, "2026-10-10".into())
    );
    let credit = p
        .medical_credit
        .as_ref()
        .expect("a retired employee's medical credit");
    assert_eq!((credit.monthly, credit.since), (8_000, 201712));

    // Her first year: one payment; a year before the pension is a field error.
    let first = benefits::pension_benefits(&store, me, Some(2017), today())
        .await
        .unwrap();
    assert_eq!(first.payments.len(), 1);
    assert_eq!(
        first.payments[0].payment.amount,
        first.adjustments.last().unwrap().before
    );
    match benefits::pension_benefits(&store, me, Some(2016), today()).await {
        Err(AppError::Validation(errors)) => assert_eq!(errors[0].field, "year"),
        other => panic!("{other:?}"),
    }

    // The home page shows the amount and the last payment instead of an estimate.
    let home = citizen_home::citizen_home(
        &store,
        me,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
    )
    .await
    .unwrap();
    let brief = home.pension.expect("a pension on the home page");
    assert_eq!(brief.monthly, p.current.total());
    assert_eq!(brief.last_payment, Some(last));
    let pension_card = home
        .insurances
        .iter()
        .find(|i| i.insurance == Insurance::Pension)
        .unwrap();
    assert!(pension_card.enrolment.is_some());

    // A person still working has no pension: none on the home page, and no page.
    let worker = scope(&store, CITIZEN).await;
    let home = citizen_home::citizen_home(
        &store,
        worker,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
    )
    .await
    .unwrap();
    assert!(home.pension.is_none());
    assert!(matches!(
        benefits::pension_benefits(&store, worker, None, today()).await,
        Err(AppError::NotFound)
    ));
}

on_both_backends!(the_pension_page_answers_only_its_retiree);
async fn the_pension_page_answers_only_its_retiree(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    const PATH: &str = "/api/citizen/get_pension_benefits";
    let res = app.call(&app.client(), PATH, &[]).await;
    assert_eq!(res.status(), 401, "{kind:?} nobody");
    for staff in [
        "employer-demo",
        "helpdesk-demo",
        "reviewer-beijing",
        "admin-demo",
    ] {
        let c = app.signed_in(staff).await;
        let res = app.call(&c, PATH, &[]).await;
        assert_eq!(res.status(), 403, "{kind:?} {staff}");
        assert_eq!(json(res).await, serde_json::json!("Forbidden"));
    }
    // Another citizen reads only their own: the worker has none.
    let worker = app.signed_in(CITIZEN).await;
    assert_eq!(app.call(&worker, PATH, &[]).await.status(), 404);

    let retiree = app.signed_in(RETIREE).await;
    let res = app.call(&retiree, PATH, &[("year", "2020")]).await;
    assert_eq!(res.status(), 200);
    let body = json(res).await;
    assert_eq!(body["year"], 2020);
    assert_eq!(body["payments"].as_array().unwrap().len(), 12);
    let res = app.call(&retiree, PATH, &[("year", "1999")]).await;
    assert_eq!(res.status(), 422);
    assert_eq!(
        common::field_codes(&json(res).await),
        vec![("year".to_string(), "invalid".to_string())]
    );

    // The page, server-rendered, in Chinese by default: the amount and the July back pay.
    let html = page(&app, &retiree, "/me/pension?year=2025").await;
    assert!(html.contains("每月养老金"), "{html}");
    assert!(html.contains("2025-07"));
    assert!(html.contains("**** "), "the payee account masked");
    let home = page(&app, &retiree, "/me").await;
    assert!(home.contains("href=\"/me/pension\""));
    assert!(!home.contains("href=\"/me/pension-estimate\""));
    let worker_home = page(&app, &worker, "/me").await;
    assert!(worker_home.contains("href=\"/me/pension-estimate\""));
}

async fn page(app: &TestApp, c: &reqwest::Client, path: &str) -> String {
    let res = c
        .get(app.url(path))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{path}");
    res.text().await.unwrap()
}

on_both_backends!(a_retiree_issues_a_benefit_certificate_and_a_worker_cannot);
async fn a_retiree_issues_a_benefit_certificate_and_a_worker_cannot(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let retiree = app.signed_in(RETIREE).await;
    let options = json(
        app.call(&retiree, "/api/citizen/get_certificate_options", &[])
            .await,
    )
    .await;
    let key = options["request_key"].as_str().unwrap().to_string();
    let form = |purpose: &'static str, key: &str| {
        vec![
            ("kind", "pension_benefit".to_string()),
            ("purpose", purpose.to_string()),
            ("language", "zh".to_string()),
            ("request_key", key.to_string()),
        ]
    };
    let fields = form("loan", &key);
    let args: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = app
        .call(&retiree, "/api/citizen/issue_certificate", &args)
        .await;
    assert_eq!(res.status(), 200, "{kind:?}");
    let number = json(res).await.as_str().unwrap().to_string();
    let pdf = retiree
        .get(app.url(&format!("/files/certificates/{number}.pdf")))
        .send()
        .await
        .unwrap();
    assert_eq!(pdf.status(), 200);
    let text = crate::certificates::pdf_text(&pdf.bytes().await.unwrap());
    let p = benefits::pension_benefits(&app.store, scope(&app.store, RETIREE).await, None, today())
        .await
        .unwrap();
    for expected in [
        "养老保险待遇领取证明",
        "2017-12",
        "基础养老金",
        "过渡性养老金",
        &app::models::insurance::yuan(p.current.total()),
        "2026-10",
    ] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
    // Verified like every other certificate.
    let detail = json(
        app.call(
            &retiree,
            "/api/citizen/get_certificate",
            &[("number", &number)],
        )
        .await,
    )
    .await;
    let code = detail["code"].as_str().unwrap().to_string();
    let v = json(
        app.call(
            &app.client(),
            "/api/public/verify_certificate",
            &[("number", &number), ("code", &code)],
        )
        .await,
    )
    .await;
    assert_eq!(v["Verified"]["kind"], "pension_benefit");

    // "Other" shows no amounts.
    let options = json(
        app.call(&retiree, "/api/citizen/get_certificate_options", &[])
            .await,
    )
    .await;
    let fields = form("other", options["request_key"].as_str().unwrap());
    let args: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let number = json(
        app.call(&retiree, "/api/citizen/issue_certificate", &args)
            .await,
    )
    .await;
    let pdf = retiree
        .get(app.url(&format!(
            "/files/certificates/{}.pdf",
            number.as_str().unwrap()
        )))
        .send()
        .await
        .unwrap();
    let text = crate::certificates::pdf_text(&pdf.bytes().await.unwrap());
    assert!(
        !text.contains(&app::models::insurance::yuan(p.current.total())),
        "{text}"
    );

    // Someone who is not paid a pension is refused with the reason, and nothing is issued.
    let worker = app.signed_in(CITIZEN).await;
    let options = json(
        app.call(&worker, "/api/citizen/get_certificate_options", &[])
            .await,
    )
    .await;
    let fields = form("loan", options["request_key"].as_str().unwrap());
    let args: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = app
        .call(&worker, "/api/citizen/issue_certificate", &args)
        .await;
    assert_eq!(res.status(), 422);
    assert_eq!(
        common::field_codes(&json(res).await),
        vec![("kind".to_string(), "not_receiving".to_string())]
    );
    let list = json(
        app.call(&worker, "/api/citizen/list_certificates", &[])
            .await,
    )
    .await;
    assert_eq!(list.as_array().unwrap().len(), 0);
}
