pub mod access_log;
pub mod career;
pub mod estimate;
pub mod home;
pub mod notifications;
pub mod record;
