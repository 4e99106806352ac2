//! Previous / "page N of M" / next for a list paged on the server. Plain links, so paging works
//! the same without JavaScript.

use crate::i18n::tr;
use leptos::prelude::*;

/// Nothing when everything fits on one page. `page` counts from 0; `href(p)` links page `p`.
pub fn pager(page: i64, pages: i64, href: impl Fn(i64) -> String) -> Option<AnyView> {
    let rt = tr().record;
    (pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label=rt.pagination>
                {(page > 0).then(|| view! { <a href=href(page - 1) rel="prev">{rt.previous}</a> })}
                <span>{(rt.page_of)(page + 1, pages)}</span>
                {(page + 1 < pages).then(|| view! { <a href=href(page + 1) rel="next">{rt.next}</a> })}
            </nav>
        }
        .into_any()
    })
}
