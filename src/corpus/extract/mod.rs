//! Extraction: from the text of one scraped page to an [`Extraction`] — title, outlet, agency,
//! publication date, authors, URL and clean body, each field with the evidence that decided it.
//!
//! The page is read in two passes. [`lines`] says what each line is on its own; this module
//! then uses position to decide: the headline splits the page into what is above it (mastheads,
//! page-header dates, icon lists) and the article below; the first paragraphs carry the
//! dateline; the tail carries sign-offs, source URLs and trailers.

pub mod byline;
pub mod lines;
pub mod markdown;

use std::sync::LazyLock;

use regex::Regex;

use self::lines::{Kind, Line, TrailerName};
use super::article::{Author, Block, Extraction, Field, Note, NoteOn, OtherDate, OutletRef, Removed, Rule};
use super::dates::{self, DayMonthOrder, Label, Published};
use super::outlets::{self, OutletId, Outlets};
use super::text::squash_spaces;

/// How many non-blank lines below a first headline-like line a byline's headline must be to
/// beat it: a page's menus are longer than any header above a story.
const FAR_BELOW: usize = 40;

/// How many non-blank lines from the top may hold the headline.
const HEAD_LINES: usize = 25;

/// The warning for an article with no publication date.
pub const NO_DATE: &str = "no publication date found";

/// Reads one raw scraped page.
pub fn extract(text: &str, outlets: &Outlets) -> Extraction {
    let order = if dates::shows_month_first(text) { DayMonthOrder::MonthFirst } else { DayMonthOrder::DayFirst };
    let mut lines = lines::classify_all(text, outlets, order);
    let mut notes = Vec::new();

    let (mut title, title_idx) = find_title(&lines, outlets, &mut notes);
    if let Some(rest) = strip_wire_tag(&title.value) {
        title.value = rest.to_string();
    }
    // "Headline | 5 March 2019 | By Jane Doe": the date and byline on the headline's line.
    let mut run_together = None;
    if title.evidence.rule == Rule::Headline
        && let Some((headline, date, authors)) = split_run_together(&title.value, outlets)
    {
        title.value = headline;
        run_together = Some((date, authors));
    }
    // A page title's "| Outlet" names the publisher and is not part of the headline.
    let mut title_outlet = None;
    if matches!(title.evidence.rule, Rule::Headline | Rule::MarkdownHeading) {
        if let Some((headline, id)) = lines::outlet_suffix(&title.value, outlets) {
            title_outlet = Some(Field::new(OutletRef::Known(id), title.evidence.line, Rule::TitleSuffix));
            title.value = headline;
        } else if let Some((headline, name, named_by_masthead)) = site_suffix(&title.value, &lines, title_idx) {
            // An outlet the table does not know, named by the page's own domain or masthead.
            if named_by_masthead {
                title_outlet = Some(Field::new(OutletRef::Name(name), title.evidence.line, Rule::TitleSuffix));
            }
            title.value = headline;
        } else if let Some((headline, site, date)) = nav_suffix(&title.value) {
            // "Headline | Section | Site", "Headline - KOHA.net": a page title's trail.
            if let Some(site) = site {
                title_outlet = Some(Field::new(OutletRef::Name(site), title.evidence.line, Rule::TitleSuffix));
            }
            if let Some(date) = date {
                run_together = run_together.or(Some((date, Vec::new())));
            }
            title.value = headline;
        }
    }
    mark_name_line(&mut lines, title_idx, outlets);
    let body_from = match title.evidence.rule {
        Rule::FirstLine => title_idx,
        _ => title_idx + 1,
    };
    let mut removed = Vec::new();
    for l in &lines[..title_idx] {
        let rule = match &l.kind {
            Kind::Blank => continue,
            Kind::Furniture(r) => *r,
            Kind::Masthead(_) => Rule::Masthead,
            Kind::Date(_) => Rule::DateAboveHeadline,
            _ => Rule::AboveHeadline,
        };
        removed.push(Removed { line: l.no, rule });
    }
    let body_lines = &lines[body_from..];
    let (body, block_lines, first_para_idx, last_para_idx) = build_body(body_lines, &title.value, &mut removed);

    let url = find_url(&lines, body_from + first_para_idx.unwrap_or(0), body_from + last_para_idx.unwrap_or(0));
    let (outlet, agency) = find_outlet(&lines, title_idx, &body, &block_lines, outlets, url.as_ref(), title_outlet);
    let first_para = first_para_idx.map(|i| body_from + i);
    let mut published = find_published(&lines, title_idx, first_para, url.as_ref(), &mut notes);
    let mut authors = find_authors(&lines, title_idx, body_from + first_para_idx.unwrap_or(0));
    if let Some((date, names)) = run_together {
        let weak = |p: &Field<Published>| {
            matches!(p.evidence.rule, Rule::UpdatedDate | Rule::DateAboveHeadline | Rule::ProseDate)
        };
        if published.as_ref().is_none_or(weak) {
            published = Some(Field::new(date, title.evidence.line, Rule::DateBelowHeadline));
        }
        if authors.is_none() && !names.is_empty() {
            authors = Some(Field::new(names, title.evidence.line, Rule::Byline));
        }
    }

    if published.is_none() {
        notes.push(Note::on(NoteOn::Published, 0, NO_DATE));
    }
    let mut other_dates = Vec::new();
    // The headline's line: a page without text has none (then nothing is above it).
    let title_no = lines.get(title_idx).map_or(u32::MAX, |l| l.no);
    if let Some(p) = &published {
        for (i, l) in lines.iter().enumerate() {
            if let Kind::Date(d) = &l.kind
                && l.no != p.evidence.line
            {
                let why = if i < title_idx && p.evidence.line > title_no {
                    "above the headline: the page's own date, not the article's"
                } else if d.label == Some(Label::Updated) {
                    "labelled as an update"
                } else {
                    "a later date line"
                };
                other_dates.push(OtherDate { line: l.no, published: d.published, why });
            }
        }
    }
    removed.sort_by_key(|r| r.line);
    Extraction { title, outlet, agency, published, authors, url, body, removed, other_dates, notes }
}

