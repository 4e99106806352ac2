//! Builds the whole application from settings: store (migrated), state, router with every
//! layer. Binding port 0 lets tests boot the real app.

use crate::config::{SecretKey, Settings};
use crate::http::{self, security::SecurityPolicy};
use app::server::auth::password::Passwords;
use app::server::auth::sealed::SecretBox;
use app::server::auth::session::SessionPolicy;
use app::server::auth::throttle::ThrottlePolicy;
use app::server::clock::Clock;
use app::server::state::{AppState, Shared};
use app::server::store::Store;
use app::{App, shell};
use axum::Router;
use axum::middleware;
use leptos::prelude::*;
use leptos_axum::{AxumRouteListing, LeptosRoutes, generate_route_list};
use std::net::SocketAddr;

pub struct Application {
    listener: tokio::net::TcpListener,
    router: Router,
    state: AppState,
    metrics: http::metrics::Metrics,
}

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("database: {0}")]
    Store(#[from] app::server::store::StoreError),
    #[error("secret key: {0}")]
    Secret(std::io::Error),
    #[error("password hasher: {0}")]
    Passwords(#[from] app::server::auth::password::PasswordError),
    #[error("trusted_proxies: {0}")]
    TrustedProxies(#[from] http::client_address::BadProxy),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
}

/// Connects and migrates; used by `serve` and by the CLI commands that need the database.
pub async fn open_store(settings: &Settings) -> Result<Store, StartupError> {
    let store = Store::connect(&settings.database_url, settings.database_max_connections).await?;
    let pending = store.pending_migrations().await?;
    for (version, description) in &pending {
        tracing::info!(version, description, "applying migration");
    }
    store.migrate().await?;
    Ok(store)
}

impl Application {
    pub async fn build(settings: &Settings, clock: Clock) -> Result<Self, StartupError> {
        let trusted_proxies =
            http::client_address::TrustedProxies::parse(&settings.trusted_proxies)?;
        let store = open_store(settings).await?;
        let secret =
            SecretKey::load_or_create(&settings.secret_key_file).map_err(StartupError::Secret)?;
        let totp_secrets = SecretBox::new(&secret.0);
        let sealed =
            app::server::services::account::seal_stored_secrets(&store, &totp_secrets, clock.now())
                .await?;
        if sealed > 0 {
            tracing::info!(
                users = sealed,
                "sealed two-factor secrets stored in plaintext"
            );
        }
        let listener = tokio::net::TcpListener::bind(settings.site_addr)
            .await
            .map_err(|source| StartupError::Bind {
                addr: settings.site_addr,
                source,
            })?;
        let public_url = match settings.public_url.trim_end_matches('/') {
            "" => format!(
                "http://{}",
                listener.local_addr().unwrap_or(settings.site_addr)
            ),
            url => url.to_string(),
        };
        let leptos_options = LeptosOptions::builder()
            .output_name("jinbao")
            .site_root(settings.site_root.clone())
            .site_pkg_dir("pkg")
            .site_addr(settings.site_addr)
            .hash_files(settings.built_files_hashed())
            .build();
        let state = AppState::new(Shared {
            leptos_options,
            store,
            passwords: Passwords::new(settings.max_concurrent_hashes)?,
            sessions: SessionPolicy {
                idle_timeout: chrono::Duration::minutes(settings.session_idle_minutes),
                absolute_timeout: chrono::Duration::hours(settings.session_absolute_hours),
                secure_cookie: settings.secure_cookies,
                assist_idle_timeout: chrono::Duration::minutes(settings.assist_idle_minutes),
                assist_max_duration: chrono::Duration::minutes(settings.assist_max_minutes),
            },
            throttle: ThrottlePolicy {
                window: chrono::Duration::minutes(settings.login_window_minutes),
                max_failures_per_account: settings.login_max_failures_per_account,
                max_failures_per_address: settings.login_max_failures_per_address,
            },
            clock,
            secret_key: secret.0.into(),
            totp_secrets,
            public_url: public_url.into(),
        });
        let metrics = http::metrics::Metrics::start();
        let router = router(state.clone(), metrics.clone(), settings).layer(
            middleware::from_fn_with_state(trusted_proxies, http::client_address::resolve),
        );
        Ok(Self {
            listener,
            router,
            state,
            metrics,
        })
    }

    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or(0)
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    pub fn metrics(&self) -> &http::metrics::Metrics {
        &self.metrics
    }

    /// Every ten minutes, deletes expired sessions and login attempts older than a day, so the
    /// tables stay small however long the portal runs. Any instance may do it: deletes are idempotent.
    pub fn spawn_janitor(&self) {
        let state = self.state.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(std::time::Duration::from_secs(600));
            loop {
                tick.tick().await;
                let now = state.clock.now();
                let sessions = state
                    .store
                    .delete_stale_sessions(now, now - state.sessions.idle_timeout)
                    .await;
                let attempts = state
                    .store
                    .delete_login_attempts_before(now - chrono::Duration::days(1))
                    .await;
                if let Err(e) = app::server::services::assist::end_expired(&state).await {
                    tracing::warn!(error = ?e, "ending expired assisted sessions failed");
                }
                match (sessions, attempts) {
                    (Ok(s), Ok(a)) => tracing::debug!(sessions = s, attempts = a, "janitor"),
                    (Err(e), _) | (_, Err(e)) => tracing::warn!(error = %e, "janitor failed"),
                }
            }
        });
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown_signal())
        .await
    }
}

