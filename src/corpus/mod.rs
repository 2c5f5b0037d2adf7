//! The corpus model: articles, extraction, dates, outlets, filters and loading. Pure logic, no
//! terminal.

pub mod article;
pub mod dates;
pub mod extract;
pub mod outlets;
pub mod text;
