//! Store conformance: the same scenarios against SQLite and PostgreSQL, which must agree.

use crate::common;
use app::models::auth::{Role, SessionStage};
use app::models::insurance::{EnrolmentStatus, Insurance, Scheme};
use app::server::auth::test_support;
use app::server::services::citizen_home::citizen_home;
use app::server::store::{AuditEvent, AuditFilter, FailedLogins, NewSession, NewUser, RoleGrant};
use chrono::{Duration, Utc};
use common::{CITIZEN, Kind, RETIREE, fresh_database, seeded_store, settings};

/// The day the home page is read on (filings in effect depend on it).
fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

async fn person_id(store: &app::server::store::Store, resident_id: &str) -> i64 {
    store
        .person_id_by_resident_id(resident_id)
        .await
        .unwrap()
        .expect("demo person seeded")
}

on_both_backends!(migrations_are_idempotent_and_complete);
async fn migrations_are_idempotent_and_complete(kind: Kind) {
    let (store, _dir) = seeded_store(kind).await;
    assert!(
        store.pending_migrations().await.unwrap().is_empty(),
        "{kind:?}"
    );
    store.migrate().await.unwrap();
    store.ping().await.unwrap();
}

on_both_backends!(demo_citizen_home_is_complete_and_correct);
async fn demo_citizen_home_is_complete_and_correct(kind: Kind) {
    let (store, _dir) = seeded_store(kind).await;
    let id = person_id(&store, CITIZEN).await;
    let home = citizen_home(&store, test_support::citizen(id), today())
        .await
        .unwrap();
    assert_eq!(home.masked_id, "110101********4514");
    assert_eq!(home.scheme, Some(Scheme::Employee));
    assert_eq!(home.insurances.len(), 5);
    for s in &home.insurances {
        let e = s
            .enrolment
            .as_ref()
            .unwrap_or_else(|| panic!("{kind:?}: enrolled in {:?}", s.insurance));
        assert_eq!(e.status, EnrolmentStatus::Active);
        assert_eq!(e.region.zh, "北京市");
        assert_eq!(e.employer.as_deref(), Some("北京金保示范科技有限公司"));
        // The gap 2019-07..09 ends the continuous run; Beijing enrolment began 2019-10.
        assert_eq!(e.enrolled_since, 201910);
        // 2012-07..2019-06 in Shenzhen (84) + 2019-10..2026-10 in Beijing (85).
        assert_eq!(e.months_contributed, 169, "{kind:?} {:?}", s.insurance);
        assert_eq!(e.arrears_months, 0);
        assert_eq!(e.last_paid_month, Some(202610));
        assert!(e.latest_base.unwrap() > 0);
        assert_eq!(
            e.office.zh.contains("医疗保障局"),
            matches!(s.insurance, Insurance::Medical | Insurance::Maternity)
        );
        assert_eq!(e.data_as_of.to_string(), "2026-11-25");
        assert_eq!(
            e.account_balance.is_some(),
            s.insurance.has_personal_account()
        );
    }
    let pension = home
        .insurances
        .iter()
        .find(|s| s.insurance == Insurance::Pension)
        .unwrap();
    assert!(pension.enrolment.as_ref().unwrap().account_balance.unwrap() > 0);
}

