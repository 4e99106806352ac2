//! Roles and the signed-in user as the browser sees them. Authorization never trusts these
//! values from the client: the server re-reads the session on every call.

use super::code::coded;
use serde::{Deserialize, Serialize};

coded! {
    pub enum Role {
        Citizen = "citizen",
        Employer = "employer",
        Helpdesk = "helpdesk",
        Reviewer = "reviewer",
        Admin = "admin",
    }
}

impl Role {
    /// Each role lands on its own home page.
    pub fn home_path(self) -> &'static str {
        match self {
            Role::Citizen => "/me",
            Role::Employer => "/employer",
            Role::Helpdesk => "/helpdesk",
            Role::Reviewer => "/review",
            Role::Admin => "/admin",
        }
    }

    /// Helpdesk, reviewers and administrators must sign in with a second factor.
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Helpdesk | Role::Reviewer | Role::Admin)
    }

    /// When a user holds several roles, the session starts in the most specific staff role.
    pub fn login_priority(self) -> u8 {
        match self {
            Role::Admin => 0,
            Role::Reviewer => 1,
            Role::Helpdesk => 2,
            Role::Employer => 3,
            Role::Citizen => 4,
        }
    }
}

coded! {
    /// How far sign-in has got: a password alone opens a session at `Code` when the account has
    /// two-factor sign-in, or at `Enrol` for staff who must set it up; only `Full` reaches data.
    pub enum SessionStage {
        Full = "full",
        Code = "code",
        Enrol = "enrol",
    }
}

impl SessionStage {
    /// Where a session at this stage continues signing in.
    pub fn next_path(self) -> Option<&'static str> {
        match self {
            SessionStage::Full => None,
            SessionStage::Code => Some("/login/code"),
            SessionStage::Enrol => Some("/account/two-factor"),
        }
    }
}

/// What the header shows about the signed-in user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub display_name: String,
    pub role: Role,
    pub stage: SessionStage,
    /// Set while a helpdesk agent acts as this user: the banner on every page.
    pub assisted: Option<AssistBanner>,
    pub unread_notifications: i64,
    /// When the session would end, for the warning before it does; none in an assisted session
    /// (its banner counts down) or before sign-in is complete.
    pub session_clock: Option<SessionClock>,
    /// A relative's authorisation to help them is in force: the header links to it.
    pub helps_relatives: bool,
}

/// Seconds until a signed-in session ends, as of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionClock {
    /// Until the idle limit...
    pub idle_left: i64,
    /// ...which any request renews to this;
    pub idle_timeout: i64,
    /// until the login's absolute end, which nothing renews.
    pub hard_left: i64,
}

/// Who acts for whom, why, and until when (the assisted-session banner).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssistBanner {
    pub agent_name: String,
    pub subject_name: String,
    pub reason: AssistReason,
    pub ticket: String,
    pub write_mode: bool,
    /// When it ends unless something happens first (idle limit or hard limit), and the minutes left.
    pub ends_at: String,
    pub minutes_left: i64,
    /// A relative acting under the person's authorisation, not a helpdesk agent.
    pub relative: bool,
}

coded! {
    /// Why a helpdesk agent starts an assisted session (chosen from this list, plus free text).
    pub enum AssistReason {
        RecordEnquiry = "record_enquiry",
        HelpWithApplication = "help_with_application",
        AccountProblem = "account_problem",
        Complaint = "complaint",
        Other = "other",
        /// A relative the person authorised (亲情代办), never chosen by an agent.
        Relative = "relative",
    }
}

/// The two-factor page: whether it is on, whether the role requires it, and while setting it
/// up, the secret to scan or type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoFactorSetup {
    pub enabled: bool,
    pub required: bool,
    /// Base32 secret, grouped in fours for typing.
    pub secret: Option<String>,
    /// The `otpauth://` QR code as inline SVG.
    pub qr_svg: Option<String>,
}

/// The shortest password accepted when one is set or changed.
pub const MIN_PASSWORD_CHARS: usize = 10;
