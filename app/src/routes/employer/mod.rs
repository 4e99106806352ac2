pub mod home;
pub mod staff_list;
pub mod staff_member;
