//! English texts of the user's own account (sign-in code, two-factor sign-in, password, inbox), the
//! assisted-session banner, the helpdesk console and the access log.

use crate::i18n::account::{AccountTexts, page_of};
use crate::models::assist::{AccessKind, NotificationKind};
use crate::models::auth::AssistReason;

fn en_page(path: &str) -> String {
    match page_of(path) {
        "/me" => "Home (five insurances)".into(),
        "/me/records" => "Contribution record".into(),
        "/me/pension-estimate" => "Pension estimate".into(),
        "/me/access-log" => "Who looked at my record".into(),
        "/me/notifications" => "Messages".into(),
        "/me/pension" => "My pension".into(),
        "/me/pension/qualification" => "Pension qualification check".into(),
        "/me/certificates" => "My certificates".into(),
        "/me/certificates/new" => "Get a certificate".into(),
        "/me/filings" => "Out-of-area treatment".into(),
        "/me/requests" => "Transfer requests".into(),
        "/api/citizen/issue_certificate" => "Issued a certificate".into(),
        "/employer" => "Employer home".into(),
        "/employer/staff" => "Staff list".into(),
        p if p.starts_with("/me/records/") => "One insurance's contributions".into(),
        p if p.starts_with("/employer/staff/") => "One staff member's enrolment".into(),
        p if p.starts_with("/api/") => format!("Data request {p}"),
        p => p.to_string(),
    }
}

