use crate::components::form_error::field_message;
use crate::error::AppError;
use crate::functions::auth::VerifyCode;
use crate::i18n::tr;
use leptos::prelude::*;

/// The second sign-in step: the code from the authenticator app.
#[component]
pub fn SignInCodePage() -> impl IntoView {
    let t = tr();
    let a = t.account;
    let action = ServerAction::<VerifyCode>::new();
    let pending = action.pending();
    let error = move || action.value().get().and_then(Result::err);
    let code_error = move || field_message(t, error().as_ref(), "code");
    view! {
        <section class="card narrow">
            <h1>{a.code_title}</h1>
            <p>{a.code_intro}</p>
            {move || error().filter(|e| !matches!(e, AppError::Validation(_)))
                .map(|e| view! { <div class="notice error" role="alert">{t.error(&e)}</div> })}
            <ActionForm action=action attr:class="form">
                <div class="field">
                    <label for="code">{a.code_label}</label>
                    <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code"
                        pattern="[0-9 ]{6,7}" maxlength="7" required autofocus
                        aria-describedby="code-hint code-error"
                        aria-invalid=move || code_error().is_some().then_some("true")/>
                    <p id="code-hint" class="hint">{a.code_hint}</p>
                    <p id="code-error" class="field-error" role="alert">{code_error}</p>
                </div>
                <button type="submit" class="button primary" disabled=move || pending.get()>{a.code_submit}</button>
            </ActionForm>
            <p><a href="/login">{a.restart_sign_in}</a></p>
        </section>
    }
}
