//! What a page says about itself, before any reading of its text: JSON-LD objects, `<meta>`
//! tags (OpenGraph `og:*`, `article:*`, names such as `author`, `date`, `parsely-*`,
//! `sailthru.*`), `itemprop` elements, the article's `<time datetime>`, the canonical link, the
//! `<title>` and the first `<h1>`. Gathered in one pass over the parsed document; the choice
//! between sources is made in [`super`].

use dom_query::{Document, NodeRef};
use serde_json::Value;

/// A `<meta>` tag's key (its `property`, `name` or `itemprop`, lower-cased) and content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaTag {
    pub key: String,
    pub content: String,
    /// Which attribute named it.
    pub attr: MetaAttr,
}

/// The attribute that names a `<meta>` tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetaAttr {
    Property,
    Name,
    Itemprop,
}

/// Schema.org types that are articles.
const ARTICLE_TYPES: &[&str] = &[
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "askpublicnewsarticle",
    "liveblogposting",
    "blogposting",
    "report",
    "socialmediaposting",
];

/// Schema.org page types that may carry article fields (`headline`, `datePublished`).
const PAGE_TYPES: &[&str] = &["webpage", "itempage", "collectionpage"];

/// Everything the page says about itself.
#[derive(Debug, Default)]
pub struct PageMeta {
    /// The JSON-LD object that describes the article, if any.
    pub ld: Option<Value>,
    /// Every JSON-LD object with an `@id`, to resolve references (`"author": {"@id": …}`).
    pub ld_ids: Vec<(String, Value)>,
    /// JSON-LD scripts that did not parse (their 0-based order).
    pub ld_broken: usize,
    pub metas: Vec<MetaTag>,
    /// `itemprop` elements other than `<meta>`: (itemprop, value).
    pub itemprops: Vec<(String, String)>,
    pub canonical: Option<String>,
    /// The `datetime` of the first `<time>` that belongs to the article (not a related list,
    /// navigation, footer or comment).
    pub time: Option<String>,
    pub title: Option<String>,
    pub h1: Option<String>,
    /// How many elements the page has and how deep they nest, for the guard in front of
    /// Readability.
    pub elements: usize,
    pub depth: usize,
}

impl PageMeta {
    /// The content of the first `<meta>` with one of these keys, with the key that matched.
    pub fn meta(&self, keys: &[&'static str]) -> Option<(&'static str, &str)> {
        keys.iter().find_map(|k| {
            self.metas.iter().find(|m| m.key == *k && !m.content.trim().is_empty()).map(|m| (*k, m.content.as_str()))
        })
    }

    /// Every non-empty content of `<meta>` tags with this key, in page order.
    pub fn metas_of<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.metas.iter().filter(move |m| m.key == key && !m.content.trim().is_empty()).map(|m| m.content.as_str())
    }

    /// A JSON-LD reference resolved: `{"@id": "…"}` alone becomes the object with that id.
    pub fn resolve<'a>(&'a self, v: &'a Value) -> &'a Value {
        if let Value::Object(o) = v
            && o.len() == 1
            && let Some(Value::String(id)) = o.get("@id")
            && let Some((_, found)) = self.ld_ids.iter().find(|(i, _)| i == id)
        {
            return found;
        }
        v
    }
}

/// Gathers the page's metadata from the parsed document.
pub fn gather(doc: &Document) -> PageMeta {
    let mut m = PageMeta::default();
    let mut ld_objects: Vec<Value> = Vec::new();
    for node in doc.select("script").nodes() {
        let ty = node.attr("type").map(|t| t.to_ascii_lowercase()).unwrap_or_default();
        if !ty.trim().starts_with("application/ld+json") {
            continue;
        }
        let text = node.text();
        let body = strip_cdata(&text);
        match serde_json::from_str::<Value>(body) {
            Ok(v) => ld_objects.push(v),
            Err(_) => m.ld_broken += 1,
        }
    }
    let (ld, ids) = pick_ld(ld_objects);
    m.ld = ld;
    m.ld_ids = ids;
    for node in doc.select("meta").nodes() {
        let Some(content) = node.attr("content").or_else(|| node.attr("value")) else { continue };
        // One tag may carry several names: `<meta property="article:published"
        // itemprop="datePublished" content="…">`.
        for (attr, kind) in
            [("property", MetaAttr::Property), ("name", MetaAttr::Name), ("itemprop", MetaAttr::Itemprop)]
        {
            let Some(key) = node.attr(attr) else { continue };
            let key = key.trim().to_ascii_lowercase();
            if kind == MetaAttr::Itemprop {
                m.itemprops.push((key.clone(), content.to_string()));
            }
            m.metas.push(MetaTag { key, content: content.to_string(), attr: kind });
        }
    }
    for node in doc.select("[itemprop]").nodes() {
        let name = node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
        if name == "meta" || in_furniture(node) {
            continue;
        }
        let Some(prop) = node.attr("itemprop") else { continue };
        for prop in prop.split_whitespace() {
            let prop = prop.to_ascii_lowercase();
            if !matches!(prop.as_str(), "datepublished" | "author" | "headline" | "name" | "publisher") {
                continue;
            }
            let value = node
                .attr("datetime")
                .or_else(|| node.attr("content"))
                .map(|v| v.to_string())
                .or_else(|| {
                    // itemprop=author often wraps itemprop=name.
                    let inner = node.descendants_it().find(|d| d.attr("itemprop").is_some_and(|p| p.trim() == "name"));
                    inner.map(|n| n.text().to_string())
                })
                .unwrap_or_else(|| node.text().to_string());
            m.itemprops.push((prop, value));
        }
    }
    for node in doc.select("link[rel]").nodes() {
        let rel = node.attr("rel").map(|r| r.to_ascii_lowercase()).unwrap_or_default();
        if rel.split_whitespace().any(|r| r == "canonical")
            && let Some(href) = node.attr("href").filter(|h| h.starts_with("http://") || h.starts_with("https://"))
        {
            m.canonical = Some(href.trim().to_string());
            break;
        }
    }
    m.time = doc
        .select("time[datetime]")
        .nodes()
        .iter()
        .filter(|n| {
            // A `<time>` marked as the update is not the publication.
            let marked = |a: &str| {
                n.attr(a).is_some_and(|v| {
                    let v = v.to_ascii_lowercase();
                    v.contains("modified") || v.contains("updated")
                })
            };
            !marked("itemprop") && !marked("class") && !in_furniture(n)
        })
        .find_map(|n| n.attr("datetime").map(|d| d.trim().to_string()).filter(|d| !d.is_empty()));
    m.title = doc.select_single("title").nodes().first().map(|n| n.text().to_string());
    m.h1 = doc
        .select("h1")
        .nodes()
        .iter()
        .filter(|n| !in_furniture(n))
        .map(|n| n.text().to_string())
        .find(|t| !t.trim().is_empty());
    let (elements, depth) = shape(&doc.root());
    m.elements = elements;
    m.depth = depth;
    m
}

