//! From a saved page's bytes to text: bounded gunzip, then the character encoding (byte order
//! mark, `<meta charset>` / `http-equiv`, else a guess by chardetng), decoded by encoding_rs.

use std::io::Read;

use encoding_rs::{Encoding, UTF_8};

/// A page larger than this (uncompressed) is not one article.
pub const MAX_HTML_BYTES: u64 = 32 * 1024 * 1024;

/// How far into a page a `<meta charset>` is looked for. The HTML standard's prescan reads
/// 1024 bytes; saved pages often carry long comments or inline styles before it, so newsdesk
/// looks further (it costs a byte search).
const PRESCAN: usize = 64 * 1024;

/// Why a gzipped page could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum GunzipError {
    #[error("larger than {} MB uncompressed (the limit for one page); skipped", MAX_HTML_BYTES / (1024 * 1024))]
    TooLarge,
    #[error("not a valid gzip file ({0}); skipped")]
    Broken(String),
}

/// Decompresses a gzipped page, reading at most [`MAX_HTML_BYTES`] + 1 bytes, so a zip bomb
/// costs no more than one large page.
pub fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, GunzipError> {
    let mut out = Vec::with_capacity(bytes.len().saturating_mul(4).min(MAX_HTML_BYTES as usize));
    let mut r = flate2::read::MultiGzDecoder::new(bytes).take(MAX_HTML_BYTES + 1);
    r.read_to_end(&mut out).map_err(|e| GunzipError::Broken(e.to_string()))?;
    if out.len() as u64 > MAX_HTML_BYTES {
        return Err(GunzipError::TooLarge);
    }
    Ok(out)
}

/// Where the encoding came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    Bom,
    /// `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`.
    Declared,
    /// No declaration: valid UTF-8 is UTF-8; anything else is chardetng's guess.
    Guessed,
    /// The page declares this encoding, but its bytes are valid UTF-8 (read as UTF-8).
    Misdeclared(&'static Encoding),
}

/// A decoded page.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    pub charset: Charset,
    /// Some bytes were not valid in the encoding (shown as U+FFFD).
    pub had_errors: bool,
}

/// Decodes a page's bytes.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        let (text, had_errors) = enc.decode_without_bom_handling(rest);
        return Decoded { text: text.into_owned(), encoding: enc, charset: Charset::Bom, had_errors };
    }
    let (encoding, charset) = match declared(bytes.get(..PRESCAN).unwrap_or(bytes)) {
        // A page re-saved as UTF-8 often keeps its old declaration. Text in a legacy encoding
        // is almost never valid UTF-8 by accident (an accented letter or a CJK character breaks
        // the pattern), so valid UTF-8 with non-ASCII bytes is UTF-8.
        Some(enc) if enc != UTF_8 && !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() => {
            (UTF_8, Charset::Misdeclared(enc))
        }
        Some(enc) => (enc, Charset::Declared),
        None if std::str::from_utf8(bytes).is_ok() => (UTF_8, Charset::Guessed),
        None => {
            let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            det.feed(bytes, true);
            (det.guess(None, chardetng::Utf8Detection::Allow), Charset::Guessed)
        }
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    Decoded { text: text.into_owned(), encoding, charset, had_errors }
}

/// The charset a page declares in a `<meta>` tag, if any. A page cannot declare UTF-16 in
/// ASCII bytes (the standard reads such a declaration as UTF-8).
fn declared(head: &[u8]) -> Option<&'static Encoding> {
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'<', head.get(from..)?).map(|i| i + from) {
        from = i + 1;
        if !head.get(i..i + 5).is_some_and(|t| t.eq_ignore_ascii_case(b"<meta")) {
            continue;
        }
        let end = memchr::memchr(b'>', head.get(i..)?).map_or(head.len(), |e| i + e);
        let tag = head.get(i..end)?.to_ascii_lowercase();
        from = end;
        let Some(at) = memchr::memmem::find(&tag, b"charset") else { continue };
        let Some(value) = tag.get(at + b"charset".len()..).map(<[u8]>::trim_ascii_start) else { continue };
        let Some(value) = value.strip_prefix(b"=").map(<[u8]>::trim_ascii_start) else { continue };
        let value = value.strip_prefix(b"\"").or_else(|| value.strip_prefix(b"'")).unwrap_or(value);
        let len =
            value.iter().position(|&c| matches!(c, b'"' | b'\'' | b';' | b' ' | b'/' | b'>')).unwrap_or(value.len());
        let Some(enc) = value.get(..len).and_then(Encoding::for_label) else { continue };
        return Some(if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE { UTF_8 } else { enc });
    }
    None
}

