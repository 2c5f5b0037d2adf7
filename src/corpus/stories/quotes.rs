//! Who is quoted in an article, and as saying what: direct quotes attributed before or after
//! (`"…," X said.`, `"…," said X.`, `X said: "…"`), reported speech (`X said that …`) and
//! `according to Y`. Pronouns (`he said`) go to the last person named as a speaker.

use std::sync::OnceLock;

use regex::Regex;

/// One thing someone is quoted as saying.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Quote {
    pub speaker: String,
    pub text: String,
    /// A direct quote (in quotation marks), rather than reported speech.
    pub direct: bool,
}

/// A speaker and everything attributed to them, in the order of the article.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Speaker {
    pub name: String,
    pub quotes: Vec<String>,
}

const NAME: &str = r"(?:[\p{Lu}][\p{L}'’.\-]*\s+){0,3}[\p{Lu}][\p{L}'’\-]+";
const ROLE: &str = r"(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\p{L}\-]+\s+){0,4}?(?:official|spokesman|spokeswoman|spokesperson|source|diplomat|minister|officer|analyst|witness|professor|expert|lawyer|attorney|aide|adviser|advisor|president|director|statement)s?";
const VERB: &str = r"(?:said|says|added|told\s+(?:reporters|journalists|[\p{Lu}][\p{L}]+(?:\s+[\p{Lu}][\p{L}]+)*)|wrote|stated|explained|insisted|warned)";

struct Patterns {
    after: Regex,
    inverted: Regex,
    before: Regex,
    reported: Regex,
    according: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let who = format!(r"(?P<who>{ROLE}|{NAME}|[Hh]e|[Ss]he)");
        let q = r#"["“](?P<q>[^"“”]{8,}?)\s*["”]"#;
        let re = |s: String| Regex::new(&s).unwrap_or_else(|e| panic!("quote pattern: {e}"));
        Patterns {
            // `"…," foreign ministry spokesman Kim In-chul said`: a lower-case role may go first.
            after: re(format!(r"{q},?\s+(?P<who>{ROLE}|(?:[\p{{Ll}}\-]+\s+){{0,3}}{NAME}|[Hh]e|[Ss]he)\s+{VERB}")),
            inverted: re(format!(r"{q},?\s+(?:said|says|added)\s+(?P<who>{ROLE}|{NAME})")),
            before: re(format!(r#"{who}\s+{VERB}(?:\s+on\s+\p{{Lu}}\p{{L}}+)?[,:]?\s+["“](?P<q>[^"“”]{{8,}})["”]"#)),
            reported: re(format!(
                r"{who}\s+{VERB}(?:\s+on\s+\p{{Lu}}\p{{L}}+)?,?\s+(?:that\s+)?(?P<q>[^.“”\x22]{{12,}})\."
            )),
            according: re(format!(r"(?i:according to)\s+(?:the\s+)?(?P<who>{ROLE}|{NAME})(?:\s+news agency)?")),
        }
    })
}

/// Names that start a sentence but do not name a speaker.
fn trim_speaker(who: &str) -> Option<String> {
    let mut words: Vec<&str> = who.split_whitespace().collect();
    while words.first().is_some_and(|w| matches!(*w, "The" | "But" | "And" | "In" | "On" | "At" | "As" | "Meanwhile")) {
        words.remove(0);
    }
    if words.is_empty() {
        return None;
    }
    Some(words.join(" ").trim_end_matches(['.', ',']).to_string())
}

fn is_pronoun(w: &str) -> bool {
    matches!(w, "he" | "He" | "she" | "She")
}

