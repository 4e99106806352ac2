pub mod home;
pub mod two_factor;
