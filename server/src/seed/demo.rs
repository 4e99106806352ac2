//! The fixed demo accounts the README lists, all with the password `Jinbao-Demo-2026`.

use super::career::{Anomaly, Job, Plan};
use app::models::auth::Role;
use app::models::insurance::Agency;
use app::models::insurance::Month;
use app::models::pension::RESIDENT_PENSION_AGE_MONTHS;
use app::models::retirement::{RetirementCategory, statutory_retirement};
use app::server::auth::sealed::SecretBox;
use app::server::store::{NewEmployer, NewPerson, NewUser, RoleGrant, Store};
use chrono::NaiveDate;

pub const DEMO_PASSWORD: &str = "Jinbao-Demo-2026";
pub const DEMO_EMPLOYER_CODE: &str = "91110000MA01ABCD52";
pub const DEMO_RESIDENT_ID: &str = "510107196805122644";
pub const DEMO_MOVER_ID: &str = "510104198506150311";
pub const DEMO_TEMPORARY_ID: &str = "510106198008200489";
const SHENZHEN_EMPLOYER_CODE: &str = "91440300MA5DPC007G";

/// The demo employer in Beijing, employer id 1.
pub fn employer() -> NewEmployer {
    NewEmployer {
        id: 1,
        credit_code: DEMO_EMPLOYER_CODE.into(),
        name: "北京金保示范科技有限公司".into(),
        region_code: "110100".into(),
        risk_class: 1,
    }
}

/// Person 1: an employee in Beijing who worked in Shenzhen from 2012-07 to 2019-06, then had
/// three months without contributions before joining the demo employer in 2019-10.
/// Person 2: a retired cadre in Chengdu receiving a pension since 2017-12.
pub fn citizen(id: i64) -> (NewPerson, Plan, i32) {
    if id == 1 {
        let person = NewPerson {
            id,
            resident_id: "110101199003074514".into(),
            name: "李明轩".into(),
            sex: 'M',
            birth_date: NaiveDate::from_ymd_opt(1990, 3, 7).expect("valid date"),
            hukou_region: "110100".into(),
            phone: Some("13800138000".into()),
            female_category: None,
        };
        let jobs = vec![
            Job {
                employer_id: 2,
                region: "440300".into(),
                risk_class: 1,
                start: 201207,
                end: Some(201906),
                unpaid_tail: 0,
                anomaly: None,
            },
            Job {
                employer_id: 1,
                region: "110100".into(),
                risk_class: 1,
                start: 201910,
                end: None,
                unpaid_tail: 0,
                anomaly: None,
            },
        ];
        (
            person,
            Plan::Employee {
                jobs,
                base_index: 1.4,
                retired_at: None,
                deemed_months: 0,
            },
            756,
        )
    } else {
        let person = NewPerson {
            id,
            resident_id: "510107196211033927".into(),
            name: "刘淑芬".into(),
            sex: 'F',
            birth_date: NaiveDate::from_ymd_opt(1962, 11, 3).expect("valid date"),
            hukou_region: "510100".into(),
            phone: Some("13900139000".into()),
            female_category: Some("cadre"),
        };
        let jobs = vec![Job {
            employer_id: 3,
            region: "510100".into(),
            risk_class: 2,
            start: 199801,
            end: Some(201711),
            unpaid_tail: 0,
            anomaly: None,
        }];
        (
            person,
            Plan::Employee {
                jobs,
                base_index: 1.1,
                retired_at: Some(201711),
                // At work since 1983-09, at 20: 172 months before the record starts.
                deemed_months: 172,
            },
            660,
        )
    }
}

/// The demo resident, the first person after the demo employer's staff: a woman in Chengdu in
/// the residents' scheme since 2011, who draws her pension at 60 (2028-05), not at a woman
/// worker's age, over 15 years, the account divided by 139 (国发〔2014〕8号).
pub fn resident(id: i64) -> (NewPerson, Plan, i32) {
    let person = NewPerson {
        id,
        resident_id: DEMO_RESIDENT_ID.into(),
        name: "王秀兰".into(),
        sex: 'F',
        birth_date: NaiveDate::from_ymd_opt(1968, 5, 12).expect("valid date"),
        hukou_region: "510100".into(),
        phone: Some("13700137000".into()),
        female_category: Some("worker"),
    };
    let plan = Plan::Resident {
        region: "510100".into(),
        pension_from: 201101,
        medical_from: 200801,
        retired_at: None,
        grade_fen: 100_000,
    };
    (person, plan, RESIDENT_PENSION_AGE_MONTHS)
}

/// The two demo movers come right after the demo resident. Their employers get ids after the
/// random employers' (from `first_employer_id`), so that random careers draw as before.
pub struct Movers {
    pub first_employer_id: i64,
}

