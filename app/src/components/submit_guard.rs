//! The one island, on every page: a form posted once is not posted again by a second tap
//! while the first post is on its way, and it is marked `aria-busy` so the page can show it.
//! Never needed for correctness: every submission is idempotent on the server (DESIGN §1),
//! and without JavaScript the forms post exactly the same way.

use leptos::prelude::*;

/// Renders nothing; in the browser it listens to every form's submit on the window.
#[island]
pub fn SubmitGuard() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    guard_forms();
}

#[cfg(feature = "hydrate")]
fn guard_forms() {
    use leptos::wasm_bindgen::JsCast;
    use leptos::web_sys::HtmlFormElement;
    use std::time::Duration;

    // A post that answers with a download instead of a new page never unloads this one.
    const RELEASE_AFTER: Duration = Duration::from_secs(8);
    let busy = StoredValue::new_local(Vec::<HtmlFormElement>::new());
    let release = move |form: &HtmlFormElement| {
        _ = form.remove_attribute("aria-busy");
        busy.update_value(|forms| forms.retain(|f| f != form));
    };
    window_event_listener(leptos::ev::submit, move |ev| {
        let Some(form) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlFormElement>().ok())
        else {
            return;
        };
        // The attribute, not `form.method`: a control named "method" would shadow that
        // property (and a non-string crossing into the wasm is a trap).
        let posts = form
            .get_attribute("method")
            .is_some_and(|m| m.eq_ignore_ascii_case("post"));
        if !posts {
            return;
        }
        if form.has_attribute("aria-busy") {
            ev.prevent_default();
            return;
        }
        _ = form.set_attribute("aria-busy", "true");
        busy.update_value(|forms| forms.push(form.clone()));
        set_timeout(move || release(&form), RELEASE_AFTER);
    });
    // The back button may restore this page from the back-forward cache, busy forms included.
    window_event_listener(leptos::ev::pageshow, move |ev| {
        if ev.persisted() {
            for form in busy.get_value() {
                release(&form);
            }
        }
    });
}
