//! What every file download shares: `private, no-store` caching, the attachment header, a
//! refusal in the reader's language, and CSV cells (RFC 4180, formula-safe).

use app::error::AppError;
use app::i18n::Texts;
use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// A file for the signed-in reader only: never cached by the browser or a proxy.
pub fn attachment(body: impl Into<Body>, content_type: &'static str, filename: &str) -> Response {
    let mut res = Response::new(body.into());
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

/// A refused download: the status of the error and its message in the reader's language.
pub fn refusal(t: &Texts, e: &AppError) -> Response {
    let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut res = (status, t.error(e)).into_response();
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    res
}

/// Yuan as a plain number a spreadsheet reads as one: `12345.60`.
pub fn plain_yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", fen.abs() / 100, fen.abs() % 100)
}

/// One CSV record (RFC 4180). A cell that a spreadsheet would run as a formula gets a leading
/// apostrophe, so a name like `=HYPERLINK(...)` stays text.
pub fn push_record(out: &mut String, cells: &[String]) {
    for (n, cell) in cells.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        let cell = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{cell}")
        } else {
            cell.clone()
        };
        if cell.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&cell);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        let mut out = String::new();
        push_record(
            &mut out,
            &[
                "王,五".into(),
                "say \"hi\"".into(),
                "=1+1".into(),
                "2026-10".into(),
            ],
        );
        assert_eq!(out, "\"王,五\",\"say \"\"hi\"\"\",'=1+1,2026-10\r\n");
        assert_eq!(plain_yuan(1_234_560), "12345.60");
        assert_eq!(plain_yuan(-1_234), "-12.34");
    }
}
