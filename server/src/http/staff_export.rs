//! `GET /employer/staff.csv?<the list's filters>`: the employer's staff roster with its flags as
//! CSV, a plain download link that works without JavaScript. Streamed a chunk at a time from
//! the store (keyset pages), so memory stays flat however many staff there are; every person
//! exported is written to their access log as the chunk goes out.
//!
//! Columns (headers in the reader's language, in this order): name; ID number with the middle
//! digits hidden; current staff (yes/no); first and latest month enrolled (YYYY-MM); then per
//! insurance (pension, medical, work injury, unemployment, maternity): status, declared base in
//! yuan (plain number, two decimals), last paid month, months in arrears; then the problems
//! found (separated by "; ") and the months in arrears (separated by spaces). UTF-8 with a
//! byte-order mark so spreadsheet programs read the Chinese correctly. Exported in a helpdesk
//! assisted session, the file starts with a one-cell line saying so (the watermark).

use super::download::{Csv, Reader, attachment, plain_yuan};
use app::error::AppError;
use app::i18n::Texts;
use app::models::insurance::{Insurance, month_label};
use app::models::staff::{StaffQueryInput, StaffRow};
use app::server::services::staff_roster::RosterExport;
use app::server::state::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;

pub async fn staff_csv(
    State(state): State<AppState>,
    reader: Reader,
    headers: HeaderMap,
    Query(input): Query<StaffQueryInput>,
) -> Response {
    let (t, locale) = (reader.texts(), reader.locale);
    reader
        .answer(|p| async move {
            let scope = p.employer()?;
            // Each exported row is logged as the employer's look at that person: another site
            // must not be able to start one with the user's cookie.
            if headers
                .get("sec-fetch-site")
                .is_some_and(|v| v.as_bytes() == b"cross-site")
            {
                return Err(AppError::Forbidden);
            }
            let watermark = p.watermark(locale);
            let export = RosterExport::start(&state, scope, &input).await?;
            Ok(roster_file(&state, t, watermark, export))
        })
        .await
}

/// The roster as a CSV body streamed chunk by chunk.
fn roster_file(
    state: &AppState,
    t: &'static Texts,
    watermark: Option<String>,
    export: RosterExport,
) -> Response {
    let date = state.clock.now().format("%Y-%m-%d");
    let clock = state.clock.clone();
    // The state between chunks: the export's cursor, and whether the header has gone out.
    let stream = futures::stream::unfold(Some((export, true)), move |state| {
        let clock = clock.clone();
        let watermark = watermark.clone();
        async move {
            let (mut export, first) = state?;
            let mut csv = if first { Csv::file() } else { Csv::more() };
            if first {
                if let Some(w) = watermark {
                    csv.record([w]);
                }
                header_line(t, &mut csv);
            }
            match export.next_chunk(clock.now()).await {
                Ok(Some(rows)) => {
                    for r in &rows {
                        row_line(t, r, &mut csv);
                    }
                    Some((Ok(Bytes::from(csv.into_string())), Some((export, false))))
                }
                Ok(None) => first.then(|| (Ok(Bytes::from(csv.into_string())), None)),
                Err(e) => {
                    // The download ends unfinished, so the browser reports it as failed.
                    tracing::error!(error = %e, "staff export failed");
                    Some((Err(std::io::Error::other("export failed")), None))
                }
            }
        }
    });
    attachment(
        // Fused: the compression layer polls the body once more after its end, which a bare
        // `unfold` answers with a panic.
        Body::from_stream(futures::StreamExt::fuse(stream)),
        "text/csv; charset=utf-8",
        &format!("staff-roster-{date}.csv"),
    )
}

fn header_line(t: &Texts, csv: &mut Csv) {
    let st = t.staff;
    let mut cells: Vec<String> = vec![
        st.csv_name.into(),
        st.csv_id.into(),
        st.csv_employed.into(),
        st.csv_first_month.into(),
        st.csv_last_month.into(),
    ];
    for i in Insurance::ALL {
        let name = (t.insurance_name)(i);
        cells.extend([
            (st.csv_status)(name),
            (st.csv_base)(name),
            (st.csv_last_paid)(name),
            (st.csv_arrears)(name),
        ]);
    }
    cells.extend([st.csv_flags.to_string(), st.csv_arrears_months.to_string()]);
    csv.record(cells);
}

fn row_line(t: &Texts, r: &StaffRow, csv: &mut Csv) {
    let st = t.staff;
    let mut cells: Vec<String> = vec![
        r.name.clone(),
        r.masked_id.clone(),
        if r.current { st.yes } else { st.no }.into(),
        month_label(r.first_month),
        month_label(r.last_month),
    ];
    for i in Insurance::ALL {
        match r.insurances.iter().find(|x| x.insurance == i) {
            Some(x) => cells.extend([
                (t.status_name)(x.status).to_string(),
                x.base.map(plain_yuan).unwrap_or_default(),
                x.last_paid_month.map(month_label).unwrap_or_default(),
                x.arrears_months.to_string(),
            ]),
            None => cells.extend([
                st.not_enrolled_here.to_string(),
                String::new(),
                String::new(),
                String::new(),
            ]),
        }
    }
    cells.push(
        r.flags
            .iter()
            .map(|f| (st.flag)(*f))
            .collect::<Vec<_>>()
            .join("; "),
    );
    cells.push(
        r.arrears
            .iter()
            .map(|m| month_label(*m))
            .collect::<Vec<_>>()
            .join(" "),
    );
    csv.record(cells);
}
