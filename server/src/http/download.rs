//! What every file download shares: `private, no-store` caching, the attachment header (UTF-8
//! names), a refusal in the reader's language, and CSV cells (RFC 4180, formula-safe).

use app::error::AppError;
use app::i18n::Texts;
use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// A file for the signed-in reader only: never cached by the browser or a proxy. The name goes
/// in UTF-8 (RFC 6266 `filename*`), with an ASCII stand-in for old clients.
pub fn attachment(body: impl Into<Body>, content_type: &str, filename: &str) -> Response {
    let mut res = Response::new(body.into());
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(content_type) {
        h.insert(header::CONTENT_TYPE, v);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    let ascii: String = filename
        .chars()
        .map(|c| match c {
            ' '..='~' if c != '"' && c != '\\' => c,
            _ => '_',
        })
        .collect();
    let disposition = format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
        percent_encode(filename)
    );
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

/// RFC 5987 `value-chars`: letters, digits and `!#$&+-.^_`|~` stay, every other byte is `%XX`.
fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'!'
            | b'#'
            | b'$'
            | b'&'
            | b'+'
            | b'-'
            | b'.'
            | b'^'
            | b'_'
            | b'`'
            | b'|'
            | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
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

    #[test]
    fn file_names_go_in_utf8_with_an_ascii_stand_in() {
        let res = attachment("x", "application/pdf", "转诊 \"1\".pdf");
        assert_eq!(
            res.headers()[header::CONTENT_DISPOSITION],
            "attachment; filename=\"__ _1_.pdf\"; filename*=UTF-8''%E8%BD%AC%E8%AF%8A%20%221%22.pdf"
        );
        assert_eq!(res.headers()[header::CONTENT_TYPE], "application/pdf");
    }
}
