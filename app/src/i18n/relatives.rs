//! Texts of relatives who help (亲情代办): the page, the banner while a relative acts, and the
//! refusals.

use crate::models::relatives::GrantState;

pub struct RelativesTexts {
    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub given_title: &'static str,
    pub given_empty: &'static str,
    pub received_title: &'static str,
    pub received_empty: &'static str,
    pub form_title: &'static str,
    pub resident_id_label: &'static str,
    pub resident_id_hint: &'static str,
    pub phone_label: &'static str,
    pub phone_hint: &'static str,
    pub may_act_label: &'static str,
    pub may_act_hint: &'static str,
    pub months_label: &'static str,
    pub months_option: fn(u32) -> String,
    pub submit: &'static str,
    pub offered_notice: &'static str,
    pub ended_notice: &'static str,
    pub state: fn(GrantState) -> &'static str,
    pub may_act_yes: &'static str,
    pub may_act_no: &'static str,
    pub dates: fn(&str, &str) -> String,
    pub end: &'static str,
    pub accept: &'static str,
    pub decline: &'static str,
    pub act_for: fn(&str) -> String,
    pub read_only_note: &'static str,
    pub banner_who: fn(&str, &str) -> String,
    pub banner_may_act: &'static str,
    pub banner_view_only: &'static str,
    pub banner_logged: &'static str,
    pub banner_end: &'static str,
    /// Under an entry done while a relative acted.
    pub on_behalf: fn(&str) -> String,
    /// On a file taken out while a relative acts.
    pub watermark: fn(&str) -> String,
    pub err_view_only: &'static str,
    pub err_never: &'static str,
    pub field_no_such_relative: &'static str,
    pub field_already_authorised: &'static str,
    pub field_self: &'static str,
}
