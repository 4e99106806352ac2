//! What every file download shares: one path from the session to the answer (`Reader`),
//! `private, no-store` caching, the attachment header (UTF-8 names), a refusal in the reader's
//! language, and CSV text (RFC 4180, formula-safe).

use app::error::AppError;
use app::i18n::{Locale, Texts};
use app::server::auth::{Principal, RequestSession};
use axum::body::Body;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use std::future::Future;

/// Who is downloading, and the language their refusal is written in.
pub struct Reader {
    pub locale: Locale,
    principal: Option<Principal>,
}

impl<S: Send + Sync> FromRequestParts<S> for Reader {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Self {
            locale: Locale::from_cookie_header(&parts.headers).unwrap_or_default(),
            principal: parts
                .extensions
                .get::<RequestSession>()
                .and_then(|s| s.0.clone()),
        })
    }
}

impl Reader {
    pub fn texts(&self) -> &'static Texts {
        self.locale.texts()
    }

    /// The signed-in principal, or `Unauthenticated`.
    pub fn principal(&self) -> Result<Principal, AppError> {
        self.principal.clone().ok_or(AppError::Unauthenticated)
    }

    /// The body's answer for the signed-in principal, or its refusal in the reader's language.
    /// Nobody signed in is refused before the body runs.
    pub async fn answer<Fut>(self, body: impl FnOnce(Principal) -> Fut) -> Response
    where
        Fut: Future<Output = Result<Response, AppError>>,
    {
        let t = self.texts();
        let answer = async { body(self.principal()?).await };
        answer.await.unwrap_or_else(|e| refusal(t, &e))
    }
}

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
        utf8_percent_encode(filename, ATTR_CHAR)
    );
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

/// RFC 5987 `attr-char`: letters, digits and `!#$&+-.^_`|~` stay, every other byte is `%XX`.
const ATTR_CHAR: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'!')
    .remove(b'#')
    .remove(b'$')
    .remove(b'&')
    .remove(b'+')
    .remove(b'-')
    .remove(b'.')
    .remove(b'^')
    .remove(b'_')
    .remove(b'`')
    .remove(b'|')
    .remove(b'~');

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

/// CSV text (RFC 4180, CRLF line ends, written by the `csv` crate) in which no text cell can
/// run as a spreadsheet formula.
pub struct Csv(csv::Writer<Vec<u8>>);

impl Csv {
    /// The start of a file: the byte-order mark, which makes spreadsheets read it as UTF-8.
    pub fn file() -> Self {
        Self::after("\u{feff}")
    }

    /// A continuation of a file already begun (a later chunk of a stream).
    pub fn more() -> Self {
        Self::after("")
    }

    fn after(start: &str) -> Self {
        Self(
            csv::WriterBuilder::new()
                // The watermark line has one cell, the table many.
                .flexible(true)
                .terminator(csv::Terminator::CRLF)
                .from_writer(start.as_bytes().to_vec()),
        )
    }

    pub fn record<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) {
        let cells = cells.into_iter().map(|c| defused(c.as_ref()));
        // Into memory, from UTF-8 text, with flexible records: nothing can fail.
        self.0.write_record(cells).expect("CSV into memory");
    }

    pub fn into_string(self) -> String {
        let bytes = self.0.into_inner().expect("CSV into memory");
        String::from_utf8(bytes).expect("CSV of UTF-8 cells")
    }
}

/// A cell a spreadsheet would run as a formula gets a leading apostrophe, so a name like
/// `=HYPERLINK(...)` stays text; a number (a negative amount) stays a number.
fn defused(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && cell.parse::<f64>().is_err() {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        let mut csv = Csv::more();
        csv.record([
            "王,五",
            "say \"hi\"",
            "=1+1",
            "2026-10",
            "-12.34",
            "-1+2",
            "@x",
        ]);
        csv.record(["one cell"]);
        assert_eq!(
            csv.into_string(),
            "\"王,五\",\"say \"\"hi\"\"\",'=1+1,2026-10,-12.34,'-1+2,'@x\r\none cell\r\n"
        );
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
