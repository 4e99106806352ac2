//! The employer workspace on both backends: the roster, its checks on the seed's planted cases,
//! the limits of what an employer sees, the access log, and the CSV export over HTTP.

use crate::common;
use app::error::{AppError, FieldCode};
use app::models::assist::AccessKind;
use app::models::auth::Role;
use app::models::insurance::Insurance;
use app::models::staff::{StaffFlag, StaffList, StaffQueryInput};
use app::server::auth::{EmployerScope, test_support};
use app::server::services::read_models;
use app::server::services::staff_roster::{self, ACTION_DETAIL, ACTION_EXPORT, ACTION_LIST};
use app::server::store::{NewUser, RoleGrant, Store};
use common::{BACKENDS, CITIZEN, Kind, PASSWORD, TestApp, seeded_store, spawn_app};
use serde_json::Value;

/// The demo employer (id 1) and the Shenzhen employer (id 2) as seen by an employer user.
async fn scope(store: &Store, employer_id: i64) -> EmployerScope {
    let user_id = store
        .login_by_username("employer-demo")
        .await
        .unwrap()
        .unwrap()
        .user_id;
    test_support::employer(employer_id, user_id)
}

async fn list(store: &Store, scope: EmployerScope, input: StaffQueryInput) -> StaffList {
    staff_roster::staff_list(&common::state_of(store), scope, &input)
        .await
        .unwrap()
}

fn input(pairs: &[(&str, &str)]) -> StaffQueryInput {
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(n, _)| *n == k)
            .map(|(_, v)| v.to_string())
    };
    StaffQueryInput {
        q: get("q"),
        insurance: get("insurance"),
        status: get("status"),
        flag: get("flag"),
        scope: get("scope"),
        sort: get("sort"),
        page: get("page"),
    }
}

/// Every page of a query, in order.
async fn all_rows(store: &Store, scope: EmployerScope, pairs: &[(&str, &str)]) -> StaffList {
    let mut first = list(store, scope, input(pairs)).await;
    for page in 2..=first.pages {
        let p = page.to_string();
        let mut q = pairs.to_vec();
        q.push(("page", &p));
        first.rows.extend(list(store, scope, input(&q)).await.rows);
    }
    first
}

on_both_backends!(the_checks_find_every_planted_problem_and_only_in_own_staff);
async fn the_checks_find_every_planted_problem_and_only_in_own_staff(kind: Kind) {
    let (store, _dir) = seeded_store(kind).await;
    let demo = scope(&store, 1).await;
    let l = all_rows(&store, demo, &[]).await;
    assert_eq!(l.total as usize, l.rows.len(), "{kind:?}");
    assert_eq!(
        l.summary.staff, l.total,
        "the default scope is current staff"
    );
    assert!(l.rows.iter().all(|r| r.current));
    // Persons 1 (the demo citizen) and 3..=10 (the seed's demo staff) work here now.
    for id in [1, 3, 4, 5, 6, 7, 8, 9, 10] {
        assert!(
            l.rows.iter().any(|r| r.person_id == id),
            "{kind:?} person {id}"
        );
    }
    let flags = |id: i64| {
        l.rows
            .iter()
            .find(|r| r.person_id == id)
            .unwrap()
            .flags
            .clone()
    };
    assert!(flags(1).is_empty(), "the demo citizen's record is clean");
    assert_eq!(flags(3), vec![StaffFlag::BaseBelowFloor]);
    assert!(flags(4).contains(&StaffFlag::BaseMismatch));
    assert_eq!(flags(5), vec![StaffFlag::PartialEnrolment]);
    assert_eq!(flags(6), vec![StaffFlag::Arrears]);
    assert_eq!(flags(7), vec![StaffFlag::BaseAboveCap]);
    let six = l.rows.iter().find(|r| r.person_id == 6).unwrap();
    assert_eq!(six.arrears, vec![202608, 202609, 202610]);
    assert!(
        six.insurances
            .iter()
            .all(|i| i.arrears_months == 3 && i.last_paid_month == Some(202607))
    );
    let five = l.rows.iter().find(|r| r.person_id == 5).unwrap();
    // Unemployment and maternity were never declared on this job: at most an earlier
    // period with this employer, long suspended.
    assert!(five.insurances.iter().all(|i| {
        !matches!(i.insurance, Insurance::Unemployment | Insurance::Maternity)
            || i.status != app::models::insurance::EnrolmentStatus::Active
    }));
    assert!(
        l.rows
            .iter()
            .all(|r| !r.masked_id.is_empty() && r.masked_id.contains("********"))
    );

    // The summary counts what the flag filter lists.
    for (flag, n) in &l.summary.by_flag {
        let filtered = all_rows(&store, demo, &[("flag", flag.code())]).await;
        assert_eq!(filtered.total, *n, "{kind:?} {flag:?}");
        assert!(filtered.rows.iter().all(|r| r.flags.contains(flag)));
    }
    assert_eq!(
        l.summary.flagged,
        l.rows.iter().filter(|r| !r.flags.is_empty()).count() as i64
    );
    // Problems first: the flag sets never increase down the list.
    let bits: Vec<i32> = l.rows.iter().map(|r| StaffFlag::bits(&r.flags)).collect();
    assert!(bits.windows(2).all(|w| w[0] >= w[1]));

    // Everyone listed has an enrolment with this employer; no one else is.
    let everyone = all_rows(&store, demo, &[("scope", "all")]).await;
    assert!(everyone.total >= l.total);
    for r in &everyone.rows {
        let (enrolments, _) = store
            .employer(&demo)
            .staff_member_facts(r.person_id)
            .await
            .unwrap();
        assert!(
            !enrolments.is_empty(),
            "person {} never worked here",
            r.person_id
        );
    }
    assert!(
        !everyone.rows.iter().any(|r| r.person_id == 2),
        "the retiree worked in Chengdu"
    );
}

