//! Reading a failed action's error for one field of a form, in the reader's language.

use crate::error::AppError;
use crate::i18n::Texts;

/// The message for `field` when `error` is a validation error naming it.
pub fn field_message(t: &Texts, error: Option<&AppError>, field: &str) -> Option<&'static str> {
    match error {
        Some(AppError::Validation(fields)) => fields
            .iter()
            .find(|f| f.field == field)
            .map(|f| t.field_error(f.code)),
        _ => None,
    }
}
