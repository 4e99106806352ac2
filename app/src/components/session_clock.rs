//! The warning before a signed-in session ends (WCAG 2.2.1, and elder mode's "no time-outs that
//! surprise"): two minutes before the idle limit a bar says so, with a button that renews the
//! session in the background so nothing typed on the page is lost; near the login's absolute end
//! it says to save instead; at the end it says the session is over and links to sign in.
//! The texts come from the server as props: the wasm carries no text table.

use crate::models::auth::SessionClock;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockTexts {
    pub warning: String,
    pub final_warning: String,
    pub continue_label: String,
    pub ended: String,
    pub sign_in: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Quiet,
    /// Renewable when the idle limit comes before the absolute end.
    Warning {
        renewable: bool,
    },
    Ended,
}

#[island]
pub fn SessionClockBar(clock: SessionClock, texts: ClockTexts) -> impl IntoView {
    let phase = RwSignal::new(Phase::Quiet);
    #[cfg(feature = "hydrate")]
    let extend = timers::start(clock, phase);
    #[cfg(not(feature = "hydrate"))]
    let extend = move |_: leptos::ev::MouseEvent| {
        let _ = clock;
    };
    let ClockTexts {
        warning,
        final_warning,
        continue_label,
        ended,
        sign_in,
    } = texts;
    // Every part is in the page from the start and only its `hidden` changes, so the wasm needs
    // no code that builds views at run time.
    let unless = move |shown: Phase| move || phase.get() != shown;
    let renewable = Phase::Warning { renewable: true };
    view! {
        <div class="session-clock" role="alert" hidden=move || phase.get() == Phase::Quiet>
            <p hidden=unless(renewable)>{warning}</p>
            <button type="button" class="button primary" hidden=unless(renewable) on:click=extend>
                {continue_label}
            </button>
            <p hidden=unless(Phase::Warning { renewable: false })>{final_warning}</p>
            <p hidden=unless(Phase::Ended)>{ended}</p>
            <a class="button primary" href="/login" hidden=unless(Phase::Ended)>{sign_in}</a>
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod timers {
    use super::Phase;
    use crate::models::auth::SessionClock;
    use leptos::prelude::*;
    use std::time::Duration;

    /// How long before the end the warning shows (the texts say "2 minutes").
    const WARN_SECONDS: i64 = 120;

    fn focus_main() {
        use leptos::wasm_bindgen::JsCast;
        if let Some(main) = document()
            .get_element_by_id("main")
            .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlElement>().ok())
        {
            _ = main.focus();
        }
    }

    /// Posts to the `keep_alive` server function as a form without fields (the browser sets the
    /// form content type for a `URLSearchParams` body); whether the server renewed the session.
    async fn keep_alive() -> Result<bool, leptos::wasm_bindgen::JsValue> {
        use leptos::wasm_bindgen::JsCast;
        let init = web_sys::RequestInit::new();
        init.set_method("POST");
        init.set_body(&web_sys::UrlSearchParams::new()?.into());
        let response = wasm_bindgen_futures::JsFuture::from(
            window().fetch_with_str_and_init("/api/auth/keep_alive", &init),
        )
        .await?;
        Ok(response.dyn_into::<web_sys::Response>()?.ok())
    }

    fn now_ms() -> f64 {
        leptos::web_sys::js_sys::Date::now()
    }

    /// Schedules the warning and the end; returns the "continue" handler, which renews the
    /// session and schedules again. A generation number retires the timers of an earlier round.
    pub fn start(
        clock: SessionClock,
        phase: RwSignal<Phase>,
    ) -> impl Fn(leptos::ev::MouseEvent) + Copy {
        let hard_end_ms = now_ms() + clock.hard_left as f64 * 1000.0;
        let round = StoredValue::new(0u32);
        let schedule = move |idle_left: i64| {
            let hard_left = ((hard_end_ms - now_ms()) / 1000.0) as i64;
            let end = idle_left.min(hard_left).max(0);
            let renewable = idle_left < hard_left;
            let this = round.get_value() + 1;
            round.set_value(this);
            phase.set(Phase::Quiet);
            let at = move |secs: i64, to: Phase| {
                set_timeout(
                    move || {
                        if round.get_value() == this {
                            phase.set(to);
                        }
                    },
                    Duration::from_secs(secs.max(0) as u64),
                );
            };
            at(end - WARN_SECONDS, Phase::Warning { renewable });
            at(end, Phase::Ended);
        };
        schedule(clock.idle_left);
        move |_| {
            leptos::task::spawn_local(async move {
                match keep_alive().await {
                    Ok(true) => {
                        schedule(clock.idle_timeout);
                        // The button that had focus is gone: give it back to the page.
                        focus_main();
                    }
                    Ok(false) | Err(_) => phase.set(Phase::Ended),
                }
            });
        }
    }
}
