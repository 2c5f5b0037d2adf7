//! The outlet table: known news outlets and wire agencies, their domains and aliases.
//!
//! The table is data (`data/outlets.toml`, compiled in), extended by a corpus's
//! `newsdesk.toml`. Outlets found in a corpus that the table does not know (a bare domain, a
//! name from front matter) are added as they are met, so every article refers to an outlet by a
//! small [`OutletId`].

use std::collections::HashMap;

use serde::Deserialize;

/// The outlet table compiled into newsdesk.
pub const BUILTIN_TABLE: &str = include_str!("../../data/outlets.toml");

/// Index of an outlet in an [`Outlets`] table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OutletId(pub u16);

/// One outlet or agency.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outlet {
    pub name: String,
    #[serde(default)]
    pub domains: Vec<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// A wire agency (Reuters, AP, AFP, Yonhap…).
    #[serde(default)]
    pub agency: bool,
    /// Words that appear inside a dateline's parentheses: "(Reuters)". Defaults to the name.
    #[serde(default)]
    pub datelines: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TableFile {
    #[serde(default)]
    outlet: Vec<Outlet>,
}

/// Errors reading an outlet table.
#[derive(Debug, thiserror::Error)]
pub enum OutletTableError {
    #[error("{0}")]
    Toml(#[from] toml::de::Error),
    #[error("too many outlets (more than 65,534)")]
    TooMany,
}

/// The table of outlets: lookup by name, alias, domain or dateline word.
#[derive(Debug, Clone, Default)]
pub struct Outlets {
    list: Vec<Outlet>,
    /// Lower-cased names and aliases.
    by_name: HashMap<String, OutletId>,
    /// Lower-cased domains without `www.`.
    by_domain: HashMap<String, OutletId>,
    /// Lower-cased dateline words of agencies.
    by_dateline: HashMap<String, OutletId>,
}

impl Outlets {
    /// The built-in table.
    pub fn builtin() -> Self {
        let mut t = Outlets::default();
        // The built-in table is part of the source tree and tested; a parse failure is a bug.
        t.add_toml(BUILTIN_TABLE).expect("data/outlets.toml is valid");
        t
    }

    /// Adds the `[[outlet]]` entries of a TOML table, merging with outlets of the same name.
    pub fn add_toml(&mut self, text: &str) -> Result<(), OutletTableError> {
        let file: TableFile = toml::from_str(text)?;
        for o in file.outlet {
            self.add(o)?;
        }
        Ok(())
    }

    /// Adds an outlet, or merges its domains and aliases into the outlet of the same name.
    pub fn add(&mut self, mut o: Outlet) -> Result<OutletId, OutletTableError> {
        let id = match self.find_name(&o.name) {
            Some(id) => {
                let existing = &mut self.list[id.0 as usize];
                existing.domains.append(&mut o.domains);
                existing.aliases.append(&mut o.aliases);
                existing.datelines.append(&mut o.datelines);
                existing.agency |= o.agency;
                id
            }
            None => {
                // u16::MAX itself marks "no outlet" in the corpus's compact arrays.
                let id = OutletId(
                    u16::try_from(self.list.len()).ok().filter(|&n| n < u16::MAX).ok_or(OutletTableError::TooMany)?,
                );
                self.list.push(o);
                id
            }
        };
        self.index(id);
        Ok(id)
    }

    fn index(&mut self, id: OutletId) {
        let o = &self.list[id.0 as usize];
        for name in std::iter::once(&o.name).chain(&o.aliases) {
            self.by_name.entry(name.to_lowercase()).or_insert(id);
        }
        for d in &o.domains {
            self.by_domain.entry(normalize_domain(d)).or_insert(id);
        }
        if o.agency {
            let words = if o.datelines.is_empty() { std::slice::from_ref(&o.name) } else { &o.datelines[..] };
            for w in words {
                self.by_dateline.entry(w.to_lowercase()).or_insert(id);
            }
        }
    }

    /// The outlet with this id.
    pub fn get(&self, id: OutletId) -> &Outlet {
        &self.list[id.0 as usize]
    }

