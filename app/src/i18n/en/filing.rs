//! English texts of out-of-area medical filings (异地就医备案).

use crate::i18n::filing::FilingTexts;
use crate::models::filing::{Category, Evidence, FilingStep, Stay, Term};

pub static EN: FilingTexts = FilingTexts {
    nav: "Out-of-area treatment",
    list_title: "Out-of-area medical filings",
    list_intro: "File before you are treated in a city other than where you are insured, and designated hospitals there settle your bills directly. A filing takes effect as soon as it is made.",
    new_link: "New filing",
    list_empty: "You have no out-of-area filing.",
    category: |c| match c {
        Category::RetireeResettled => "Retiree resettled elsewhere",
        Category::LongTermResidence => "Living elsewhere long-term",
        Category::ResidentWork => "Working elsewhere long-term",
        Category::Referral => "Referred to a hospital elsewhere",
        Category::Emergency => "Emergency treatment elsewhere",
        Category::OtherTemporary => "Other temporary trip",
    },
    category_hint: |c| match c {
        Category::RetireeResettled => {
            "Retired, receiving a pension, with your hukou moved to the treatment place. Upload the hukou certificate: an undertaking cannot replace it."
        }
        Category::LongTermResidence => {
            "Living away from where you are insured for 180 days or more. Upload a residence permit, or sign the undertaking."
        }
        Category::ResidentWork => {
            "An employee posted by the employer away from where you are insured for 180 days or more (not for residents). Upload a work certificate, or sign the undertaking."
        }
        Category::Referral => {
            "A hospital where you are insured referred you. Upload the referral certificate: an undertaking cannot replace it."
        }
        Category::Emergency => {
            "Taken ill suddenly while away: no filing is needed, it counts as filed, just get treatment. If the emergency keeps you in hospital, complete the filing before discharge (choose \"in hospital\")."
        }
        Category::OtherTemporary => "Treated while away on business, travel or a family visit.",
    },
    term: |t| match t {
        Term::LongTerm => "Long-term",
        Term::Temporary => "Temporary",
    },
    evidence: |e| match e {
        Evidence::Documents => "Supporting documents",
        Evidence::Undertaking => "Personal undertaking",
    },
    stay: |s| match s {
        Stay::NotAdmitted => "Not in hospital",
        Stay::InHospital => "In hospital, not yet discharged",
        Stay::DischargedSelfPaid => "Discharged, and I paid the bill myself",
    },
    in_effect: "In effect",
    expired: "Expired",
    cancelled: |at| format!("Cancelled on {at}"),
    changed: "Changed (replaced by a new filing)",
    until_changed: "Valid until changed or cancelled",
    days_left: |n| format!("{n} days left"),
    valid_from: "Valid from",
    valid_until: "Valid until",
    insured_label: "Insured in",
    treatment_label: "Treated in",
    category_label: "Category",
    evidence_label: "Based on",
    filed_at: "Filed",
    details: "Details",
    back_to_list: "Back to out-of-area filings",
    form_title: "New out-of-area filing",
    change_title: |r| format!("Change filing {r}"),
    form_intro: "The filing takes effect as soon as you submit it. Answer truthfully: false information or a false undertaking has consequences.",
    insured_legend: "Where and how you are insured",
    insured_hint: "The basic medical insurance you belong to now.",
    no_insured: "You do not belong to a basic medical insurance now, so you cannot file.",
    treatment_hint: "The city where you will be treated; it cannot be where you are insured.",
    choose_city: "Choose a city",
    category_legend: "Category",
    long_term_note: |r| {
        format!(
            "You already have a long-term filing in effect ({r}). Only one long-term filing can be active at a time: to alter it, change that filing."
        )
    },
    months_legend: "How long the temporary filing lasts",
    months_choice: |m| format!("{m} months"),
    months_hint: "A temporary filing lasts at least 6 months. An emergency completed in hospital lasts 6 months; there is nothing to choose.",
    stay_legend: "Where you are with treatment",
    admitted_label: "Date admitted",
    admitted_hint: |place, days| {
        format!(
            "If you are or were in hospital, the filing starts on the day you were admitted. How far back is the insured place's rule and varies by place: {} accepts admissions up to {days} days ago.",
            place
                .map(|p| format!("the insured place ({p})"))
                .unwrap_or_else(|| "the insured place".into())
        )
    },
    evidence_legend: "Based on",
    step: |s| match s {
        FilingStep::Places => "Where you are insured and treated",
        FilingStep::Category => "Category and treatment so far",
        FilingStep::Evidence => "Documents or personal undertaking",
    },
    evidence_intro: "Upload documents that show your category (such as a residence permit, a posting letter, a referral or an emergency diagnosis), or sign the personal undertaking instead.",
    uploaded_title: "Uploaded documents",
    remove_document: "Remove",
    documents_label: "Choose files to upload",
    documents_hint: |n, mb| format!("PDF, JPG or PNG, at most {mb} MB each, {n} files in all."),
    documents_room: |n| format!("You can add {n} more."),
    upload: "Upload the chosen files",
    not_ready: "Some steps are not finished: go back to the steps and finish them before you submit.",
    submit_note: "The filing takes effect as soon as you submit it, and you will be told its number.",
    undertaking_text: "I declare that what I have entered is true and that I will be treated in the chosen city while this filing is valid; if it is not true, I accept the consequences and will repay any wrongly settled costs.",
    undertaking_label: "I have read and sign the personal undertaking",
    submit: "Submit the filing",
    filed_title: "Your filing is in effect",
    filed_body: |r| {
        format!(
            "Filing number {r}. Show your medical insurance e-voucher or social security card at a designated hospital there and the bill is settled directly."
        )
    },
    next_steps: "Next: designated hospitals in that city can see your filing; change it here if the city or category changes, and cancel it when you no longer need it.",
    manual_reimbursement: "The stay you already paid for cannot be settled directly: take the invoices, the itemised bill and the discharge summary to the healthcare security office where you are insured and claim it by hand.",
    cancelled_notice: "The filing is cancelled.",
    change_link: "Change this filing",
    cancel_title: "Cancel the filing",
    cancel_hint: "Once cancelled, bills in that city are no longer settled directly.",
    cancel_confirm: "I confirm I want to cancel this filing",
    cancel_submit: "Cancel the filing",
    by_helpdesk: "Made for you by a helpdesk agent in an assisted session",
    by_relative: "Made for you by a relative (family help)",
    on_medical: |place, term| format!("Out-of-area filing: {place} ({term})"),
    field_insured_unknown: "Choose where you are insured from the list.",
    field_same_place: "The city of treatment cannot be where you are insured.",
    field_category_unknown: "Choose a category from the list.",
    field_long_term_exists: "You already have a long-term filing in effect: change that filing instead.",
    field_months_invalid: "Choose 6 or 12 months.",
    field_stay_unknown: "Choose where you are with treatment.",
    field_date_future: "The admission date cannot be after today.",
    field_date_too_old: "The admission date is further back than the insured place allows (see above).",
    field_evidence_unknown: "Choose what the filing is based on.",
    field_undertaking_required: "Tick the box to sign the personal undertaking.",
    field_documents_missing: "Upload at least one document, or sign the personal undertaking instead.",
    field_file_empty: "The file is empty; choose it again.",
    field_file_too_large: "The file is too large: at most 5 MB each.",
    field_file_type: "Only PDF, JPG or PNG files can be uploaded.",
    field_too_many_files: "At most 5 files: remove one you do not need first.",
    field_not_ready: "Some steps are not finished.",
    field_retired_only: "Only people who are retired and receive a pension can file as resettled retirees.",
    field_hukou_not_there: "A resettled retiree's hukou must have moved to the treatment place, and yours is not in the place chosen.",
    field_employees_only: "Working away is for employees posted by their employer; residents, please choose another category.",
    field_emergency_no_filing: "An emergency needs no filing, it counts as filed: get treatment at the hospital there. If it keeps you in hospital, choose \"in hospital\" and complete the filing before discharge.",
    field_undertaking_not_accepted: "This category needs documents (a resettled retiree: the hukou certificate; a referral: the referral certificate); an undertaking cannot replace them.",
    reimbursement_note: |n| {
        format!(
            "With a temporary filing, treatment there may be reimbursed at a lower rate than at home, by up to {n} percentage points, as the insured place decides."
        )
    },
    rules_source: "Source: 医保发〔2022〕22号. How far back a filing reaches and the reimbursement rates are each insured place's rules.",
};
