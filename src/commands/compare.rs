//! `newsdesk compare A B`: two accounts side by side, paragraphs aligned, the sentences both
//! have marked (dimmed in a terminal), and below each account the people it quotes.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::{UNKNOWN, UsageError};
use crate::cli::ShowFormat;
use crate::corpus::Corpus;
use crate::corpus::stories::compare::{Comparison, Paragraph, Row, compare};
use crate::corpus::stories::quotes::{Speaker, quotes, speakers};
use crate::width::{fit, width};

#[derive(Serialize)]
struct SideJson<'a> {
    #[serde(flatten)]
    article: super::list::ArticleJson<'a>,
    paragraphs: &'a [Paragraph],
    /// Sentences the other account shares, of all this one's sentences.
    shared_sentences: usize,
    sentences: usize,
    quoted: Vec<Speaker>,
}

#[derive(Serialize)]
struct CompareJson<'a> {
    left: SideJson<'a>,
    right: SideJson<'a>,
    /// The side-by-side order: paragraph indexes of each side, null where one side has none.
    rows: &'a [Row],
}

const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

pub fn run(
    c: &Corpus,
    ids: &[String; 2],
    format: ShowFormat,
    out: &mut dyn Write,
    width_limit: Option<usize>,
    color: bool,
) -> anyhow::Result<ExitCode> {
    let a = c.find_id(&ids[0]).map_err(|e| UsageError(e.to_string()))?;
    let b = c.find_id(&ids[1]).map_err(|e| UsageError(e.to_string()))?;
    let (ea, eb) = (c.extraction(a)?, c.extraction(b)?);
    let pa: Vec<&str> = ea.body.iter().map(|x| x.text()).collect();
    let pb: Vec<&str> = eb.body.iter().map(|x| x.text()).collect();
    let cmp = compare(&pa, &pb);
    let (qa, qb) = (speakers(&quotes(&pa)), speakers(&quotes(&pb)));
    if format == ShowFormat::Json {
        fn side<'a>(c: &'a Corpus, i: u32, paragraphs: &'a [Paragraph], quoted: Vec<Speaker>) -> SideJson<'a> {
            let (s, n) = Comparison::shared_counts(paragraphs);
            SideJson {
                article: super::list::ArticleJson::new(c, c.get(i)),
                paragraphs,
                shared_sentences: s,
                sentences: n,
                quoted,
            }
        }
        let j = CompareJson { left: side(c, a, &cmp.left, qa), right: side(c, b, &cmp.right, qb), rows: &cmp.rows };
        serde_json::to_writer_pretty(&mut *out, &j)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let total = width_limit.unwrap_or(120).max(40);
    let col = (total - 3) / 2;
    for (i, side) in [(a, &cmp.left), (b, &cmp.right)] {
        let x = c.get(i);
        let (s, n) = Comparison::shared_counts(side);
        writeln!(out, "{}  ({s} of {n} sentences shared)", super::article_line(c, x))?;
    }
    if color {
        writeln!(out, "{DIM}dimmed: both accounts say it{RESET}; plain: only this account says it")?;
    } else {
        writeln!(out, "[= … =]: both accounts say it; unmarked: only this account says it")?;
    }
    writeln!(out, "{}", "─".repeat(total))?;
    for row in &cmp.rows {
        let l = row.left.and_then(|k| cmp.left.get(k)).map(|p| lines(p, col, color)).unwrap_or_default();
        let r = row.right.and_then(|k| cmp.right.get(k)).map(|p| lines(p, col, color)).unwrap_or_default();
        for k in 0..l.len().max(r.len()) {
            let (lt, lw) = l.get(k).cloned().unwrap_or_default();
            let rt = r.get(k).map(|x| x.0.as_str()).unwrap_or("");
            writeln!(out, "{lt}{} │ {rt}", " ".repeat(col.saturating_sub(lw)))?;
        }
        writeln!(out, "{} │", " ".repeat(col))?;
    }
    for (i, quoted) in [(a, &qa), (b, &qb)] {
        let x = c.get(i);
        writeln!(out, "{}", "─".repeat(total))?;
        writeln!(out, "Quoted in {} ({}):", c.outlet_name(x.outlet).unwrap_or(UNKNOWN), c.short_id(x))?;
        if quoted.is_empty() {
            writeln!(out, "  nobody")?;
        }
        for s in quoted.iter() {
            writeln!(out, "  {}", s.name)?;
            for q in &s.quotes {
                for (k, l) in crate::width::wrap(q, total.saturating_sub(8).max(20)).iter().enumerate() {
                    writeln!(out, "    {}{l}", if k == 0 { "“" } else { " " })?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A paragraph wrapped to `col` cells: each line's text (with colour codes or marks) and its
/// display width.
fn lines(p: &Paragraph, col: usize, color: bool) -> Vec<(String, usize)> {
    // Words with whether they belong to a shared sentence, marks added in plain text.
    let mut words: Vec<(String, bool)> = Vec::new();
    for s in &p.sentences {
        let ws: Vec<&str> = s.text.split_whitespace().collect();
        let last = ws.len().saturating_sub(1);
        for (k, w) in ws.iter().enumerate() {
            let mut w = w.to_string();
            if s.shared && !color {
                if k == 0 {
                    w = format!("[={w}");
                }
                if k == last {
                    w.push_str("=]");
                }
            }
            words.push((w, s.shared));
        }
    }
    let mut out: Vec<(String, usize)> = Vec::new();
    let mut cur = String::new();
    let mut cur_w = 0;
    let mut dim = false;
    for (w, shared) in words {
        let w = if width(&w) > col { fit(&w, col) } else { w };
        let ww = width(&w);
        if cur_w > 0 && cur_w + 1 + ww > col {
            if dim {
                cur.push_str(RESET);
                dim = false;
            }
            out.push((std::mem::take(&mut cur), cur_w));
            cur_w = 0;
        }
        if cur_w > 0 {
            cur.push(' ');
            cur_w += 1;
        }
        if color && shared != dim {
            cur.push_str(if shared { DIM } else { RESET });
            dim = shared;
        }
        cur.push_str(&w);
        cur_w += ww;
    }
    if dim {
        cur.push_str(RESET);
    }
    if cur_w > 0 {
        out.push((cur, cur_w));
    }
    out
}
