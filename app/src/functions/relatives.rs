//! Relatives who help (亲情代办): the page, authorising, answering, ending, and acting for the
//! person. The person is the session's; a grant is touched only by its two parties.

use crate::error::AppError;
use crate::models::relatives::RelativesView;
use leptos::prelude::*;

#[server(prefix = "/api/citizen", endpoint = "get_relatives")]
pub async fn get_relatives() -> Result<RelativesView, AppError> {
    use crate::server::{call, services};
    call::principal(|app, p| async move { services::relatives::view(&app, &p).await }).await
}

#[server(prefix = "/api/citizen", endpoint = "authorise_relative")]
pub async fn authorise_relative(
    resident_id: String,
    phone_last_four: String,
    may_act: Option<String>,
    months: String,
    request_key: String,
) -> Result<(), AppError> {
    use crate::server::services::relatives::AuthoriseInput;
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        let input = AuthoriseInput {
            resident_id: &resident_id,
            phone_last_four: &phone_last_four,
            may_act: may_act.is_some(),
            months: &months,
            request_key: &request_key,
        };
        services::relatives::authorise(&app, &p, &input).await?;
        leptos_axum::redirect("/me/relatives?offered=1");
        Ok(())
    })
    .await
}

/// The relative's answer: `answer` is `accept` or `decline`.
#[server(prefix = "/api/citizen", endpoint = "answer_relative")]
pub async fn answer_relative(grant: i64, answer: String) -> Result<(), AppError> {
    use crate::error::FieldCode;
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        let accept = match answer.as_str() {
            "accept" => true,
            "decline" => false,
            _ => return Err(AppError::field("answer", FieldCode::Invalid)),
        };
        services::relatives::answer(&app, &p, grant, accept).await?;
        leptos_axum::redirect("/me/relatives");
        Ok(())
    })
    .await
}

#[server(prefix = "/api/citizen", endpoint = "end_relative")]
pub async fn end_relative(grant: i64) -> Result<(), AppError> {
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        services::relatives::end(&app, &p, grant).await?;
        leptos_axum::redirect("/me/relatives?ended=1");
        Ok(())
    })
    .await
}

/// The relative starts acting for the person and lands on their home page.
#[server(prefix = "/api/citizen", endpoint = "act_for_relative")]
pub async fn act_for_relative(grant: i64) -> Result<(), AppError> {
    use crate::server::{call, services};
    call::principal(|app, p| async move {
        let token = services::relatives::act_for(&app, &p, grant).await?;
        super::auth::set_session_cookie(&app, &token)?;
        leptos_axum::redirect("/me");
        Ok(())
    })
    .await
}