/// The headline and its index in `lines`: a markdown heading among the first lines; else a
/// headline-like text line among the first lines, skipping short section names above it
/// ("World", "Kremlin") and numbered lists of other headlines ("1. …"). Of several, the one a
/// byline or date line follows is the headline (a site's tagline or a notice above it is
/// not); else the first. Else, with a warning, the first line of text.
fn find_title(lines: &[Line], outlets: &Outlets, notes: &mut Vec<Note>) -> (Field<String>, usize) {
    let head = || lines.iter().enumerate().filter(|(_, l)| l.kind != Kind::Blank).take(HEAD_LINES);
    if let Some((i, l)) = head().find(|(_, l)| l.kind == Kind::Heading) {
        return (Field::new(l.text.clone(), l.no, Rule::MarkdownHeading), i);
    }
    let mut candidates: Vec<(usize, u8)> = Vec::new();
    for (i, l) in head() {
        if l.kind != Kind::Text {
            continue;
        }
        // A numbered list of other stories, or a reporter's name and place under the headline.
        if is_list_item(&l.text)
            || is_menu_item(&l.text)
            || (!candidates.is_empty() && bare_name(&l.text, outlets).is_some())
        {
            continue;
        }
        if lines::is_headline_like(&l.text) {
            candidates.push((i, follows_as_article(lines, i)));
            continue;
        }
        let words = l.text.split_whitespace().count();
        if words > 3 || l.text.chars().count() > 30 {
            // A paragraph: the headline is above it, or the page has none.
            break;
        }
    }
    // "The Example Post" above "Headline — The Example Post": the site's name, not a headline.
    let suffixes: Vec<String> = candidates
        .iter()
        .filter_map(|&(i, _)| lines::split_suffix(&lines[i].text).map(|(_, name)| squash_name(&name)))
        .collect();
    if !suffixes.is_empty() {
        candidates.retain(|&(i, _)| !suffixes.contains(&squash_name(&lines[i].text)));
    }
    let best = candidates.iter().copied().max_by_key(|&(i, score)| (score, std::cmp::Reverse(i)));
    // A candidate nothing follows as an article, far above an article's byline or date line
    // with a headline over it (a text dump's menus, then the story): the latter is the headline.
    if let Some((i, 0)) = best
        && let Some(a) = headline_above_anchor(lines, outlets)
        && lines[i..a].iter().filter(|l| l.kind != Kind::Blank).count() > FAR_BELOW
    {
        let l = &lines[a];
        return (Field::new(l.text.clone(), l.no, Rule::Headline), a);
    }
    if let Some((i, _)) = best {
        let l = &lines[i];
        return (Field::new(l.text.clone(), l.no, Rule::Headline), i);
    }
    // A whole page's text dump starts with long menus: the headline is the headline-like line
    // just above the first byline or date line of the article, wherever that is.
    if let Some(i) = headline_above_anchor(lines, outlets) {
        let l = &lines[i];
        return (Field::new(l.text.clone(), l.no, Rule::Headline), i);
    }
    // No headline: name the article by its first text, cut at a word boundary.
    let first = lines.iter().position(|l| matches!(l.kind, Kind::Text | Kind::Caption));
    let idx = first.unwrap_or(lines.len());
    let (text, no) = match first {
        Some(i) => (shorten(&lines[i].text, 80), lines[i].no),
        None => ("(untitled)".to_string(), 0),
    };
    notes.push(Note::on(NoteOn::Title, no, "no headline found; the title is the first line of text"));
    (Field::new(text, no, Rule::FirstLine), idx)
}