fn router(state: AppState, metrics: http::metrics::Metrics, settings: &Settings) -> Router {
    // The one route that takes files: its own body limit instead of the small global one.
    let uploads = Router::new().route(
        "/files/filing-documents",
        axum::routing::post(http::filing_documents::upload),
    );
    let uploads = per_request(uploads, &state, metrics.clone())
        .layer(axum::extract::DefaultBodyLimit::max(
            http::filing_documents::UPLOAD_LIMIT_BYTES,
        ))
        .layer(axum::Extension(http::filing_documents::UploadSlots::new(
            settings.max_concurrent_uploads,
        )));
    let routes = route_list();
    let context_state = state.clone();
    let leptos_options = state.leptos_options.clone();
    let pages = Router::new()
        .route("/healthz", axum::routing::get(http::health::healthz))
        .route(
            "/files/certificates/{file}",
            axum::routing::get(http::certificate_files::certificate_pdf),
        )
        .route(
            "/files/contributions.csv",
            axum::routing::get(http::certificate_files::contributions_csv),
        )
        .route(
            "/employer/staff.csv",
            axum::routing::get(http::staff_export::staff_csv),
        )
        .route(
            "/files/filing-documents/{id}",
            axum::routing::get(http::filing_documents::download),
        )
        .leptos_routes_with_context(
            &state,
            routes,
            move || {
                provide_context(context_state.clone());
                let is_page = use_context::<axum::http::request::Parts>()
                    .is_some_and(|p| !p.uri.path().starts_with("/api/"));
                if !is_page {
                    return;
                }
                // A fresh nonce per page, announced in this response's CSP.
                leptos::nonce::provide_nonce();
                if let (Some(nonce), Some(res)) = (
                    leptos::nonce::use_nonce(),
                    use_context::<leptos_axum::ResponseOptions>(),
                ) && let Ok(v) =
                    axum::http::HeaderValue::from_str(&http::security::page_csp(nonce.as_inner()))
                {
                    res.insert_header(axum::http::header::CONTENT_SECURITY_POLICY, v);
                }
            },
            move || shell(leptos_options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .route_layer(middleware::from_fn(
            http::server_fn_errors::status_from_error,
        ));
    per_request(pages, &state, metrics)
        .layer(axum::extract::DefaultBodyLimit::max(
            settings.body_limit_bytes,
        ))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(
            settings.body_limit_bytes,
        ))
        .merge(uploads)
        .layer(middleware::from_fn_with_state(
            http::static_files::BuiltFiles {
                hashed: state.leptos_options.hash_files,
            },
            http::static_files::cache_headers,
        ))
        // Pages, server-function answers and downloads; a precompressed file already carries its
        // Content-Encoding and passes through untouched.
        .layer(tower_http::compression::CompressionLayer::new())
        .layer(middleware::from_fn_with_state(
            SecurityPolicy {
                hsts: settings.secure_cookies,
            },
            http::security::guard,
        ))
        .with_state(state)
}

/// The layers of every route but the static files (which never need a session), innermost
/// first: metrics by matched route, the audit of assisted requests, the session lookup.
fn per_request(
    routes: Router<AppState>,
    state: &AppState,
    metrics: http::metrics::Metrics,
) -> Router<AppState> {
    routes
        .route_layer(middleware::from_fn_with_state(
            metrics,
            http::metrics::track,
        ))
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            http::assisted_audit::audit,
        ))
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            http::session::load_session,
        ))
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = terminate => {} }
    tracing::info!("shutting down");
}

/// The app's routes, generated once per process. Generating them raises a process-wide flag
/// that suppresses resource loads, and a resource first polled by another router's render
/// meanwhile never wakes (leptos issue #4773): the HTTP tests build many routers in one process
/// and saw page requests that never answered.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}
