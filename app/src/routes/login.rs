use crate::components::form_error::field_message;
use crate::functions::auth::Login;
use crate::i18n::tr;
use leptos::prelude::*;

/// Sign-in for every role. Errors come back through the action (JavaScript on) or through the
/// URL after the server redirects the plain form post back here (JavaScript off).
#[component]
pub fn LoginPage() -> impl IntoView {
    let t = tr();
    let action = ServerAction::<Login>::new();
    let pending = action.pending();
    let error = move || action.value().get().and_then(Result::err);
    let field_error = move |field: &'static str| move || field_message(t, error().as_ref(), field);
    let account_error = field_error("account");
    let password_error = field_error("password");
    view! {
        <section class="card narrow">
            <h1>{t.login_title}</h1>
            <p>{t.login_intro}</p>
            {move || error().map(|e| view! { <div class="notice error" role="alert">{t.error(&e)}</div> })}
            <ActionForm action=action attr:class="form">
                <div class="field">
                    <label for="account">{t.account_label}</label>
                    <input id="account" name="account" type="text" autocomplete="username" required
                        inputmode="text" autocapitalize="none" spellcheck="false" maxlength="64"
                        aria-describedby="account-hint account-error"
                        aria-invalid=move || account_error().is_some().then_some("true")/>
                    <p id="account-hint" class="hint">{t.account_hint}</p>
                    <p id="account-error" class="field-error">{account_error}</p>
                </div>
                <div class="field">
                    <label for="password">{t.password_label}</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required
                        maxlength="256" aria-describedby="password-error"
                        aria-invalid=move || password_error().is_some().then_some("true")/>
                    <p id="password-error" class="field-error">{password_error}</p>
                </div>
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {move || if pending.get() { t.signing_in } else { t.submit_login }}
                </button>
            </ActionForm>
        </section>
    }
}