/// The first headline-like text line within three non-blank lines above a byline or a date
/// line (not a page header's "today"); menu items ("* World") are not headlines.
fn headline_above_anchor(lines: &[Line], outlets: &Outlets) -> Option<usize> {
    let anchors = lines.iter().enumerate().filter(|(_, l)| match &l.kind {
        Kind::Byline(_) => true,
        Kind::Date(d) => !(d.weekday && d.published.time.is_none()),
        _ => false,
    });
    for (j, _) in anchors {
        let above = lines[..j].iter().enumerate().rev().filter(|(_, l)| l.kind != Kind::Blank).take(3);
        for (i, l) in above {
            if l.kind == Kind::Text
                && !is_menu_item(&l.text)
                && lines::is_headline_like(&l.text)
                && !is_list_item(&l.text)
                && bare_name(&l.text, outlets).is_none()
            {
                return Some(i);
            }
        }
    }
    None
}

/// "* World", "+ Politics", "• Sport": an item of a bulleted menu or list.
fn is_menu_item(text: &str) -> bool {
    text.starts_with(['*', '+', '•', '·', '|']) || text.starts_with("- ") || text.starts_with("o ")
}

/// "1. Another story's headline", "2) …", "3 …": an item of a numbered list of other stories.
fn is_list_item(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return false;
    }
    let rest = &text[digits..];
    let rest = rest.strip_prefix(['.', ')']).unwrap_or(rest);
    rest.starts_with(' ') && rest.trim_start().starts_with(char::is_uppercase)
}

/// How strongly what follows line `i` says it is the headline: a byline next (2), a date line
/// that is not a page header's "today" (1), else 0.
fn follows_as_article(lines: &[Line], i: usize) -> u8 {
    let next = lines[i + 1..].iter().find(|l| l.kind != Kind::Blank).map(|l| &l.kind);
    match next {
        Some(Kind::Byline(_)) => 2,
        Some(Kind::Date(d)) if !(d.weekday && d.published.time.is_none()) => 1,
        _ => 0,
    }
}

/// "Headline | 5 March 2019 | By Jane Doe", "Headline - March 5, 2019 By Jane Doe": a headline,
/// its date and maybe its byline on one line. A date inside a headline without a separator
/// or a byline after it is part of the headline ("Vote set for March 5, 2019").
fn split_run_together(text: &str, outlets: &Outlets) -> Option<(String, Published, Vec<Author>)> {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let found = dates::find_in_prose(text);
    let d = found.first()?;
    let before = &text[..d.span.start];
    let headline = before.trim_end().trim_end_matches(['|', '-', '–', '—', '·', ',', ' ']).trim_end();
    let separated = headline.len() + 2 <= before.trim_end().len();
    let after = text[d.span.end..].trim_start_matches(['|', '-', '–', '—', '·', ',', ' ']).trim();
    if headline.split_whitespace().count() < 3 {
        return None;
    }
    let authors = if after.is_empty() {
        if !separated {
            return None;
        }
        Vec::new()
    } else {
        let b = byline::parse(after, outlets).or_else(|| byline::parse(&format!("By {after}"), outlets))?;
        b.authors
    };
    Some((headline.to_string(), Published::day(d.date), authors))
}

/// "Headline - Example Post", "Headline | Example Post (Long Form)": a suffix after a separator
/// that names an outlet the table does not know, recognised by the page's own domain (a URL
/// line's site) or by a masthead line above the headline that says the same. Returns the
/// headline, the suffix, and whether a masthead line named it.
fn site_suffix(title: &str, lines: &[Line], title_idx: usize) -> Option<(String, String, bool)> {
    let (head, suffix) = lines::split_suffix(title)?;
    let key = squash_name(&suffix);
    if key.len() < 3 {
        return None;
    }
    let by_masthead = lines[..title_idx].iter().any(|l| l.kind == Kind::Text && squash_name(&l.text) == key);
    let by_domain = lines.iter().any(|l| match &l.kind {
        Kind::Url { url, .. } => outlets::url_host(url).is_some_and(|h| {
            let site = outlets::site_domain(h);
            let label = squash_name(site.split('.').next().unwrap_or(""));
            label.len() >= 3 && (label == key || (key.starts_with(&label) && label.len() * 2 >= key.len()))
        }),
        _ => false,
    });
    (by_masthead || by_domain).then_some((head, suffix, by_masthead))
}

