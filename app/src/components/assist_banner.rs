//! The banner on every page of an assisted session: who acts for whom, why, until when, the
//! mode, and the end button; for a relative (亲情代办), what the authorisation allows and that
//! everything is logged. Plain forms, so it works without JavaScript.

use crate::i18n::tr;
use crate::models::auth::AssistBanner;
use leptos::prelude::*;

#[component]
pub fn AssistBannerView(banner: AssistBanner) -> impl IntoView {
    if banner.relative {
        return view! { <RelativeBanner banner/> }.into_any();
    }
    let t = tr();
    let a = t.account;
    let mode = if banner.write_mode {
        a.banner_mode_write
    } else {
        a.banner_mode_read
    };
    let switch = if banner.write_mode {
        view! {
            <form method="post" action="/api/assist/set_mode" class="inline-form">
                <input type="hidden" name="mode" value="read"/>
                <button type="submit" class="button">{a.banner_to_read}</button>
            </form>
        }
        .into_any()
    } else {
        view! {
            <details class="assist-switch">
                <summary>{a.banner_to_write}</summary>
                <form method="post" action="/api/assist/set_mode" class="form">
                    <input type="hidden" name="mode" value="write"/>
                    <label class="check">
                        <input type="checkbox" name="confirmed" value="yes" required/>
                        {a.banner_confirm_write}
                    </label>
                    <button type="submit" class="button">{a.banner_to_write}</button>
                </form>
            </details>
        }
        .into_any()
    };
    view! {
        <section class="assist-banner" role="region" aria-label=a.banner_label data-watermark=a.watermark>
            <p class="assist-who"><strong>{(a.banner_who)(&banner.agent_name, &banner.subject_name)}</strong></p>
            <p>{(a.banner_reason)((a.reason)(banner.reason), &banner.ticket)}</p>
            <p>{(a.banner_time)(&banner.ends_at, banner.minutes_left)}" · "{mode}</p>
            <div class="assist-actions">
                {switch}
                <form method="post" action="/api/assist/end" class="inline-form">
                    <button type="submit" class="button primary">{a.banner_end}</button>
                </form>
            </div>
        </section>
    }
    .into_any()
}

#[component]
fn RelativeBanner(banner: AssistBanner) -> impl IntoView {
    let t = tr();
    let r = t.relatives;
    let mode = if banner.write_mode {
        r.banner_may_act
    } else {
        r.banner_view_only
    };
    view! {
        <section class="assist-banner relative-banner" role="region" aria-label=r.title>
            <p class="assist-who"><strong>{(r.banner_who)(&banner.agent_name, &banner.subject_name)}</strong></p>
            <p>{mode}" · "{(t.account.banner_time)(&banner.ends_at, banner.minutes_left)}</p>
            <p>{r.banner_logged}</p>
            <div class="assist-actions">
                <form method="post" action="/api/assist/end" class="inline-form">
                    <button type="submit" class="button primary">{r.banner_end}</button>
                </form>
            </div>
        </section>
    }
}
