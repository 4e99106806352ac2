use crate::components::form_error::field_message;
use crate::components::loaded::loaded;
use crate::error::AppError;
use crate::functions::account::{ChangePassword, DisableTwoFactor, get_two_factor};
use crate::i18n::tr;
use crate::models::auth::TwoFactorSetup;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Account and security: two-factor sign-in and the password. Not reachable in an assisted
/// session (the server refuses; the page says why).
#[component]
pub fn AccountPage() -> impl IntoView {
    let t = tr();
    let a = t.account;
    let query = use_query_map();
    let renew = move || query.read().get("renew").as_deref() == Some("password");
    let done = move || match query.read().get("done").as_deref() {
        Some("two_factor_on") => Some(a.done_two_factor_on),
        Some("two_factor_off") => Some(a.done_two_factor_off),
        Some("password") => Some(a.done_password),
        _ => None,
    };
    let setup = Resource::new(|| (), |_| get_two_factor());
    view! {
        <h1>{a.account_title}</h1>
        {move || done().map(|m| view! { <div class="notice success" role="status">{m}</div> })}
        {move || renew().then(|| view! { <div class="notice warn" role="status">{a.renew_password}</div> })}
        {loaded(setup, move |s| view! { <TwoFactorSection setup=s/><PasswordSection/> })}
    }
}

#[component]
fn TwoFactorSection(setup: TwoFactorSetup) -> impl IntoView {
    let t = tr();
    let a = t.account;
    let disable = ServerAction::<DisableTwoFactor>::new();
    let error = move || disable.value().get().and_then(Result::err);
    let code_error = move || field_message(t, error().as_ref(), "code");
    let body = match (setup.enabled, setup.required) {
        (true, true) => view! { <p>{a.two_factor_on}</p><p class="muted">{a.two_factor_required}</p> }.into_any(),
        (true, false) => view! {
            <p>{a.two_factor_on}</p>
            <ActionForm action=disable attr:class="form">
                <div class="field">
                    <label for="off-code">{a.code_label}</label>
                    <input id="off-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code"
                        maxlength="7" required aria-describedby="off-hint off-error"
                        aria-invalid=move || code_error().is_some().then_some("true")/>
                    <p id="off-hint" class="hint">{a.two_factor_turn_off_hint}</p>
                    <p id="off-error" class="field-error" role="alert">{code_error}</p>
                </div>
                <button type="submit" class="button">{a.two_factor_turn_off}</button>
            </ActionForm>
        }
        .into_any(),
        (false, _) => view! {
            <p>{a.two_factor_off}</p>
            {setup.required.then(|| view! { <p class="muted">{a.two_factor_required}</p> })}
            <form method="post" action="/api/account/begin_two_factor" class="inline-form">
                <button type="submit" class="button primary">{a.two_factor_set_up}</button>
            </form>
        }
        .into_any(),
    };
    view! {
        <section class="card" aria-labelledby="tf-h">
            <h2 id="tf-h">{a.two_factor_title}</h2>
            {move || error().filter(|e| !matches!(e, AppError::Validation(_)))
                .map(|e| view! { <div class="notice error" role="alert">{t.error(&e)}</div> })}
            {body}
        </section>
    }
}

#[component]
fn PasswordSection() -> impl IntoView {
    let t = tr();
    let a = t.account;
    let action = ServerAction::<ChangePassword>::new();
    let pending = action.pending();
    let error = move || action.value().get().and_then(Result::err);
    let field = move |name: &'static str| move || field_message(t, error().as_ref(), name);
    let input = move |id: &'static str,
                      label: &'static str,
                      autocomplete: &'static str,
                      hint: Option<&'static str>| {
        let message = field(id);
        let described = format!("{id}-hint {id}-error");
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id name=id type="password" autocomplete=autocomplete required maxlength="256"
                    aria-describedby=described
                    aria-invalid=move || message().is_some().then_some("true")/>
                <p id=format!("{id}-hint") class="hint">{hint}</p>
                <p id=format!("{id}-error") class="field-error" role="alert">{field(id)}</p>
            </div>
        }
    };
    view! {
        <section class="card" aria-labelledby="pw-h">
            <h2 id="pw-h">{a.password_title}</h2>
            {move || error().filter(|e| !matches!(e, AppError::Validation(_)))
                .map(|e| view! { <div class="notice error" role="alert">{t.error(&e)}</div> })}
            <ActionForm action=action attr:class="form">
                {input("current", a.current_password, "current-password", None)}
                {input("new_password", a.new_password, "new-password", Some(a.new_password_hint))}
                {input("confirm", a.confirm_password, "new-password", None)}
                <p class="hint">{a.password_signs_out_others}</p>
                <button type="submit" class="button primary" disabled=move || pending.get()>{a.password_submit}</button>
            </ActionForm>
        </section>
    }
}