/// A page title's trail after the headline: two or more short parts after the same separator
/// ("Headline | Section | Site", "Headline - Economia - iG"), or one part that is a domain name
/// ("Headline - Example.net"). Returns the headline, the last part when it is a domain name
/// (the page naming itself), and a date when one part is one.
fn nav_suffix(title: &str) -> Option<(String, Option<String>, Option<Published>)> {
    let domain_like = |p: &str| {
        let lower = p.to_lowercase();
        !p.contains(' ') && p.contains('.') && psl::domain_str(&lower) == Some(lower.as_str())
    };
    lines::NAME_SEPARATORS.iter().find_map(|sep| {
        let parts: Vec<&str> = title.split(sep).map(str::trim).collect();
        let (first, rest) = parts.split_first()?;
        if rest.is_empty() || first.split_whitespace().count() < 3 {
            return None;
        }
        let last = rest.last().copied().unwrap_or_default();
        let trail = rest.len() >= 2 && rest.iter().all(|p| (1..=6).contains(&p.split_whitespace().count()));
        let site = domain_like(last).then(|| last.to_string());
        // "Headline - 21/12/2018 - Sport - Example": the trail may carry the date.
        let date = rest.iter().find_map(|p| dates::parse_line(p, DayMonthOrder::DayFirst)).map(|d| d.published);
        (trail || site.is_some()).then(|| (first.to_string(), site, date))
    })
}

/// Lower-case letters and digits of a name without a leading "the": "The Example-Post" →
/// "examplepost".
fn squash_name(s: &str) -> String {
    let lower: String = s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    match lower.strip_prefix("the") {
        Some(rest) if s.trim_start().to_lowercase().starts_with("the ") => rest.to_string(),
        _ => lower,
    }
}

/// A bare name line under the headline ("Jane Doe", "Justin Roe in Portville"): the byline
/// without "By". Taken only right under the headline or beside a date line, before the story.
fn mark_name_line(lines: &mut [Line], title_idx: usize, outlets: &Outlets) {
    let mut prev: Option<usize> = None;
    let mut seen = 0;
    for i in title_idx + 1..lines.len() {
        if lines[i].kind == Kind::Blank {
            continue;
        }
        seen += 1;
        if seen > 4 || lines[i].kind == Kind::Text && lines[i].text.len() > 80 {
            return;
        }
        if matches!(lines[i].kind, Kind::Byline(_) | Kind::Heading) {
            return;
        }
        if lines[i].kind == Kind::Text {
            let by_date = |k: Option<usize>| k.is_some_and(|k| matches!(lines[k].kind, Kind::Date(_)));
            let next = lines[i + 1..].iter().position(|l| l.kind != Kind::Blank).map(|k| k + i + 1);
            let placed = prev.is_none() || by_date(prev) || by_date(next);
            if placed && let Some(b) = bare_name(&lines[i].text, outlets) {
                lines[i].kind = Kind::Byline(b);
                return;
            }
        }
        prev = Some(i);
    }
}

fn bare_name(text: &str, outlets: &Outlets) -> Option<byline::Byline> {
    if text.len() > 60 || text.ends_with(['.', '!', '?', ':']) || !text.starts_with(char::is_uppercase) {
        return None;
    }
    // Page widgets in capitalised words ("Search Close") are not names.
    const WIDGETS: &[&str] =
        &["Search", "Close", "Menu", "Home", "Share", "Login", "Data", "Video", "More", "News", "Subscribe"];
    if text.split_whitespace().any(|w| WIDGETS.contains(&w)) {
        return None;
    }
    let b = byline::parse(&format!("By {text}"), outlets)?;
    let ok = !b.authors.is_empty()
        && b.authors.len() <= 3
        && b.authors.iter().all(|a| (2..=4).contains(&a.name.split_whitespace().count()));
    ok.then_some(b)
}

/// The headline without a wire service's leading tag: Yonhap's "(LEAD)", "(2nd LD)",
/// "(URGENT)". A tag is a short parenthesis in capitals or a "… LD" lead number; a headline
/// that starts with other words in parentheses keeps them.
fn strip_wire_tag(title: &str) -> Option<&str> {
    let inner = title.strip_prefix('(')?;
    let (tag, rest) = inner.split_once(')')?;
    let caps = tag.chars().any(char::is_alphabetic) && !tag.chars().any(char::is_lowercase);
    let lead = tag.split(',').next().is_some_and(|t| t.trim_end().ends_with(" LD"));
    let rest = rest.trim_start();
    (tag.len() <= 24 && (caps || lead) && rest.split_whitespace().count() >= 3).then_some(rest)
}

/// `s` cut to at most `max_chars` characters at a word boundary, with `…`.
pub(crate) fn shorten(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        return s.to_string();
    }
    let cut: String = s.chars().take(max_chars).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max_chars / 2 => &cut[..i],
        _ => &cut[..],
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// Case-insensitive equality; lengths close enough are compared at all (paragraphs rarely are).
fn same_text(a: &str, b: &str) -> bool {
    a.len().abs_diff(b.len()) <= 8 && (a.eq_ignore_ascii_case(b) || a.to_lowercase() == b.to_lowercase())
}

