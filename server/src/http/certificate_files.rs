//! The citizen's own files, as plain download links that work without JavaScript:
//! `GET /files/certificates/{number}.pdf` regenerates an issued certificate from what is stored,
//! and `GET /files/contributions.csv` is the whole contribution history. Each checks the session
//! and that the file is the reader's own; both are `private, no-store`.
//!
//! CSV columns (headers in the reader's language, in this order): insurance; month (YYYY-MM);
//! months covered (1, or 12 for a resident's yearly payment); place; employer (empty when
//! self-paid); base, employer part and personal part in yuan (plain numbers, two decimals);
//! status (paid / in arrears); date paid (YYYY-MM-DD, empty when in arrears). Rows by insurance
//! (pension, medical, work injury, unemployment, maternity), then month. UTF-8 with a byte-order
//! mark. Downloaded in a helpdesk assisted session, the file starts with a one-cell line saying
//! so (the watermark).

use super::download::{Csv, Reader, attachment, plain_yuan};
use app::error::AppError;
use app::i18n::Locale;
use app::models::insurance::month_label;
use app::server::auth::Principal;
use app::server::services;
use app::server::state::AppState;
use app::server::store::HistoryRow;
use axum::extract::{Path, State};
use axum::response::Response;

pub async fn certificate_pdf(
    State(state): State<AppState>,
    reader: Reader,
    Path(file): Path<String>,
) -> Response {
    reader
        .answer(|p| async move {
            let number = file.strip_suffix(".pdf").ok_or(AppError::NotFound)?;
            let (number, bytes) = services::certificates::pdf(&state, &p, number).await?;
            Ok(attachment(
                bytes,
                "application/pdf",
                &format!("jinbao-{number}.pdf"),
            ))
        })
        .await
}

pub async fn contributions_csv(State(state): State<AppState>, reader: Reader) -> Response {
    let locale = reader.locale;
    reader
        .answer(|p| async move {
            let rows = services::record::contribution_history(&state.store, p.citizen()?).await?;
            Ok(contributions_file(&state, &p, locale, rows))
        })
        .await
}

/// The history as CSV in the reader's language, watermarked in an assisted session.
fn contributions_file(
    state: &AppState,
    principal: &Principal,
    locale: Locale,
    rows: Vec<HistoryRow>,
) -> Response {
    let t = locale.texts();
    let c = t.certificate;
    let mut csv = Csv::file();
    if let Some(watermark) = principal.watermark(locale) {
        csv.record([watermark]);
    }
    csv.record(c.csv_columns);
    for r in rows {
        csv.record([
            (t.insurance_name)(r.insurance).to_string(),
            month_label(r.month),
            r.months_covered.to_string(),
            if locale == Locale::Zh {
                r.region_zh
            } else {
                r.region_en
            },
            r.employer_name.unwrap_or_default(),
            plain_yuan(r.base),
            plain_yuan(r.employer_part),
            plain_yuan(r.personal_part),
            if r.paid_on.is_some() {
                c.csv_paid
            } else {
                c.csv_arrears
            }
            .to_string(),
            r.paid_on.map(|d| d.to_string()).unwrap_or_default(),
        ]);
    }
    let date = state.clock.now().format("%Y-%m-%d");
    attachment(
        csv.into_string(),
        "text/csv; charset=utf-8",
        &format!("contributions-{date}.csv"),
    )
}
