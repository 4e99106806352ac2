//! Workflow and presentation rules over the store, taking scopes rather than raw ids.
//! No SQL here.

pub mod homes;
pub mod records;
