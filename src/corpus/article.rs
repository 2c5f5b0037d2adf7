//! Articles and the evidence behind their fields.
//!
//! [`Article`] is the compact form kept in memory for every article of a corpus (metadata only;
//! the body is read again from its file on demand). [`Extraction`] is the full result of reading
//! one article: every field with its [`Evidence`], the clean body, and what was removed as page
//! furniture.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::dates::Published;
use super::outlets::OutletId;

/// A stable article id: the first 64 bits of the XXH3 hash of the article's source bytes.
///
/// The same file gives the same id on every machine and run, wherever the corpus lives. It is
/// shown abbreviated to the shortest prefix that is unique in the corpus (git-style).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ArticleId(pub u64);

impl ArticleId {
    pub fn of_bytes(bytes: &[u8]) -> Self {
        ArticleId(xxhash_rust::xxh3::xxh3_64(bytes))
    }

    /// The id as 16 lower-case hex digits.
    pub fn hex(&self) -> String {
        format!("{:016x}", self.0)
    }

    /// The first `len` hex digits.
    pub fn short(&self, len: usize) -> String {
        let mut s = self.hex();
        s.truncate(len.clamp(1, 16));
        s
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

/// A person credited in a byline.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Author {
    /// The name as the article writes it in its own language's script ("Shin Hae-in").
    pub name: Box<str>,
    /// The same name in another script, when the page gives both (top byline "신혜인", sign-off
    /// "Shin Hae-in").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub native: Option<Box<str>>,
}

impl Author {
    pub fn new(name: &str) -> Self {
        Author { name: name.into(), native: None }
    }
}

impl fmt::Display for Author {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.native {
            Some(n) => write!(f, "{} ({})", self.name, n),
            None => f.write_str(&self.name),
        }
    }
}

/// The rule that produced a field, or removed a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    // Title
    MarkdownHeading,
    Headline,
    FirstLine,
    // Outlet and agency
    Masthead,
    SourceUrl,
    Promo,
    Trailer,
    Copyright,
    Dateline,
    TitleSuffix,
    BylineAffiliation,
    // Published
    LabelledDate,
    DateBelowHeadline,
    UrlDate,
    UpdatedDate,
    DateAboveHeadline,
    ProseDate,
    // Authors
    Byline,
    SignOff,
    BylineAndSignOff,
    // Given directly
    FrontMatter,
    Json,
    Metadata,
    // Furniture removed from the body
    Banner,
    IconList,
    ShareWidget,
    TextSize,
    PhotoCredit,
    Caption,
    Timer,
    RepeatedHeadline,
    Standfirst,
    RepeatedParagraph,
    UrlLine,
    AboveHeadline,
    // Feeds (new variants go last: the cache stores rules by position)
    FeedTitle,
    FeedAuthor,
    EntryTitle,
    EntryLink,
    EntryPublished,
    EntryUpdated,
    EntryAuthor,
    EntrySource,
    EntryContent,
    // Saved web pages (HTML): the element or key a field was read from.
    JsonLd,
    OpenGraph,
    ArticleTag,
    MetaName,
    Itemprop,
    TimeElement,
    CanonicalUrl,
    HtmlTitle,
    HtmlHeading,
    // Added for pages from outlets the seeds did not show.
    Credits,
    Breadcrumb,
}

