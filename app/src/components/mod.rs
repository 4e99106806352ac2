//! Building blocks shared by pages.

pub mod chart;
pub mod error_view;
pub mod layout;
pub mod loaded;
pub mod pager;
