//! Chinese-first, English-complete UI text. Every string a user reads lives here, in one struct
//! per language, so the compiler refuses an English table with a missing entry.
//! The language is a cookie (`lang`), read on the server for SSR and from `<html lang>` after
//! hydration so both render the same.

use crate::error::{AppError, FieldCode};
use crate::models::insurance::{Agency, EnrolmentStatus, Insurance, Scheme, StatusReason};
use leptos::prelude::*;

pub mod account;
pub mod admin;
pub mod certificate;
pub mod filing;
pub mod record;
pub mod staff;
pub mod transfer;

pub use crate::locale::Locale;

pub const LANG_COOKIE: &str = "lang";

/// The parts of a language that need the crate: its texts and where the request states it.
impl Locale {
    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::Zh => &ZH,
            Locale::En => &EN,
        }
    }

    /// The language of the current request (server) or page (browser).
    pub fn current() -> Self {
        #[cfg(feature = "ssr")]
        {
            use_context::<http::request::Parts>()
                .and_then(|parts| Self::from_cookie_header(&parts.headers))
                .unwrap_or_default()
        }
        #[cfg(not(feature = "ssr"))]
        {
            document()
                .document_element()
                .and_then(|e| e.get_attribute("lang"))
                .and_then(|l| Self::from_code(&l))
                .unwrap_or_default()
        }
    }

    #[cfg(feature = "ssr")]
    pub fn from_cookie_header(headers: &http::HeaderMap) -> Option<Self> {
        crate::server::cookies::cookie_value(headers, LANG_COOKIE).and_then(|v| Self::from_code(&v))
    }
}

/// Texts for the page being rendered.
pub fn tr() -> &'static Texts {
    use_context::<Locale>().unwrap_or_default().texts()
}

pub struct Texts {
    pub admin: &'static admin::AdminTexts,
    pub certificate: &'static certificate::CertificateTexts,
    pub filing: &'static filing::FilingTexts,
    pub account: &'static account::AccountTexts,
    pub record: &'static record::RecordTexts,
    pub staff: &'static staff::StaffTexts,
    pub transfer: &'static transfer::TransferTexts,
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub skip_to_content: &'static str,
    pub switch_language: &'static str,
    pub other_language_name: &'static str,
    pub main_nav: &'static str,
    pub nav_home: &'static str,
    pub signed_in_as: &'static str,
    pub logout: &'static str,
    pub login: &'static str,
    pub login_title: &'static str,
    pub login_intro: &'static str,
    pub account_label: &'static str,
    pub account_hint: &'static str,
    pub password_label: &'static str,
    pub submit_login: &'static str,
    pub signing_in: &'static str,
    pub welcome_title: &'static str,
    pub welcome_body: &'static str,
    pub welcome_points: [&'static str; 3],
    pub go_to_home: &'static str,
    pub loading: &'static str,
    pub not_found_title: &'static str,
    pub back_home: &'static str,
    // Errors
    pub err_unauthenticated: &'static str,
    pub err_forbidden: &'static str,
    pub err_not_found: &'static str,
    pub err_bad_credentials: &'static str,
    pub err_throttled: fn(i64) -> String,
    pub err_conflict: &'static str,
    pub err_unavailable: &'static str,
    pub err_internal: fn(&str) -> String,
    pub err_request: &'static str,
    pub err_validation: &'static str,
    pub field_required: &'static str,
    pub field_too_long: &'static str,
    pub field_invalid: &'static str,
    // Roles
    pub role_citizen: &'static str,
    pub role_employer: &'static str,
    pub role_helpdesk: &'static str,
    pub role_reviewer: &'static str,
    pub role_admin: &'static str,
    // Citizen home
    pub my_insurances: &'static str,
    pub my_insurances_intro: &'static str,
    pub masked_id: &'static str,
    pub status: &'static str,
    pub scheme: &'static str,
    pub insured_region: &'static str,
    pub employer: &'static str,
    pub enrolled_since: &'static str,
    pub months_contributed: &'static str,
    pub months_unit: fn(i64) -> String,
    pub latest_base: &'static str,
    /// The disclosure holding an insurance card's other facts.
    pub more_facts: &'static str,
    pub last_paid_month: &'static str,
    pub account_balance: &'static str,
    pub owning_agency: &'static str,
    pub data_as_of: &'static str,
    pub none: &'static str,
    pub yuan_unit: &'static str,
    pub status_since: fn(&str) -> String,
    pub not_enrolled: &'static str,
    pub not_enrolled_resident: &'static str,
    pub not_enrolled_other: &'static str,
    pub arrears_months: fn(i64) -> String,
    // Staff homes
    pub employer_home_title: &'static str,
    pub credit_code: &'static str,
    pub staff_enrolled: &'static str,
    pub staff_in_arrears: &'static str,
    pub helpdesk_home_title: &'static str,
    pub helpdesk_home_body: &'static str,
    pub reviewer_home_title: &'static str,
    pub office: &'static str,
    pub region: &'static str,
    pub reviewer_home_body: &'static str,
    pub admin_home_title: &'static str,
    pub users_by_role: &'static str,
    pub count: &'static str,
    pub role: &'static str,
    pub persons_total: &'static str,
}

impl Texts {
    pub fn insurance(&self, i: Insurance) -> &'static str {
        let zh = std::ptr::eq(self, &ZH);
        match (i, zh) {
            (Insurance::Pension, true) => "养老保险",
            (Insurance::Medical, true) => "医疗保险",
            (Insurance::WorkInjury, true) => "工伤保险",
            (Insurance::Unemployment, true) => "失业保险",
            (Insurance::Maternity, true) => "生育保险",
            (Insurance::Pension, false) => "Pension insurance",
            (Insurance::Medical, false) => "Medical insurance",
            (Insurance::WorkInjury, false) => "Work injury insurance",
            (Insurance::Unemployment, false) => "Unemployment insurance",
            (Insurance::Maternity, false) => "Maternity insurance",
        }
    }