/// The clean body of the lines below the headline. Returns the blocks, the line number each
/// block starts on, and the indexes (within `lines`) of the first and last line that went into
/// a paragraph.
fn build_body(
    lines: &[Line],
    title: &str,
    removed: &mut Vec<Removed>,
) -> (Vec<Block>, Vec<u32>, Option<usize>, Option<usize>) {
    // Lines that are text, in order: (index, is heading).
    let mut kept: Vec<(usize, bool)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let rule = match &l.kind {
            Kind::Blank => continue,
            Kind::Text | Kind::Heading if same_text(&l.text, title) => Rule::RepeatedHeadline,
            Kind::Text => {
                kept.push((i, lines::is_caps_heading(&l.text)));
                continue;
            }
            Kind::Credits(_) => {
                kept.push((i, false));
                continue;
            }
            Kind::Heading => {
                kept.push((i, true));
                continue;
            }
            Kind::Furniture(r) => *r,
            Kind::Caption => Rule::Caption,
            Kind::Date(_) => Rule::DateBelowHeadline,
            Kind::Byline(_) => Rule::Byline,
            Kind::Url { .. } | Kind::UrlLabel => Rule::UrlLine,
            Kind::Masthead(_) => Rule::Masthead,
            Kind::Promo { .. } => Rule::Promo,
            Kind::Trailer { .. } => Rule::Trailer,
        };
        removed.push(Removed { line: l.no, rule });
    }

    // A standfirst that the first paragraph repeats.
    if let [(a, false), (b, false), ..] = kept[..] {
        let first = lines[a].text.trim_end_matches(['.', '…', ' ']).to_lowercase();
        if first.len() >= 20 && lines[b].text.to_lowercase().starts_with(&first) {
            removed.push(Removed { line: lines[a].no, rule: Rule::Standfirst });
            kept.remove(0);
        }
    }

    let wrapped = looks_hard_wrapped(lines, &kept);
    let mut blocks: Vec<Block> = Vec::new();
    let mut starts: Vec<u32> = Vec::new();
    let mut prev: Option<usize> = None;
    for &(i, heading) in &kept {
        let text = &lines[i].text;
        let continues = wrapped
            && !heading
            && prev.is_some_and(|p| p + 1 == i)
            && matches!(blocks.last(), Some(Block::Paragraph(_)));
        if continues {
            if let Some(Block::Paragraph(p)) = blocks.last_mut() {
                p.push(' ');
                p.push_str(text);
            }
        } else if !heading && matches!(blocks.last(), Some(Block::Paragraph(p)) if p == text) {
            removed.push(Removed { line: lines[i].no, rule: Rule::RepeatedParagraph });
        } else {
            blocks.push(if heading { Block::Heading(text.clone()) } else { Block::Paragraph(text.clone()) });
            starts.push(lines[i].no);
        }
        prev = Some(i);
    }
    let first = kept.iter().find(|(_, h)| !h).map(|(i, _)| *i);
    let last = kept.last().map(|(i, _)| *i);
    (blocks, starts, first, last)
}

/// Text hard-wrapped at a fixed width (most text lines 40–100 characters, none much longer)
/// joins consecutive lines into paragraphs; pages copied from a browser have one paragraph per
/// line and keep them.
fn looks_hard_wrapped(lines: &[Line], kept: &[(usize, bool)]) -> bool {
    // Byte length stands in for width on long lines: anything over 440 bytes is over 110 chars.
    let chars = |t: &str| if t.len() > 440 { t.len() } else { t.chars().count() };
    let lens: Vec<usize> = kept.iter().filter(|(_, h)| !h).map(|(i, _)| chars(&lines[*i].text)).collect();
    if lens.len() < 4 {
        return false;
    }
    let longest = lens.iter().copied().max().unwrap_or(0);
    let mid = lens.iter().filter(|&&n| (40..=100).contains(&n)).count();
    let consecutive = kept.windows(2).filter(|w| w[0].0 + 1 == w[1].0).count();
    longest <= 110 && mid * 2 >= lens.len() && consecutive * 2 >= kept.len()
}

/// The article's URL: a labelled URL line, else a bare URL line above the first paragraph or
/// below the last.
fn find_url(lines: &[Line], first_para: usize, last_para: usize) -> Option<Field<String>> {
    let mut bare = None;
    for (i, l) in lines.iter().enumerate() {
        if let Kind::Url { url, labelled } = &l.kind {
            if *labelled {
                return Some(Field::new(url.clone(), l.no, Rule::SourceUrl));
            }
            if bare.is_none() && (i < first_para || i > last_para) {
                bare = Some(Field::new(url.clone(), l.no, Rule::SourceUrl));
            }
        }
    }
    bare
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[\p{Lu}][\p{L}.'’/-]*(?:[ ,/]+[\p{L}.'’/-]+){0,6}[ ,]*(?:\p{Lu}[a-z]{2,8}\.? \d{1,2} )?)?\(([\p{L} -]{2,30})\)\s*(?:-{1,2}|–|—|:)\s")
        .expect("valid regex")
});

