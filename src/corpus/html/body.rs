//! The clean body of a page: the article's content as dom_smoothie (a Readability port) finds
//! it, turned into newsdesk's blocks — paragraphs, headings, block quotes and list items.
//! When Readability finds no content (short pages), the page's own `<body>` is walked instead,
//! without navigation, asides, footers, forms, share widgets, related lists, comments, and
//! cookie or paywall banners. Scripts and styles never reach a block.

use dom_query::{Document, NodeRef};

use crate::corpus::article::Block;
use crate::corpus::text;

/// Elements whose content is never body text.
const DROPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "aside",
    "footer",
    "form",
    "button",
    "select",
    "option",
    "input",
    "textarea",
    "iframe",
    "svg",
    "canvas",
    "figure",
    "figcaption",
    "picture",
    "video",
    "audio",
    "object",
    "embed",
    "menu",
    "dialog",
    "head",
    "title",
    "meta",
    "link",
];

/// Inline elements: their text joins the paragraph around them.
const INLINE: &[&str] = &[
    "a", "span", "em", "strong", "b", "i", "u", "small", "sup", "sub", "time", "abbr", "cite", "code", "mark", "q",
    "s", "del", "ins", "font", "kbd", "var", "bdi", "bdo", "data", "dfn", "label", "wbr", "img",
];

/// Words in a class or id that mark furniture in a page walked without Readability.
const JUNK_MARKS: &[&str] = &[
    "cookie",
    "consent",
    "banner",
    "share",
    "social",
    "related",
    "comment",
    "newsletter",
    "paywall",
    "subscribe",
    "promo",
    "most-read",
    "mostread",
    "popular",
    "recommend",
    "sidebar",
    "advert",
    "breadcrumb",
    "masthead",
    "menu",
    "modal",
    "outbrain",
    "taboola",
    "trending",
    "signup",
    "sign-up",
];

enum Step<'a> {
    /// A node, and whether it is inside a block quote.
    Node(NodeRef<'a>, bool),
    /// The end of a block container: text after it starts a new paragraph.
    Flush,
}

/// Inline text being gathered into a paragraph.
#[derive(Default)]
struct Run {
    text: String,
    quote: bool,
}

/// The blocks under `root`, in order. `junk` also drops elements marked as furniture by class
/// or id (for a page walked without Readability, which has removed those already). Iterative:
/// a page nested 100,000 deep does not overflow the stack.
pub fn blocks(root: &NodeRef, junk: bool) -> Vec<Block> {
    let mut out = Vec::new();
    let mut run = Run::default();
    let mut stack: Vec<Step> = root.children_it(true).map(|n| Step::Node(n, false)).collect();
    while let Some(step) = stack.pop() {
        let (node, quote) = match step {
            Step::Node(n, q) => (n, q),
            Step::Flush => {
                flush(&mut run, &mut out);
                continue;
            }
        };
        if node.is_text() {
            run.text.push_str(&node.text());
            run.quote = quote;
            continue;
        }
        if !node.is_element() {
            continue;
        }
        let name = node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
        let name = name.as_str();
        if DROPPED.contains(&name) || (junk && is_junk(&node)) || node.attr("hidden").is_some() {
            continue;
        }
        if name == "br" {
            run.text.push(' ');
            continue;
        }
        if INLINE.contains(&name) {
            run.text.push_str(&inline_text(&node));
            run.quote = quote;
            continue;
        }
        flush(&mut run, &mut out);
        let leaf = match name {
            "p" | "pre" | "address" | "dt" | "dd" | "tr" => Some(Block::Paragraph as fn(String) -> Block),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(Block::Heading as fn(String) -> Block),
            "li" => Some(Block::ListItem as fn(String) -> Block),
            _ => None,
        };
        // A list item that holds a nested list is walked: its own text, then the nested items.
        let nested_list = name == "li"
            && node
                .descendants_it()
                .any(|d| d.node_name().is_some_and(|n| n.eq_ignore_ascii_case("ul") || n.eq_ignore_ascii_case("ol")));
        if let Some(make) = leaf.filter(|_| !nested_list) {
            let t = text::clean_field(&inline_text(&node));
            if !t.is_empty() {
                out.push(if quote { Block::Quote(t) } else { make(t) });
            }
            continue;
        }
        let quote = quote || name == "blockquote";
        stack.push(Step::Flush);
        stack.extend(node.children_it(true).map(|n| Step::Node(n, quote)));
    }
    flush(&mut run, &mut out);
    out
}

/// The text under a node, without what [`DROPPED`] elements hold (a script inside a
/// paragraph stays out). Iterative, like [`blocks`].
fn inline_text(node: &NodeRef) -> String {
    let mut out = String::new();
    let mut stack: Vec<NodeRef> = node.children_it(true).collect();
    while let Some(n) = stack.pop() {
        if n.is_text() {
            out.push_str(&n.text());
        } else if n.is_element() {
            let name = n.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
            if name == "br" {
                out.push(' ');
            } else if !DROPPED.contains(&name.as_str()) {
                stack.extend(n.children_it(true));
            }
        }
    }
    out
}

fn flush(run: &mut Run, out: &mut Vec<Block>) {
    let t = text::clean_field(&run.text);
    run.text.clear();
    if !t.is_empty() {
        out.push(if run.quote { Block::Quote(t) } else { Block::Paragraph(t) });
    }
}

fn is_junk(node: &NodeRef) -> bool {
    let marked = |attr: &str| {
        node.attr(attr).is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            JUNK_MARKS.iter().any(|m| v.contains(m))
        })
    };
    let role = node.attr("role").map(|r| r.to_ascii_lowercase());
    marked("class")
        || marked("id")
        || node.attr("aria-hidden").is_some_and(|v| &*v == "true")
        || matches!(role.as_deref(), Some("navigation" | "banner" | "complementary" | "contentinfo" | "dialog"))
}

/// The page's `<body>` walked without Readability: what is left when it finds nothing.
pub fn fallback(doc: &Document) -> Vec<Block> {
    match doc.body() {
        Some(b) => {
            // A page's header holds the site's name and menus, not the article's.
            blocks(&b, true)
        }
        None => blocks(&doc.root(), true),
    }
}