impl Movers {
    /// A Guangzhou employer and a Shanghai one.
    pub fn employers(&self) -> [NewEmployer; 2] {
        [
            NewEmployer {
                id: self.first_employer_id,
                credit_code: "91440100MA59GK0140".into(),
                name: "广州羊城软件有限公司".into(),
                region_code: "440100".into(),
                risk_class: 1,
            },
            NewEmployer {
                id: self.first_employer_id + 1,
                credit_code: "91310100MA1HPJ0298".into(),
                name: "上海浦江物流有限公司".into(),
                region_code: "310100".into(),
                risk_class: 2,
            },
        ]
    }

    /// 陈志强, hukou Chengdu: six years in Guangzhou (2014-12 to 2020-11, suspended), then six in
    /// Shenzhen (since 2020-12). Both cities are in Guangdong, so moving between them is a change
    /// of registration, and Guangdong's twelve years make it his paying place (国办发〔2009〕66号).
    pub fn same_province(&self, id: i64) -> (NewPerson, Plan, i32) {
        let birth = NaiveDate::from_ymd_opt(1985, 6, 15).expect("valid date");
        let person = NewPerson {
            id,
            resident_id: DEMO_MOVER_ID.into(),
            name: "陈志强".into(),
            sex: 'M',
            birth_date: birth,
            hukou_region: "510100".into(),
            phone: Some("13600136000".into()),
            female_category: None,
        };
        let jobs = vec![
            self.job(self.first_employer_id, "440100", 1, 201412, Some(202011), 0),
            self.job(2, "440300", 1, 202012, None, 0),
        ];
        let (_, age) = statutory_retirement(birth, RetirementCategory::Man);
        (person, employee(jobs, 1.2), age)
    }

    /// 赵丽, hukou Chengdu: insured in Chengdu 2003-07 to 2020-12 (the last two months unpaid),
    /// then in Shanghai since 2021-03, when she was 40: Shanghai holds a temporary account and
    /// her relationship stays in Chengdu (国办发〔2009〕66号 第三条).
    pub fn temporary_account(&self, id: i64) -> (NewPerson, Plan, i32) {
        let birth = NaiveDate::from_ymd_opt(1980, 8, 20).expect("valid date");
        let person = NewPerson {
            id,
            resident_id: DEMO_TEMPORARY_ID.into(),
            name: "赵丽".into(),
            sex: 'F',
            birth_date: birth,
            hukou_region: "510100".into(),
            phone: Some("13500135000".into()),
            female_category: Some("cadre"),
        };
        let jobs = vec![
            self.job(3, "510100", 2, 200307, Some(202012), 2),
            self.job(self.first_employer_id + 1, "310100", 2, 202103, None, 0),
        ];
        let (_, age) = statutory_retirement(birth, RetirementCategory::WomanCadre);
        (person, employee(jobs, 1.0), age)
    }

    fn job(
        &self,
        employer_id: i64,
        region: &str,
        risk_class: i32,
        start: Month,
        end: Option<Month>,
        unpaid_tail: i32,
    ) -> Job {
        Job {
            employer_id,
            region: region.into(),
            risk_class,
            start,
            end,
            unpaid_tail,
            anomaly: None,
        }
    }
}

fn employee(jobs: Vec<Job>, base_index: f64) -> Plan {
    Plan::Employee {
        jobs,
        base_index,
        retired_at: None,
        deemed_months: 0,
    }
}

/// The demo employer's staff beyond the demo citizen: persons 3, 4, ... Their last job becomes
/// a current one with the demo employer. The first five each carry one problem the staff checks
/// flag, so the employer workspace always has every flag to show; the rest keep the problems
/// drawn for the job they replace, at the rates everyone else has.
pub fn staff_job(index: usize, drawn: &Job) -> Job {
    let (unpaid_tail, anomaly) = match index {
        0 => (0, Some(Anomaly::BaseBelowFloor)),
        1 => (0, Some(Anomaly::SplitBase)),
        2 => (0, Some(Anomaly::PartialEnrolment)),
        3 => (3, None),
        4 => (0, Some(Anomaly::BaseAboveCap)),
        _ => (drawn.unpaid_tail, drawn.anomaly),
    };
    let demo = employer();
    Job {
        employer_id: demo.id,
        region: demo.region_code,
        risk_class: demo.risk_class,
        start: drawn.start,
        end: None,
        unpaid_tail,
        anomaly,
    }
}

