//! What ties reports of one event together besides copied text: the names in their leads
//! (people, places, organisations: capitalised words and runs of them, CJK and Hangul names)
//! and the lead's content words. Both are kept as 32-bit hashes for the whole corpus; `why`
//! recomputes the strings for the two articles it explains.

use xxhash_rust::xxh3::xxh3_64;

use super::minhash::is_cjk;

/// Words of the headline and body read for names (most of an article: names further down tell
/// one event's reports from another's better than the lead's alone).
pub const NAME_WORDS: usize = 800;
/// Words of the headline and body that count as the lead for key terms.
pub const TERM_WORDS: usize = 150;
/// At most this many names and terms are kept per article (the first ones: a lead names its
/// subject first).
pub const MAX_NAMES: usize = 64;
pub const MAX_TERMS: usize = 48;

/// Capitalised words that are not names: function words that start sentences, days, months,
/// and titles that go before names.
const NOT_NAMES: &str = "a an the this that these those it its he she they we you i his her their our my \
    in on at of for from to by with as and but or nor so yet if when while after before since \
    because although though however meanwhile also then there here where what who whom whose \
    which why how all some many most more much few several no not one two three four five six \
    seven eight nine ten first last new mr mrs ms dr sir monday tuesday wednesday thursday friday \
    saturday sunday january february march april may june july august september october november \
    december president prime minister secretary chairman chief gov governor sen senator rep \
    king queen prince pope general gen col capt lt sgt officer spokesman spokeswoman \
    according under over about into during between among against without within via per \
    is are was were be been has have had do does did will would can could should must might \
    said says told asked updated published read share click follow photo image video watch \
    advertisement copyright getty reuters ap afp associated press pa";

/// Lower-case words that carry no story: function words and reporting verbs.
const STOPWORDS: &str = "a an the this that these those it its he she they we you i his her their our my \
    in on at of for from to by with as and but or nor so yet if when while after before since \
    because although though however also then there here where what who whom whose which why how \
    all some many most more much few several no not one two three four five six seven eight nine \
    ten is are was were be been being has have had do does did will would can could should must \
    might may said says say told tell asked according about into during between among against \
    over under than just only other such out up down off very now new year years day days week \
    weeks time last first including including like get got make made take took him them us \
    monday tuesday wednesday thursday friday saturday sunday january february march april june july \
    august september october november december mr mrs ms per cent percent people man woman \
    report reported reports reporting news statement added adding via would've it's that's";

fn set(list: &'static str) -> &'static foldhash::HashSet<&'static str> {
    use std::sync::OnceLock;
    static NAMES: OnceLock<foldhash::HashSet<&'static str>> = OnceLock::new();
    static STOP: OnceLock<foldhash::HashSet<&'static str>> = OnceLock::new();
    let cell = if std::ptr::eq(list, NOT_NAMES) { &NAMES } else { &STOP };
    cell.get_or_init(|| list.split_whitespace().collect())
}

fn not_name(w: &str) -> bool {
    // ASCII words are lower-cased on the stack: this runs for every capitalised word.
    let mut buf = [0u8; 24];
    if w.is_ascii() && w.len() <= buf.len() {
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        return std::str::from_utf8(b).is_ok_and(|l| set(NOT_NAMES).contains(l));
    }
    set(NOT_NAMES).contains(w.to_lowercase().as_str())
}

fn stopword(w: &str) -> bool {
    set(STOPWORDS).contains(w)
}

