pub mod audit;
pub mod home;
pub mod staff;
