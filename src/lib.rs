//! newsdesk: a terminal reader for folders of scraped news articles.
//!
//! [`corpus`] turns a folder of raw articles into clean articles with metadata and evidence,
//! and filters them; it knows nothing of terminals. `cli` is the command line, `ui` the
//! full-screen reader.

pub mod corpus;
