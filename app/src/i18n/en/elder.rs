//! English texts of elder mode and the session warning.

use crate::i18n::elder::ElderTexts;

pub static EN: ElderTexts = ElderTexts {
    switch_to_elder: "Elder mode",
    switch_to_standard: "Standard mode",
    greeting: |name| format!("Hello, {name}"),
    actions_label: "Common services",
    my_pension: "My pension",
    my_pension_paid: "How much is paid each month, and when",
    my_pension_record: "How many years and how much you have paid",
    my_medical: "My medical insurance",
    my_medical_hint: "Medical contributions and your personal account",
    get_certificate: "Get a certificate",
    get_certificate_hint: "Proof of insurance or of your pension, to download and print",
    file_out_of_area: "Treatment in another city",
    file_out_of_area_hint: "Register here before a hospital stay or a long stay elsewhere",
    ask_relative: "Ask family to help",
    ask_relative_hint: "Let a son or daughter look things up and apply for you",
    all_services: "All services",
    idle_note: |minutes| {
        format!(
            "For your safety you are signed out after {minutes} minutes without using the site."
        )
    },
    clock_warning: "You have not used the site for a while. You will be signed out in 2 minutes. Do you want to continue?",
    clock_final: "This sign-in is nearly at its time limit: you will be signed out in 2 minutes. Save what you are typing first.",
    clock_continue: "Continue",
    clock_ended: "You have been signed out.",
    clock_sign_in: "Sign in again",
};