impl Rule {
    /// What the rule means, for `show`, `check` and the reader's evidence view.
    pub fn describe(self) -> &'static str {
        use Rule::*;
        match self {
            MarkdownHeading => "markdown heading",
            Headline => "first headline-like line",
            FirstLine => "first line of text (no headline found)",
            Masthead => "masthead line naming a known outlet",
            SourceUrl => "the article's URL",
            Promo => "\"Also on …\" promo line",
            Trailer => "trailer naming the publisher",
            Copyright => "copyright line",
            Dateline => "wire dateline \"(Agency) -\"",
            TitleSuffix => "the headline ends with the outlet's name (\"… | Outlet\")",
            BylineAffiliation => "the byline names the reporter's outlet (\"By X, Outlet\")",
            LabelledDate => "date line labelled as the publication date",
            DateBelowHeadline => "date line below the headline",
            UrlDate => "date in the article's URL",
            UpdatedDate => "date line labelled \"Updated\" (no publication date given)",
            DateAboveHeadline => "date line above the headline",
            ProseDate => "date inside the text (the page has no date line)",
            Byline => "byline",
            SignOff => "sign-off byline at the end",
            BylineAndSignOff => "byline and sign-off name the same reporter in two scripts",
            FrontMatter => "front matter",
            Json => "JSON field",
            Metadata => "given in the corpus metadata file",
            Banner => "banner",
            IconList => "icon-font word list",
            ShareWidget => "share or page widget",
            TextSize => "text-size widget",
            PhotoCredit => "photo credit",
            Caption => "photo caption",
            Timer => "media player timer",
            RepeatedHeadline => "repeated headline",
            Standfirst => "standfirst repeated by the first paragraph",
            RepeatedParagraph => "repeated paragraph",
            UrlLine => "URL line",
            AboveHeadline => "line above the headline",
            FeedTitle => "the feed's own title",
            FeedAuthor => "the feed's author (the entry names none)",
            EntryTitle => "the feed entry's title",
            EntryLink => "the feed entry's link",
            EntryPublished => "the feed entry's publication date",
            EntryUpdated => "the feed entry's updated date (it gives no publication date)",
            EntryAuthor => "the feed entry's author",
            EntrySource => "the feed entry's source element",
            EntryContent => "first line of the feed entry's text (no title given)",
            JsonLd => "JSON-LD metadata (<script type=\"application/ld+json\">)",
            OpenGraph => "OpenGraph tag (<meta property=\"og:…\">)",
            ArticleTag => "article tag (<meta property=\"article:…\">)",
            MetaName => "named meta tag (<meta name=…>)",
            Itemprop => "microdata (itemprop=…)",
            TimeElement => "the article's <time datetime=…>",
            CanonicalUrl => "canonical URL (<link rel=\"canonical\">)",
            HtmlTitle => "the page's <title>",
            HtmlHeading => "the page's first <h1>",
            Credits => "end credits (\"Reporting by …; Writing by …\") under a desk byline",
            Breadcrumb => "breadcrumb trail (\"Home > World > Asia\")",
        }
    }
}

/// Why newsdesk believes a field: the rule, and the line it read (1-based; in `newsdesk.toml`
/// for [`Rule::Metadata`]; 0 when there is no line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Evidence {
    pub line: u32,
    pub rule: Rule,
}

impl Evidence {
    pub fn new(line: u32, rule: Rule) -> Self {
        Evidence { line, rule }
    }
}

/// A value and its evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field<T> {
    pub value: T,
    pub evidence: Evidence,
}

impl<T> Field<T> {
    pub fn new(value: T, line: u32, rule: Rule) -> Self {
        Field { value, evidence: Evidence::new(line, rule) }
    }
}

/// How an extraction names an outlet, before it is resolved against the corpus's table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutletRef {
    Known(OutletId),
    /// A domain the table does not know; the outlet is named by the domain.
    Domain(String),
    /// A name given directly (front matter, JSON, metadata).
    Name(String),
}

/// A block of the clean body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "text", rename_all = "lowercase")]
pub enum Block {
    Paragraph(String),
    Heading(String),
    /// A quoted passage (`<blockquote>` in HTML).
    Quote(String),
    /// One item of a list.
    ListItem(String),
}

impl Block {
    pub fn text(&self) -> &str {
        match self {
            Block::Paragraph(t) | Block::Heading(t) | Block::Quote(t) | Block::ListItem(t) => t,
        }
    }
}

/// A line removed from the body, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Removed {
    pub line: u32,
    pub rule: Rule,
}

