use crate::components::error_view::ErrorView;
use crate::components::form_error::field_message;
use crate::components::pager::pager;
use crate::error::AppError;
use crate::functions::admin::{
    CreateStaff, SetStaffDisabled, SetStaffRoles, list_staff, take_created_staff,
};
use crate::i18n::{Texts, tr};
use crate::models::admin::{
    CreatedStaff, OfficeChoice, STAFF_ROLES, StaffAccount, StaffAccounts, StaffGrant,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Staff accounts: `/admin/staff?role=&q=&page=&user=&done=`. A plain GET form filters the list;
/// the account named by `user` is managed in a panel above it (roles, disable or enable), which
/// also says what was just done to it; a new account's initial password is shown once. Every
/// form works the same with JavaScript off.
#[component]
pub fn StaffAccountsPage() -> impl IntoView {
    let t = tr();
    let ad = t.admin;
    let query = use_query_map();
    let input = move || {
        let q = query.read();
        (q.get("role"), q.get("q"), q.get("page"), q.get("user"))
    };
    let actions = Actions {
        create: ServerAction::<CreateStaff>::new(),
        roles: ServerAction::<SetStaffRoles>::new(),
        status: ServerAction::<SetStaffDisabled>::new(),
    };
    // Each change reloads the list, also when the address stays the same.
    let list = Resource::new(
        move || (input(), actions.versions()),
        |((role, q, page, user), _)| list_staff(role, q, page, user),
    );
    let handed_over = Resource::new(|| (), |_| take_created_staff());
    view! {
        <p><a href="/admin">{t.admin_home_title}</a></p>
        <h1>{ad.staff_title}</h1>
        <p class="muted">{ad.staff_intro}</p>
        <Suspense fallback=move || view! { <p>{t.loading}</p> }>
            {move || Suspend::new(async move {
                let (role, q, _, _) = input();
                // After a plain form post; the hydrated app has the action's own answer.
                let handed_over = handed_over.await.ok().flatten();
                match list.await {
                    Ok(list) => view! { <StaffAccountsView list handed_over actions/> }.into_any(),
                    Err(e @ AppError::Validation(_)) => view! {
                        <Filters role q errors=Some(e)/>
                    }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The page's three changes, each read by its form and by the list that reloads after it.
#[derive(Clone, Copy)]
struct Actions {
    create: ServerAction<CreateStaff>,
    roles: ServerAction<SetStaffRoles>,
    status: ServerAction<SetStaffDisabled>,
}

impl Actions {
    fn versions(&self) -> (usize, usize, usize) {
        (
            self.create.version().get(),
            self.roles.version().get(),
            self.status.version().get(),
        )
    }
}

/// The error of an action's last answer, if it failed.
fn failed<A>(action: ServerAction<A>) -> Signal<Option<AppError>>
where
    A: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    A::Output: Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().and_then(Result::err))
}

/// A failure that belongs to no field, shown above the form.
fn general_error(t: &'static Texts, error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error
            .get()
            .filter(|e| !matches!(e, AppError::Validation(_)))
            .map(|e| view! { <div class="notice error" role="alert">{t.error(&e)}</div> })
    }
}

/// Role names with the reviewer's office, e.g. "客服, 经办机构审核 · 北京市人力资源和社会保障局".
fn roles_in_words(t: &Texts, grants: &[StaffGrant]) -> String {
    grants
        .iter()
        .map(|g| match &g.office {
            Some(office) => format!("{} · {office}", t.role(g.role)),
            None => t.role(g.role).to_string(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The list with the managed account's panel, the creation form and the filters. `handed_over`
/// is an account just created by a plain form post (JavaScript off), with its password.
#[component]
fn StaffAccountsView(
    list: StaffAccounts,
    handed_over: Option<CreatedStaff>,
    actions: Actions,
) -> impl IntoView {
    let t = tr();
    let ad = t.admin;
    let q = list.query.clone();
    let own = list.own_user_id;
    let accounts = if list.accounts.is_empty() {
        view! { <p>{ad.accounts_empty}</p> }.into_any()
    } else {
        view! {
            <ul class="staff-accounts" role="list">
                {list.accounts.into_iter().map(|account| {
                    let href = q.manage_href(account.id);
                    let own = account.id == own;
                    view! { <AccountCard account href own/> }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let href_query = q.clone();
    let page = pager(q.page, list.pages, move |p| href_query.href(p));
    let manage = list.selected.map(|account| {
        let own = account.id == own;
        let created = handed_over.filter(|c| c.user_id == account.id);
        view! { <ManagePanel account offices=list.offices.clone() own created actions/> }
    });
    view! {
        {manage}
        <CreateForm offices=list.offices action=actions.create/>
        <Filters role=q.role.map(|r| r.code().to_string()) q=q.q.clone() errors=None/>
        <section aria-labelledby="accounts-h" class="results">
            <h2 id="accounts-h">{(ad.accounts_total)(list.total)}</h2>
            {accounts}
            {page}
        </section>
    }
}

/// What the list and the panel show of an account.
fn account_facts(t: &'static Texts, account: &StaffAccount) -> AnyView {
    let ad = t.admin;
    view! {
        <dl class="facts">
            <dt>{ad.col_username}</dt><dd>{account.username.clone()}</dd>
            <dt>{ad.col_roles}</dt><dd>{roles_in_words(t, &account.grants)}</dd>
            <dt>{ad.col_two_factor}</dt>
            <dd>{if account.two_factor { ad.two_factor_on } else { ad.two_factor_pending }}</dd>
            <dt>{ad.col_status}</dt>
            <dd class=if account.disabled { "status-none" } else { "status-active" }>
                {if account.disabled { ad.disabled } else { ad.active }}
            </dd>
            <dt>{ad.col_created}</dt><dd>{account.created.clone()}</dd>
        </dl>
    }
    .into_any()
}

#[component]
fn AccountCard(account: StaffAccount, href: String, own: bool) -> impl IntoView {
    let t = tr();
    let ad = t.admin;
    let label = (ad.manage_who)(&account.display_name);
    view! {
        <li class="card">
            <h3>{account.display_name.clone()}{own.then_some(ad.you)}</h3>
            {account_facts(t, &account)}
            <p class="more"><a href=href aria-label=label>{ad.manage}</a></p>
        </li>
    }
}

/// The new account's initial password, with how to hand it over.
#[component]
fn CreatedNotice(created: CreatedStaff) -> impl IntoView {
    let ad = tr().admin;
    view! {
        <section class="notice success" role="status" aria-labelledby="created-h">
            <h3 id="created-h">{ad.created_title}</h3>
            <p>{(ad.created_line)(&created.username, &created.display_name)}</p>
            <p>{ad.initial_password}<code class="secret">{created.initial_password}</code></p>
            <p>{ad.initial_password_note}</p>
        </section>
    }
}

/// The role checkboxes and the reviewer's office, with their errors (`roles`, `office`). Ids
/// start with `prefix`, as two of these forms can be on the page.
#[component]
fn RoleFields(
    prefix: &'static str,
    grants: Vec<StaffGrant>,
    offices: Vec<OfficeChoice>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let t = tr();
    let ad = t.admin;
    let id = move |name: &str| format!("{prefix}-{name}");
    let message = move |field: &'static str| move || field_message(t, error.get().as_ref(), field);
    let office = grants.iter().find_map(|g| g.office_id);
    let boxes = STAFF_ROLES
        .into_iter()
        .map(|r| {
            let held = grants.iter().any(|g| g.role == r);
            view! {
                <label class="check">
                    <input type="checkbox" name=r.code() value="on" checked=held/>
                    {t.role(r)}
                </label>
            }
        })
        .collect_view();
    let options = offices
        .into_iter()
        .map(|o| view! { <option value=o.id.to_string() selected=office == Some(o.id)>{o.name}</option> })
        .collect_view();
    let office_error = message("office");
    view! {
        <fieldset class="field role-fields" aria-describedby=id("roles-error")>
            <legend>{ad.roles_legend}</legend>
            {boxes}
            <p id=id("roles-error") class="field-error">{message("roles")}</p>
        </fieldset>
        <div class="field">
            <label for=id("office")>{ad.office_label}</label>
            <select id=id("office") name="office"
                aria-describedby=format!("{} {}", id("office-hint"), id("office-error"))
                aria-invalid=move || office_error().is_some().then_some("true")>
                <option value="">{ad.office_choose}</option>
                {options}
            </select>
            <p id=id("office-hint") class="hint">{ad.office_hint}</p>
            <p id=id("office-error") class="field-error">{message("office")}</p>
        </div>
    }
}

/// One account: what was just done to it, its facts, its roles, and disabling or enabling it.
/// An administrator's own account cannot be disabled here (the server refuses too).
#[component]
fn ManagePanel(
    account: StaffAccount,
    offices: Vec<OfficeChoice>,
    own: bool,
    /// The account was created by a plain form post just before: its initial password.
    created: Option<CreatedStaff>,
    actions: Actions,
) -> impl IntoView {
    let t = tr();
    let ad = t.admin;
    let query = use_query_map();
    let has_created = created.is_some();
    let done = move || match query.read().get("done").as_deref() {
        Some("created") => Some(ad.done_created),
        Some("disabled") => Some(ad.done_disabled),
        Some("enabled") => Some(ad.done_enabled),
        Some("roles") => Some(ad.done_roles),
        _ => None,
    };
    let roles_error = failed(actions.roles);
    let status_error = failed(actions.status);
    let status_message = move || {
        let e = status_error.get();
        field_message(t, e.as_ref(), "user").or_else(|| field_message(t, e.as_ref(), "disabled"))
    };
    let user = account.id;
    let status_form = if account.disabled {
        view! {
            <ActionForm action=actions.status attr:class="form">
                <input type="hidden" name="user" value=user.to_string()/>
                <input type="hidden" name="disabled" value="false"/>
                <button type="submit" class="button primary">{ad.enable_submit}</button>
            </ActionForm>
        }
        .into_any()
    } else if own {
        view! { <p class="muted">{ad.own_account_note}</p> }.into_any()
    } else {
        view! {
            <ActionForm action=actions.status attr:class="form">
                <input type="hidden" name="user" value=user.to_string()/>
                <input type="hidden" name="disabled" value="true"/>
                <p class="hint">{ad.disable_hint}</p>
                <button type="submit" class="button">{ad.disable_submit}</button>
            </ActionForm>
        }
        .into_any()
    };
    view! {
        <section class="card" id="manage" aria-labelledby="manage-h">
            <h2 id="manage-h">{(ad.manage_title)(&account.display_name)}</h2>
            // The password notice says it was created.
            {move || done().filter(|_| !has_created).map(|m| view! { <div class="notice success" role="status">{m}</div> })}
            {created.map(|c| view! { <CreatedNotice created=c/> })}
            {account_facts(t, &account)}
            <h3>{ad.roles_title}</h3>
            {general_error(t, roles_error)}
            <ActionForm action=actions.roles attr:class="form">
                <input type="hidden" name="user" value=user.to_string()/>
                <RoleFields prefix="edit" grants=account.grants offices error=roles_error/>
                <button type="submit" class="button primary">{ad.roles_submit}</button>
            </ActionForm>
            <h3>{ad.status_title}</h3>
            {general_error(t, status_error)}
            <p class="field-error" role="alert">{status_message}</p>
            {status_form}
        </section>
    }
}

#[component]
fn CreateForm(offices: Vec<OfficeChoice>, action: ServerAction<CreateStaff>) -> impl IntoView {
    let t = tr();
    let ad = t.admin;
    let error = failed(action);
    let created = move || action.value().get().and_then(Result::ok);
    let pending = action.pending();
    let message = move |field: &'static str| move || field_message(t, error.get().as_ref(), field);
    let (username_error, name_error) = (message("username"), message("display_name"));
    view! {
        <section class="card" aria-labelledby="create-h">
            {move || created().map(|c| view! { <CreatedNotice created=c/> })}
            <details class="create-staff" open=move || error.get().is_some()>
                <summary><h2 id="create-h">{ad.create_title}</h2></summary>
                {general_error(t, error)}
                <ActionForm action=action attr:class="form">
                    <div class="field">
                        <label for="new-username">{ad.username_label}</label>
                        <input id="new-username" name="username" type="text" required minlength="3" maxlength="32"
                            pattern="[a-z0-9\\-]{3,32}" autocomplete="off" autocapitalize="none" spellcheck="false"
                            aria-describedby="new-username-hint new-username-error"
                            aria-invalid=move || username_error().is_some().then_some("true")/>
                        <p id="new-username-hint" class="hint">{ad.username_hint}</p>
                        <p id="new-username-error" class="field-error">{message("username")}</p>
                    </div>
                    <div class="field">
                        <label for="new-display_name">{ad.display_name_label}</label>
                        <input id="new-display_name" name="display_name" type="text" required maxlength="40"
                            autocomplete="off" aria-describedby="new-display_name-hint new-display_name-error"
                            aria-invalid=move || name_error().is_some().then_some("true")/>
                        <p id="new-display_name-hint" class="hint">{ad.display_name_hint}</p>
                        <p id="new-display_name-error" class="field-error">{message("display_name")}</p>
                    </div>
                    <RoleFields prefix="new" grants=Vec::new() offices error/>
                    <p class="hint">{ad.create_note}</p>
                    <button type="submit" class="button primary" disabled=move || pending.get()>{ad.create_submit}</button>
                </ActionForm>
            </details>
        </section>
    }
}

/// The filter form, filled from the raw query so a rejected value is shown as typed.
#[component]
fn Filters(role: Option<String>, q: Option<String>, errors: Option<AppError>) -> impl IntoView {
    let t = tr();
    let ad = t.admin;
    let role = role.unwrap_or_default();
    let error = |f: &str| field_message(t, errors.as_ref(), f);
    let (role_error, q_error, user_error) = (error("role"), error("q"), error("user"));
    let options = STAFF_ROLES
        .into_iter()
        .map(|r| view! { <option value=r.code() selected=role == r.code()>{t.role(r)}</option> })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="filters-h">
            <h2 id="filters-h">{ad.filters_title}</h2>
            {errors.is_some().then(|| view! { <div class="notice error" role="alert"><p>{t.err_validation}</p></div> })}
            <form method="get" action="/admin/staff" class="form filters" role="search">
                <div class="field">
                    <label for="role">{ad.role_label}</label>
                    <select id="role" name="role" aria-describedby="role-error"
                        aria-invalid=role_error.is_some().then_some("true")>
                        <option value="">{ad.role_any}</option>
                        {options}
                    </select>
                    <p id="role-error" class="field-error">{role_error}</p>
                </div>
                <div class="field">
                    <label for="q">{ad.search_label}</label>
                    <input id="q" name="q" type="search" maxlength="40" autocomplete="off" value=q
                        aria-describedby="q-hint q-error" aria-invalid=q_error.is_some().then_some("true")/>
                    <p id="q-hint" class="hint">{ad.search_hint}</p>
                    <p id="q-error" class="field-error">{q_error.or(user_error)}</p>
                </div>
                <button type="submit" class="button primary">{ad.filter_submit}</button>
                <a href="/admin/staff" class="clear-link">{ad.clear}</a>
            </form>
        </section>
    }
}
