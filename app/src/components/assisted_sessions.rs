//! Assisted sessions as the person acted for sees them: a summary of one (who, why, the ticket,
//! when, how it ended, what was done), and the sessions still running on their account with a
//! button to end each (a plain form: it works without JavaScript).

use crate::i18n::tr;
use crate::models::assist::AssistedDetail;
use leptos::prelude::*;

/// Nothing when no session is running.
#[component]
pub fn OpenSessions(sessions: Vec<AssistedDetail>) -> impl IntoView {
    let t = tr();
    let a = t.account;
    (!sessions.is_empty()).then(|| {
        view! {
            <section class="notice warn" aria-labelledby="open-h">
                <h2 id="open-h">{a.open_title}</h2>
                <p>{a.open_intro}</p>
                {sessions.into_iter().map(|s| {
                    let id = s.id.to_string();
                    view! {
                        <div class="open-session">
                            <SessionSummary detail=s/>
                            <form method="post" action="/api/me/end_assisted_session" class="inline-form">
                                <input type="hidden" name="id" value=id/>
                                <button type="submit" class="button primary">{a.end_now}</button>
                            </form>
                        </div>
                    }
                }).collect_view()}
            </section>
        }
    })
}

/// An assisted session: who, why, the ticket, when, how it ended and what was done.
#[component]
pub fn SessionSummary(detail: AssistedDetail) -> impl IntoView {
    let t = tr();
    let a = t.account;
    let ended = detail.end_reason.as_deref().map(|r| (a.end_reason)(r));
    let n = detail.actions_total;
    let actions = detail
        .actions
        .into_iter()
        .map(|(at, action, target, outcome)| {
            let what = match action.as_str() {
                "page" | "call" => (a.page_label)(&target),
                other => (a.action)(other),
            };
            view! {
                <li>
                    <time>{at}</time>" "{what}
                    {match outcome.as_str() {
                        "ok" => None,
                        "pending" => Some(a.outcome_pending),
                        _ => Some(a.outcome_refused),
                    }}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="assisted-detail">
            <p>
                {detail.agent}" · "{(a.reason)(detail.reason)}
                {(!detail.ticket.is_empty()).then(|| format!(" · {}", (a.session_ticket)(&detail.ticket)))}
            </p>
            {(!detail.reason_text.is_empty()).then(|| view! { <p class="muted">{detail.reason_text}</p> })}
            <p>{(a.session_times)(&detail.started, detail.ended.as_deref())}{ended.map(|e| format!(" · {e}"))}</p>
            <details>
                <summary>{(a.actions_title)(n)}</summary>
                <ol class="assisted-actions">{actions}</ol>
            </details>
        </div>
    }
}