on_both_backends!(the_roster_rebuilt_from_the_store_equals_the_seeded_one);
async fn the_roster_rebuilt_from_the_store_equals_the_seeded_one(kind: Kind) {
    let (store, _dir) = seeded_store(kind).await;
    let demo = scope(&store, 1).await;
    let query = [("scope", "all"), ("sort", "name")];
    let seeded = all_rows(&store, demo, &query).await;
    // Odd batches, so persons straddle batch edges.
    let rebuilt = read_models::rebuild_all(&store, 7, 202610).await.unwrap();
    assert!(rebuilt.roster_rows as i64 >= seeded.total);
    let rebuilt = all_rows(&store, demo, &query).await;
    assert_eq!(seeded.rows, rebuilt.rows, "{kind:?}");
    assert_eq!(seeded.summary, rebuilt.summary);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_filters_sort_and_pages() {
    let mut by_backend = Vec::new();
    for kind in BACKENDS {
        let (store, _dir) = seeded_store(kind).await;
        let demo = scope(&store, 1).await;
        let three = store
            .citizen(&test_support::citizen(3))
            .person()
            .await
            .unwrap()
            .unwrap();
        let by_name = list(&store, demo, input(&[("q", &three.name)])).await;
        assert!(by_name.rows.iter().any(|r| r.person_id == 3), "{kind:?}");
        assert!(by_name.rows.iter().all(|r| r.name.contains(&three.name)));
        let tail = &three.resident_id[14..];
        let by_id = list(&store, demo, input(&[("q", tail)])).await;
        assert!(by_id.rows.iter().any(|r| r.person_id == 3));
        let whole = list(&store, demo, input(&[("q", &three.resident_id)])).await;
        assert_eq!(whole.rows.len(), 1);
        assert_eq!(whole.rows[0].person_id, 3);
        // A fragment of the hidden digits would let the mask be undone: refused.
        let middle = &three.resident_id[6..12];
        let state = common::state_of(&store);
        let res = staff_roster::staff_list(&state, demo, &input(&[("q", middle)])).await;
        assert!(
            matches!(res, Err(AppError::Validation(ref f)) if f[0].code == FieldCode::IdSearch)
        );
        let short = staff_roster::staff_list(&state, demo, &input(&[("q", "12")])).await;
        assert!(
            matches!(short, Err(AppError::Validation(ref f)) if f[0].field == "q" && f[0].code == FieldCode::IdSearch)
        );
        let bad =
            staff_roster::staff_list(&state, demo, &input(&[("flag", "nope"), ("page", "0")]))
                .await;
        assert!(matches!(bad, Err(AppError::Validation(ref f)) if f.len() == 2));
        // Wildcards are literal: "%" matches no name.
        assert_eq!(list(&store, demo, input(&[("q", "%")])).await.total, 0);

        let partial = list(
            &store,
            demo,
            input(&[("insurance", "unemployment"), ("status", "active")]),
        )
        .await;
        assert!(
            !partial.rows.iter().any(|r| r.person_id == 5),
            "person 5 has no unemployment insurance"
        );
        assert!(partial.rows.iter().any(|r| r.person_id == 3));

        let names = all_rows(&store, demo, &[("sort", "name"), ("scope", "all")]).await;
        let sorted: Vec<&str> = names.rows.iter().map(|r| r.name.as_str()).collect();
        let mut expected = sorted.clone();
        expected.sort();
        assert_eq!(sorted, expected, "{kind:?} code-point order");
        let beyond = list(&store, demo, input(&[("page", "999")])).await;
        assert!(beyond.rows.is_empty());
        let joined = all_rows(&store, demo, &[("sort", "joined")]).await;
        assert!(
            joined
                .rows
                .windows(2)
                .all(|w| w[0].first_month >= w[1].first_month)
        );
        by_backend.push((
            names
                .rows
                .iter()
                .map(|r| (r.person_id, r.flags.clone()))
                .collect::<Vec<_>>(),
            joined.rows.iter().map(|r| r.person_id).collect::<Vec<_>>(),
        ));
    }
    assert_eq!(
        by_backend[0], by_backend[1],
        "both backends list the same pages"
    );
}

on_both_backends!(a_person_page_shows_only_the_periods_with_this_employer);
async fn a_person_page_shows_only_the_periods_with_this_employer(kind: Kind) {
    let (store, _dir) = seeded_store(kind).await;
    let now = chrono::Utc::now();
    // The demo citizen worked in Shenzhen (employer 2) 2012-07..2019-06, then here from 2019-10.
    let here = staff_roster::staff_member(&store, scope(&store, 1).await, 1, now)
        .await
        .unwrap();
    assert!(here.current, "{kind:?}");
    assert_eq!(here.periods.len(), 5);
    assert!(
        here.periods
            .iter()
            .all(|p| p.start_month == 201910 && p.end_month.is_none())
    );
    assert_eq!(here.months_with_employer, 85, "2019-10..=2026-10");
    assert_eq!(here.recent_months.len(), 24);
    assert_eq!(here.recent_months[0].month, 202610);
    assert!(here.findings.flags().is_empty());
    let shenzhen = staff_roster::staff_member(&store, scope(&store, 2).await, 1, now)
        .await
        .unwrap();
    assert!(!shenzhen.current);
    assert!(
        shenzhen
            .periods
            .iter()
            .all(|p| p.start_month == 201207 && p.end_month == Some(201906))
    );
    assert_eq!(shenzhen.months_with_employer, 84);
    assert!(shenzhen.recent_months.iter().all(|m| m.month <= 201906));
    // Never this employer's staff: not found, whether or not the person exists.
    for stranger in [2, 999_999] {
        let res = staff_roster::staff_member(&store, scope(&store, 1).await, stranger, now).await;
        assert_eq!(
            res.unwrap_err(),
            AppError::NotFound,
            "{kind:?} person {stranger}"
        );
    }
    // The planted split base is explained with its month and both bases.
    let four = staff_roster::staff_member(&store, scope(&store, 1).await, 4, now)
        .await
        .unwrap();
    let m = four.findings.mismatches.last().unwrap();
    assert_eq!(m.month, 202610);
    let pension = m
        .bases
        .iter()
        .find(|(i, _)| *i == Insurance::Pension)
        .unwrap()
        .1;
    let medical = m
        .bases
        .iter()
        .find(|(i, _)| *i == Insurance::Medical)
        .unwrap()
        .1;
    assert_eq!(medical, pension * 7 / 1000 * 100);
    let three = staff_roster::staff_member(&store, scope(&store, 1).await, 3, now)
        .await
        .unwrap();
    let low = three.findings.below_floor.last().unwrap();
    assert!(low.base < low.limit && low.limit == (low.average_wage * 60 + 99) / 100);

    // Each look is in the person's access log, naming the employer and the purpose.
    let log = store
        .citizen(&test_support::citizen(1))
        .access_log(&Default::default(), 10, 0)
        .await
        .unwrap()
        .0;
    let names: Vec<(&str, &str)> = log
        .iter()
        .map(|e| (e.action.as_str(), e.actor_label.as_str()))
        .collect();
    assert!(names.contains(&(ACTION_DETAIL, "北京金保示范科技有限公司")));
    assert!(names.contains(&(ACTION_DETAIL, "深圳鹏城电子有限公司")));
    assert!(
        log.iter()
            .all(|e| e.actor_role == AccessKind::Employer && e.purpose == "enrolment_check")
    );
}

on_both_backends!(a_list_view_logs_one_entry_per_person_shown);
async fn a_list_view_logs_one_entry_per_person_shown(kind: Kind) {
    let (store, _dir) = seeded_store(kind).await;
    let demo = scope(&store, 1).await;
    let page = list(&store, demo, input(&[("scope", "all")])).await;
    for r in &page.rows {
        let log = store
            .citizen(&test_support::citizen(r.person_id))
            .access_log(&Default::default(), 10, 0)
            .await
            .unwrap()
            .0;
        assert_eq!(
            log.iter().filter(|e| e.action == ACTION_LIST).count(),
            1,
            "{kind:?}"
        );
    }
    // Persons not on the page were not viewed.
    assert!(
        store
            .citizen(&test_support::citizen(2))
            .access_log(&Default::default(), 10, 0)
            .await
            .unwrap()
            .0
            .is_empty()
    );
}

/// A second employer user, for the Shenzhen employer (id 2).
async fn shenzhen_user(app: &TestApp) {
    let hash = app::server::auth::password::hash_now(PASSWORD).unwrap();
    let grants = [RoleGrant {
        role: Role::Employer,
        employer_id: Some(2),
        office_id: None,
    }];
    app.store
        .create_user(&NewUser {
            username: Some("employer-shenzhen"),
            person_id: None,
            display_name: "深圳鹏城电子 人事",
            password_hash: &hash,
            password_expired: false,
            grants: &grants,
        })
        .await
        .unwrap();
}

async fn json(res: reqwest::Response) -> Value {
    res.json().await.unwrap()
}

on_both_backends!(employer_functions_refuse_other_roles_nobody_and_strangers);
async fn employer_functions_refuse_other_roles_nobody_and_strangers(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    shenzhen_user(&app).await;
    let calls: [(&str, &[(&str, &str)]); 2] = [
        ("/api/employer/list_staff", &[]),
        ("/api/employer/get_staff_member", &[("person", "1")]),
    ];
    for (path, form) in calls {
        let res = app.call(&app.client(), path, form).await;
        assert_eq!(res.status(), 401, "{kind:?} nobody → {path}");
        for account in [CITIZEN, "helpdesk-demo", "reviewer-beijing", "admin-demo"] {
            let c = app.signed_in(account).await;
            let res = app.call(&c, path, form).await;
            assert_eq!(res.status(), 403, "{kind:?} {account} → {path}");
            assert_eq!(json(res).await, serde_json::json!("Forbidden"));
        }
    }
    let csv = app
        .client()
        .get(app.url("/employer/staff.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), 401);
    let c = app.signed_in(CITIZEN).await;
    assert_eq!(
        c.get(app.url("/employer/staff.csv"))
            .send()
            .await
            .unwrap()
            .status(),
        403
    );
    let page = c
        .get(app.url("/employer/staff"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 403);
    let page = app
        .client()
        .get(app.url("/employer/staff/1"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(page.headers().get("location").unwrap(), "/login");

    // The demo employer: its own staff only, whatever identifier is sent.
    let demo = app.signed_in("employer-demo").await;
    let ok = app
        .call(&demo, "/api/employer/get_staff_member", &[("person", "3")])
        .await;
    assert_eq!(ok.status(), 200);
    // Another person, no one, or not a number at all: the same "not found".
    for stranger in ["2", "999999", "-1", "0", "1 OR 1=1", "abc", ""] {
        let res = app
            .call(
                &demo,
                "/api/employer/get_staff_member",
                &[("person", stranger)],
            )
            .await;
        assert_eq!(res.status(), 404, "{kind:?} person {stranger:?}");
    }
    // The Shenzhen employer sees the demo citizen as former staff, and not the demo employer's staff.
    let sz = app.signed_in("employer-shenzhen").await;
    let res = app
        .call(&sz, "/api/employer/get_staff_member", &[("person", "3")])
        .await;
    assert_eq!(res.status(), 404);
    let all: StaffList = app
        .call(
            &sz,
            "/api/employer/list_staff",
            &[("scope", "all"), ("q", "李明轩")],
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(all.rows.len(), 1);
    assert_eq!(all.rows[0].person_id, 1);
    assert!(!all.rows[0].current);
    assert_eq!(all.employer, "深圳鹏城电子有限公司");
    let body = sz
        .get(app.url("/employer/staff.csv?scope=all"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let own = app
        .call(&demo, "/api/employer/list_staff", &[("scope", "all")])
        .await;
    let own: StaffList = own.json().await.unwrap();
    assert!(body.contains("李明轩"));
    assert!(!body.contains(&own.rows.iter().find(|r| r.person_id == 3).unwrap().name));
    // A mistyped filter is a clear error, not everyone.
    let res = app
        .call(&demo, "/api/employer/list_staff", &[("flag", "everything")])
        .await;
    assert_eq!(res.status(), 422);
    let res = demo
        .get(app.url("/employer/staff.csv"))
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403, "another site cannot start an export");
    let res = demo
        .get(app.url("/employer/staff.csv?flag=everything"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
}

on_both_backends!(the_export_streams_every_matching_row_and_round_trips);
async fn the_export_streams_every_matching_row_and_round_trips(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let demo = app.signed_in("employer-demo").await;
    let res = demo
        .get(app.url("/employer/staff.csv?scope=all&sort=name"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{kind:?}");
    let h = res.headers().clone();
    assert_eq!(h.get("content-type").unwrap(), "text/csv; charset=utf-8");
    assert_eq!(h.get("cache-control").unwrap(), "private, no-store");
    assert!(
        h.get("content-disposition")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("attachment; filename=\"staff-roster-")
    );
    assert!(res.content_length().is_none(), "streamed, not buffered");
    let bytes = res.bytes().await.unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "byte-order mark");
    // Compressed on the way, the same file to its last byte.
    let gz = demo
        .get(app.url("/employer/staff.csv?scope=all&sort=name"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(gz.headers().get("content-encoding").unwrap(), "gzip");
    let mut unzipped = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(&gz.bytes().await.unwrap()[..]),
        &mut unzipped,
    )
    .unwrap();
    assert_eq!(unzipped, bytes, "{kind:?}");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let headers = reader.headers().unwrap().clone();
    assert_eq!(headers.len(), 5 + 5 * 4 + 2);
    assert_eq!(&headers[0], "姓名");
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();

    // The same rows, in the same order, as the list's pages.
    let mut rows = Vec::new();
    let mut page = 1;
    loop {
        let p = page.to_string();
        let l: StaffList = app
            .call(
                &demo,
                "/api/employer/list_staff",
                &[("scope", "all"), ("sort", "name"), ("page", &p)],
            )
            .await
            .json()
            .await
            .unwrap();
        rows.extend(l.rows);
        if page >= l.pages {
            break;
        }
        page += 1;
    }
    assert_eq!(records.len(), rows.len());
    for (rec, row) in records.iter().zip(&rows) {
        assert_eq!(&rec[0], row.name);
        assert_eq!(&rec[1], row.masked_id);
        assert_eq!(&rec[2], if row.current { "是" } else { "否" });
        let pension = row
            .insurances
            .iter()
            .find(|i| i.insurance == Insurance::Pension);
        let base = pension
            .and_then(|p| p.base)
            .map(|b| format!("{}.{:02}", b / 100, b % 100))
            .unwrap_or_default();
        assert_eq!(&rec[6], base);
        assert_eq!(rec[25].is_empty(), row.flags.is_empty());
        assert_eq!(
            rec[26].split(' ').filter(|m| !m.is_empty()).count(),
            row.arrears.len()
        );
    }
    // English on request; each exported person has an export entry in their log.
    app.call(&demo, "/api/prefs/set_locale", &[("lang", "en")])
        .await;
    let en = demo
        .get(app.url("/employer/staff.csv?flag=arrears"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        en.lines()
            .next()
            .unwrap()
            .contains("Name,ID number (partly hidden)")
    );
    assert!(en.lines().skip(1).all(|l| l.contains("Arrears")));
    for row in rows.iter().take(5) {
        let log = app
            .store
            .citizen(&test_support::citizen(row.person_id))
            .access_log(&Default::default(), 50, 0)
            .await
            .unwrap()
            .0;
        assert!(
            log.iter().any(|e| e.action == ACTION_EXPORT),
            "{kind:?} person {}",
            row.person_id
        );
    }
}

/// The employer's roster searched by `q`: the status and the number found (if answered).
async fn searched(app: &TestApp, c: &reqwest::Client, q: &str) -> (u16, Option<i64>) {
    let res = app.call(c, "/api/employer/list_staff", &[("q", q)]).await;
    let status = res.status().as_u16();
    (status, json(res).await["total"].as_i64())
}

on_both_backends!(whole_id_searches_that_find_nobody_are_limited_and_audited);
/// Guessing a masked birth date means searching whole ID numbers until one hits. Each miss
/// counts against the employer user; a hit neither counts nor clears the misses; after ten in
/// the window, whole-ID searches (list and export) are refused until the oldest ages out. Each
/// is audited with the number masked. Name searches go on.
async fn whole_id_searches_that_find_nobody_are_limited_and_audited(kind: Kind) {
    let app = spawn_app(kind, |_| {}).await;
    let demo = app.signed_in("employer-demo").await;
    // The demo citizen, born 1990-03-07, works here: other days of that month are misses.
    let guess = |day: u32| format!("{}{day:02}{}", &CITIZEN[..12], &CITIZEN[14..]);
    for day in [1, 2, 3, 4, 5, 6, 8, 9, 10] {
        assert_eq!(searched(&app, &demo, &guess(day)).await, (200, Some(0)));
    }
    assert_eq!(searched(&app, &demo, CITIZEN).await, (200, Some(1)));
    assert_eq!(searched(&app, &demo, &guess(11)).await, (200, Some(0)));
    let (status, _) = searched(&app, &demo, CITIZEN).await;
    assert_eq!(
        status, 429,
        "{kind:?}: the eleventh whole-ID search after ten misses"
    );
    let export = demo
        .get(app.url(&format!("/employer/staff.csv?q={CITIZEN}")))
        .send()
        .await
        .unwrap();
    assert_eq!(export.status(), 429, "{kind:?}");
    assert_eq!(searched(&app, &demo, &CITIZEN[14..]).await.0, 200);

    let filter = app::server::store::AuditFilter {
        action: Some("staff_id_search".into()),
        ..Default::default()
    };
    let (events, _) = app.store.audit_events(&filter, 100, 0).await.unwrap();
    let outcomes = |o: &str| events.iter().filter(|e| e.outcome == o).count();
    assert_eq!(
        (outcomes("failed"), outcomes("ok"), outcomes("refused")),
        (10, 1, 2),
        "{kind:?}"
    );
    assert!(events.iter().all(|e| e.target.contains("****")
        && !e.target.contains("0307")
        && e.actor_username.as_deref() == Some("employer-demo")));

    app.clock.advance(chrono::Duration::minutes(16));
    assert_eq!(searched(&app, &demo, CITIZEN).await, (200, Some(1)));
}
