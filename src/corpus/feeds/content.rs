//! A feed entry's HTML (`content:encoded`, Atom `content`, JSON Feed `content_html`, a
//! `description`) turned into clean text blocks: paragraphs, headings, quotes and list items.
//!
//! The HTML is parsed by html5ever (through dom_query) the way a browser would, so broken
//! markup, entities and stray `<` are handled by the standard's rules rather than by pattern
//! stripping. The tree is walked with an explicit stack: content nested thousands deep cannot
//! overflow the call stack.

use dom_query::{Document, NodeRef};

use super::super::article::Block;
use super::super::text;

/// Elements whose content is never text to read.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "video", "audio", "canvas",
    "form", "button", "select", "textarea", "head", "title",
];

/// Elements that start and end a block of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "nav",
    "figure",
    "figcaption",
    "pre",
    "hr",
    "br",
    "address",
    "main",
    "details",
    "summary",
    "center",
];

/// What kind of block text inside an element makes (the innermost such element decides).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Heading,
    Quote,
    ListItem,
}

fn kind_of(name: &str) -> Option<Kind> {
    match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(Kind::Heading),
        "blockquote" => Some(Kind::Quote),
        "li" => Some(Kind::ListItem),
        _ => None,
    }
}

/// Collects text into blocks.
#[derive(Default)]
struct Blocks {
    out: Vec<Block>,
    buf: String,
    kinds: Vec<Kind>,
    /// Inside `<pre>`: line breaks in text are block breaks.
    pre: u32,
}

impl Blocks {
    fn flush(&mut self) {
        let t = text::clean_field(&self.buf);
        self.buf.clear();
        if t.is_empty() {
            return;
        }
        self.out.push(match self.kinds.last() {
            Some(Kind::Heading) => Block::Heading(t),
            Some(Kind::Quote) => Block::Quote(t),
            Some(Kind::ListItem) => Block::ListItem(t),
            None => Block::Paragraph(t),
        });
    }

    /// Text of a text node. A blank line inside it is a paragraph break: feeds often put plain
    /// text with blank lines in a field typed as HTML.
    fn text(&mut self, t: &str) {
        if self.pre > 0 {
            for (k, line) in t.split('\n').enumerate() {
                if k > 0 {
                    self.flush();
                }
                self.buf.push_str(line);
            }
            return;
        }
        let mut parts = t.split("\n\n").peekable();
        while let Some(p) = parts.next() {
            self.buf.push_str(p);
            if parts.peek().is_some() {
                self.flush();
            }
        }
    }
}

enum Step<'a> {
    Enter(NodeRef<'a>),
    /// Leaving an element: whether it was a block, and whether it pushed a kind or `<pre>`.
    Leave {
        block: bool,
        kind: bool,
        pre: bool,
    },
}

/// The blocks of an HTML fragment.
pub(super) fn html_blocks(html: &str) -> Vec<Block> {
    // Windows line ends and lone CRs would hide blank lines from the paragraph rule.
    let html = html.replace("\r\n", "\n").replace('\r', "\n");
    // A blank line padded with spaces is still a blank line.
    let html = squash_blank_lines(&html);
    let doc = Document::fragment(html);
    let mut b = Blocks::default();
    let mut stack = vec![Step::Enter(doc.root())];
    while let Some(step) = stack.pop() {
        match step {
            Step::Leave { block, kind, pre } => {
                if block {
                    b.flush();
                }
                if kind {
                    b.kinds.pop();
                }
                if pre {
                    b.pre -= 1;
                }
            }
            Step::Enter(node) => {
                if node.is_text() {
                    b.text(&node.text());
                    continue;
                }
                if !(node.is_element() || node.is_document() || node.is_fragment()) {
                    continue;
                }
                let name = node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
                if DROPPED.contains(&name.as_str()) {
                    continue;
                }
                let block = BLOCKS.contains(&name.as_str());
                if block {
                    b.flush();
                }
                let kind = kind_of(&name);
                if let Some(k) = kind {
                    b.kinds.push(k);
                }
                let pre = name == "pre";
                if pre {
                    b.pre += 1;
                }
                // Table cells and list-less inline neighbours need a space between them.
                if matches!(name.as_str(), "td" | "th") {
                    b.buf.push(' ');
                }
                stack.push(Step::Leave { block, kind: kind.is_some(), pre });
                let children: Vec<NodeRef<'_>> = node.children_it(true).collect();
                stack.extend(children.into_iter().map(Step::Enter));
            }
        }
    }
    b.flush();
    b.out
}

/// One line of text from an HTML fragment (a title typed as HTML): tags dropped, entities
/// decoded, whitespace collapsed.
pub(super) fn html_line(html: &str) -> String {
    let blocks = html_blocks(html);
    let parts: Vec<&str> = blocks.iter().map(Block::text).collect();
    parts.join(" ")
}

/// Lines holding only spaces or tabs become empty, so `\n \n` counts as a blank line.
fn squash_blank_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (k, line) in s.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        if !line.trim_matches([' ', '\t']).is_empty() {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(blocks: &[Block]) -> Vec<(&'static str, &str)> {
        blocks
            .iter()
            .map(|b| {
                let k = match b {
                    Block::Paragraph(_) => "p",
                    Block::Heading(_) => "h",
                    Block::Quote(_) => "q",
                    Block::ListItem(_) => "li",
                };
                (k, b.text())
            })
            .collect()
    }

    #[test]
    fn paragraphs_headings_quotes_and_list_items() {
        let html = "<h2>Talks &amp; more</h2><p>Kim  met\n Trump.</p><blockquote><p>We agreed.</p></blockquote>\
                    <ul><li>One</li><li>Two <b>bold</b></li></ul><p>End&nbsp;note &#8212; ok</p>";
        assert_eq!(
            kinds(&html_blocks(html)),
            [
                ("h", "Talks & more"),
                ("p", "Kim met Trump."),
                ("q", "We agreed."),
                ("li", "One"),
                ("li", "Two bold"),
                ("p", "End note — ok")
            ]
        );
    }

    #[test]
    fn scripts_styles_and_forms_are_dropped() {
        let html = "<p>Before</p><script>var x = '<p>no</p>';</script><style>p{}</style><p>After</p><form><button>Go</button></form>";
        assert_eq!(kinds(&html_blocks(html)), [("p", "Before"), ("p", "After")]);
    }

    #[test]
    fn line_breaks_and_blank_lines_separate_paragraphs() {
        assert_eq!(kinds(&html_blocks("One<br><br>Two<br/>Three")), [("p", "One"), ("p", "Two"), ("p", "Three")]);
        assert_eq!(kinds(&html_blocks("Plain one.\r\n  \r\nPlain two.")), [("p", "Plain one."), ("p", "Plain two.")]);
    }

    #[test]
    fn broken_markup_still_gives_the_text() {
        assert_eq!(
            kinds(&html_blocks("<p>Open <b>bold <i>both</p><p>next & so < on")),
            [("p", "Open bold both"), ("p", "next & so < on")]
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}deep{}", "<div><span>".repeat(20_000), "</span></div>".repeat(20_000));
        assert_eq!(kinds(&html_blocks(&html)), [("p", "deep")]);
    }

    #[test]
    fn html_line_joins_blocks() {
        assert_eq!(html_line("Kim &amp; <i>Moon</i>"), "Kim & Moon");
    }
}
