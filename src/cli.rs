//! The command line: clap-derived arguments, validated into a [`Config`] before any corpus is
//! read, so a malformed date fails at once with the accepted forms.

use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::corpus::Corpus;
use crate::corpus::filter::{DateRange, Filter, FilterError, Order};
use crate::corpus::index::Query;
use crate::corpus::load::LoadOptions;
use crate::state::{Change, StateFilter};

const ROOT_EXAMPLES: &str = "\
Examples:
  newsdesk                          open the reader on the bundled sample corpus
  newsdesk ~/news/korea             open the reader on a folder (searched recursively)
  newsdesk ~/news --outlet rt --date 2019-04
                                    open the reader with a filter already set
  newsdesk list ~/news --search \"kim putin\" --format json
  newsdesk show 3f9a2c1             read one article by id (any unique prefix)
  newsdesk check ~/news             report what was extracted, and every problem
  newsdesk mark 3f9a2c1 --star --tag follow-up
  newsdesk list ~/news --unread --tag korea";

const LIST_EXAMPLES: &str = "\
Examples:
  newsdesk list                                   the bundled corpus, newest first
  newsdesk list ~/news --outlet \"Korea Herald\" --outlet rt
  newsdesk list ~/news --date 2019-03..2019-04 --oldest-first
  newsdesk list ~/news --search vladivostok --format tsv | cut -f1,4
  newsdesk list ~/news --format json | jq '.[].title'
  newsdesk list ~/news --unread --starred --tag korea
  newsdesk list ~/news --search kim --format bibtex > kim.bib
  newsdesk list ~/news --date 2019 --format csv > 2019.csv

In the table, N marks an unread article and * a starred one (shown once newsdesk has state).";

const MARK_EXAMPLES: &str = "\
Examples:
  newsdesk mark 3f9a2c1 --read
  newsdesk mark 3f9a 77b2 ~/news --star --tag korea --tag follow-up
  newsdesk mark 3f9a --untag follow-up --unstar
  newsdesk list ~/news --outlet rt --format tsv | newsdesk mark - ~/news --read

An argument made of hex digits is an article id, unless a file or folder of that name exists
(write ./2019 for a folder named 2019); `-` reads ids from stdin, the first column of each line.";

const NOTE_EXAMPLES: &str = "\
Examples:
  newsdesk note 3f9a2c1                       edit the note in $VISUAL or $EDITOR
  echo 'check the date' | newsdesk note 3f9a  set it from stdin
  newsdesk note 3f9a < /dev/null              delete it (empty input)
  newsdesk note 3f9a --print";

const STATE_EXAMPLES: &str = "\
Examples:
  newsdesk state export > newsdesk-state.json
  newsdesk state import newsdesk-state.json
  sqlite3 \"$(newsdesk state path)\" 'SELECT title FROM entry WHERE starred'";

const SHOW_EXAMPLES: &str = "\
Examples:
  newsdesk show 3f9a2c1
  newsdesk show 3f9a ~/news --format json";

const OUTLETS_EXAMPLES: &str = "\
Examples:
  newsdesk outlets ~/news
  newsdesk outlets ~/news --date 2019 --format json";

const TIMELINE_EXAMPLES: &str = "\
Examples:
  newsdesk timeline
  newsdesk timeline ~/news --outlet rt --summary";

const STORIES_EXAMPLES: &str = "\
Examples:
  newsdesk stories                      the bundled corpus's stories, newest first
  newsdesk stories ~/news --outlet rt   stories with an RT article
  newsdesk stories ~/news --format json | jq '.[].copies'";

const WHY_EXAMPLES: &str = "\
Examples:
  newsdesk why a425d64 16e90dd
  newsdesk why a425d64 16e90dd ~/news --format json";

const COMPARE_EXAMPLES: &str = "\
Examples:
  newsdesk compare a425d64 16e90dd
  newsdesk compare a425d64 16e90dd ~/news --format json";

const CHECK_EXAMPLES: &str = "\
Examples:
  newsdesk check ~/news                 exits 1 if any file could not be read
  newsdesk check ~/news --no-metadata   what the extractor finds on its own";

