//! newsdesk: a terminal reader for folders of scraped news articles.
//!
//! [`corpus`] turns a folder of raw articles into clean articles with metadata and evidence,
//! and filters them; it knows nothing of terminals. [`cli`] parses and validates the command
//! line, [`commands`] runs the subcommands, [`ui`] is the full-screen reader.

pub mod cli;
pub mod commands;
pub mod corpus;
pub mod state;
pub mod synth;
pub mod ui;
pub mod width;
