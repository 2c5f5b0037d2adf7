//! Prompts on the bottom line: the incremental search, the date filter, the file names of save
//! and export, the command to pipe an article to, and yes/no questions before a file is
//! overwritten or written into the corpus. A small line editor (cursor, delete, word delete)
//! over the typed text.

use super::action::Action;
use super::keymap::{self, Context};
use crate::corpus::filter::DATE_FORMS;
use crate::corpus::index::Query;

/// What the prompt is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKind {
    /// Search; holds the search in force before, restored on Esc.
    Search { before: Option<Query> },
    /// Date range.
    Date,
    /// The file to save article number `article` to.
    Save { article: u32 },
    /// The shell command to pipe article number `article` to.
    Pipe { article: u32 },
    /// The file to export the listed articles to.
    Export,
    /// A yes/no question before `write` goes ahead: `ask` on the prompt line, `why` (naming the
    /// file) on the status row above it, where a long path has the whole width.
    Confirm { ask: &'static str, why: String, write: PendingWrite },
    /// Tags for article number `article`: space-separated, `-tag` removes.
    Tags { article: u32 },
    /// Mark these articles (the listed unread ones) read? y/N.
    MarkAllRead { articles: Vec<u32> },
}

/// A file about to be written, held while the user confirms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingWrite {
    pub path: std::path::PathBuf,
    pub contents: String,
    /// What was written, for the message: `Markdown, 523 words`.
    pub what: String,
    /// The questions already answered yes (so each is asked once).
    pub overwrite_ok: bool,
    pub corpus_ok: bool,
}

/// A prompt being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: String,
    /// Cursor position, in bytes, on a character boundary.
    pub cursor: usize,
    /// An error about the input (a bad date), shown until the next edit.
    pub error: Option<String>,
}

impl Prompt {
    pub fn new(kind: PromptKind, input: String) -> Prompt {
        let cursor = input.len();
        Prompt { kind, input, cursor, error: None }
    }

    pub fn label(&self) -> String {
        match &self.kind {
            PromptKind::Search { .. } => "/".into(),
            PromptKind::Date => "date: ".into(),
            PromptKind::Save { .. } => "save as: ".into(),
            PromptKind::Pipe { .. } => "pipe to: ".into(),
            PromptKind::Export => "export to: ".into(),
            PromptKind::Confirm { ask, .. } => format!("{ask} (y/N) "),
            PromptKind::Tags { .. } => "tags: ".into(),
            PromptKind::MarkAllRead { articles } => format!("Mark {} read? y/N ", count_articles(articles.len())),
        }
    }

    /// The hint after the input (errors are shown on the status row).
    pub fn hint(&self) -> String {
        match &self.kind {
            PromptKind::Search { .. } => format!(
                "words in title or text · {} keep · {} cancel",
                keymap::key_for(Context::Prompt, &Action::Apply),
                keymap::key_for(Context::Prompt, &Action::Back)
            ),
            PromptKind::Date => format!("{DATE_FORMS}; empty for all dates"),
            PromptKind::Save { .. } => ".md or .txt".into(),
            PromptKind::Pipe { .. } => "a shell command; the article as Markdown on its stdin".into(),
            PromptKind::Export => crate::corpus::export::ListFormat::EXTENSIONS.into(),
            PromptKind::Tags { .. } => "space-separated; -tag removes it".into(),
            PromptKind::Confirm { .. } | PromptKind::MarkAllRead { .. } => format!(
                "y and {} to go ahead · {} cancel",
                keymap::key_for(Context::Prompt, &Action::Apply),
                keymap::key_for(Context::Prompt, &Action::Back)
            ),
        }
    }

    /// The error for a date that does not parse: short enough for an 80-column status row.
    pub fn date_error() -> String {
        "✗ not a date. Try 2019 2019-04 2019-04-22 2019-03..2019-04 ..2012 2019-04-20..".into()
    }

    pub fn insert(&mut self, s: &str) {
        // Pasted text may hold newlines or controls; a prompt is one line of plain text.
        let clean: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        self.input.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
        self.error = None;
    }

    pub fn delete_back(&mut self) {
        if let Some((i, _)) = self.input[..self.cursor].char_indices().next_back() {
            self.input.replace_range(i..self.cursor, "");
            self.cursor = i;
        }
        self.error = None;
    }

    pub fn delete_forward(&mut self) {
        if let Some(c) = self.input[self.cursor..].chars().next() {
            self.input.replace_range(self.cursor..self.cursor + c.len_utf8(), "");
        }
        self.error = None;
    }

    pub fn left(&mut self) {
        if let Some((i, _)) = self.input[..self.cursor].char_indices().next_back() {
            self.cursor = i;
        }
    }

    pub fn right(&mut self) {
        if let Some(c) = self.input[self.cursor..].chars().next() {
            self.cursor += c.len_utf8();
        }
    }

    pub fn start(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.input.len();
    }

    pub fn delete_to_start(&mut self) {
        self.input.replace_range(..self.cursor, "");
        self.cursor = 0;
        self.error = None;
    }

    pub fn delete_word(&mut self) {
        let before = &self.input[..self.cursor];
        let trimmed = before.trim_end();
        // The space may be wide (U+3000, typed by CJK input methods): step over its bytes.
        let start = trimmed.char_indices().rfind(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
        self.input.replace_range(start..self.cursor, "");
        self.cursor = start;
        self.error = None;
    }
}

/// `1 article`, `1,234 articles`: a count people read at a glance in a question.
pub fn count_articles(n: usize) -> String {
    let digits = n.to_string();
    let mut grouped = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{grouped} {}", if n == 1 { "article" } else { "articles" })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Prompt {
        Prompt::new(PromptKind::Date, s.into())
    }

    #[test]
    fn editing_respects_character_boundaries() {
        let mut x = p("신혜인");
        x.left();
        x.delete_back();
        assert_eq!((x.input.as_str(), x.cursor), ("신인", 3));
        x.delete_forward();
        assert_eq!(x.input, "신");
        x.start();
        x.insert("김 ");
        assert_eq!(x.input, "김 신");
        x.end();
        x.right();
        assert_eq!(x.cursor, x.input.len());
    }

    #[test]
    fn word_and_line_deletion() {
        let mut x = p("kim jong un");
        x.delete_word();
        assert_eq!(x.input, "kim jong ");
        x.delete_word();
        assert_eq!(x.input, "kim ");
        x.delete_to_start();
        assert_eq!(x.input, "");
    }

    #[test]
    fn word_deletion_over_an_ideographic_space() {
        let mut x = p("kim\u{3000}jong");
        x.delete_word();
        assert_eq!(x.input, "kim\u{3000}");
        x.delete_word();
        assert_eq!(x.input, "");
    }

    #[test]
    fn pasted_controls_become_spaces() {
        let mut x = p("");
        x.insert("2019\n04\x1b[2J");
        assert_eq!(x.input, "2019 04 [2J");
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(count_articles(1), "1 article");
        assert_eq!(count_articles(999), "999 articles");
        assert_eq!(count_articles(1234), "1,234 articles");
        assert_eq!(count_articles(100_000), "100,000 articles");
    }
}