/// A name as a key: letters and digits only, lower-cased, so `Kim Jong-un`, `Kim Jong Un` and
/// `KIM JONG UN` are one name.
pub fn name_key(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The 32-bit hash a name or term is kept as.
pub fn hash(key: &str) -> u32 {
    xxh3_64(key.as_bytes()) as u32
}

/// A word as it stands in prose, split off its punctuation: the core, and whether a sentence or
/// clause boundary follows it.
fn split_token(tok: &str) -> (&str, bool) {
    let core = tok.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    let core = core.trim_matches('-');
    let core =
        core.strip_suffix("'s").or_else(|| core.strip_suffix("’s")).or_else(|| core.strip_suffix("s'")).unwrap_or(core);
    let ends = tok.trim_end_matches(['"', '”', '’', '\'', ')', ']']).ends_with(['.', ',', ';', ':', '!', '?'])
        || tok.ends_with(['"', '”', '(', ')']);
    (core, ends)
}

fn capitalised(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(|c| c.is_uppercase()) && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// Names in a text: runs of capitalised words (a run stops at punctuation), titles and
/// sentence-starting function words dropped; for a run of several words, also its last word
/// (a person named in full once and by surname after). CJK and Hangul runs of 2 to 4
/// characters count as names: those scripts have no capitals to tell names apart.
pub fn names(text: &str, limit_words: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, out: &mut Vec<String>| {
        while run.first().is_some_and(|w| not_name(w)) {
            run.remove(0);
        }
        while run.last().is_some_and(|w| not_name(w)) {
            run.pop();
        }
        if !run.is_empty() {
            out.push(run.join(" "));
            if run.len() > 1
                && let Some(last) = run.last()
                && last.chars().count() >= 4
            {
                out.push((*last).to_string());
            }
        }
        run.clear();
    };
    for tok in text.split_whitespace().take(limit_words) {
        let (core, ends) = split_token(tok);
        if core.chars().any(is_cjk) {
            flush(&mut run, &mut out);
            let n = core.chars().filter(|&c| is_cjk(c)).count();
            if (2..=4).contains(&n) {
                out.push(core.chars().filter(|&c| is_cjk(c)).collect());
            }
            continue;
        }
        if capitalised(core) {
            run.push(core);
        } else {
            flush(&mut run, &mut out);
        }
        if ends {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    let mut seen = foldhash::HashSet::default();
    out.retain(|n| seen.insert(name_key(n)));
    out
}

/// Content words of a lead: lower-cased, three letters or more, no stopwords or numbers, a
/// plural `s` dropped so `missile` and `missiles` meet.
pub fn terms(text: &str, limit_words: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = foldhash::HashSet::default();
    for w in crate::corpus::text::words(text).take(limit_words) {
        let w = crate::corpus::text::fold(w);
        if w.chars().count() < 3 || w.chars().all(|c| c.is_ascii_digit()) || stopword(&w) {
            continue;
        }
        let w = match w.strip_suffix('s') {
            Some(stem) if stem.len() >= 4 && !stem.ends_with('s') => stem.to_string(),
            _ => w.into_owned(),
        };
        if seen.insert(w.clone()) {
            out.push(w);
        }
    }
    out
}

/// The lead of an article: its headline, then its body's first words.
pub fn lead(title: &str, body: &[&str]) -> String {
    let mut s = String::with_capacity(2048);
    s.push_str(title);
    s.push_str(".\n");
    for p in body {
        s.push_str(p);
        s.push('\n');
        if s.len() > 12_000 {
            break;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_capitalised_runs_without_titles() {
        let n =
            names("The Kremlin said President Vladimir Putin will meet Kim Jong-un in Vladivostok on Thursday.", 100);
        assert_eq!(n, ["Kremlin", "Vladimir Putin", "Putin", "Kim Jong-un", "Jong-un", "Vladivostok"]);
        assert_eq!(name_key("Kim Jong-un"), name_key("KIM JONG UN"));
    }

    #[test]
    fn punctuation_ends_a_name() {
        let n = names("In Seoul, Moon Jae-in said: North Korea fired.", 100);
        assert_eq!(n, ["Seoul", "Moon Jae-in", "Jae-in", "North Korea", "Korea"]);
    }

    #[test]
    fn hangul_names_count() {
        assert_eq!(names("By 신혜인 in Seoul", 100), ["신혜인", "Seoul"]);
    }

    #[test]
    fn terms_drop_stopwords_and_plurals() {
        assert_eq!(
            terms("The missiles flew over Hokkaido, officials said on Tuesday.", 100),
            ["missile", "flew", "hokkaido", "official"]
        );
    }
}
