//! Caching headers for the built files under `/pkg` (wasm, JS, CSS), served as a CDN would:
//! the precompressed `.br`/`.gz` file is chosen by leptos_axum's file handler, and this layer
//! says how long a browser may keep it. It never touches pages, whose content is per person.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// Whether the built file names carry their content hash (cargo-leptos `hash-files`).
#[derive(Clone, Copy)]
pub struct BuiltFiles {
    pub hashed: bool,
}

/// A hashed name changes with its content, so the file may be kept for good; without hashes a
/// browser must ask again each time (a release would otherwise run stale wasm).
const HASHED: HeaderValue = HeaderValue::from_static("public, max-age=31536000, immutable");
const UNHASHED: HeaderValue = HeaderValue::from_static("no-cache");

pub async fn cache_headers(State(files): State<BuiltFiles>, req: Request, next: Next) -> Response {
    let built = req.uri().path().starts_with("/pkg/");
    let mut res = next.run(req).await;
    if built && res.status().is_success() {
        let h = res.headers_mut();
        h.insert(
            header::CACHE_CONTROL,
            if files.hashed { HASHED } else { UNHASHED },
        );
        // The same address answers brotli, gzip or plain bytes by the request's Accept-Encoding.
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    res
}
