//! Types shared by the browser and the server: validated identifiers, the insurance vocabulary
//! and the DTOs each page receives.

pub mod admin;
pub mod assist;
pub mod auth;
pub mod benefits;
pub mod certificate;
pub mod code;
pub mod filing;
pub mod gaps;
pub mod home;
pub mod ids;
pub mod insurance;
pub mod medical_continuity;
pub mod paging;
pub mod pension;
pub mod qualification;
pub mod record;
pub mod relatives;
pub mod retirement;
pub mod staff;
pub mod time;
pub mod transfer;