/// A terminal reader for folders of scraped news articles.
///
/// newsdesk reads raw scraped text (.txt, .md), text with TOML front matter, JSON, JSON Lines
/// and saved web pages (.html, .htm, .xhtml, also gzipped); it finds each article's title, outlet, wire agency, date, authors and URL, with the
/// evidence for each, and strips page furniture from the body. With no subcommand it opens the
/// reader; with no PATH it uses the bundled sample corpus.
#[derive(Debug, Parser)]
#[command(name = "newsdesk", version, after_help = ROOT_EXAMPLES, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub corpus: CorpusArgs,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[command(flatten)]
    pub marks: StateFilterArgs,
    #[command(flatten)]
    pub order: OrderArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List articles: id, date, outlet, title.
    #[command(after_help = LIST_EXAMPLES)]
    List {
        #[command(flatten)]
        corpus: CorpusArgs,
        #[command(flatten)]
        filter: FilterArgs,
        #[command(flatten)]
        marks: StateFilterArgs,
        #[command(flatten)]
        order: OrderArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Show one article: metadata, the evidence for each field, and the clean text.
    #[command(after_help = SHOW_EXAMPLES)]
    Show {
        /// Article id, or any unique prefix of it.
        id: String,
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// List outlets with their article counts and date spans.
    #[command(after_help = OUTLETS_EXAMPLES)]
    Outlets {
        #[command(flatten)]
        corpus: CorpusArgs,
        #[command(flatten)]
        filter: FilterArgs,
        #[command(flatten)]
        marks: StateFilterArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// The story's course: articles grouped by month, empty stretches collapsed.
    #[command(after_help = TIMELINE_EXAMPLES)]
    Timeline {
        #[command(flatten)]
        corpus: CorpusArgs,
        #[command(flatten)]
        filter: FilterArgs,
        #[command(flatten)]
        marks: StateFilterArgs,
        /// Months only, without a line per article.
        #[arg(long)]
        summary: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// Stories: articles of one event across outlets, with the copies of one wire text.
    ///
    /// Copies are found from the text (shared 6-word shingles); reports of one event from
    /// their dates, the names and the key terms of their leads. Undated articles and articles
    /// without a body are left out. A story is listed when one of its articles passes the
    /// filters.
    #[command(after_help = STORIES_EXAMPLES)]
    Stories {
        #[command(flatten)]
        corpus: CorpusArgs,
        #[command(flatten)]
        filter: FilterArgs,
        #[command(flatten)]
        order: OrderArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// Why two articles are in one story, or not: shared text, shared names, time gap.
    #[command(after_help = WHY_EXAMPLES)]
    Why {
        /// Article id, or any unique prefix of it.
        first: String,
        /// The other article's id.
        second: String,
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// Two accounts side by side: paragraphs aligned, shared sentences marked, who is quoted.
    #[command(after_help = COMPARE_EXAMPLES)]
    Compare {
        /// Article id, or any unique prefix of it.
        first: String,
        /// The other article's id.
        second: String,
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// Check a corpus: per file, what was extracted from what evidence, and every problem.
    ///
    /// Exits with status 1 when any file has an error (could not be read as an article), so it
    /// can gate a corpus in CI.
    #[command(after_help = CHECK_EXAMPLES)]
    Check {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// Mark articles read or unread, starred or not, and tag them.
    ///
    /// The marks are kept in state.sqlite3 in the data folder ($NEWSDESK_DATA_DIR, else
    /// $XDG_DATA_HOME/newsdesk, else ~/.local/share/newsdesk), by the article's identity: they
    /// survive moving the corpus and re-saving the page.
    #[command(after_help = MARK_EXAMPLES)]
    Mark {
        /// Article ids (any unique prefix; `-` reads them from stdin), then the corpus's files and
        /// folders (none: the bundled sample corpus).
        #[arg(value_name = "ID|PATH", required = true)]
        targets: Vec<PathBuf>,
        /// Mark read.
        #[arg(long, conflicts_with = "unread")]
        read: bool,
        /// Mark unread.
        #[arg(long)]
        unread: bool,
        /// Star.
        #[arg(long, conflicts_with = "unstar")]
        star: bool,
        /// Remove the star.
        #[arg(long)]
        unstar: bool,
        /// Add this tag (repeatable).
        #[arg(long, value_name = "TAG")]
        tag: Vec<String>,
        /// Remove this tag (repeatable; case-insensitive).
        #[arg(long, value_name = "TAG")]
        untag: Vec<String>,
        #[command(flatten)]
        corpus: CorpusFlags,
    },
    /// Write, replace or delete an article's note, or print it.
    ///
    /// With stdin from a pipe or file the note is read from it; at a terminal, $VISUAL or
    /// $EDITOR (else vi) edits it. Empty input deletes the note.
    #[command(after_help = NOTE_EXAMPLES)]
    Note {
        /// Article id, or any unique prefix of it.
        id: String,
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Print the note (nothing when there is none) instead of changing it.
        #[arg(long)]
        print: bool,
    },
    /// The state database: export it, merge an export into it, or print where it is.
    #[command(after_help = STATE_EXAMPLES)]
    State {
        #[command(subcommand)]
        command: StateCommand,
    },
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  newsdesk completions bash > ~/.local/share/bash-completion/completions/newsdesk\n  newsdesk completions zsh > ~/.zfunc/_newsdesk"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Write a synthetic corpus for benchmarks (deterministic).
    #[command(hide = true)]
    GenCorpus {
        /// Folder to write into.
        out: PathBuf,
        /// Number of articles.
        #[arg(long, default_value_t = 10_000)]
        count: u64,
        /// Random seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Also write the expected metadata, one JSON line per article, to this file.
        #[arg(long)]
        truth: Option<PathBuf>,
    },
    /// Write synthetic multi-outlet events and wire copies, with their story truth.
    #[command(hide = true)]
    GenStories {
        /// Folder to write into.
        out: PathBuf,
        /// Number of events.
        #[arg(long, default_value_t = 100)]
        events: u64,
        /// Random seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Also write each article's event and copy, one JSON line per article, to this file.
        #[arg(long)]
        truth: Option<PathBuf>,
    },
}

/// Which corpus to read.
#[derive(Debug, Clone, Default, Args)]
pub struct CorpusArgs {
    /// Files and folders to read (folders recursively). None: the bundled sample corpus.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub flags: CorpusFlags,
}

/// `newsdesk state` subcommands.
#[derive(Debug, Subcommand)]
pub enum StateCommand {
    /// Print the whole state as JSON: every article's identity keys, marks, tags and note, with
    /// the time each was set.
    Export,
    /// Merge an export into the state (`-`: from stdin). For each article the later of the two
    /// settings of each mark and of the note wins; tags are united.
    Import {
        /// The export file, or `-` for stdin.
        #[arg(value_name = "FILE|-")]
        file: PathBuf,
    },
    /// Print the state database's path (it may not exist yet).
    Path,
}

/// The corpus options, alone for commands whose positional arguments are not only paths, and
/// inside [`CorpusArgs`] for the rest.
#[derive(Debug, Clone, Default, Args)]
pub struct CorpusFlags {
    /// Ignore newsdesk.toml metadata files: show what the extractor finds on its own.
    #[arg(long)]
    pub no_metadata: bool,
    /// Do not print a summary of corpus warnings on stderr.
    #[arg(short, long)]
    pub quiet: bool,
    /// Do not use or write the corpus cache (~/.cache/newsdesk; NEWSDESK_CACHE_DIR moves it).
    #[arg(long)]
    pub no_cache: bool,
}

/// Filters on the marks kept in the state database. They combine with the other filters.
#[derive(Debug, Clone, Default, Args)]
pub struct StateFilterArgs {
    /// Only articles not marked read.
    #[arg(long)]
    pub unread: bool,
    /// Only starred articles.
    #[arg(long)]
    pub starred: bool,
    /// Only articles with this tag (case-insensitive; repeatable: all of them).
    #[arg(long, value_name = "NAME")]
    pub tag: Vec<String>,
    /// Only articles with a note.
    #[arg(long)]
    pub has_note: bool,
}

impl StateFilterArgs {
    fn filter(&self) -> StateFilter {
        StateFilter {
            unread: self.unread,
            starred: self.starred,
            tags: self.tag.iter().map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).collect(),
            has_note: self.has_note,
        }
    }
}

/// Which articles to show. Filters combine: an article must pass all of them.
#[derive(Debug, Clone, Default, Args)]
pub struct FilterArgs {
    /// Only this outlet (name, alias or domain; case-insensitive; repeatable; "unknown" for
    /// articles with no outlet).
    #[arg(long, value_name = "NAME")]
    pub outlet: Vec<String>,
    /// Published in this period: 2019, 2019-04, 2019-04-22, 2019-03..2019-04, ..2012, 2019-04-20..
    #[arg(long, value_name = "RANGE")]
    pub date: Option<String>,
    /// Published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Published on or before this date, inclusive (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Words that must all appear in the title or body (case-insensitive; each matches the
    /// start of a word).
    #[arg(long, value_name = "WORDS")]
    pub search: Option<String>,
}

/// List order, for the commands that list articles.
#[derive(Debug, Clone, Default, Args)]
pub struct OrderArgs {
    /// Oldest first (default: newest first). Undated articles come last either way.
    #[arg(long)]
    pub oldest_first: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
    Jsonl,
    Tsv,
    /// RFC 4180, formula cells defused.
    Csv,
    /// A bullet list with linked titles.
    Markdown,
    /// `@article` entries with stable citation keys.
    Bibtex,
    /// CSL 1.0 JSON (`article-newspaper`), for Zotero, pandoc and citeproc.
    CslJson,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Table,
    Json,
}

/// A filter as the user gave it: dates already validated, outlet names checked against the
/// corpus once it is loaded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterSpec {
    pub outlets: Vec<String>,
    pub dates: Option<DateRange>,
    pub search: Option<Query>,
    pub order: Order,
}

impl FilterSpec {
    /// Validates the date flags; `--date`, `--since` and `--until` narrow each other.
    pub fn from_args(a: &FilterArgs, order: &OrderArgs) -> Result<FilterSpec, FilterError> {
        let mut dates: Option<DateRange> = None;
        let mut narrow = |r: DateRange| dates = Some(dates.map_or(r, |d| d.intersect(r)));
        if let Some(d) = &a.date {
            narrow(d.parse()?);
        }
        if let Some(s) = &a.since {
            narrow(DateRange::since(s)?);
        }
        if let Some(u) = &a.until {
            narrow(DateRange::until(u)?);
        }
        if let Some(DateRange { from: Some(f), to: Some(t) }) = dates
            && f > t
        {
            let input = [a.date.as_deref(), a.since.as_deref(), a.until.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" and ");
            return Err(FilterError::BackwardsRange { input });
        }
        Ok(FilterSpec {
            outlets: a.outlet.clone(),
            dates,
            search: a.search.as_deref().map(Query::new).filter(|q| !q.is_empty()),
            order: if order.oldest_first { Order::OldestFirst } else { Order::NewestFirst },
        })
    }

    /// The filter for a loaded corpus; fails on an outlet the corpus does not have.
    pub fn resolve(&self, corpus: &Corpus) -> Result<Filter, FilterError> {
        let outlets = if self.outlets.is_empty() { None } else { Some(corpus.resolve_outlets(&self.outlets)?) };
        Ok(Filter { outlets, dates: self.dates, search: self.search.clone() })
    }
}

/// What to do, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Open the reader.
    Read,
    List(ListFormat),
    Show {
        id: String,
        format: ShowFormat,
    },
    Outlets(TableFormat),
    Timeline {
        summary: bool,
        format: TableFormat,
    },
    Check(TableFormat),
    Mark {
        /// Id prefixes, as given.
        ids: Vec<String>,
        /// Also read ids from stdin.
        stdin: bool,
        change: Change,
    },
    Note {
        id: String,
        print: bool,
    },
    StateExport,
    /// Merge an export; None: from stdin.
    StateImport(Option<PathBuf>),
    StatePath,
    Stories(TableFormat),
    Why {
        ids: [String; 2],
        format: TableFormat,
    },
    Compare {
        ids: [String; 2],
        format: ShowFormat,
    },
    Completions(clap_complete::Shell),
    GenCorpus {
        out: PathBuf,
        count: u64,
        seed: u64,
        truth: Option<PathBuf>,
    },
    GenStories {
        out: PathBuf,
        events: u64,
        seed: u64,
        truth: Option<PathBuf>,
    },
}

/// A validated command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub action: Action,
    pub paths: Vec<PathBuf>,
    pub load: LoadOptions,
    pub filter: FilterSpec,
    /// Filters on read/star/tag/note marks (the state database), applied after `filter`.
    pub marks: StateFilter,
    pub quiet: bool,
}

/// A command line that cannot be run as given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Filter(#[from] FilterError),
    #[error("{0}")]
    Usage(String),
}

impl Cli {
    /// Checks the arguments and turns them into a [`Config`].
    pub fn validate(self) -> Result<Config, CliError> {
        let none = FilterArgs::default();
        let mut order = OrderArgs::default();
        let mut marks = StateFilter::default();
        let (action, corpus, filter) = match self.command {
            None => {
                order = self.order;
                marks = self.marks.filter();
                (Action::Read, self.corpus, self.filter)
            }
            Some(Command::List { corpus, filter, marks: m, order: o, format }) => {
                order = o;
                marks = m.filter();
                (Action::List(format), corpus, filter)
            }
            Some(Command::Show { id, corpus, format }) => (Action::Show { id, format }, corpus, none),
            Some(Command::Outlets { corpus, filter, marks: m, format }) => {
                marks = m.filter();
                (Action::Outlets(format), corpus, filter)
            }
            Some(Command::Timeline { corpus, filter, marks: m, summary, format }) => {
                marks = m.filter();
                (Action::Timeline { summary, format }, corpus, filter)
            }
            Some(Command::Mark { targets, read, unread, star, unstar, tag, untag, corpus }) => {
                let (ids, stdin, paths) = split_targets(targets)?;
                let tags = |v: Vec<String>| -> Result<Vec<String>, CliError> {
                    v.iter().map(|t| crate::state::check_tag(t).map_err(CliError::Usage)).collect()
                };
                let change = Change {
                    read: (read || unread).then_some(read),
                    starred: (star || unstar).then_some(star),
                    add_tags: tags(tag)?,
                    remove_tags: tags(untag)?,
                };
                if change.is_empty() {
                    return Err(CliError::Usage(
                        "nothing to mark: give --read, --unread, --star, --unstar, --tag or --untag".into(),
                    ));
                }
                if let Some(t) =
                    change.add_tags.iter().find(|t| change.remove_tags.iter().any(|u| u.eq_ignore_ascii_case(t)))
                {
                    return Err(CliError::Usage(format!("--tag {t:?} and --untag {t:?} contradict each other")));
                }
                let corpus = CorpusArgs { paths, flags: corpus };
                (Action::Mark { ids, stdin, change }, corpus, none)
            }
            Some(Command::Note { id, corpus, print }) => (Action::Note { id, print }, corpus, none),
            Some(Command::State { command }) => {
                let action = match command {
                    StateCommand::Export => Action::StateExport,
                    StateCommand::Import { file } => {
                        Action::StateImport(if file.as_os_str() == "-" { None } else { Some(file) })
                    }
                    StateCommand::Path => Action::StatePath,
                };
                (action, CorpusArgs::default(), none)
            }
            Some(Command::Check { corpus, format }) => (Action::Check(format), corpus, none),
            Some(Command::Stories { corpus, filter, order: o, format }) => {
                order = o;
                (Action::Stories(format), corpus, filter)
            }
            Some(Command::Why { first, second, corpus, format }) => {
                (Action::Why { ids: [first, second], format }, corpus, none)
            }
            Some(Command::Compare { first, second, corpus, format }) => {
                (Action::Compare { ids: [first, second], format }, corpus, none)
            }
            Some(Command::Completions { shell }) => (Action::Completions(shell), CorpusArgs::default(), none),
            Some(Command::GenCorpus { out, count, seed, truth }) => {
                (Action::GenCorpus { out, count, seed, truth }, CorpusArgs::default(), none)
            }
            Some(Command::GenStories { out, events, seed, truth }) => {
                (Action::GenStories { out, events, seed, truth }, CorpusArgs::default(), none)
            }
        };
        let filter_spec = FilterSpec::from_args(&filter, &order)?;
        // The reader and searches need the full-text index. With the cache on, every load
        // builds it once, so the cache (which keeps it) serves every later command too; with
        // --no-cache, listing 100,000 articles does not pay for an index it does not use.
        let index = matches!(action, Action::Read) || filter_spec.search.is_some() || !corpus.flags.no_cache;
        Ok(Config {
            load: LoadOptions { metadata: !corpus.flags.no_metadata, index, cache: !corpus.flags.no_cache },
            paths: corpus.paths,
            filter: filter_spec,
            marks,
            quiet: corpus.flags.quiet,
            action,
        })
    }
}

/// Sorts `mark`'s positional arguments into id prefixes, `-` (ids on stdin) and corpus paths.
/// Hex digits are an id unless a file of that name exists, which is ambiguous.
fn split_targets(targets: Vec<PathBuf>) -> Result<(Vec<String>, bool, Vec<PathBuf>), CliError> {
    let (mut ids, mut stdin, mut paths) = (Vec::new(), false, Vec::new());
    for t in targets {
        let hex = t.to_str().filter(|s| (1..=16).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_hexdigit()));
        match (t.to_str(), hex) {
            (Some("-"), _) => stdin = true,
            (_, Some(id)) if Path::new(id).exists() => {
                return Err(CliError::Usage(format!(
                    "{id:?} is both an article id and a file here: write ./{id} for the file"
                )));
            }
            (_, Some(id)) => ids.push(id.to_string()),
            _ => paths.push(t),
        }
    }
    if ids.is_empty() && !stdin {
        return Err(CliError::Usage("no article id given (ids are hex digits; `-` reads them from stdin)".into()));
    }
    Ok((ids, stdin, paths))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn config(args: &[&str]) -> Result<Config, String> {
        let cli =
            Cli::try_parse_from(std::iter::once("newsdesk").chain(args.iter().copied())).map_err(|e| e.to_string())?;
        cli.validate().map_err(|e| e.to_string())
    }

    #[test]
    fn the_clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn no_subcommand_opens_the_reader_with_filters() {
        let c = config(&["corpus", "--outlet", "rt", "--date", "2019-04"]).unwrap();
        assert_eq!(c.action, Action::Read);
        assert_eq!(c.paths, [PathBuf::from("corpus")]);
        assert_eq!(c.filter.outlets, ["rt"]);
        assert_eq!(c.filter.dates.unwrap().to_string(), "2019-04");
        assert!(c.load.index);
    }

    #[test]
    fn only_an_uncached_list_without_search_skips_the_index() {
        let c = config(&["list", "--format", "tsv", "--no-metadata", "--no-cache"]).unwrap();
        assert_eq!(c.action, Action::List(ListFormat::Tsv));
        assert!(!c.load.index && !c.load.metadata && !c.load.cache);
        let c = config(&["list", "--search", "kim", "--no-cache"]).unwrap();
        assert!(c.load.index);
        let c = config(&["list"]).unwrap();
        assert!(c.load.index && c.load.cache, "a cached load keeps an index for later commands");
    }

    #[test]
    fn date_flags_narrow_each_other() {
        let c = config(&["list", "--date", "2019", "--since", "2019-04", "--until", "2019-04-22"]).unwrap();
        assert_eq!(c.filter.dates.unwrap().to_string(), "2019-04..2019-04-22");
        let e = config(&["list", "--since", "2020", "--until", "2019"]).unwrap_err();
        assert!(e.contains("ends before it starts"), "{e}");
    }

    #[test]
    fn malformed_dates_fail_with_the_accepted_forms() {
        let e = config(&["list", "--date", "April 2019"]).unwrap_err();
        assert!(e.contains("YYYY-MM-DD") && e.contains("..2012"), "{e}");
        let e = config(&["timeline", "--since", "2019-4"]).unwrap_err();
        assert!(e.contains("bad date \"2019-4\""), "{e}");
    }

    #[test]
    fn show_takes_an_id_then_paths() {
        let c = config(&["show", "3f9a", "a", "b", "--format", "json"]).unwrap();
        assert_eq!(c.action, Action::Show { id: "3f9a".into(), format: ShowFormat::Json });
        assert_eq!(c.paths.len(), 2);
    }

    #[test]
    fn mark_sorts_ids_from_paths_and_combines_flags() {
        let c =
            config(&["mark", "3f9a", "77B2", "corpus", "-", "--read", "--star", "--tag", " korea ", "--untag", "x"])
                .unwrap();
        let change = Change {
            read: Some(true),
            starred: Some(true),
            add_tags: vec!["korea".into()],
            remove_tags: vec!["x".into()],
        };
        assert_eq!(c.action, Action::Mark { ids: vec!["3f9a".into(), "77B2".into()], stdin: true, change });
        assert_eq!(c.paths, [PathBuf::from("corpus")]);
        let c = config(&["mark", "3f9a", "--unread", "--unstar"]).unwrap();
        let Action::Mark { change, .. } = c.action else { panic!("{:?}", c.action) };
        assert_eq!((change.read, change.starred), (Some(false), Some(false)));
    }

    #[test]
    fn mark_refuses_what_it_cannot_do() {
        for (args, want) in [
            (&["mark", "3f9a"][..], "nothing to mark"),
            (&["mark", "corpus", "--read"][..], "no article id"),
            (&["mark", "3f9a", "--tag", " "][..], "empty"),
            (&["mark", "3f9a", "--tag", "a", "--untag", "A"][..], "contradict"),
            (&["mark", "3f9a", "--read", "--unread"][..], "cannot be used with"),
        ] {
            let e = config(args).unwrap_err();
            assert!(e.contains(want), "{args:?}: {e}");
        }
    }

    #[test]
    fn mark_targets_that_are_not_hex_are_paths() {
        let t = |v: &[&str]| split_targets(v.iter().map(PathBuf::from).collect());
        let want = (vec!["3f9a".to_string()], true, vec![PathBuf::from("/tmp/2019"), PathBuf::from("src")]);
        assert_eq!(t(&["3f9a", "/tmp/2019", "src", "-"]), Ok(want));
        assert_eq!(t(&["-"]), Ok((vec![], true, vec![])));
    }

    #[test]
    fn state_filters_only_where_lists_are() {
        let c = config(&["list", "--unread", "--tag", "a", "--tag", "b", "--has-note", "--starred"]).unwrap();
        assert_eq!(
            c.marks,
            StateFilter { unread: true, starred: true, tags: vec!["a".into(), "b".into()], has_note: true }
        );
        assert!(config(&["timeline", "--starred"]).unwrap().marks.starred);
        assert!(config(&["outlets", "--tag", "x"]).unwrap().marks.tags == ["x"]);
        assert!(config(&["show", "3f9a", "--unread"]).is_err());
    }

    #[test]
    fn state_subcommands() {
        assert_eq!(config(&["state", "export"]).unwrap().action, Action::StateExport);
        assert_eq!(config(&["state", "import", "-"]).unwrap().action, Action::StateImport(None));
        assert_eq!(config(&["state", "import", "f.json"]).unwrap().action, Action::StateImport(Some("f.json".into())));
        assert_eq!(
            config(&["note", "3f9a", "--print"]).unwrap().action,
            Action::Note { id: "3f9a".into(), print: true }
        );
    }

    #[test]
    fn why_and_compare_take_two_ids_then_paths() {
        let c = config(&["why", "3f9a", "16e9", "a", "--format", "json"]).unwrap();
        assert_eq!(c.action, Action::Why { ids: ["3f9a".into(), "16e9".into()], format: TableFormat::Json });
        assert_eq!(c.paths, [PathBuf::from("a")]);
        let c = config(&["compare", "3f9a", "16e9"]).unwrap();
        assert_eq!(c.action, Action::Compare { ids: ["3f9a".into(), "16e9".into()], format: ShowFormat::Text });
        let c = config(&["stories", "news", "--outlet", "rt", "--oldest-first"]).unwrap();
        assert_eq!(c.action, Action::Stories(TableFormat::Table));
        assert_eq!(c.filter.outlets, ["rt"]);
    }

    #[test]
    fn blank_searches_are_no_filter() {
        let c = config(&["list", "--search", "  "]).unwrap();
        assert_eq!(c.filter.search, None);
    }
}
