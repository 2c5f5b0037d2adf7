//! A byte-level look at a feed's XML beside feed-rs, which gives no positions: the root
//! element's name (is this `.xml` a feed at all?) and where each entry element starts and ends
//! (its line, for evidence; its bytes, to parse entries one by one when the whole feed does not
//! parse), with the name in an RSS `<source>` element (feed-rs drops it).
//!
//! Not a validating parser: comments, CDATA, processing instructions, the DOCTYPE (with its
//! internal subset) and quoted attribute values are skipped so that markup inside them is not
//! mistaken for elements; anything it cannot make sense of ends the scan early, which only
//! costs line numbers. It never allocates per byte and never recurses.

use memchr::memmem;

/// Where one entry (`<item>` or `<entry>`) sits in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Span {
    /// Byte offset of the entry's `<`.
    pub start: usize,
    /// Byte offset just past its closing `>` (the end of the file when never closed).
    pub end: usize,
    /// 1-based line of its start tag.
    pub line: u32,
    /// The text of its `<source>` element (RSS: the publication the item came from), or of the
    /// `<title>` inside it (Atom).
    pub source: Option<String>,
}

/// A tag found by the scanner.
struct Tag<'a> {
    /// The name without its namespace prefix.
    local: &'a [u8],
    start: usize,
    /// Just past the `>`.
    end: usize,
    closing: bool,
    empty: bool,
}

/// Iterates over the start and end tags of an XML document.
struct Tags<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Tags<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Tags { bytes, pos: 0 }
    }

    /// Offset of `needle` at or after `from`, or None.
    fn find_from(&self, from: usize, needle: &[u8]) -> Option<usize> {
        memmem::find(self.bytes.get(from..)?, needle).map(|i| from + i)
    }

    /// Past the end of a DOCTYPE starting at `from` (`<!DOCTYPE x [ ... ]>`).
    fn skip_doctype(&self, from: usize) -> Option<usize> {
        let b = self.bytes;
        let gt = self.find_from(from, b">")?;
        let Some(open) = self.find_from(from, b"[").filter(|&o| o < gt) else { return Some(gt + 1) };
        // The internal subset may hold `>` in its declarations: it ends at `]` then `>`.
        let mut at = open;
        loop {
            let close = self.find_from(at + 1, b"]")?;
            let mut k = close + 1;
            while b.get(k).is_some_and(u8::is_ascii_whitespace) {
                k += 1;
            }
            if b.get(k) == Some(&b'>') {
                return Some(k + 1);
            }
            at = close;
        }
    }
}

impl<'a> Iterator for Tags<'a> {
    type Item = Tag<'a>;

    fn next(&mut self) -> Option<Tag<'a>> {
        let b = self.bytes;
        loop {
            let lt = self.pos + memchr::memchr(b'<', b.get(self.pos..)?)?;
            let rest = &b[lt..];
            if rest.starts_with(b"<!--") {
                self.pos = self.find_from(lt + 4, b"-->")? + 3;
                continue;
            }
            if rest.starts_with(b"<![CDATA[") {
                self.pos = self.find_from(lt + 9, b"]]>")? + 3;
                continue;
            }
            if rest.starts_with(b"<?") {
                self.pos = self.find_from(lt + 2, b"?>")? + 2;
                continue;
            }
            if rest.starts_with(b"<!") {
                self.pos = self.skip_doctype(lt + 2)?;
                continue;
            }
            let closing = rest.get(1) == Some(&b'/');
            let name_start = lt + 1 + usize::from(closing);
            let mut k = name_start;
            while b.get(k).is_some_and(|&c| !c.is_ascii_whitespace() && c != b'>' && c != b'/') {
                k += 1;
            }
            let name = &b[name_start..k];
            // The tag ends at the first `>` outside a quoted attribute value.
            let mut quote = None;
            while let Some(&c) = b.get(k) {
                match (quote, c) {
                    (Some(q), c) if c == q => quote = None,
                    (None, b'"' | b'\'') => quote = Some(c),
                    (None, b'>') => break,
                    _ => {}
                }
                k += 1;
            }
            if k >= b.len() {
                return None;
            }
            self.pos = k + 1;
            if name.is_empty() {
                continue;
            }
            let local = name.iter().rposition(|&c| c == b':').map_or(name, |i| &name[i + 1..]);
            let empty = k > lt && b[k - 1] == b'/';
            return Some(Tag { local, start: lt, end: k + 1, closing, empty });
        }
    }
}

/// The local name of the root element (`rss`, `feed`, `RDF`, `html`…); None when the bytes
/// hold no element.
pub(super) fn root_name(bytes: &[u8]) -> Option<String> {
    let tag = Tags::new(bytes).find(|t| !t.closing)?;
    Some(String::from_utf8_lossy(tag.local).into_owned())
}