pub static EN: AccountTexts = AccountTexts {
    code_title: "Enter your sign-in code",
    code_intro: "Your account uses two-factor sign-in. Open your authenticator app and enter the 6-digit code it shows for Jinbao.",
    code_label: "6-digit code",
    code_hint: "The code changes every 30 seconds.",
    code_submit: "Verify and sign in",
    restart_sign_in: "Sign in again",
    account_title: "Account and security",
    nav_account: "Account",
    two_factor_title: "Two-factor sign-in",
    two_factor_on: "On: signing in needs a code from your authenticator app as well as your password.",
    two_factor_off: "Off. Turn it on so that nobody can sign in as you even if they learn your password.",
    two_factor_required: "Staff accounts must use two-factor sign-in.",
    two_factor_set_up: "Turn on two-factor sign-in",
    two_factor_turn_off: "Turn off two-factor sign-in",
    two_factor_turn_off_hint: "Enter a current code to confirm.",
    setup_title: "Set up two-factor sign-in",
    setup_required_intro: "Staff accounts must set up two-factor sign-in before they can be used.",
    setup_steps: [
        "Install an authenticator app on your phone (for example Microsoft Authenticator, Google Authenticator or FreeOTP).",
        "Scan the QR code below with the app, or type the key.",
        "Enter the 6-digit code the app shows to finish.",
    ],
    setup_secret_label: "Key (to type it instead)",
    setup_qr_label: "Two-factor QR code: scan it with your authenticator app",
    setup_confirm: "Finish set-up",
    done_two_factor_on: "Two-factor sign-in is on.",
    done_two_factor_off: "Two-factor sign-in is off.",
    done_password: "Your password has been changed and your other sign-ins have been ended.",
    password_title: "Change password",
    current_password: "Current password",
    new_password: "New password",
    new_password_hint: "At least 10 characters.",
    confirm_password: "New password again",
    password_submit: "Change password",
    password_signs_out_others: "Your sign-ins on other devices will end.",
    err_assist_read_only: "This assisted session is read-only. If the caller asked you to do this for them, switch to write mode first.",
    err_assist_never: "Not possible in an assisted session: passwords, contact details, two-factor sign-in and undertakings are for the person alone.",
    err_unwatermarkable: "This file is encrypted or damaged, so it cannot carry the assisted-session watermark and cannot be downloaded in this session. The person can open it after signing in themselves, or upload an unencrypted copy.",
    err_password_expired: "You signed in with a one-time password. Choose your own password first, under Account and security.",
    renew_password: "You signed in with the one-time password you were given. Choose your own password below to continue; the one-time password then stops working.",
    field_too_short: "This is too short; please say a little more.",
    field_ticket_format: "A ticket number is 4 to 32 letters, digits or hyphens.",
    field_wrong_code: "That code is wrong or already used. Enter the latest 6 digits from the app.",
    field_password_too_short: "The new password needs at least 10 characters.",
    field_same_as_current: "The new password must differ from the current one.",
    field_mismatch: "The two new passwords do not match.",
    field_wrong_password: "The current password is not correct.",
    field_resident_id_invalid: "Enter the whole 18-character resident ID number, correctly.",
    field_phone_invalid: "Enter an 11-digit mobile number.",
    field_credit_code_invalid: "Enter the 18-character unified social credit code.",
    field_date_invalid: "Enter the date as year-month-day, for example 1990-03-07.",
    field_before_from: "The end date cannot be before the start date.",
    inbox_title: "Messages",
    inbox_link: |n| {
        if n > 0 {
            format!("Messages ({n} unread)")
        } else {
            "Messages".into()
        }
    },
    inbox_empty: "No messages.",
    mark_all_read: "Mark all as read",
    unread: "Unread",
    notification: |kind, p| match kind {
        NotificationKind::AssistedSessionStarted => format!(
            "Helpdesk agent {} started helping you at {} (reason: {}, ticket {}). If you did not ask for this, end it now under \"Who looked at my record\".",
            p("agent"),
            p("at"),
            p("reason"),
            p("ticket")
        ),
        NotificationKind::RequestSubmitted => {
            format!("Your transfer request {} was submitted.", p("reference"))
        }
        NotificationKind::FilingMade => format!(
            "Your out-of-area medical filing {} is in effect.",
            p("reference")
        ),
        NotificationKind::RelativeInvited => format!(
            "{} has authorised you to {} (family help). Accept or decline under Family help.",
            p("name"),
            if p("may_act") == "true" {
                "see their social insurance and act for them"
            } else {
                "see their social insurance"
            }
        ),
        NotificationKind::RelativeAnswered => match p("accepted").as_str() {
            "true" => format!("{} accepted your family-help authorisation.", p("name")),
            _ => format!("{} declined your family-help authorisation.", p("name")),
        },
        NotificationKind::RelativeEnded => {
            format!("{} ended a family-help authorisation.", p("name"))
        }
        NotificationKind::QualificationDecided => match p("status").as_str() {
            "confirmed" => "Your pension qualification check has been confirmed.".into(),
            _ => "Your pension qualification check was not confirmed: see why.".into(),
        },
        NotificationKind::RequestUpdate => format!(
            "Your request {}: {} ({}).",
            p("reference"),
            (super::transfer::EN.event)(&p("event")),
            crate::models::transfer::Step::from_code(&p("step"))
                .map_or("", super::transfer::EN.step_name)
        ),
    },
    banner_label: "Assisted session",
    banner_who: |agent, subject| format!("{agent} is acting for {subject}"),
    banner_reason: |reason, ticket| format!("Reason: {reason} · ticket {ticket}"),
    banner_time: |at, m| format!("Ends at {at} ({m} min left)"),
    banner_mode_read: "Read-only",
    banner_mode_write: "Write mode: actions are recorded as done on the person's behalf",
    banner_end: "End session",
    banner_to_write: "Switch to write mode",
    banner_to_read: "Back to read-only",
    banner_confirm_write: "The caller asked me on the phone to do this for them",
    watermark: "Helpdesk assisted session",
    csv_watermark: |agent, ticket| {
        format!(
            "Helpdesk assisted session: exported by {agent} on the employer's behalf (ticket {ticket})"
        )
    },
    console_intro: "Find a caller by exact resident ID, phone, or name plus birth date. Each lookup appears in that person's \"Who looked at my record\".",
    search_title: "Find a caller",
    search_by: "Find by",
    by_id: "Resident ID",
    by_phone: "Phone",
    by_name: "Name and birth date",
    by_employer: "Employer (credit code)",
    search_value: "Resident ID, phone, name or credit code",
    search_value_hint: "Exact values only; there is no partial search.",
    birth_label: "Birth date (needed with a name)",
    birth_hint: "For example 1990-03-07",
    search_submit: "Find",
    no_match: "Nothing matches.",
    matches: |n| format!("{n} match(es)"),
    lookup_logged: "This lookup has been logged for the person found.",
    sex_male: "Male",
    sex_female: "Female",
    birth_date: "Birth date",
    hukou: "Hukou",
    phone: "Phone",
    no_account: "This person has no Jinbao account yet, so there is nothing to act as.",
    employer_users: "Employer user accounts",
    no_employer_users: "This employer has no active user account.",
    start_title: |who| format!("Start an assisted session as {who}"),
    reason_label: "Reason",
    reason: |r| match r {
        AssistReason::RecordEnquiry => "Question about the contribution record",
        AssistReason::HelpWithApplication => "Help with an application",
        AssistReason::AccountProblem => "Account problem",
        AssistReason::Complaint => "Complaint",
        AssistReason::Other => "Other",
        AssistReason::Relative => "Family help",
    },
    reason_text_label: "Details",
    reason_text_hint: "5 to 200 characters: what the caller needs.",
    ticket_label: "Ticket number",
    ticket_hint: "For example T-20261127-001",
    start_submit: "Start assisted session",
    start_note: |idle, max| {
        format!(
            "Sessions start read-only and end after {idle} idle minutes or {max} minutes in all. The person is notified and can end it at any time."
        )
    },
    choose: "Choose",
    access_title: "Who looked at my record",
    access_intro: "Every look at or action on your record by anyone but you: helpdesk, relatives you authorised, employers, benefit offices and certificate checks.",
    nav_access_log: "Who looked at my record",
    kind_label: "Who",
    kind_any: "Everyone",
    kind: |k| match k {
        AccessKind::Helpdesk => "Helpdesk",
        AccessKind::Employer => "Employers",
        AccessKind::Reviewer => "Benefit offices",
        AccessKind::Verification => "Certificate checks",
        AccessKind::Relative => "Family",
    },
    from_label: "From",
    to_label: "To",
    filter_submit: "Filter",
    access_total: |n| format!("{n} entries"),
    access_empty: "No entries match.",
    access_line: |actor, action, purpose| format!("{actor} {action} (purpose: {purpose})"),
    action: |a| match a {
        "assisted_session" => "entered your account in an assisted session".into(),
        "helpdesk_lookup" => "found you in the helpdesk console".into(),
        "staff_list" => "saw your enrolment in their staff list".into(),
        "staff_detail" => "opened your enrolment with them".into(),
        "staff_export" => "exported a staff list that includes you".into(),
        "assist_start" => "started the assisted session".into(),
        "assist_end" => "ended the assisted session".into(),
        "assist_write_mode" => "switched to write mode".into(),
        "assist_read_mode" => "switched back to read-only".into(),
        "transfer_review" => "looked at your record to process your transfer request".into(),
        "qualification_review" => "reviewed your pension qualification check".into(),
        "relative_start" => "started helping".into(),
        other => format!("did {other}"),
    },
    verification_line: |no, purpose| {
        format!(
            "Someone verified your certificate {no} on the public verification page (issued for: {purpose})"
        )
    },
    purpose: |p| match p {
        "loan" => "loan".into(),
        "school" => "school enrolment".into(),
        "hukou" => "household registration".into(),
        "visa" => "visa".into(),
        "enrolment_check" => "checking enrolment".into(),
        "caller_check" => "confirming who was calling".into(),
        "record_enquiry" => "question about the contribution record".into(),
        "help_with_application" => "help with an application".into(),
        "account_problem" => "account problem".into(),
        "complaint" => "complaint".into(),
        "other" => "other".into(),
        "process_request" => "processing a request you submitted".into(),
        "relative" => "family help".into(),
        other => other.into(),
    },
    assisted_on_behalf: "done by a helpdesk agent in an assisted session",
    session_ticket: |t| format!("Ticket {t}"),
    session_times: |start, end| match end {
        Some(end) => format!("from {start} to {end}"),
        None => format!("from {start}, still running"),
    },
    end_reason: |r| match r {
        "agent" => "ended by the agent",
        "subject" => "ended by you",
        "idle" => "ended automatically after inactivity",
        "time_limit" => "ended automatically at the time limit",
        "sign_out" => "ended when the agent signed out",
        _ => "ended",
    },
    actions_title: |n| format!("What was done ({n})"),
    page_label: en_page,
    outcome_refused: " (refused)",
    outcome_pending: " (not finished)",
    open_title: "Someone is acting for you now",
    open_intro: "A helpdesk agent (assisted session) or a relative you authorised (family help) is using your account. If you did not ask for this, end it now and call 12333.",
    end_now: "End it now",
    ended_notice: "The assisted session has ended.",
};