/// The agency named by a dateline at the start of one of the first paragraphs, and the line
/// that paragraph starts on.
fn dateline_agency(body: &[Block], starts: &[u32], outlets: &Outlets) -> Option<(OutletId, u32)> {
    body.iter().zip(starts).filter(|(b, _)| matches!(b, Block::Paragraph(_))).take(3).find_map(|(b, &line)| {
        let c = DATELINE.captures(b.text())?;
        outlets.find_dateline(&c[1]).map(|id| (id, line))
    })
}

fn find_outlet(
    lines: &[Line],
    title_idx: usize,
    body: &[Block],
    block_lines: &[u32],
    outlets: &Outlets,
    url: Option<&Field<String>>,
    title_suffix: Option<Field<OutletRef>>,
) -> (Option<Field<OutletRef>>, Option<Field<OutletRef>>) {
    let mut agency = None;
    if let Some((id, no)) = dateline_agency(body, block_lines, outlets) {
        agency = Some(Field::new(OutletRef::Known(id), no, Rule::Dateline));
    }

    let masthead = lines[..title_idx].iter().find_map(|l| match l.kind {
        Kind::Masthead(id) => Some(Field::new(OutletRef::Known(id), l.no, Rule::Masthead)),
        _ => None,
    });
    let from_url = url.and_then(|u| {
        let host = outlets::url_host(&u.value)?;
        let r = match outlets.find_domain(host) {
            Some(id) => OutletRef::Known(id),
            None => OutletRef::Domain(outlets::site_domain(host)),
        };
        // A blog on a host ("jane.substack.com") is named by its masthead: the page's first
        // line, when it is a short name above the headline.
        if let OutletRef::Domain(site) = &r
            && outlets::is_hosted_site(site)
            && let Some(l) = lines[..title_idx].iter().find(|l| l.kind != Kind::Blank)
            && l.kind == Kind::Text
            && l.text.chars().count() <= 60
            && (1..=6).contains(&l.text.split_whitespace().count())
            && !l.text.ends_with(['.', '!', '?'])
        {
            return Some(Field::new(OutletRef::Name(l.text.clone()), l.no, Rule::Masthead));
        }
        Some(Field::new(r, u.evidence.line, Rule::SourceUrl))
    });
    let mut trailer = None;
    let mut promo = None;
    let mut copyright = None;
    let mut byline: Option<Field<OutletRef>> = None;
    for l in lines {
        match &l.kind {
            Kind::Trailer { publisher, agency: a } => {
                if trailer.is_none() {
                    trailer = publisher.as_ref().map(|p| {
                        let r = match p {
                            TrailerName::Known(id) => OutletRef::Known(*id),
                            TrailerName::Domain(d) => OutletRef::Domain(d.clone()),
                        };
                        Field::new(r, l.no, Rule::Trailer)
                    });
                }
                if agency.is_none() {
                    agency = a.map(|id| Field::new(OutletRef::Known(id), l.no, Rule::Trailer));
                }
            }
            Kind::Promo { domain } if promo.is_none() => {
                let r = match outlets.find_domain(domain) {
                    Some(id) => OutletRef::Known(id),
                    None => OutletRef::Domain(domain.clone()),
                };
                promo = Some(Field::new(r, l.no, Rule::Promo));
            }
            Kind::Byline(b) if byline.is_none() => {
                byline = b.outlet.map(|id| Field::new(OutletRef::Known(id), l.no, Rule::BylineAffiliation));
            }
            Kind::Furniture(Rule::Copyright) if copyright.is_none() => {
                copyright = copyright_outlet(&l.text, outlets)
                    .map(|id| Field::new(OutletRef::Known(id), l.no, Rule::Copyright));
            }
            _ => {}
        }
    }
    // A wire agency in the byline ("By Jane Doe, Reuters") is the story's agency; any other
    // outlet there is the publisher.
    let byline_agency = byline.take_if(|b| matches!(b.value, OutletRef::Known(id) if outlets.get(id).agency));
    if agency.is_none() {
        agency = byline_agency;
    }
    // A wire dateline or an agency byline names who wrote the story, not who published the
    // page: with nothing else naming a publisher, the outlet is unknown.
    let outlet = masthead.or(from_url).or(title_suffix).or(trailer).or(promo).or(byline).or(copyright);
    (outlet, agency)
}

/// "© 2019 The Korea Herald. All rights reserved." names the outlet.
fn copyright_outlet(text: &str, outlets: &Outlets) -> Option<OutletId> {
    let t = text.trim_start_matches(['©', ' ']).trim_start_matches("Copyright").trim_start_matches(['©', ' ']);
    let t = t.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == ' ');
    let name = t.split(['.', ',', '|']).next()?.trim();
    outlets.find(name)
}

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:/|-|$)|/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/")
        .expect("valid regex")
});

