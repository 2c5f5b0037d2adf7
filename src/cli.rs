//! The command line: clap-derived arguments, validated into a [`Config`] before any corpus is
//! read, so a malformed date fails at once with the accepted forms.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::corpus::Corpus;
use crate::corpus::filter::{DateRange, Filter, FilterError, Order};
use crate::corpus::index::Query;
use crate::corpus::load::LoadOptions;

const ROOT_EXAMPLES: &str = "\
Examples:
  newsdesk                          open the reader on the bundled sample corpus
  newsdesk ~/news/korea             open the reader on a folder (searched recursively)
  newsdesk ~/news --outlet rt --date 2019-04
                                    open the reader with a filter already set
  newsdesk list ~/news --search \"kim putin\" --format json
  newsdesk show 3f9a2c1             read one article by id (any unique prefix)
  newsdesk check ~/news             report what was extracted, and every problem";

const LIST_EXAMPLES: &str = "\
Examples:
  newsdesk list                                   the bundled corpus, newest first
  newsdesk list ~/news --outlet \"Korea Herald\" --outlet rt
  newsdesk list ~/news --date 2019-03..2019-04 --oldest-first
  newsdesk list ~/news --search vladivostok --format tsv | cut -f1,4
  newsdesk list ~/news --format json | jq '.[].title'";

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
/// newsdesk reads raw scraped text (.txt, .md), text with TOML front matter, JSON and JSON
/// Lines; it finds each article's title, outlet, wire agency, date, authors and URL, with the
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
    pub quiet: bool,
}

impl Cli {
    /// Checks the arguments and turns them into a [`Config`].
    pub fn validate(self) -> Result<Config, FilterError> {
        let none = FilterArgs::default();
        let mut order = OrderArgs::default();
        let (action, corpus, filter) = match self.command {
            None => {
                order = self.order;
                (Action::Read, self.corpus, self.filter)
            }
            Some(Command::List { corpus, filter, order: o, format }) => {
                order = o;
                (Action::List(format), corpus, filter)
            }
            Some(Command::Show { id, corpus, format }) => (Action::Show { id, format }, corpus, none),
            Some(Command::Outlets { corpus, filter, format }) => (Action::Outlets(format), corpus, filter),
            Some(Command::Timeline { corpus, filter, summary, format }) => {
                (Action::Timeline { summary, format }, corpus, filter)
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
        let index = matches!(action, Action::Read) || filter_spec.search.is_some() || !corpus.no_cache;
        Ok(Config {
            load: LoadOptions { metadata: !corpus.no_metadata, index, cache: !corpus.no_cache },
            paths: corpus.paths,
            filter: filter_spec,
            quiet: corpus.quiet,
            action,
        })
    }
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
