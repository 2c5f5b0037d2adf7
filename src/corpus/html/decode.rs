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
        let len = value.iter().position(|&c| matches!(c, b'"' | b'\'' | b';' | b' ' | b'/' | b'>')).unwrap_or(value.len());
        let Some(enc) = value.get(..len).and_then(Encoding::for_label) else { continue };
        return Some(if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE { UTF_8 } else { enc });
    }
    None
}