fn url_date(url: &str) -> Option<Published> {
    let c = URL_DATE.captures(url)?;
    let (y, m, d) = match (c.get(1), c.get(4)) {
        (Some(y), _) => (y.as_str(), &c[2], &c[3]),
        (None, Some(y)) => (y.as_str(), &c[5], &c[6]),
        _ => return None,
    };
    let date = jiff::civil::Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()?;
    Some(Published::day(date))
}

/// Lines that open a list of other stories after the article ("Related", "More stories"): the
/// dates below them are those stories' dates.
const LIST_MARKERS: &[&str] = &[
    "related",
    "related articles",
    "related stories",
    "related news",
    "related topics",
    "more stories",
    "more news",
    "more on this story",
    "read more",
    "read next",
    "most read",
    "most popular",
    "recommended",
    "latest",
    "latest news",
    "top stories",
    "trending",
    "you may also like",
    "also read",
    "see also",
    "more from",
    "what to read next",
];

/// Where the story ends: the first list marker after the first paragraph, else the end.
fn story_end(lines: &[Line], first_para: usize) -> usize {
    lines
        .iter()
        .enumerate()
        .skip(first_para + 1)
        .find(|(_, l)| {
            matches!(l.kind, Kind::Furniture(Rule::Banner))
                && l.text.len() <= 40
                && LIST_MARKERS.contains(&l.text.trim_end_matches(':').to_lowercase().as_str())
        })
        .map_or(lines.len(), |(i, _)| i)
}

/// The publication date, in order of trust: a labelled "Published" line; a date line between
/// the headline and the first paragraph; a single date line in the story below it; a date in
/// the URL; an "Updated" line; a date line above the headline, unless it is a page header's
/// "today" (a weekday and no time); a date in a photo caption above the story or in the first
/// paragraph's dateline. Dates after a "Related" / "More stories" marker, and several date
/// lines in the tail (a list of other stories), are other articles' dates. Anything else is
/// no evidence: the date is unknown.
fn find_published(
    lines: &[Line],
    title_idx: usize,
    first_para: Option<usize>,
    url: Option<&Field<String>>,
    notes: &mut Vec<Note>,
) -> Option<Field<Published>> {
    let head_end = first_para.unwrap_or(lines.len());
    let end = first_para.map_or(lines.len(), |f| story_end(lines, f));
    let dates: Vec<(usize, &Line, &dates::DateLine)> = lines[..end]
        .iter()
        .enumerate()
        .filter_map(|(i, l)| match &l.kind {
            Kind::Date(d) => Some((i, l, d)),
            _ => None,
        })
        .collect();
    let tail: Vec<(usize, Published)> = dates
        .iter()
        .filter(|(i, _, d)| *i > head_end && d.label.is_none())
        .map(|(i, _, d)| (*i, d.published))
        .collect();
    // The same date printed twice is one date; different ones are a list.
    let single_tail = tail.first().filter(|(_, p)| tail.iter().all(|(_, q)| q.date == p.date)).map(|(i, _)| *i);
    let pick = |rule: Rule, f: &dyn Fn(usize, &dates::DateLine) -> bool| {
        dates.iter().find(|(i, _, d)| f(*i, d)).map(|(_, l, d)| (Field::new(d.published, l.no, rule), d.ambiguous))
    };
    let chosen = pick(Rule::LabelledDate, &|_, d| d.label == Some(Label::Published))
        .or_else(|| pick(Rule::DateBelowHeadline, &|i, d| i > title_idx && i < head_end && d.label.is_none()))
        .or_else(|| pick(Rule::DateBelowHeadline, &|i, _| Some(i) == single_tail))
        .or_else(|| {
            url.and_then(|u| url_date(&u.value).map(|p| (Field::new(p, u.evidence.line, Rule::UrlDate), false)))
        })
        .or_else(|| pick(Rule::UpdatedDate, &|_, d| d.label == Some(Label::Updated)))
        .or_else(|| {
            pick(Rule::DateAboveHeadline, &|i, d| i <= title_idx && !(d.weekday && d.published.time.is_none()))
        });
    if let Some((field, ambiguous)) = chosen {
        if ambiguous {
            let message = format!("ambiguous day and month; read as {} (day first)", field.value);
            notes.push(Note::on(NoteOn::Published, field.evidence.line, message));
        }
        return Some(field);
    }
    // A short metadata line that holds a date among other words ("Nachricht vom 06.11.2023",
    // "Por Agência X | 26/11/2020 20:02") below the headline and before any list of other
    // stories, else above the headline; a photo caption above the story ("… released on April
    // 23, 2019"); the first paragraph's dateline ("SEOUL, March 5, 2019 —"). A date inside a
    // sentence is what the story is about, not when it was published.
    let meta_line = |l: &Line| {
        if l.kind != Kind::Text || l.text.len() > 120 || l.text.ends_with(['.', '!', '?', '"', '”']) {
            return None;
        }
        let found = dates::find_in_prose(&l.text);
        found.first().map(|d| Field::new(Published::day(d.date), l.no, Rule::ProseDate))
    };
    let meta = lines[title_idx.min(end)..end].iter().find_map(meta_line).or_else(|| {
        lines[..title_idx.min(end)]
            .iter()
            .filter(|l| !matches!(l.kind, Kind::Furniture(Rule::IconList)))
            .find_map(meta_line)
    });
    let caption = || {
        lines[..head_end].iter().find_map(|l| {
            if l.kind != Kind::Caption {
                return None;
            }
            let found = dates::find_in_prose(&l.text);
            found.first().map(|d| Field::new(Published::day(d.date), l.no, Rule::ProseDate))
        })
    };
    meta.or_else(caption).or_else(|| {
        // One of the first paragraphs (a "Example Health News" line may come first).
        lines[first_para?..end].iter().filter(|l| l.kind == Kind::Text).take(3).find_map(|l| {
            let head = &l.text[..l.text.floor_char_boundary(60.min(l.text.len()))];
            let found = dates::find_in_prose(head);
            let d = found.first()?;
            let before = &head[..d.span.start];
            // Only a place name may come before it, and a dash after: "SEOUL, March 5, 2019 —".
            let after = head[d.span.end..].trim_start();
            let dateline = after.starts_with(['-', '–', '—', '(', ':']);
            (dateline && before.split_whitespace().count() <= 3 && !before.contains(['.', '!', '?']))
                .then(|| Field::new(Published::day(d.date), l.no, Rule::ProseDate))
        })
    })
}