/// The quotes of an article, paragraph by paragraph.
pub fn quotes(paragraphs: &[&str]) -> Vec<Quote> {
    let p = patterns();
    let mut out: Vec<Quote> = Vec::new();
    let mut last_named: Option<String> = None;
    for para in paragraphs {
        let mut found: Vec<(usize, usize, Quote)> = Vec::new();
        let taken = |found: &[(usize, usize, Quote)], s: usize, e: usize| found.iter().any(|f| s < f.1 && f.0 < e);
        for (re, direct) in [(&p.after, true), (&p.inverted, true), (&p.before, true), (&p.reported, false)] {
            for c in re.captures_iter(para) {
                let (Some(m), Some(who), Some(q)) = (c.get(0), c.name("who"), c.name("q")) else { continue };
                if taken(&found, m.start(), m.end()) {
                    continue;
                }
                let Some(speaker) = trim_speaker(who.as_str()) else { continue };
                let text = q.as_str().trim().trim_end_matches(',').to_string();
                found.push((m.start(), m.end(), Quote { speaker, text, direct }));
            }
        }
        for c in p.according.captures_iter(para) {
            let (Some(m), Some(who)) = (c.get(0), c.name("who")) else { continue };
            if taken(&found, m.start(), m.end()) {
                continue;
            }
            let Some(speaker) = trim_speaker(who.as_str()) else { continue };
            // The sentence around the phrase, without the phrase.
            let start = para[..m.start()].rfind(['.', '!', '?']).map_or(0, |i| i + 1);
            let end = para[m.end()..].find(['.', '!', '?']).map_or(para.len(), |i| m.end() + i);
            let before = para[start..m.start()].trim().trim_end_matches(',');
            let after = para[m.end()..end].trim().trim_start_matches(',').trim();
            let text = [before, after].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" ");
            if text.split_whitespace().count() >= 3 {
                found.push((m.start(), m.end(), Quote { speaker, text, direct: false }));
            }
        }
        found.sort_by_key(|f| f.0);
        for (_, _, mut q) in found {
            if is_pronoun(&q.speaker) {
                match &last_named {
                    Some(n) => q.speaker = n.clone(),
                    None => continue,
                }
            } else {
                last_named = Some(q.speaker.clone());
            }
            out.push(q);
        }
    }
    out
}

/// Quotes grouped by speaker, in order of first appearance. A surname alone joins the full
/// name it ends ("Ushakov" with "Yuri Ushakov").
pub fn speakers(quotes: &[Quote]) -> Vec<Speaker> {
    let mut out: Vec<Speaker> = Vec::new();
    for q in quotes {
        let key = super::features::name_key(&q.speaker);
        let same = |s: &Speaker| {
            let k = super::features::name_key(&s.name);
            k == key
                || q.speaker.split_whitespace().count() == 1 && s.name.split_whitespace().last() == Some(&q.speaker)
                || s.name.split_whitespace().count() == 1 && q.speaker.split_whitespace().last() == Some(&s.name)
        };
        match out.iter_mut().find(|s| same(s)) {
            Some(s) => {
                if q.speaker.len() > s.name.len() {
                    s.name = q.speaker.clone();
                }
                s.quotes.push(q.text.clone());
            }
            None => out.push(Speaker { name: q.speaker.clone(), quotes: vec![q.text.clone()] }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(p: &str) -> (String, String, bool) {
        let q = quotes(&[p]);
        assert_eq!(q.len(), 1, "{q:?}");
        (q[0].speaker.clone(), q[0].text.clone(), q[0].direct)
    }

    #[test]
    fn quote_then_speaker_said() {
        assert_eq!(
            one("\"The bridge will open in May,\" Mara Quill said."),
            ("Mara Quill".into(), "The bridge will open in May".into(), true)
        );
    }

    #[test]
    fn quote_then_said_speaker() {
        assert_eq!(
            one("“We saw nothing unusual,” said a harbour official."),
            ("a harbour official".into(), "We saw nothing unusual".into(), true)
        );
    }

    #[test]
    fn speaker_said_colon_quote() {
        assert_eq!(
            one("Mayor Tobin Ferro told reporters: \"Nobody was hurt in the flood.\""),
            ("Mayor Tobin Ferro".into(), "Nobody was hurt in the flood.".into(), true)
        );
    }

    #[test]
    fn a_role_before_the_name_is_part_of_the_speaker() {
        assert_eq!(
            one("\"We hope for progress,\" foreign ministry spokesman Lee Dal-ho said in Seoul."),
            ("foreign ministry spokesman Lee Dal-ho".into(), "We hope for progress".into(), true)
        );
    }

    #[test]
    fn reported_speech() {
        assert_eq!(
            one("Ilse Marrow said that the vote would be delayed by a week."),
            ("Ilse Marrow".into(), "the vote would be delayed by a week".into(), false)
        );
    }

    #[test]
    fn according_to() {
        assert_eq!(
            one("The ferry left two hours late, according to the Harbour Authority."),
            ("Harbour Authority".into(), "The ferry left two hours late".into(), false)
        );
    }

    #[test]
    fn pronouns_go_to_the_last_speaker_and_surnames_join() {
        let q = quotes(&[
            "\"We are ready,\" Dana Veil said.",
            "\"The roads are clear,\" she said. \"Stay home tonight,\" Veil added.",
        ]);
        let s = speakers(&q);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].name, "Dana Veil");
        assert_eq!(s[0].quotes, ["We are ready", "The roads are clear", "Stay home tonight"]);
    }

    #[test]
    fn no_speaker_no_quote() {
        assert!(quotes(&["The \"smart\" meters were installed last year."]).is_empty());
    }
}
