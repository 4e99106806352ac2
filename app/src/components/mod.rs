//! Building blocks shared by pages.

pub mod assist_banner;
pub mod assisted_sessions;
pub mod chart;
pub mod error_view;
pub mod form_error;
pub mod layout;
pub mod loaded;
pub mod pager;
pub mod request_progress;
pub mod session_clock;
pub mod submit_guard;
