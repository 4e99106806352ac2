//! Prometheus metrics: requests, latency and errors per route, and the database pool, served
//! on their own address so they are never exposed with the portal.
//!
//! Each application owns its recorder (no process-wide one), so what one app counts is its own:
//! tests that build several apps in one process read exact figures.

use app::server::store::Store;
use axum::extract::{MatchedPath, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusRecorder};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Clone)]
pub struct Metrics(Arc<PrometheusRecorder>);

impl Metrics {
    /// A recorder with its upkeep task (which folds recent histogram samples, so memory stays
    /// flat however rarely `/metrics` is read). Needs a Tokio runtime.
    pub fn start() -> Self {
        let recorder = PrometheusBuilder::new()
            .set_buckets(&[
                0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
            ])
            .expect("static buckets")
            .build_recorder();
        let handle = recorder.handle();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(5));
            loop {
                tick.tick().await;
                handle.run_upkeep();
            }
        });
        Self(Arc::new(recorder))
    }

    /// Runs `f`'s `metrics::counter!`/`gauge!`/`histogram!` calls against this recorder.
    fn record<T>(&self, f: impl FnOnce() -> T) -> T {
        metrics::with_local_recorder(&*self.0, f)
    }

    /// The Prometheus text exposition of everything recorded so far.
    pub fn render(&self) -> String {
        self.0.handle().render()
    }
}

/// A method label from a fixed set: a client inventing methods must not create series.
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::PATCH => "PATCH",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

pub async fn track(State(metrics): State<Metrics>, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = method_label(req.method());
    // The route pattern, never the path: ids in paths would be one series each.
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "unmatched".into());
    let res = next.run(req).await;
    let status = res.status().as_u16();
    let labels = [
        ("method", method.to_string()),
        ("route", route),
        ("status", status.to_string()),
    ];
    metrics.record(|| {
        metrics::counter!("http_requests_total", &labels).increment(1);
        metrics::histogram!("http_request_duration_seconds", &labels)
            .record(start.elapsed().as_secs_f64());
        if status >= 500 {
            metrics::counter!("http_errors_total", &labels).increment(1);
        }
    });
    res
}

/// Serves `/metrics` on `addr` until the process ends.
pub async fn serve(
    addr: std::net::SocketAddr,
    store: Store,
    metrics: Metrics,
) -> std::io::Result<()> {
    let app = axum::Router::new().route(
        "/metrics",
        axum::routing::get(move || {
            let (size, idle) = store.pool_stats();
            metrics.record(|| {
                metrics::gauge!("db_pool_connections").set(f64::from(size));
                metrics::gauge!("db_pool_idle_connections").set(idle as f64);
            });
            let body = metrics.render();
            async move { body }
        }),
    );
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!(%addr, "metrics listening");
    axum::serve(listener, app).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn methods_outside_the_standard_set_share_one_label() {
        assert_eq!(method_label(&Method::POST), "POST");
        for invented in ["INVENTED", "get", "PROPFIND"] {
            let method = Method::from_bytes(invented.as_bytes()).unwrap();
            assert_eq!(method_label(&method), "other", "{invented}");
        }
    }
}
