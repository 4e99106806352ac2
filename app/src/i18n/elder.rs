//! Texts of elder mode (长辈模式): the header switch, the home of a few large actions in plain
//! words, and the warning before a session ends (shown to everyone).

pub struct ElderTexts {
    /// The header switch, named for the mode it turns to.
    pub switch_to_elder: &'static str,
    pub switch_to_standard: &'static str,
    pub greeting: fn(&str) -> String,
    pub actions_label: &'static str,
    pub my_pension: &'static str,
    pub my_pension_paid: &'static str,
    pub my_pension_record: &'static str,
    pub my_medical: &'static str,
    pub my_medical_hint: &'static str,
    pub get_certificate: &'static str,
    pub get_certificate_hint: &'static str,
    pub file_out_of_area: &'static str,
    pub file_out_of_area_hint: &'static str,
    pub ask_relative: &'static str,
    pub ask_relative_hint: &'static str,
    pub all_services: &'static str,
    /// The rule said plainly, on every signed-in page in elder mode.
    pub idle_note: fn(i64) -> String,
    pub clock_warning: &'static str,
    /// Near the login's absolute end, which nothing renews.
    pub clock_final: &'static str,
    pub clock_continue: &'static str,
    pub clock_ended: &'static str,
    pub clock_sign_in: &'static str,
}
