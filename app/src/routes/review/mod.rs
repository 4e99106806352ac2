pub mod home;
pub mod leg;
pub mod overdue;
pub mod qualifications;