    /// Display name of an outlet.
    pub fn name(&self, id: OutletId) -> &str {
        &self.list[id.0 as usize].name
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (OutletId, &Outlet)> {
        self.list.iter().enumerate().map(|(i, o)| (OutletId(i as u16), o))
    }

    /// Outlet by name or alias, case-insensitively.
    pub fn find_name(&self, name: &str) -> Option<OutletId> {
        self.by_name.get(&name.trim().to_lowercase()).copied()
    }

    /// Outlet by name, alias or domain: what a user may type after `--outlet`.
    pub fn find(&self, text: &str) -> Option<OutletId> {
        self.find_name(text).or_else(|| self.find_domain(text))
    }

    /// Outlet by domain or host name: `www.rt.com` and `edition.cnn.com` match `rt.com` and
    /// `cnn.com`. The search stops at the host's [`site_domain`]: `jane.blogspot.com` is not
    /// whatever `blogspot.com` may be.
    pub fn find_domain(&self, host: &str) -> Option<OutletId> {
        let mut host = normalize_domain(host);
        let site = site_domain(&host);
        loop {
            if let Some(id) = self.by_domain.get(&host) {
                return Some(*id);
            }
            match host.split_once('.') {
                Some((_, rest)) if rest.contains('.') && host != site => host = rest.to_string(),
                _ => return None,
            }
        }
    }

    /// Agency named by a dateline word: `Reuters` in "(Reuters) -".
    pub fn find_dateline(&self, word: &str) -> Option<OutletId> {
        self.by_dateline.get(&word.trim().to_lowercase()).copied()
    }

    /// The outlet with this display name, adding it (with no domains) when it is new.
    pub fn intern_name(&mut self, name: &str) -> Result<OutletId, OutletTableError> {
        match self.find(name) {
            Some(id) => Ok(id),
            None => self.add(Outlet {
                name: name.trim().to_string(),
                domains: Vec::new(),
                aliases: Vec::new(),
                agency: false,
                datelines: Vec::new(),
            }),
        }
    }

    /// The outlet for an unknown domain: named by the domain itself, `eastasia-ledger.net`.
    pub fn intern_domain(&mut self, host: &str) -> Result<OutletId, OutletTableError> {
        if let Some(id) = self.find_domain(host) {
            return Ok(id);
        }
        let domain = site_domain(host);
        self.add(Outlet {
            name: domain.clone(),
            domains: vec![domain],
            aliases: Vec::new(),
            agency: false,
            datelines: Vec::new(),
        })
    }
}

/// Lower-cases a host and drops a leading `www.` and a trailing dot.
pub fn normalize_domain(host: &str) -> String {
    let h = host.trim().trim_end_matches('.').to_ascii_lowercase();
    h.strip_prefix("www.").map(str::to_string).unwrap_or(h)
}

/// Blog and newsletter hosts whose subdomains are separate sites, which the Public Suffix List
/// does not list (it lists `blogspot.com`, `github.io` and the like itself).
const HOSTING: &[&str] = &[
    "wordpress.com",
    "substack.com",
    "medium.com",
    "tumblr.com",
    "livejournal.com",
    "typepad.com",
    "over-blog.com",
    "wixsite.com",
    "weebly.com",
    "ghost.io",
];

/// The site a host belongs to: its registrable domain by the Public Suffix List
/// (`world.example.co.kr` → `example.co.kr`), or, on a blog host, the blog's own subdomain
/// (`jane.substack.com`, `jane.blogspot.com`). Lower-cased, without `www.`.
pub fn site_domain(host: &str) -> String {
    let h = normalize_domain(host);
    let Some(reg) = psl::domain_str(&h) else { return h };
    if h.len() > reg.len() + 1 && HOSTING.contains(&reg) {
        let sub = &h[..h.len() - reg.len() - 1];
        let label = sub.rsplit('.').next().unwrap_or(sub);
        return format!("{label}.{reg}");
    }
    reg.to_string()
}

/// True when the site is one site on a host's domain (`jane.substack.com`, `jane.blogspot.com`,
/// whose suffix is in the Public Suffix List's private section), so a masthead may name it.
pub fn is_hosted_site(site: &str) -> bool {
    HOSTING.iter().any(|h| site.len() > h.len() && site.ends_with(h) && site[..site.len() - h.len()].ends_with('.'))
        || psl::suffix(site.as_bytes()).and_then(|s| s.typ()) == Some(psl::Type::Private)
}

/// The host part of an `http(s)://` URL.
pub fn url_host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?;
    let host = host.split(':').next()?;
    (host.contains('.') && !host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_parses_and_knows_the_seed_outlets() {
        let t = Outlets::builtin();
        assert!(t.len() > 60);
        for (query, name) in [
            ("The Korea Herald", "The Korea Herald"),
            ("korea herald", "The Korea Herald"),
            ("russia today", "RT"),
            ("rt.com", "RT"),
            ("euronews", "Euronews"),
            ("www.themoscowtimes.com", "The Moscow Times"),
        ] {
            let id = t.find(query).unwrap_or_else(|| panic!("{query} not found"));
            assert_eq!(t.name(id), name);
        }
    }

    #[test]
    fn subdomains_match_their_outlet() {
        let t = Outlets::builtin();
        assert_eq!(t.find_domain("edition.cnn.com").map(|id| t.name(id)), Some("CNN"));
        assert_eq!(t.find_domain("WWW.RT.COM").map(|id| t.name(id)), Some("RT"));
        assert_eq!(t.find_domain("unknown-news.org"), None);
    }

    #[test]
    fn agencies_by_dateline_word() {
        let t = Outlets::builtin();
        assert_eq!(t.find_dateline("Reuters").map(|id| t.name(id)), Some("Reuters"));
        assert_eq!(t.find_dateline("AP").map(|id| t.name(id)), Some("Associated Press"));
        assert_eq!(t.find_dateline("Yonhap").map(|id| t.name(id)), Some("Yonhap"));
        // The Korea Herald is no agency.
        assert_eq!(t.find_dateline("The Korea Herald"), None);
    }

    #[test]
    fn unknown_domains_are_named_by_the_domain() {
        let mut t = Outlets::builtin();
        let id = t.intern_domain("www.eastasia-ledger.net").unwrap();
        assert_eq!(t.name(id), "eastasia-ledger.net");
        assert_eq!(t.intern_domain("eastasia-ledger.net").unwrap(), id);
    }

    #[test]
    fn added_outlets_merge_by_name() {
        let mut t = Outlets::builtin();
        t.add_toml("[[outlet]]\nname = \"WIC News\"\ndomains = [\"wicnews.com\"]\n").unwrap();
        t.add_toml("[[outlet]]\nname = \"wic news\"\naliases = [\"WIC\"]\n").unwrap();
        let id = t.find("wicnews.com").unwrap();
        assert_eq!(t.find("WIC"), Some(id));
        assert_eq!(t.name(id), "WIC News");
    }

    #[test]
    fn sites_by_the_public_suffix_list() {
        assert_eq!(site_domain("world.example.co.kr"), "example.co.kr");
        assert_eq!(site_domain("WWW.Example.com"), "example.com");
        assert_eq!(site_domain("jane.substack.com"), "jane.substack.com");
        assert_eq!(site_domain("news.jane.wordpress.com"), "jane.wordpress.com");
        assert_eq!(site_domain("jane.blogspot.com"), "jane.blogspot.com");
        assert_eq!(site_domain("localhost"), "localhost");
        assert!(is_hosted_site("jane.substack.com"));
        assert!(is_hosted_site("jane.blogspot.com"));
        assert!(!is_hosted_site("example.co.kr"));
        assert!(!is_hosted_site("example.com"));
        let mut t = Outlets::builtin();
        let id = t.intern_domain("world.example.co.kr").unwrap();
        assert_eq!(t.name(id), "example.co.kr");
        assert_eq!(t.find_domain("edition.cnn.com").map(|id| t.name(id)), Some("CNN"));
        assert_eq!(t.find_domain("jane.blogspot.com"), None);
    }

    #[test]
    fn url_hosts() {
        assert_eq!(url_host("https://www.themoscowtimes.com/2011/06/29/x"), Some("www.themoscowtimes.com"));
        assert_eq!(url_host("http://user@rt.com:8080/news?id=1"), Some("rt.com"));
        assert_eq!(url_host("not a url"), None);
    }
}
