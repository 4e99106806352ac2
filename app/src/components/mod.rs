//! Building blocks shared by pages.

pub mod error_view;
pub mod layout;