/// A date the extractor saw and did not use, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherDate {
    pub line: u32,
    pub published: Published,
    pub why: &'static str,
}

/// Something about one article a user should hear of (shown by `check` and counted as a
/// warning).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub line: u32,
    pub message: String,
    /// The field the note is about, so a value given in newsdesk.toml retires it.
    pub about: Option<NoteOn>,
}

/// Fields a note can be about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteOn {
    Title,
    Published,
    Outlet,
}

impl Note {
    pub fn new(line: u32, message: impl Into<String>) -> Note {
        Note { line, message: message.into(), about: None }
    }

    pub fn on(about: NoteOn, line: u32, message: impl Into<String>) -> Note {
        Note { line, message: message.into(), about: Some(about) }
    }
}

/// Everything read from one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extraction {
    pub title: Field<String>,
    pub outlet: Option<Field<OutletRef>>,
    pub agency: Option<Field<OutletRef>>,
    pub published: Option<Field<Published>>,
    pub authors: Option<Field<Vec<Author>>>,
    pub url: Option<Field<String>>,
    pub body: Vec<Block>,
    pub removed: Vec<Removed>,
    pub other_dates: Vec<OtherDate>,
    pub notes: Vec<Note>,
}

impl Extraction {
    /// Words in the clean body.
    pub fn words(&self) -> u32 {
        self.body.iter().map(|b| super::text::word_count(b.text())).sum()
    }
}

/// Evidence for each field of an [`Article`], kept compactly in memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FieldEvidence {
    pub title: Option<Evidence>,
    pub outlet: Option<Evidence>,
    pub agency: Option<Evidence>,
    pub published: Option<Evidence>,
    pub authors: Option<Evidence>,
    pub url: Option<Evidence>,
}

/// Where an article's text lives: a file of the corpus, and for JSON corpora the record inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceRef {
    /// Index into the corpus's file list.
    pub file: u32,
    /// For a record of a `.json`/`.jsonl` file: 1 + its index in the corpus's record table
    /// (kept aside: most corpora have none, and every article would pay for the space).
    pub record: Option<std::num::NonZeroU32>,
}

/// A record's place in its file: a JSON article, or an entry of a feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Byte range of the record in the file (for a feed entry: of its element or object, 0..0
    /// when it could not be found).
    pub start: u64,
    pub end: u64,
    pub line: u32,
    /// For a feed entry, 1 + its index among the feed's entries: it is found again by parsing
    /// the feed, not by its bytes (its id is its guid's hash). None for JSON articles.
    pub entry: Option<std::num::NonZeroU32>,
}

impl Record {
    /// The index of a feed entry among its feed's entries; None for JSON articles.
    pub fn entry_index(&self) -> Option<u32> {
        self.entry.map(|e| e.get() - 1)
    }
}

/// One article's metadata, as kept in memory for the whole corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub id: ArticleId,
    pub source: SourceRef,
    pub title: Box<str>,
    pub outlet: Option<OutletId>,
    pub agency: Option<OutletId>,
    pub published: Option<Published>,
    pub authors: Box<[Author]>,
    pub url: Option<Box<str>>,
    pub words: u32,
    pub evidence: FieldEvidence,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_content_hashes() {
        // Pinned: an id must never change between versions, or users' notes break.
        assert_eq!(ArticleId::of_bytes(b"newsdesk").hex(), "a3e4c3db8f77d1ce");
        assert_eq!(ArticleId(0x0123_4567_89ab_cdef).short(7), "0123456");
        assert_eq!(ArticleId(0x0123_4567_89ab_cdef).to_string(), "0123456789abcdef");
    }

    #[test]
    fn author_shows_both_scripts() {
        let a = Author { name: "Shin Hae-in".into(), native: Some("신혜인".into()) };
        assert_eq!(a.to_string(), "Shin Hae-in (신혜인)");
        assert_eq!(Author::new("Maria Vasilyeva").to_string(), "Maria Vasilyeva");
    }
}
