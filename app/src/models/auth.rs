//! Roles and the signed-in user as the browser sees them. Authorization never trusts these
//! values from the client: the server re-reads the session on every call.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    Citizen,
    Employer,
    Helpdesk,
    Reviewer,
    Admin,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Citizen,
        Role::Employer,
        Role::Helpdesk,
        Role::Reviewer,
        Role::Admin,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Citizen => "citizen",
            Role::Employer => "employer",
            Role::Helpdesk => "helpdesk",
            Role::Reviewer => "reviewer",
            Role::Admin => "admin",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

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

/// What the header shows about the signed-in user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub display_name: String,
    pub role: Role,
}
