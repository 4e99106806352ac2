use crate::components::form_error::field_message;
use crate::components::loaded::loaded;
use crate::error::AppError;
use crate::functions::account::{ConfirmTwoFactor, get_two_factor};
use crate::i18n::tr;
use crate::models::auth::TwoFactorSetup;
use leptos::prelude::*;

/// Setting up two-factor sign-in: scan or type the secret, then confirm with a first code.
/// Staff land here after their password until they have done it.
#[component]
pub fn TwoFactorPage() -> impl IntoView {
    let setup = Resource::new(|| (), |_| get_two_factor());
    loaded(setup, |s| view! { <TwoFactorSetupView setup=s/> })
}

#[component]
fn TwoFactorSetupView(setup: TwoFactorSetup) -> impl IntoView {
    let t = tr();
    let a = t.account;
    let action = ServerAction::<ConfirmTwoFactor>::new();
    let pending = action.pending();
    let error = move || action.value().get().and_then(Result::err);
    let code_error = move || field_message(t, error().as_ref(), "code");
    let (Some(secret), Some(svg)) = (setup.secret, setup.qr_svg) else {
        // Already on, or not started: the account page says which and offers the next step.
        return view! {
            <h1>{a.setup_title}</h1>
            <p>{if setup.enabled { a.done_two_factor_on } else { a.two_factor_off }}</p>
            <p><a href="/account">{a.account_title}</a></p>
        }
        .into_any();
    };
    view! {
        <section class="card narrow">
            <h1>{a.setup_title}</h1>
            {setup.required.then(|| view! { <p>{a.setup_required_intro}</p> })}
            <ol class="steps">{a.setup_steps.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ol>
            <div class="qr" role="img" aria-label=a.setup_qr_label inner_html=svg></div>
            <p>{a.setup_secret_label}": "<code class="secret" data-testid="totp-secret">{secret}</code></p>
            {move || error().filter(|e| !matches!(e, AppError::Validation(_)))
                .map(|e| view! { <div class="notice error" role="alert">{t.error(&e)}</div> })}
            <ActionForm action=action attr:class="form">
                <div class="field">
                    <label for="code">{a.code_label}</label>
                    <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code"
                        maxlength="7" required aria-describedby="code-hint code-error"
                        aria-invalid=move || code_error().is_some().then_some("true")/>
                    <p id="code-hint" class="hint">{a.code_hint}</p>
                    <p id="code-error" class="field-error" role="alert">{code_error}</p>
                </div>
                <button type="submit" class="button primary" disabled=move || pending.get()>{a.setup_confirm}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}