/// Authors from the byline below the headline and from a sign-off at the end. When both name
/// the same number of people in different scripts (top "신혜인", sign-off "Shin Hae-in"), they
/// are the same reporters: the Latin form is the name, the other kept as its native form. A
/// desk byline ("Reuters Staff") names no one; then end credits ("Reporting by …; Writing by
/// …") name the authors. A named byline is never extended by credits.
fn find_authors(lines: &[Line], title_idx: usize, first_para: usize) -> Option<Field<Vec<Author>>> {
    fn named(l: &Line) -> Option<(u32, &Vec<Author>)> {
        match &l.kind {
            Kind::Byline(b) if !b.authors.is_empty() => Some((l.no, &b.authors)),
            _ => None,
        }
    }
    // A standfirst may come before the byline: the head runs to the first sentence paragraph.
    let first_para = first_para.min(lines.len());
    let head_end = lines[first_para..]
        .iter()
        .position(|l| l.kind == Kind::Text && (l.text.len() > 120 || l.text.ends_with(['.', '"', '”'])))
        .map_or(first_para, |k| first_para + k);
    let top = lines[..head_end].iter().find_map(named);
    let sign_off = lines[first_para.min(lines.len())..].iter().rev().find_map(named);
    match (top, sign_off) {
        (Some((no, top)), Some((_, end))) if top.len() == end.len() => {
            let mut merged = Vec::with_capacity(top.len());
            let mut any = false;
            for (t, e) in top.iter().zip(end) {
                let (tl, el) = (byline::is_latin(&t.name), byline::is_latin(&e.name));
                if tl != el {
                    any = true;
                    let (name, native) = if el { (e, t) } else { (t, e) };
                    merged.push(Author { name: name.name.clone(), native: Some(native.name.clone()) });
                } else {
                    merged.push(t.clone());
                }
            }
            let rule = if any { Rule::BylineAndSignOff } else { Rule::Byline };
            Some(Field::new(merged, no, rule))
        }
        (Some((no, top)), _) => Some(Field::new(top.clone(), no, Rule::Byline)),
        (None, Some((no, end))) => Some(Field::new(end.clone(), no, Rule::SignOff)),
        (None, None) => lines.iter().skip(title_idx + 1).rev().find_map(|l| match &l.kind {
            Kind::Credits(a) => Some(Field::new(a.clone(), l.no, Rule::Credits)),
            _ => None,
        }),
    }
}

/// Splits plain text (front matter or JSON bodies) into blocks: blank lines separate
/// paragraphs; within a paragraph, lines join with spaces; inline markdown is removed.
pub fn plain_body(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut para = String::new();
    let flush = |para: &mut String, blocks: &mut Vec<Block>| {
        if !para.is_empty() {
            blocks.push(Block::Paragraph(std::mem::take(para)));
        }
    };
    for raw in text.split('\n') {
        if let Some(h) = markdown::heading(raw) {
            flush(&mut para, &mut blocks);
            blocks.push(Block::Heading(squash_spaces(&markdown::strip_inline(h)).into_owned()));
            continue;
        }
        let line = squash_spaces(&markdown::strip_inline(raw.trim())).into_owned();
        if line.is_empty() {
            flush(&mut para, &mut blocks);
        } else {
            if !para.is_empty() {
                para.push(' ');
            }
            para.push_str(&line);
        }
    }
    flush(&mut para, &mut blocks);
    blocks
}

#[cfg(test)]
mod tests;