/// The Shenzhen and Chengdu employers of the demo citizens (ids 2 and 3).
pub fn career_employers() -> [NewEmployer; 2] {
    [
        NewEmployer {
            id: 2,
            credit_code: SHENZHEN_EMPLOYER_CODE.into(),
            name: "深圳鹏城电子有限公司".into(),
            region_code: "440300".into(),
            risk_class: 1,
        },
        NewEmployer {
            id: 3,
            credit_code: "91510100MA6CD000X4".into(),
            name: "成都蓉城商贸有限公司".into(),
            region_code: "510100".into(),
            risk_class: 2,
        },
    ]
}

/// Staff and employer accounts, each with its own hash.
pub async fn insert_staff(store: &Store, sealer: &SecretBox) -> Result<(), super::SeedError> {
    let employer_id = store
        .employer_id_by_credit_code(DEMO_EMPLOYER_CODE)
        .await?
        .unwrap_or(1);
    let beijing = store
        .office_for("110100", Agency::HumanResources)
        .await?
        .map(|o| o.id);
    let shenzhen = store
        .office_for("440300", Agency::HumanResources)
        .await?
        .map(|o| o.id);
    let beijing_medical = store
        .office_for("110100", Agency::Healthcare)
        .await?
        .map(|o| o.id);
    let shenzhen_medical = store
        .office_for("440300", Agency::Healthcare)
        .await?
        .map(|o| o.id);
    let chengdu = store
        .office_for("510100", Agency::HumanResources)
        .await?
        .map(|o| o.id);
    // (user name, display name, role, employer, office)
    type Staff<'a> = (&'a str, &'a str, Role, Option<i64>, Option<i64>);
    let staff: [Staff<'_>; 9] = [
        (
            "employer-demo",
            "北京金保示范科技 社保专员",
            Role::Employer,
            Some(employer_id),
            None,
        ),
        ("helpdesk-demo", "客服 周敏", Role::Helpdesk, None, None),
        (
            "reviewer-beijing",
            "北京人社审核 陈刚",
            Role::Reviewer,
            None,
            beijing,
        ),
        (
            "reviewer-shenzhen",
            "深圳人社审核 黄丽",
            Role::Reviewer,
            None,
            shenzhen,
        ),
        (
            "reviewer-chengdu",
            "成都人社审核 刘洋",
            Role::Reviewer,
            None,
            chengdu,
        ),
        (
            "reviewer-beijing-medical",
            "北京医保审核 王芳",
            Role::Reviewer,
            None,
            beijing_medical,
        ),
        (
            "reviewer-shenzhen-medical",
            "深圳医保审核 林强",
            Role::Reviewer,
            None,
            shenzhen_medical,
        ),
        (
            "supervisor-demo",
            "北京人社督办 赵敏",
            Role::Reviewer,
            None,
            beijing,
        ),
        ("admin-demo", "系统管理员", Role::Admin, None, None),
    ];
    for (username, name, role, employer_id, office_id) in staff {
        let hash = app::server::auth::password::hash_now(DEMO_PASSWORD)?;
        let grants = [RoleGrant {
            role,
            employer_id,
            office_id,
        }];
        let user_id = store
            .create_user(&NewUser {
                username: Some(username),
                person_id: None,
                display_name: name,
                password_hash: &hash,
                password_expired: false,
                grants: &grants,
            })
            .await?;
        if let Some((_, secret)) = DEMO_TOTP_SECRETS.iter().find(|(u, _)| *u == username) {
            store
                .set_totp_secret(user_id, &sealer.seal(user_id, secret))
                .await?;
        }
        if username == SUPERVISOR {
            store.set_supervisor(user_id, true).await?;
        }
    }
    Ok(())
}

/// The reviewer who also sees overdue steps across offices.
const SUPERVISOR: &str = "supervisor-demo";

/// The demo staff's two-factor secrets (base32), published in the README so a tester can add
/// them to an authenticator app. Demo data only: real staff enrol their own.
pub const DEMO_TOTP_SECRETS: [(&str, &str); 8] = [
    ("helpdesk-demo", "HELPDESKDEMOJINBAOHELPDESKDEMOAA"),
    ("reviewer-beijing", "REVIEWERBEIJINGJINBAOREVIEWERBJA"),
    ("reviewer-shenzhen", "REVIEWERSHENZHENJINBAOREVIEWERSZ"),
    ("reviewer-chengdu", "REVIEWERCHENGDUJINBAOREVIEWERCDA"),
    (
        "reviewer-beijing-medical",
        "REVIEWERBJMEDICALJINBAOREVIEWERM",
    ),
    (
        "reviewer-shenzhen-medical",
        "REVIEWERSZMEDICALJINBAOREVIEWERM",
    ),
    ("supervisor-demo", "SUPERVISORDEMOJINBAOSUPERVISORAA"),
    ("admin-demo", "ADMINDEMOJINBAOADMINDEMOJINBAOAA"),
];
