//! English texts of certificates: the PDF's wording in the language a certificate is issued in, the
//! citizen's certificate pages and the public verification page.

use crate::i18n::certificate::CertificateTexts;
use crate::models::certificate::{CertificateKind, Purpose};

pub const EN: CertificateTexts = CertificateTexts {
    kind: |k| match k {
        CertificateKind::Contributions => "Certificate of insurance and contributions",
        CertificateKind::AnnualStatement => "Annual personal rights statement",
        CertificateKind::NoBenefit => "Certificate of receiving no social insurance benefits",
        CertificateKind::NotEnrolled => "Certificate of non-enrolment",
        CertificateKind::PensionBenefit => "Certificate of pension in payment",
    },
    kind_hint: |k| match k {
        CertificateKind::Contributions => {
            "Months paid, employers and bases per insurance in one place over a period: for loans, school enrolment, household registration, visas."
        }
        CertificateKind::AnnualStatement => {
            "One year: enrolment per insurance, contributions, cumulative contribution years and personal account movements."
        }
        CertificateKind::NoBenefit => "Shows that you receive no social insurance benefits.",
        CertificateKind::NotEnrolled => "Shows that you are not enrolled in an insurance.",
        CertificateKind::PensionBenefit => {
            "Shows that you receive a monthly basic pension: since when, who pays it and, as the purpose allows, the monthly amount."
        }
    },
    purpose: |p| match p {
        Purpose::Loan => "Loan",
        Purpose::School => "School enrolment",
        Purpose::Hukou => "Household registration",
        Purpose::Visa => "Visa",
        Purpose::Other => "Other",
    },
    purpose_hint: |p| match p {
        Purpose::Loan => "Shows bases and amounts; ID number partly hidden.",
        Purpose::School => "No amounts; ID number partly hidden.",
        Purpose::Hukou => "Full ID number; no amounts.",
        Purpose::Visa => "Shows bases and amounts; ID number partly hidden.",
        Purpose::Other => "No amounts; only the first and last digit of the ID number.",
    },
    subtitle: "Social insurance certificate · Jinbao social insurance public service portal",
    list_separator: ", ",
    name: "Name",
    id_number: "Resident ID number",
    sex: "Sex",
    male: "Male",
    female: "Female",
    purpose_label: "Purpose",
    region_label: "Insured in",
    period_label: "Period",
    year_label: "Year",
    insurances_label: "Insurances",
    insurance_label: "Insurance",
    issuers_label: "Issued by",
    issued_on: "Issued at",
    data_as_of: "Data as of",
    contributions_statement: |name, region, from, to| {
        format!(
            "This certifies that {name} is insured in {region}. Contributions from {from} to {to} are listed below (months paid counts the months actually paid):"
        )
    },
    col_employer: "Employer",
    col_from: "From",
    col_to: "To",
    col_insurance: "Insurance",
    col_months: "Months paid",
    col_base: "Base (CNY)",
    col_region: "Place",
    col_status: "Status",
    col_months_paid: "Months paid",
    col_arrears: "Months owed",
    col_personal: "Personal (CNY)",
    col_employer_part: "Employer (CNY)",
    col_account: "Personal account",
    col_opening: "Opening",
    col_credited: "Credited",
    col_interest: "Interest",
    col_withdrawn: "Paid out",
    col_closing: "Closing",
    no_employer: "Self-paid",
    no_rows: "No contributions in the period chosen.",
    no_accounts: "No personal account entries this year.",
    not_enrolled_short: "Not enrolled",
    annual_enrolment: "Enrolment and contributions",
    annual_accounts: "Personal accounts (CNY)",
    cumulative: |year, y, m| {
        format!("Basic pension contributions up to the end of {year}: {y} years {m} months in all.")
    },
    amounts_hidden: |purpose| {
        format!("For the purpose \"{purpose}\" this certificate does not show bases or amounts.")
    },
    no_benefit_statement: |name, date| {
        format!(
            "According to the records of this portal, as of {date} {name} receives no benefits from basic pension, unemployment, work injury, maternity or medical insurance."
        )
    },
    pension_statement: |name, scheme, since, office, date| {
        format!(
            "This certifies that {name} has received a monthly basic pension ({scheme}) since {since}, paid by {office}, and that as of {date} it is being paid."
        )
    },
    pension_last_paid: |month| format!("Latest payment: for {month}."),
    col_pension_part: "Part",
    col_monthly: "Per month (yuan)",
    no_pension_reason: "You do not receive a monthly pension.",
    field_not_receiving: "You do not receive a monthly pension, so this certificate cannot be issued.",
    not_enrolled_statement: |name, insurance, date, ended| match ended {
        Some(ended) => format!(
            "According to the records of this portal, as of {date} {name} is not enrolled in {insurance} (the former enrolment ended on {ended})."
        ),
        None => format!(
            "According to the records of this portal, as of {date} {name} is not enrolled in {insurance}."
        ),
    },
    assisted_note: "This certificate was issued by a helpdesk agent in an assisted session: ",
    document_no: "Document no.",
    code: "Verification code",
    verify_note: "Scan the QR code or open the address above and enter the document number and code to check that this certificate is genuine and still valid.",
    csv_columns: [
        "Insurance",
        "Month",
        "Months covered",
        "Place",
        "Employer",
        "Base (CNY)",
        "Employer part (CNY)",
        "Personal part (CNY)",
        "Status",
        "Date paid",
    ],
    csv_paid: "paid",
    csv_arrears: "in arrears",
    nav: "Certificates",
    list_title: "Certificates and downloads",
    list_intro: "Issue certificates others can verify (PDF), or download your full contribution history. Every verification of your certificates appears in \"Who viewed my information\".",
    new_link: "Issue a certificate",
    csv_title: "Contribution history (CSV)",
    csv_hint: "Every contribution of all five insurances, UTF-8, opens in spreadsheet programs.",
    csv_link: "Download contribution history (CSV)",
    list_empty: "You have not issued any certificates yet.",
    issued_at: "Issued",
    valid: "Valid",
    revoked: |at| format!("Revoked on {at}"),
    by_helpdesk: "Issued by the helpdesk for you",
    by_relative: "Issued for you by a relative (family help)",
    download_pdf: "Download PDF",
    details: "Details and code",
    language_of: |lang| format!("Language: {lang}"),
    new_title: "Issue a certificate",
    choose_kind: "Choose the kind of certificate",
    not_applicable: "Does not apply",
    receiving_reason: |list| format!("You receive benefits from {list}."),
    all_enrolled_reason: "You are enrolled in all five insurances.",
    no_history_reason: "No contributions on record yet.",
    form_title: |k| format!("Issue: {}", (EN.kind)(k)),
    change_kind: "Choose another kind",
    purpose_legend: "Purpose",
    purpose_fields_note: "The certificate shows only what the purpose needs.",
    region_choice: "Insured in",
    insurances_legend: "Insurances",
    period_legend: "Period",
    last_months: |n| format!("Last {n} months"),
    custom_period: "Custom",
    from_month: "From (year-month)",
    to_month: "To (year-month)",
    month_hint: "Format: 2024-03",
    data_until: |m| format!("Data up to {m}."),
    year_choice: "Year",
    insurance_choice: "Insurance",
    language_legend: "Language of the certificate",
    issue_submit: "Issue certificate",
    issuing: "Issuing…",
    detail_title: |no| format!("Certificate {no}"),
    issued_notice: "The certificate is issued. Download the PDF; the recipient can verify it with the document number and code.",
    code_hint: "Give it only to whoever needs to verify this certificate.",
    verify_link: "Open the verification page",
    shown_id: "ID number shown",
    amounts_shown: "Shows bases and amounts",
    amounts_not_shown: "No amounts shown",
    verifications: |n| format!("Verified {n} times"),
    revoke_title: "Revoke the certificate",
    revoke_hint: "Once revoked, the verification page says so. This cannot be undone.",
    revoke_confirm: "I confirm that I revoke this certificate",
    revoke_submit: "Revoke",
    revoked_notice: "The certificate is revoked.",
    back_to_list: "Back to certificates",
    verify_title: "Verify a certificate",
    verify_intro: "Enter the document number and verification code printed on a certificate to check that Jinbao issued it and that it is still valid. No sign-in needed.",
    number_label: "Document number",
    number_hint: "For example JB7K2M9Q4XWP",
    code_label: "Verification code",
    code_input_hint: "For example 4K7Q-M2XW-9PLT (not case-sensitive)",
    verify_submit: "Verify",
    result_valid: "Verified: Jinbao issued this certificate and it is valid.",
    result_revoked: |at| {
        format!(
            "Jinbao issued this certificate, but it was revoked on {at} and is no longer valid."
        )
    },
    result_not_verified: "Not verified: the document number or the code is wrong. Check them and try again.",
    holder: "Holder",
    kind_label: "Certificate",
    status_label: "Status",
    status_valid: "Valid",
    status_revoked: "Revoked",
    verify_privacy: "To protect personal data, only part of the name is shown, and the holder is told of every verification.",
    field_choose_insurance: "Choose at least one insurance.",
    field_month_invalid: "Enter a year and month like 2024-03 (1990 or later).",
    field_range_reversed: "The end month cannot be before the start month.",
    field_range_too_long: "The period cannot exceed 50 years.",
    field_no_contributions: "There are no contributions for the place, insurances and period chosen.",
    field_no_data: "There is no record for that year.",
    field_receiving_benefits: "You receive social insurance benefits, so this certificate cannot be issued.",
    field_enrolled: "You are still enrolled in this insurance, so a non-enrolment certificate cannot be issued.",
    field_confirm: "Tick the box to confirm.",
};