/// Elements that never hold content, so never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "keygen", "basefont", "frame",
];

/// Elements whose content is text up to their end tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript", "plaintext"];

/// A page whose tags nest deeper than `limit`, with the start and end tags below that depth
/// removed (their text stays), and the depth it reached; None for a page that does not nest so
/// deep (nearly all: the check is one scan for `<`).
///
/// html5ever's tree builder checks the stack of open elements for each tag, so a page nested
/// 100,000 deep costs minutes; flattened, it reads like any other. The depth is estimated from
/// the tags (omitted end tags count as open), which only matters for pages this deep.
pub fn flatten_deep(html: &str, limit: usize) -> Option<(String, usize)> {
    let deepest = scan(html, limit, None);
    if deepest <= limit {
        return None;
    }
    let mut out = String::with_capacity(html.len());
    scan(html, limit, Some(&mut out));
    Some((out, deepest))
}

/// Walks the tags of `html`, returning the deepest nesting seen; with `out`, copies the page
/// without the tags below `limit`.
fn scan(html: &str, limit: usize, mut out: Option<&mut String>) -> usize {
    let b = html.as_bytes();
    let (mut depth, mut dropped, mut deepest) = (0usize, 0usize, 0usize);
    let mut i = 0;
    let mut copied = 0;
    while let Some(lt) = memchr::memchr(b'<', b.get(i..).unwrap_or_default()).map(|p| p + i) {
        i = lt + 1;
        let rest = b.get(lt..).unwrap_or_default();
        if rest.starts_with(b"<!--") {
            i = memchr::memmem::find(rest, b"-->").map_or(b.len(), |e| lt + e + 3);
            continue;
        }
        let end_tag = rest.get(1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(end_tag);
        let name_len = b.get(name_start..).unwrap_or_default().iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        if name_len == 0 || !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name = html.get(name_start..name_start + name_len).unwrap_or_default().to_ascii_lowercase();
        let close =
            memchr::memchr(b'>', b.get(name_start..).unwrap_or_default()).map_or(b.len(), |e| name_start + e + 1);
        i = close;
        let self_closing = close >= 2 && b.get(close - 2) == Some(&b'/');
        let drop = if end_tag {
            if dropped > 0 {
                dropped -= 1;
                true
            } else {
                depth = depth.saturating_sub(1);
                false
            }
        } else if VOID.contains(&name.as_str()) || self_closing {
            false
        } else if RAW_TEXT.contains(&name.as_str()) {
            // Skip the raw text: a `<` in a script is not a tag.
            let closing = format!("</{name}");
            let lower = b.get(close..).unwrap_or_default();
            i = find_ascii_ci(lower, closing.as_bytes())
                .and_then(|p| memchr::memchr(b'>', b.get(close + p..)?).map(|e| close + p + e + 1))
                .unwrap_or(b.len());
            false
        } else if depth >= limit {
            dropped += 1;
            true
        } else {
            depth += 1;
            deepest = deepest.max(depth);
            false
        };
        if depth >= limit && drop {
            deepest = deepest.max(depth + dropped);
        }
        if drop && let Some(out) = out.as_deref_mut() {
            out.push_str(html.get(copied..lt).unwrap_or_default());
            copied = close.min(html.len());
        }
    }
    if let Some(out) = out {
        out.push_str(html.get(copied..).unwrap_or_default());
    }
    deepest
}

/// The first place `needle` (lower-case ASCII) occurs in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}
