//! The frame of every page: skip link, the banner of an assisted session, header with the
//! signed-in user, elder-mode and language switches and sign-out, then the page, and the warning
//! before a session ends. Every form is a plain post so
//! it works without JavaScript; the submit guard island only keeps a post from being repeated.

use crate::components::assist_banner::AssistBannerView;
use crate::components::session_clock::{ClockTexts, SessionClockBar};
use crate::components::submit_guard::SubmitGuard;
use crate::elder_mode::elder_mode;
use crate::functions::auth::who_am_i;
use crate::i18n::{Locale, tr};
use crate::models::auth::{Role, SessionStage};
use leptos::prelude::*;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let t = tr();
    let other = use_context::<Locale>().unwrap_or_default().other();
    let elder = elder_mode();
    // Read once, in one Suspense: the banner and the header share it. Leptos 0.8 can leave a
    // server render waiting for ever when one resource is read in two Suspense boundaries (seen
    // as page requests that never answered under a parallel test load; leptos issues #4851,
    // #4578). Pages are server-rendered islands, so the header never re-renders in the browser.
    let user = who_am_i();
    let header = Suspend::new(async move {
        let user = user.await.ok().flatten();
        let clock = user.as_ref().and_then(|u| u.session_clock).map(|clock| {
            let e = t.elder;
            let texts = ClockTexts {
                warning: e.clock_warning.into(),
                final_warning: e.clock_final.into(),
                continue_label: e.clock_continue.into(),
                ended: e.clock_ended.into(),
                sign_in: e.clock_sign_in.into(),
            };
            view! {
                {elder.then(|| view! { <p class="idle-note">{(e.idle_note)(clock.idle_timeout / 60)}</p> })}
                <SessionClockBar clock texts/>
            }
        });
        view! {
            {user.as_ref().and_then(|u| u.assisted.clone()).map(|banner| view! {
                <AssistBannerView banner/>
            })}
            <header class="site-header">
                <a class="brand" href="/">
                    <span class="brand-mark" aria-hidden="true">"金"</span>
                    <span class="brand-name">{t.app_name}</span>
                </a>
                <nav class="header-actions" aria-label=t.main_nav>
                    <form method="post" action="/api/prefs/set_elder_mode" class="inline-form">
                        <input type="hidden" name="on" value=(!elder).to_string()/>
                        <button type="submit" class="link-button">
                            {if elder { t.elder.switch_to_standard } else { t.elder.switch_to_elder }}
                        </button>
                    </form>
                    <form method="post" action="/api/prefs/set_locale" class="inline-form">
                        <input type="hidden" name="lang" value=other.code()/>
                        <button type="submit" class="link-button">
                            <span class="visually-hidden">{t.switch_language}": "</span>
                            <span lang=other.html_lang()>{t.other_language_name}</span>
                        </button>
                    </form>
                    {match user {
                        Some(u) if u.stage != SessionStage::Full => view! {
                            <form method="post" action="/api/auth/logout" class="inline-form">
                                <button type="submit" class="button secondary">{t.logout}</button>
                            </form>
                        }.into_any(),
                        Some(u) => view! {
                            <a class="nav-home" href=u.role.home_path()>{t.nav_home}</a>
                            {(u.role == Role::Citizen).then(|| view! {
                                <a href="/me/notifications" class=(u.unread_notifications > 0).then_some("has-unread")>
                                    {(t.account.inbox_link)(u.unread_notifications)}
                                </a>
                            })}
                            {u.helps_relatives.then(|| view! {
                                <a href="/me/relatives">{t.relatives.nav}</a>
                            })}
                            {u.assisted.is_none().then(|| view! {
                                <a href="/account">{t.account.nav_account}</a>
                            })}
                            <span class="who">
                                <span class="visually-hidden">{t.signed_in_as}" "</span>
                                {u.display_name.clone()}
                                <span class="role-tag">{t.role(u.role)}</span>
                            </span>
                            <form method="post" action="/api/auth/logout" class="inline-form">
                                <button type="submit" class="button secondary">{t.logout}</button>
                            </form>
                        }.into_any(),
                        None => view! { <a class="button" href="/login">{t.login}</a> }.into_any(),
                    }}
                </nav>
            </header>
            {clock}
        }
    });
    view! {
        <a class="skip-link" href="#main">{t.skip_to_content}</a>
        <Suspense fallback=|| ()>{header}</Suspense>
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer"><p>{t.tagline}</p></footer>
        <SubmitGuard/>
    }
}
