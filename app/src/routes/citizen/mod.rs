pub mod career;
pub mod estimate;
pub mod home;
pub mod record;
