//! Jinbao (金保): the Leptos app. Routes, pages, components and shared types compile for both
//! the server (feature `ssr`) and the browser (feature `hydrate`); `server/` is server-only.

#![recursion_limit = "256"]

pub mod components;
pub mod elder_mode;
pub mod error;
pub mod functions;
pub mod i18n;
pub mod locale;
pub mod models;
pub mod routes;
#[cfg(feature = "ssr")]
pub mod server;

use components::layout::Layout;
use elder_mode::ElderMode;
use i18n::Locale;
use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

/// The HTML document. Every page is rendered completely on the server (`SsrMode::Async`) so
/// it works without JavaScript. Islands mode: the browser hydrates only `#[island]`
/// components, so the wasm carries no page, no route and no text table (DESIGN §1: a citizen
/// page costs at most ~150 KB). The nonce lets the island script pass the CSP; file names
/// carry content hashes when the build wrote `hash.txt`, so they can be cached for good.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let locale = Locale::current();
    let elder = ElderMode::current().0.then_some("elder");
    view! {
        <!DOCTYPE html>
        <html lang=locale.html_lang() class=elder>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <HashedStylesheet options=options.clone() id="leptos"/>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let locale = Locale::current();
    provide_context(locale);
    provide_context(ElderMode::current());
    let t = locale.texts();
    view! {
        <Title text=t.app_name/>
        <Router>
            <Layout>
                <Routes fallback=routes::not_found::NotFoundPage>
                    <Route path=path!("") view=routes::welcome::WelcomePage ssr=SsrMode::Async/>
                    <Route path=path!("/login") view=routes::login::LoginPage ssr=SsrMode::Async/>
                    <Route path=path!("/login/code") view=routes::sign_in_code::SignInCodePage ssr=SsrMode::Async/>
                    <Route path=path!("/account") view=routes::account::home::AccountPage ssr=SsrMode::Async/>
                    <Route path=path!("/account/two-factor") view=routes::account::two_factor::TwoFactorPage ssr=SsrMode::Async/>
                    <Route path=path!("/me") view=routes::citizen::home::CitizenHomePage ssr=SsrMode::Async/>
                    <Route path=path!("/me/records") view=routes::citizen::career::CareerPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/records/:insurance") view=routes::citizen::record::InsuranceRecordPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/pension") view=routes::citizen::pension::PensionPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/pension/qualification") view=routes::citizen::qualification::QualificationPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/pension-estimate") view=routes::citizen::estimate::PensionEstimatePage ssr=SsrMode::Async/>
                    <Route path=path!("/me/relatives") view=routes::citizen::relatives::RelativesPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/access-log") view=routes::citizen::access_log::AccessLogPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/notifications") view=routes::citizen::notifications::NotificationsPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/certificates") view=routes::citizen::certificates::CertificatesPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/certificates/new") view=routes::citizen::certificate_new::NewCertificatePage ssr=SsrMode::Async/>
                    <Route path=path!("/me/certificates/:number") view=routes::citizen::certificate::CertificatePage ssr=SsrMode::Async/>
                    <Route path=path!("/me/requests") view=routes::citizen::requests::RequestsPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/requests/new/:kind") view=routes::citizen::request_draft::TransferTasksPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/requests/new/:kind/places") view=routes::citizen::request_draft::TransferPlacesPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/requests/new/:kind/contact") view=routes::citizen::request_draft::TransferContactPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/requests/new/:kind/check") view=routes::citizen::request_draft::TransferCheckPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/requests/:reference") view=routes::citizen::request::RequestPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/filings") view=routes::citizen::filings::FilingsPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/filings/new") view=routes::citizen::filing_draft::FilingTasksPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/filings/new/places") view=routes::citizen::filing_draft::FilingPlacesPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/filings/new/category") view=routes::citizen::filing_draft::FilingCategoryPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/filings/new/evidence") view=routes::citizen::filing_draft::FilingEvidencePage ssr=SsrMode::Async/>
                    <Route path=path!("/me/filings/new/check") view=routes::citizen::filing_draft::FilingCheckPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/filings/:reference/change") view=routes::citizen::filing_draft::FilingTasksPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/filings/:reference/change/places") view=routes::citizen::filing_draft::FilingPlacesPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/filings/:reference/change/category") view=routes::citizen::filing_draft::FilingCategoryPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/filings/:reference/change/evidence") view=routes::citizen::filing_draft::FilingEvidencePage ssr=SsrMode::Async/>
                    <Route path=path!("/me/filings/:reference/change/check") view=routes::citizen::filing_draft::FilingCheckPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/filings/:reference") view=routes::citizen::filings::FilingPage ssr=SsrMode::Async/>
                    <Route path=path!("/verify") view=routes::verify::VerifyPage ssr=SsrMode::Async/>
                    <Route path=path!("/employer") view=routes::employer::home::EmployerHomePage ssr=SsrMode::Async/>
                    <Route path=path!("/employer/staff") view=routes::employer::staff_list::StaffListPage ssr=SsrMode::Async/>
                    <Route path=path!("/employer/staff/:person") view=routes::employer::staff_member::StaffMemberPage ssr=SsrMode::Async/>
                    <Route path=path!("/helpdesk") view=routes::helpdesk::home::HelpdeskHomePage ssr=SsrMode::Async/>
                    <Route path=path!("/review") view=routes::review::home::ReviewerHomePage ssr=SsrMode::Async/>
                    <Route path=path!("/review/legs/:leg") view=routes::review::leg::LegPage ssr=SsrMode::Async/>
                    <Route path=path!("/review/overdue") view=routes::review::overdue::OverduePage ssr=SsrMode::Async/>
                    <Route path=path!("/review/qualifications") view=routes::review::qualifications::QualificationQueuePage ssr=SsrMode::Async/>
                    <Route path=path!("/admin") view=routes::admin::home::AdminHomePage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/staff") view=routes::admin::staff::StaffAccountsPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/audit") view=routes::admin::audit::AuditLogPage ssr=SsrMode::Async/>
                </Routes>
            </Layout>
        </Router>
    }
}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // The panic hook's formatting costs bytes every phone would download; debug builds only.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