on_both_backends!(retiree_receives_pension_and_other_insurances_ended);
async fn retiree_receives_pension_and_other_insurances_ended(kind: Kind) {
    let (store, _dir) = seeded_store(kind).await;
    let id = person_id(&store, RETIREE).await;
    let home = citizen_home(&store, test_support::citizen(id), today())
        .await
        .unwrap();
    let status = |i: Insurance| {
        home.insurances
            .iter()
            .find(|s| s.insurance == i)
            .unwrap()
            .enrolment
            .as_ref()
            .unwrap()
            .status
    };
    assert_eq!(
        status(Insurance::Pension),
        EnrolmentStatus::ReceivingBenefits
    );
    assert_eq!(
        status(Insurance::Medical),
        EnrolmentStatus::ReceivingBenefits
    );
    assert_eq!(status(Insurance::Unemployment), EnrolmentStatus::Terminated);
    let pension = home
        .insurances
        .iter()
        .find(|s| s.insurance == Insurance::Pension)
        .unwrap();
    assert_eq!(pension.enrolment.as_ref().unwrap().region.en, "Chengdu");
    assert_eq!(
        pension.enrolment.as_ref().unwrap().last_paid_month,
        Some(201711)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_backends_hold_the_same_data_for_the_same_seed() {
    let (sqlite, _a) = seeded_store(Kind::Sqlite).await;
    let (pg, _b) = seeded_store(Kind::Postgres).await;
    assert_eq!(sqlite.count_persons().await.unwrap(), 30);
    let mut residents = 0;
    for person_id in 1..=30 {
        let a = citizen_home(&sqlite, test_support::citizen(person_id), today())
            .await
            .unwrap();
        let b = citizen_home(&pg, test_support::citizen(person_id), today())
            .await
            .unwrap();
        assert_eq!(a, b, "person {person_id}");
        if a.scheme == Some(Scheme::Resident) {
            residents += 1;
            let wi = a
                .insurances
                .iter()
                .find(|s| s.insurance == Insurance::WorkInjury)
                .unwrap();
            assert!(wi.enrolment.is_none() && wi.not_enrolled_because_resident);
        }
    }
    assert!(residents > 0, "the seed includes residents");
}

on_both_backends!(sessions_live_and_die_with_their_role);
async fn sessions_live_and_die_with_their_role(kind: Kind) {
    let (store, _dir) = seeded_store(kind).await;
    let login = store
        .login_by_username("employer-demo")
        .await
        .unwrap()
        .unwrap();
    let now = Utc::now();
    store
        .create_session(&NewSession {
            id_hash: "h1",
            user_id: login.user_id,
            role: Role::Employer,
            now,
            expires_at: now + Duration::hours(1),
            stage: SessionStage::Full,
            assisted_session_id: None,
        })
        .await
        .unwrap();
    let s = store.session("h1").await.unwrap().unwrap();
    assert_eq!(s.role, Role::Employer);
    assert!(s.employer_id.is_some());
    // A session for a role the user does not hold resolves to nothing.
    store
        .create_session(&NewSession {
            id_hash: "h2",
            user_id: login.user_id,
            role: Role::Admin,
            now,
            expires_at: now + Duration::hours(1),
            stage: SessionStage::Full,
            assisted_session_id: None,
        })
        .await
        .unwrap();
    assert!(store.session("h2").await.unwrap().is_none());
    store
        .touch_session("h1", now + Duration::minutes(5))
        .await
        .unwrap();
    assert_eq!(
        store
            .session("h1")
            .await
            .unwrap()
            .unwrap()
            .last_seen_at
            .timestamp(),
        (now + Duration::minutes(5)).timestamp()
    );
    assert_eq!(
        store
            .delete_stale_sessions(now + Duration::hours(2), now)
            .await
            .unwrap(),
        2
    );
    assert!(store.session("h1").await.unwrap().is_none());
}

on_both_backends!(login_attempts_are_reserved_counted_and_settled);
async fn login_attempts_are_reserved_counted_and_settled(kind: Kind) {
    let (store, _dir) = seeded_store(kind).await;
    let t0 = Utc::now();
    let since = t0 - Duration::minutes(1);
    // Records what it was shown and lets the attempt through.
    let seen = std::sync::Mutex::new(Vec::new());
    let note = |f: &FailedLogins| {
        seen.lock().unwrap().push((f.by_account, f.by_address));
        None::<()>
    };
    for i in 0..3 {
        let at = t0 + Duration::seconds(i);
        store
            .reserve_login_attempt("acct", "10.0.0.1", at, since, note)
            .await
            .unwrap()
            .unwrap();
    }
    // Each counts the failures before it, not itself.
    assert_eq!(*seen.lock().unwrap(), [(0, 0), (1, 1), (2, 2)], "{kind:?}");
    // A refused attempt never ran: it is not recorded.
    let refused = store
        .reserve_login_attempt("other", "10.0.0.1", t0, since, |f| {
            Some((
                f.by_account,
                f.by_address,
                f.oldest_address.map(|t| t.timestamp()),
            ))
        })
        .await
        .unwrap();
    assert_eq!(refused, Err((0, 3, Some(t0.timestamp()))), "{kind:?}");
    let later = t0 + Duration::milliseconds(1500);
    seen.lock().unwrap().clear();
    let probe = store
        .reserve_login_attempt("acct", "10.0.0.9", t0, later, note)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(*seen.lock().unwrap(), [(1, 0)], "{kind:?}: the window");
    // A success forgets the account's failures.
    store.settle_login_success(probe, "acct").await.unwrap();
    seen.lock().unwrap().clear();
    store
        .reserve_login_attempt("acct", "10.0.0.1", t0, since, note)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(*seen.lock().unwrap(), [(0, 0)], "{kind:?}");
    // Left: the success and the last reservation, both at t0.
    assert_eq!(
        store
            .delete_login_attempts_before(t0 + Duration::seconds(1))
            .await
            .unwrap(),
        2,
        "{kind:?}"
    );
}

on_both_backends!(usernames_are_unique_and_role_rules_hold);
async fn usernames_are_unique_and_role_rules_hold(kind: Kind) {
    let (store, _dir) = seeded_store(kind).await;
    assert!(store.username_exists("admin-demo").await.unwrap());
    let grants = [RoleGrant {
        role: Role::Admin,
        employer_id: None,
        office_id: None,
    }];
    let dup = NewUser {
        username: Some("admin-demo"),
        person_id: None,
        display_name: "x",
        password_hash: "h",
        password_expired: false,
        grants: &grants,
    };
    assert!(
        store.create_user(&dup).await.is_err(),
        "{kind:?}: duplicate username refused"
    );
    // A reviewer grant without an office violates the schema and leaves no user behind.
    let bad = [RoleGrant {
        role: Role::Reviewer,
        employer_id: None,
        office_id: None,
    }];
    let user = NewUser {
        username: Some("nobody-office"),
        person_id: None,
        display_name: "x",
        password_hash: "h",
        password_expired: false,
        grants: &bad,
    };
    assert!(store.create_user(&user).await.is_err());
    assert!(
        !store.username_exists("nobody-office").await.unwrap(),
        "{kind:?}: transaction rolled back"
    );
}

on_both_backends!(reseeding_a_seeded_database_changes_nothing);
async fn reseeding_a_seeded_database_changes_nothing(kind: Kind) {
    let (store, _dir) = seeded_store(kind).await;
    assert!(
        server::seed::run(
            &store,
            &server::seed::SeedOptions::new(50, 1),
            &common::test_sealer()
        )
        .await
        .unwrap()
        .is_none()
    );
    assert_eq!(store.count_persons().await.unwrap(), 30);
}

on_both_backends!(an_unknown_stored_code_is_an_error_not_a_guess);
/// A role this build does not know (written by a newer build, or by hand) fails the read that
/// meets it; it never becomes some other role.
async fn an_unknown_stored_code_is_an_error_not_a_guess(kind: Kind) {
    let (url, dir) = fresh_database(kind).await;
    let store = server::startup::open_store(&settings(&url, dir.path()))
        .await
        .unwrap();
    let event = AuditEvent {
        at: Utc::now(),
        actor_user_id: None,
        actor_role: Role::Admin,
        subject_user_id: None,
        assisted_session_id: None,
        action: "staff_create",
        target: "",
        outcome: "ok",
        detail: "",
    };
    store.record_audit(&event).await.unwrap();
    let (events, _) = store
        .audit_events(&AuditFilter::default(), 10, 0)
        .await
        .unwrap();
    assert_eq!(events[0].actor_role, Role::Admin, "{kind:?}");
    common::execute_sql(
        kind,
        &url,
        &["UPDATE audit_events SET actor_role = 'auditor'"],
    )
    .await;
    let error = store
        .audit_events(&AuditFilter::default(), 10, 0)
        .await
        .unwrap_err();
    assert!(
        error.to_string().contains(r#"unknown Role code "auditor""#),
        "{kind:?}: {error}"
    );
}

on_both_backends!(two_factor_secrets_stored_in_plaintext_are_sealed_once);
/// A database from before sealing holds two-factor secrets in plaintext: the first start seals
/// each (they open to the same secret for the same user), leaves sealed ones as they are,
/// records that it ran, and does nothing at later starts.
async fn two_factor_secrets_stored_in_plaintext_are_sealed_once(kind: Kind) {
    use app::server::auth::sealed::SecretBox;
    use app::server::services::account::seal_stored_secrets;
    let (store, _dir) = seeded_store(kind).await;
    let sealer = common::test_sealer();
    let user = |name: &'static str| {
        let store = store.clone();
        async move {
            store
                .login_by_username(name)
                .await
                .unwrap()
                .unwrap()
                .user_id
        }
    };
    let (helpdesk, admin) = (user("helpdesk-demo").await, user("admin-demo").await);
    let citizen = store
        .login_by_resident_id(CITIZEN)
        .await
        .unwrap()
        .unwrap()
        .user_id;
    let seeded = store.totp_state(helpdesk).await.unwrap().secret.unwrap();
    assert!(SecretBox::is_sealed(&seeded), "the seed seals");
    // As a version before sealing stored them.
    store
        .set_totp_secret(admin, "JBSWY3DPEHPK3PXP")
        .await
        .unwrap();
    store
        .set_totp_pending(citizen, "KRUGS4ZANFZSAYLUMVZXI33SMU")
        .await
        .unwrap();

    let now = chrono::Utc::now();
    assert_eq!(
        seal_stored_secrets(&store, &sealer, now).await.unwrap(),
        2,
        "{kind:?}"
    );
    let admin_secret = store.totp_state(admin).await.unwrap().secret.unwrap();
    assert!(!admin_secret.contains("JBSWY3DPEHPK3PXP"));
    assert_eq!(
        sealer.open(admin, &admin_secret).unwrap(),
        "JBSWY3DPEHPK3PXP"
    );
    let pending = store.totp_state(citizen).await.unwrap().pending.unwrap();
    assert_eq!(
        sealer.open(citizen, &pending).unwrap(),
        "KRUGS4ZANFZSAYLUMVZXI33SMU"
    );
    assert_eq!(
        store.totp_state(helpdesk).await.unwrap().secret.unwrap(),
        seeded
    );
    // Once per database.
    store
        .set_totp_secret(admin, "JBSWY3DPEHPK3PXP")
        .await
        .unwrap();
    assert_eq!(seal_stored_secrets(&store, &sealer, now).await.unwrap(), 0);
}