    pub fn status(&self, s: EnrolmentStatus) -> &'static str {
        let zh = std::ptr::eq(self, &ZH);
        match (s, zh) {
            (EnrolmentStatus::Active, true) => "参保缴费",
            (EnrolmentStatus::Suspended, true) => "暂停缴费",
            (EnrolmentStatus::Terminated, true) => "终止参保",
            (EnrolmentStatus::ReceivingBenefits, true) => "待遇享受",
            (EnrolmentStatus::TransferringOut, true) => "转出中",
            (EnrolmentStatus::Active, false) => "Active, contributing",
            (EnrolmentStatus::Suspended, false) => "Suspended",
            (EnrolmentStatus::Terminated, false) => "Terminated",
            (EnrolmentStatus::ReceivingBenefits, false) => "Receiving benefits",
            (EnrolmentStatus::TransferringOut, false) => "Transfer in progress",
        }
    }

    pub fn reason(&self, r: StatusReason) -> &'static str {
        let zh = std::ptr::eq(self, &ZH);
        match (r, zh) {
            (StatusReason::NewEmployment, true) => "新参保（入职）",
            (StatusReason::ResidentEnrolment, true) => "城乡居民参保",
            (StatusReason::LeftEmployer, true) => "离职停保",
            (StatusReason::Retired, true) => "退休",
            (StatusReason::TransferredOut, true) => "关系转出",
            (StatusReason::Deceased, true) => "死亡",
            (StatusReason::NewEmployment, false) => "Enrolled by a new employer",
            (StatusReason::ResidentEnrolment, false) => "Enrolled as a resident",
            (StatusReason::LeftEmployer, false) => "Left the employer",
            (StatusReason::Retired, false) => "Retired",
            (StatusReason::TransferredOut, false) => "Transferred out",
            (StatusReason::Deceased, false) => "Deceased",
        }
    }

    pub fn scheme(&self, s: Scheme) -> &'static str {
        let zh = std::ptr::eq(self, &ZH);
        match (s, zh) {
            (Scheme::Employee, true) => "城镇职工",
            (Scheme::Resident, true) => "城乡居民",
            (Scheme::Employee, false) => "Urban employee",
            (Scheme::Resident, false) => "Urban and rural resident",
        }
    }

    pub fn agency(&self, a: Agency) -> &'static str {
        let zh = std::ptr::eq(self, &ZH);
        match (a, zh) {
            (Agency::HumanResources, true) => "人力资源和社会保障局",
            (Agency::Healthcare, true) => "医疗保障局",
            (Agency::HumanResources, false) => "Human Resources and Social Security Bureau",
            (Agency::Healthcare, false) => "Healthcare Security Administration",
        }
    }

    pub fn role(&self, role: crate::models::auth::Role) -> &'static str {
        use crate::models::auth::Role;
        match role {
            Role::Citizen => self.role_citizen,
            Role::Employer => self.role_employer,
            Role::Helpdesk => self.role_helpdesk,
            Role::Reviewer => self.role_reviewer,
            Role::Admin => self.role_admin,
        }
    }

    pub fn error(&self, e: &AppError) -> String {
        match e {
            AppError::Unauthenticated => self.err_unauthenticated.into(),
            AppError::Forbidden => self.err_forbidden.into(),
            AppError::NotFound => self.err_not_found.into(),
            AppError::BadCredentials => self.err_bad_credentials.into(),
            AppError::Throttled { retry_after_secs } => {
                (self.err_throttled)((retry_after_secs + 59) / 60)
            }
            AppError::Conflict => self.err_conflict.into(),
            AppError::AssistDenied { read_only: true } => self.account.err_assist_read_only.into(),
            AppError::AssistDenied { read_only: false } => self.account.err_assist_never.into(),
            AppError::Unavailable => self.err_unavailable.into(),
            AppError::Internal { incident } => (self.err_internal)(incident),
            AppError::Request(_) => self.err_request.into(),
            AppError::Validation(_) => self.err_validation.into(),
        }
    }

    pub fn field_error(&self, code: FieldCode) -> &'static str {
        match code {
            FieldCode::Required => self.field_required,
            FieldCode::TooLong => self.field_too_long,
            FieldCode::Invalid => self.field_invalid,
            FieldCode::TooShort => self.account.field_too_short,
            FieldCode::TicketFormat => self.account.field_ticket_format,
            FieldCode::WrongCode => self.account.field_wrong_code,
            FieldCode::PasswordTooShort => self.account.field_password_too_short,
            FieldCode::SameAsCurrent => self.account.field_same_as_current,
            FieldCode::Mismatch => self.account.field_mismatch,
            FieldCode::WrongPassword => self.account.field_wrong_password,
            FieldCode::ResidentIdInvalid => self.account.field_resident_id_invalid,
            FieldCode::PhoneInvalid => self.account.field_phone_invalid,
            FieldCode::CreditCodeInvalid => self.account.field_credit_code_invalid,
            FieldCode::DateInvalid => self.account.field_date_invalid,
            FieldCode::BeforeFrom => self.account.field_before_from,
            FieldCode::UsernameFormat => self.admin.field_username_format,
            FieldCode::UsernameTaken => self.admin.field_username_taken,
            FieldCode::RoleRequired => self.admin.field_role_required,
            FieldCode::OfficeRequired => self.admin.field_office_required,
            FieldCode::OfficeUnknown => self.admin.field_office_unknown,
            FieldCode::OwnAccount => self.admin.field_own_account,
            FieldCode::OwnAdminRole => self.admin.field_own_admin_role,
            FieldCode::IdSearch => self.staff.id_search,
            FieldCode::ChooseInsurance => self.certificate.field_choose_insurance,
            FieldCode::MonthInvalid => self.certificate.field_month_invalid,
            FieldCode::RangeReversed => self.certificate.field_range_reversed,
            FieldCode::RangeTooLong => self.certificate.field_range_too_long,
            FieldCode::NoContributions => self.certificate.field_no_contributions,
            FieldCode::NoData => self.certificate.field_no_data,
            FieldCode::ReceivingBenefits => self.certificate.field_receiving_benefits,
            FieldCode::Enrolled => self.certificate.field_enrolled,
            FieldCode::Confirm => self.certificate.field_confirm,
            FieldCode::PlaceUnknown => self.transfer.field_place_unknown,
            FieldCode::TransferNotReady => self.transfer.field_not_ready,
            FieldCode::ReasonUnknown => self.transfer.field_reason_unknown,
            FieldCode::MaterialNoteRequired => self.transfer.field_material_note,
            FieldCode::DecisionUnknown => self.transfer.field_decision_unknown,
            FieldCode::ExceptionNotAsked => self.transfer.field_exception_not_asked,
            FieldCode::ExceptionUnknown => self.transfer.field_exception_unknown,
            FieldCode::InsuredUnknown => self.filing.field_insured_unknown,
            FieldCode::SamePlace => self.filing.field_same_place,
            FieldCode::CategoryUnknown => self.filing.field_category_unknown,
            FieldCode::LongTermExists => self.filing.field_long_term_exists,
            FieldCode::MonthsInvalid => self.filing.field_months_invalid,
            FieldCode::StayUnknown => self.filing.field_stay_unknown,
            FieldCode::DateFuture => self.filing.field_date_future,
            FieldCode::DateTooOld => self.filing.field_date_too_old,
            FieldCode::EvidenceUnknown => self.filing.field_evidence_unknown,
            FieldCode::UndertakingRequired => self.filing.field_undertaking_required,
            FieldCode::UndertakingNotAccepted => self.filing.field_undertaking_not_accepted,
            FieldCode::DocumentsMissing => self.filing.field_documents_missing,
            FieldCode::FileEmpty => self.filing.field_file_empty,
            FieldCode::FileTooLarge => self.filing.field_file_too_large,
            FieldCode::FileType => self.filing.field_file_type,
            FieldCode::TooManyFiles => self.filing.field_too_many_files,
            FieldCode::FilingNotReady => self.filing.field_not_ready,
            FieldCode::RetiredOnly => self.filing.field_retired_only,
            FieldCode::HukouNotThere => self.filing.field_hukou_not_there,
            FieldCode::EmployeesOnly => self.filing.field_employees_only,
            FieldCode::EmergencyNoFiling => self.filing.field_emergency_no_filing,
        }
    }
}