/// Elements under a node and how deep they nest, walked with a stack.
fn shape(root: &NodeRef) -> (usize, usize) {
    let (mut elements, mut deepest) = (0, 0);
    let mut stack = vec![(*root, 0usize)];
    while let Some((n, depth)) = stack.pop() {
        if n.is_element() {
            elements += 1;
            deepest = deepest.max(depth);
        }
        stack.extend(n.children_it(false).filter(|c| c.is_element()).map(|c| (c, depth + 1)));
    }
    (elements, deepest)
}

/// `<![CDATA[ … ]]>` and HTML comment wrappers some pages put around JSON-LD.
fn strip_cdata(s: &str) -> &str {
    let t = s.trim();
    let t = t.strip_prefix("<![CDATA[").and_then(|t| t.strip_suffix("]]>")).unwrap_or(t);
    let t = t.trim();
    let t = t.strip_prefix("<!--").and_then(|t| t.strip_suffix("-->")).unwrap_or(t);
    t.trim().trim_end_matches(';')
}

/// Words in a class or id that mark page furniture: a date or name inside one is not the
/// article's.
const FURNITURE_MARKS: &[&str] = &[
    "related",
    "most-read",
    "mostread",
    "most-popular",
    "popular",
    "recommend",
    "comment",
    "promo",
    "teaser",
    "sidebar",
    "footer",
    "widget",
    "trending",
    "newsletter",
    "outbrain",
    "taboola",
    "more-from",
    "read-more",
    "readmore",
    "nav",
];

/// Whether the node sits in navigation, an aside, a footer, a comment thread or a related /
/// most-read list. Looks at a bounded number of ancestors, so a page nested 100,000 deep costs
/// no more than a shallow one.
pub fn in_furniture(node: &NodeRef) -> bool {
    std::iter::once(*node).chain(node.ancestors_it(Some(48))).any(|a| {
        let name = a.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
        if matches!(name.as_str(), "nav" | "aside" | "footer") {
            return true;
        }
        let marks = |attr: &str| {
            a.attr(attr).is_some_and(|v| {
                let v = v.to_ascii_lowercase();
                FURNITURE_MARKS.iter().any(|m| v.contains(m))
            })
        };
        marks("class") || marks("id")
    })
}

/// The lower-cased local names of a JSON-LD object's `@type` (`"schema:NewsArticle"` and
/// `"http://schema.org/NewsArticle"` are both `newsarticle`).
fn types(o: &Value) -> Vec<String> {
    let local = |s: &str| s.rsplit(['/', ':', '#']).next().unwrap_or(s).to_ascii_lowercase();
    match o.get("@type") {
        Some(Value::String(s)) => vec![local(s)],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(local).collect(),
        _ => Vec::new(),
    }
}

/// The object that describes the article among all JSON-LD values of the page (objects,
/// arrays, `@graph`s, nested), and every object with an `@id`. An article type beats a page
/// type with article fields; among equals, the first in page order. Walks with a stack: the
/// values come from the page and may nest deeply.
fn pick_ld(values: Vec<Value>) -> (Option<Value>, Vec<(String, Value)>) {
    let mut article: Option<Value> = None;
    let mut page: Option<Value> = None;
    let mut ids = Vec::new();
    let mut stack: Vec<Value> = values.into_iter().rev().collect();
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(a) => stack.extend(a.into_iter().rev()),
            Value::Object(mut o) => {
                if let Some(g) = o.remove("@graph") {
                    stack.push(g);
                }
                let v = Value::Object(o);
                let t = types(&v);
                if let Some(Value::String(id)) = v.get("@id")
                    && !t.is_empty()
                {
                    ids.push((id.clone(), v.clone()));
                }
                let has_fields = v.get("headline").is_some() || v.get("datePublished").is_some();
                if article.is_none() && t.iter().any(|t| ARTICLE_TYPES.contains(&t.as_str())) {
                    article = Some(v);
                } else if page.is_none() && has_fields && t.iter().any(|t| PAGE_TYPES.contains(&t.as_str())) {
                    page = Some(v);
                }
            }
            _ => {}
        }
    }
    (article.or(page), ids)
}