/// Whether the document declares its own entities (`<!ENTITY` in a DOCTYPE before the root
/// element): they are never expanded, and the reader should hear why `&name;` shows as is.
pub(super) fn declares_entities(bytes: &[u8]) -> bool {
    let root = Tags::new(bytes).find(|t| !t.closing).map_or(bytes.len(), |t| t.start);
    memmem::find(&bytes[..root], b"<!ENTITY").is_some()
}

/// Is a local name an entry element: `item` (RSS) or `entry` (Atom)?
fn is_entry(local: &[u8]) -> bool {
    local == b"item" || local == b"entry"
}

/// The entries of a feed, in document order. Entries nested in an entry are part of it.
pub(super) fn entries(bytes: &[u8]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let tags = Tags::new(bytes);
    // Line counting is incremental: from the last counted offset to the next entry start.
    let (mut line, mut counted) = (1u32, 0usize);
    // Within an entry: its name and how deep in same-named elements; inside its `<source>`?
    let mut open: Option<(Vec<u8>, u32)> = None;
    let mut in_source = false;
    for t in tags {
        match &mut open {
            None => {
                if !t.closing && is_entry(t.local) {
                    line += memchr::memchr_iter(b'\n', &bytes[counted..t.start]).count() as u32;
                    counted = t.start;
                    out.push(Span { start: t.start, end: bytes.len(), line, source: None });
                    if t.empty {
                        if let Some(s) = out.last_mut() {
                            s.end = t.end;
                        }
                    } else {
                        open = Some((t.local.to_vec(), 0));
                    }
                }
            }
            Some((name, depth)) => {
                if t.local == name.as_slice() && !t.empty {
                    if !t.closing {
                        *depth += 1;
                    } else if *depth > 0 {
                        *depth -= 1;
                    } else {
                        if let Some(s) = out.last_mut() {
                            s.end = t.end;
                        }
                        open = None;
                        in_source = false;
                    }
                    continue;
                }
                // `<source>Reuters</source>` (RSS), `<source><title>Reuters</title>…` (Atom).
                if t.local == b"source" && !t.closing && !t.empty {
                    in_source = true;
                    take_text(bytes, t.end, &mut out);
                } else if t.local == b"title" && !t.closing && in_source {
                    take_text(bytes, t.end, &mut out);
                } else if t.local == b"source" && t.closing {
                    in_source = false;
                }
            }
        }
    }
    out
}

/// Sets the last span's source to the text starting at `at`, when it has none yet and the text
/// is not blank.
fn take_text(bytes: &[u8], at: usize, out: &mut [Span]) {
    let Some(span) = out.last_mut().filter(|s| s.source.is_none()) else { return };
    let Some(rest) = bytes.get(at..) else { return };
    let end = memchr::memchr(b'<', rest).unwrap_or(rest.len()).min(300);
    let text = String::from_utf8_lossy(&rest[..end]);
    let text = text.replace("&amp;", "&");
    let text = text.trim();
    if !text.is_empty() {
        span.source = Some(text.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_skips_prolog_comments_and_doctype() {
        let xml = b"\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- <feed> -->\n<!DOCTYPE rss [\n<!ENTITY a \"<b>\">\n]>\n<rss version=\"2.0\"/>";
        assert_eq!(root_name(xml).as_deref(), Some("rss"));
        assert_eq!(root_name(b"<rdf:RDF xmlns:rdf=\"x\">").as_deref(), Some("RDF"));
        assert_eq!(root_name(b"<urlset><url/></urlset>").as_deref(), Some("urlset"));
        assert_eq!(root_name(b"just text"), None);
        assert!(declares_entities(xml));
        assert!(!declares_entities(b"<rss><channel><title>&lt;!ENTITY</title></channel></rss>"));
    }

    #[test]
    fn entries_have_lines_ranges_and_sources() {
        let xml = "<rss><channel><title>T</title>\n<item><title a=\"x>y\">One</title>\n<source url=\"https://r\">Reuters</source></item>\n<!-- <item> -->\n<item><description><![CDATA[<item>not one</item>]]></description>\n</item></channel></rss>";
        let spans = entries(xml.as_bytes());
        assert_eq!(spans.len(), 2);
        assert_eq!(spans[0].line, 2);
        assert_eq!(spans[0].source.as_deref(), Some("Reuters"));
        assert_eq!(spans[1].line, 5);
        assert_eq!(spans[1].source, None);
        assert!(xml[spans[0].start..spans[0].end].starts_with("<item>"));
        assert!(xml[spans[0].start..spans[0].end].ends_with("</item>"));
        assert!(xml[spans[1].start..spans[1].end].ends_with("</item>"));
    }

    #[test]
    fn atom_source_title_names_the_source() {
        let xml = b"<feed><entry><title>x</title><source><title>AP</title></source></entry></feed>";
        let spans = entries(xml);
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].source.as_deref(), Some("AP"));
    }

    #[test]
    fn an_unclosed_entry_runs_to_the_end() {
        let xml = b"<rss><channel><item><title>x</title>";
        let spans = entries(xml);
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].end, xml.len());
    }
}