pub static ZH: Texts = Texts {
    admin: &admin::ZH,
    certificate: &certificate::ZH,
    filing: &filing::ZH,
    account: &account::ZH,
    record: &record::ZH,
    staff: &staff::ZH,
    transfer: &transfer::ZH,
    app_name: "金保 · 社会保险服务",
    tagline: "五险一站查，一个账号，一份记录",
    skip_to_content: "跳到主要内容",
    switch_language: "切换语言",
    other_language_name: "English",
    main_nav: "主导航",
    nav_home: "我的首页",
    signed_in_as: "当前用户",
    logout: "退出登录",
    login: "登录",
    login_title: "登录金保",
    login_intro: "市民请用身份证号或手机号登录；单位和工作人员请用账号登录。",
    account_label: "身份证号、手机号或账号",
    account_hint: "例如 110101199003074514",
    password_label: "密码",
    submit_login: "登录",
    signing_in: "正在登录…",
    welcome_title: "五项社会保险，一处查看",
    welcome_body: "养老、医疗、工伤、失业、生育保险的参保状态、缴费记录和个人账户，在金保一站查询。",
    welcome_points: [
        "一次登录，查看全部五项保险",
        "每一次他人查看您的信息都有记录",
        "手机和电脑都能用，不开 JavaScript 也能用",
    ],
    go_to_home: "进入我的首页",
    loading: "加载中…",
    not_found_title: "页面不存在",
    back_home: "返回首页",
    err_unauthenticated: "请先登录。",
    err_forbidden: "您的身份无权查看此页面。",
    err_not_found: "没有找到相关记录。",
    err_bad_credentials: "账号或密码不正确。",
    err_throttled: |m| format!("登录失败次数过多，请 {m} 分钟后再试。"),
    err_conflict: "数据已被他人修改，请刷新后重试。",
    err_unavailable: "服务暂时不可用，请稍后再试。",
    err_internal: |id| format!("系统出错了，请稍后再试。如需帮助，请向客服提供事件编号 {id}。"),
    err_request: "请求未能完成，请检查网络后重试。",
    err_validation: "请检查填写的内容。",
    field_required: "此项为必填项。",
    field_too_long: "内容过长。",
    field_invalid: "格式不正确。",
    role_citizen: "参保人",
    role_employer: "单位经办",
    role_helpdesk: "客服",
    role_reviewer: "经办机构审核",
    role_admin: "系统管理员",
    my_insurances: "我的五项保险",
    my_insurances_intro: "以下是您在各地、各单位的参保情况汇总。",
    masked_id: "身份证号",
    status: "参保状态",
    scheme: "参保类别",
    insured_region: "参保地",
    employer: "参保单位",
    enrolled_since: "参保起始",
    months_contributed: "累计缴费",
    months_unit: |n| format!("{n} 个月"),
    latest_base: "最近缴费基数",
    more_facts: "参保地、单位和经办机构",
    last_paid_month: "最近缴费月份",
    account_balance: "个人账户余额",
    owning_agency: "经办机构",
    data_as_of: "数据截至",
    none: "无",
    yuan_unit: "元",
    status_since: |d| format!("自 {d}"),
    not_enrolled: "未参保",
    not_enrolled_resident: "城乡居民不参加此项保险，只有城镇职工（由单位缴纳）才参加。",
    not_enrolled_other: "没有此项保险的参保记录。",
    arrears_months: |n| format!("欠缴 {n} 个月"),
    employer_home_title: "单位参保概况",
    credit_code: "统一社会信用代码",
    staff_enrolled: "在职参保人数",
    staff_in_arrears: "有欠缴记录的人数",
    helpdesk_home_title: "客服工作台",
    helpdesk_home_body: "在这里查找参保人并在其同意下协助办理。",
    reviewer_home_title: "经办审核工作台",
    office: "经办机构",
    region: "地区",
    reviewer_home_body: "本机构经办的转移接续环节在下方待办业务中，按到期日排列。",
    admin_home_title: "系统管理",
    users_by_role: "各角色账号数",
    count: "数量",
    role: "角色",
    persons_total: "参保人总数",
};

