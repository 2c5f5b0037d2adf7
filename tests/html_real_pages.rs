//! Real saved pages against hand-checked metadata (`tests/pages/html-real.toml`). The pages
//! are third-party text and live outside the repository: the test reads them from the folder
//! named by `NEWSDESK_HTML_PAGES`. It is ignored by a plain `cargo test` (the pages are not
//! in a fresh clone); run it with `NEWSDESK_HTML_PAGES=DIR cargo test --test html_real_pages --
//! --ignored`. The wider measure is `scripts/accuracy` on the development set.

use newsdesk::corpus::article::OutletRef;
use newsdesk::corpus::html;
use newsdesk::corpus::outlets::Outlets;
use serde::Deserialize;

#[derive(Deserialize)]
struct Manifest {
    page: Vec<Page>,
}

#[derive(Deserialize)]
struct Page {
    name: String,
    title: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    authors: Option<Vec<String>>,
}

#[test]
#[ignore = "needs NEWSDESK_HTML_PAGES: a folder of the real pages, which live outside the repository"]
fn real_pages_give_their_hand_checked_metadata() {
    let dir = std::env::var_os("NEWSDESK_HTML_PAGES")
        .expect("NEWSDESK_HTML_PAGES names the folder of real pages (see tests/pages/html-real.toml)");
    let manifest: Manifest =
        toml::from_str(include_str!("pages/html-real.toml")).expect("tests/pages/html-real.toml parses");
    let outlets = Outlets::builtin();
    let mut wrong = Vec::new();
    for p in &manifest.page {
        let path = std::path::Path::new(&dir).join(format!("{}.html", p.name));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let (e, _) = html::read(&bytes, false, &outlets);
        let e = e.unwrap_or_else(|| panic!("{}: no article", p.name));
        let outlet = e.outlet.as_ref().map(|o| match &o.value {
            OutletRef::Known(id) => outlets.name(*id).to_string(),
            OutletRef::Domain(d) | OutletRef::Name(d) => d.clone(),
        });
        let published = e.published.as_ref().map(|f| f.value.to_string());
        let authors: Vec<String> =
            e.authors.as_ref().map(|a| a.value.iter().map(|x| x.name.to_string()).collect()).unwrap_or_default();
        let mut check = |field: &str, want: Option<String>, got: Option<String>| {
            if want.is_some() && want != got {
                wrong.push(format!("{} {field}: want {want:?}, got {got:?}", p.name));
            }
        };
        check("title", p.title.clone(), Some(e.title.value.clone()));
        check("outlet", p.outlet.clone(), outlet);
        check("published", p.published.clone(), published);
        check("authors", p.authors.as_ref().map(|a| a.join("; ")), Some(authors.join("; ")));
    }
    assert!(wrong.is_empty(), "{} fields differ:\n{}", wrong.len(), wrong.join("\n"));
}