pub static EN: Texts = Texts {
    admin: &admin::EN,
    certificate: &certificate::EN,
    filing: &filing::EN,
    account: &account::EN,
    record: &record::EN,
    staff: &staff::EN,
    transfer: &transfer::EN,
    app_name: "Jinbao · Social Insurance",
    tagline: "All five insurances, one login, one record",
    skip_to_content: "Skip to main content",
    switch_language: "Change language",
    other_language_name: "中文",
    main_nav: "Main navigation",
    nav_home: "My home",
    signed_in_as: "Signed in as",
    logout: "Sign out",
    login: "Sign in",
    login_title: "Sign in to Jinbao",
    login_intro: "Citizens sign in with their resident ID number or phone; employers and staff with their user name.",
    account_label: "Resident ID, phone or user name",
    account_hint: "For example 110101199003074514",
    password_label: "Password",
    submit_login: "Sign in",
    signing_in: "Signing in…",
    welcome_title: "Your five social insurances in one place",
    welcome_body: "Pension, medical, work injury, unemployment and maternity insurance: status, contributions and personal accounts, all in Jinbao.",
    welcome_points: [
        "One sign-in shows all five insurances",
        "Every time someone else looks at your record, it is logged",
        "Works on phones and computers, even without JavaScript",
    ],
    go_to_home: "Go to my home page",
    loading: "Loading…",
    not_found_title: "Page not found",
    back_home: "Back to the home page",
    err_unauthenticated: "Please sign in first.",
    err_forbidden: "Your role may not open this page.",
    err_not_found: "No such record was found.",
    err_bad_credentials: "The account or password is not correct.",
    err_throttled: |m| format!("Too many failed sign-ins. Please try again in {m} minute(s)."),
    err_conflict: "Someone else changed this data. Please reload and try again.",
    err_unavailable: "The service is temporarily unavailable. Please try again later.",
    err_internal: |id| {
        format!("Something went wrong. If you need help, give the helpdesk incident number {id}.")
    },
    err_request: "The request did not complete. Please check your connection and try again.",
    err_validation: "Please check what you entered.",
    field_required: "This field is required.",
    field_too_long: "This is too long.",
    field_invalid: "This is not in the right format.",
    role_citizen: "Insured person",
    role_employer: "Employer",
    role_helpdesk: "Helpdesk",
    role_reviewer: "Reviewer",
    role_admin: "Administrator",
    my_insurances: "My five insurances",
    my_insurances_intro: "A summary of your enrolment across places and employers.",
    masked_id: "Resident ID",
    status: "Status",
    scheme: "Scheme",
    insured_region: "Insured in",
    employer: "Employer",
    enrolled_since: "Enrolled since",
    months_contributed: "Months contributed",
    months_unit: |n| format!("{n} months"),
    latest_base: "Latest contribution base",
    more_facts: "Place, employer and agency",
    last_paid_month: "Last paid month",
    account_balance: "Personal account balance",
    owning_agency: "Run by",
    data_as_of: "Data as of",
    none: "None",
    yuan_unit: "yuan",
    status_since: |d| format!("since {d}"),
    not_enrolled: "Not enrolled",
    not_enrolled_resident: "Residents are not covered by this insurance; only employees, through their employer, are.",
    not_enrolled_other: "There is no enrolment in this insurance on record.",
    arrears_months: |n| format!("{n} month(s) in arrears"),
    employer_home_title: "Employer overview",
    credit_code: "Unified social credit code",
    staff_enrolled: "Staff enrolled now",
    staff_in_arrears: "Staff with arrears",
    helpdesk_home_title: "Helpdesk console",
    helpdesk_home_body: "Find an insured person here and, with their consent, help them.",
    reviewer_home_title: "Reviewer workspace",
    office: "Office",
    region: "Region",
    reviewer_home_body: "Transfer steps your office handles are in the work queue below, by due date.",
    admin_home_title: "Administration",
    users_by_role: "Accounts by role",
    count: "Count",
    role: "Role",
    persons_total: "Insured persons",
};
