//! The keymap: one table from keys to actions, by context. Key handling looks keys up here, and
//! the help overlay, the status-bar hints and `docs/keys.md` are all generated from the same
//! table, so they cannot drift from what the keys do.

use std::fmt::{self, Write as _};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Always, even in prompts and popups.
    Always,
    /// In the panes (no popup open).
    Panes,
    List,
    Reader,
    Timeline,
    /// The outlet picker popup.
    Picker,
    /// A prompt (search, date, file name, command).
    Prompt,
    /// After the copy key: what to copy.
    Clipboard,
    /// The help overlay.
    Help,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Always => "Everywhere",
            Context::Panes => "In the panes",
            Context::List => "List",
            Context::Reader => "Reader",
            Context::Timeline => "Timeline",
            Context::Picker => "Outlet picker",
            Context::Prompt => "Prompts (search, date, file name, command)",
            Context::Clipboard => "Copy to the clipboard (after y)",
            Context::Help => "Help",
        }
    }

    /// Contexts in the order the help lists them.
    pub const ALL: [Context; 9] = [
        Context::Always,
        Context::Panes,
        Context::List,
        Context::Reader,
        Context::Timeline,
        Context::Picker,
        Context::Clipboard,
        Context::Prompt,
        Context::Help,
    ];
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn ch(c: char) -> Key {
    Key { code: KeyCode::Char(c), mods: KeyModifiers::NONE }
}
const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), mods: KeyModifiers::CONTROL }
}
const fn code(code: KeyCode) -> Key {
    Key { code, mods: KeyModifiers::NONE }
}
const SHIFT_TAB: Key = Key { code: KeyCode::BackTab, mods: KeyModifiers::SHIFT };

impl Key {
    /// The key of a key event, normalised: a typed character carries its shift already
    /// (`G`, `?`, `+`), so SHIFT is dropped from character keys.
    pub fn of(ev: &KeyEvent) -> Key {
        let mut mods = ev.modifiers;
        if matches!(ev.code, KeyCode::Char(_)) {
            mods.remove(KeyModifiers::SHIFT);
        }
        if ev.code == KeyCode::BackTab {
            mods = KeyModifiers::SHIFT;
        }
        Key { code: ev.code, mods }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Delete"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// One row of the keymap.
#[derive(Debug)]
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// What the key does, for the help overlay and docs/keys.md.
    pub help: &'static str,
    /// A short label for the status bar's hints, for the most useful keys.
    pub hint: Option<&'static str>,
}

const fn bind(context: Context, keys: &'static [Key], action: Action, help: &'static str) -> Binding {
    Binding { context, keys, action, help, hint: None }
}

const fn hinted(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    hint: &'static str,
) -> Binding {
    Binding { context, keys, action, help, hint: Some(hint) }
}

use Context::{Always, Clipboard, Help as HelpCx, List, Panes, Picker, Prompt, Reader, Timeline};

/// The keymap.
pub static KEYMAP: &[Binding] = &[
    bind(Always, &[ctrl('c')], Action::Quit, "quit"),
    bind(Always, &[ctrl('z')], Action::Suspend, "suspend to the shell; `fg` resumes"),
    // Hinted bindings come first, in the order the status bar shows them.
    hinted(Panes, &[ch('j'), code(KeyCode::Down)], Action::Down, "down a row (list) or line (reader)", "move"),
    hinted(Panes, &[ch(' ')], Action::ReaderPageDown, "scroll the reader down a page", "read"),
    hinted(Panes, &[ch('/')], Action::Search, "search title and text (incremental)", "search"),
    hinted(Panes, &[ch('o')], Action::OutletFilter, "choose outlets", "outlets"),
    hinted(Panes, &[ch('d')], Action::DateFilter, "filter by date (2019, 2019-04, 2019-03..2019-04, ..2012)", "dates"),
    hinted(Panes, &[ch('?')], Action::Help, "show this help", "help"),
    hinted(Panes, &[ch('q')], Action::Quit, "quit", "quit"),
    bind(Panes, &[ch('k'), code(KeyCode::Up)], Action::Up, "up a row or line"),
    bind(Panes, &[code(KeyCode::PageDown)], Action::PageDown, "down a page"),
    bind(Panes, &[code(KeyCode::PageUp)], Action::PageUp, "up a page"),
    bind(Panes, &[ctrl('d')], Action::HalfPageDown, "down half a page"),
    bind(Panes, &[ctrl('u')], Action::HalfPageUp, "up half a page"),
    bind(Panes, &[ch('g'), code(KeyCode::Home)], Action::Top, "to the top"),
    bind(Panes, &[ch('G'), code(KeyCode::End)], Action::Bottom, "to the bottom"),
    bind(Panes, &[ch('b')], Action::ReaderPageUp, "scroll the reader up a page"),
    bind(Panes, &[ch('n')], Action::NextMatch, "next search match"),
    bind(Panes, &[ch('N')], Action::PrevMatch, "previous search match"),
    bind(Panes, &[ch('c')], Action::ClearFilters, "clear all filters"),
    bind(Panes, &[ch('s')], Action::ToggleSort, "newest or oldest first"),
    bind(Panes, &[ch('t')], Action::ToggleTimeline, "show or hide the timeline"),
    bind(Panes, &[ch('+'), ch('=')], Action::ZoomIn, "timeline: smaller buckets (day ← week ← month ← quarter ← year)"),
    bind(Panes, &[ch('-')], Action::ZoomOut, "timeline: larger buckets"),
    bind(Panes, &[code(KeyCode::Tab)], Action::FocusNext, "focus the next pane"),
    bind(Panes, &[SHIFT_TAB], Action::FocusPrev, "focus the previous pane"),
    bind(Panes, &[ch('1')], Action::FocusList, "focus the list"),
    bind(Panes, &[ch('2')], Action::FocusReader, "focus the reader"),
    bind(Panes, &[ch('3')], Action::FocusTimeline, "focus the timeline"),
    bind(Panes, &[code(KeyCode::Esc)], Action::Back, "back to the list"),
    bind(Panes, &[ch('O')], Action::OpenInBrowser, "open the article's URL in $BROWSER (else xdg-open/open)"),
    bind(Panes, &[ch('y')], Action::CopyMenu, "copy the article's URL, id or a citation (then u, i or c)"),
    bind(Panes, &[ch('S')], Action::SaveArticle, "save the article as Markdown (or .txt) with its metadata"),
    bind(Panes, &[ch('|')], Action::PipeArticle, "pipe the article as Markdown to a shell command"),
    bind(Panes, &[ch('v')], Action::ViewSource, "read the article's source file in $PAGER (less)"),
    bind(Panes, &[ch('E')], Action::ExportList, "export the listed articles (.md .csv .json .bib .csl.json)"),
    bind(Panes, &[ch('r')], Action::ToggleRead, "mark the article read or unread (opening it marks it read)"),
    bind(Panes, &[ch('*')], Action::ToggleStar, "star or unstar the article"),
    bind(Panes, &[ch('T')], Action::EditTags, "edit the article's tags (space-separated; -tag removes)"),
    bind(Panes, &[ch('e')], Action::EditNote, "edit the article's note in $VISUAL or $EDITOR"),
    bind(Panes, &[ch('R')], Action::MarkAllRead, "mark every listed article read (asks, with the count)"),
    bind(Panes, &[ch('u')], Action::UndoMark, "undo the last change of marks"),
    bind(Panes, &[ch('U')], Action::UnreadOnly, "show only unread articles, or all"),
    bind(Panes, &[ch('F')], Action::StarredOnly, "show only starred articles, or all"),
    bind(Panes, &[ctrl('r')], Action::ReloadMarks, "reload the marks (another newsdesk may have changed them)"),
    hinted(List, &[code(KeyCode::Enter)], Action::Open, "open the article in the reader", "open"),
    hinted(Reader, &[ch('i')], Action::ToggleEvidence, "show the evidence behind each field", "evidence"),
    hinted(
        Timeline,
        &[ch('h'), code(KeyCode::Left)],
        Action::EarlierArticle,
        "the previous article in time",
        "earlier/later",
    ),
    bind(Timeline, &[ch('l'), code(KeyCode::Right)], Action::LaterArticle, "the next article in time"),
    hinted(
        Timeline,
        &[code(KeyCode::Enter)],
        Action::FilterToBucket,
        "filter to the selected bucket's dates",
        "filter to bucket",
    ),
    hinted(Picker, &[ch('j'), code(KeyCode::Down)], Action::Down, "down", "move"),
    bind(Picker, &[ch('k'), code(KeyCode::Up)], Action::Up, "up"),
    bind(Picker, &[code(KeyCode::PageDown)], Action::PageDown, "down a page"),
    bind(Picker, &[code(KeyCode::PageUp)], Action::PageUp, "up a page"),
    bind(Picker, &[ch('g'), code(KeyCode::Home)], Action::Top, "first outlet"),
    bind(Picker, &[ch('G'), code(KeyCode::End)], Action::Bottom, "last outlet"),
    hinted(Picker, &[ch(' ')], Action::PickerToggle, "tick or untick", "tick"),
    hinted(Picker, &[ch('a')], Action::PickerAll, "tick all, or none", "all"),
    hinted(Picker, &[code(KeyCode::Enter)], Action::Apply, "apply", "apply"),
    hinted(Picker, &[code(KeyCode::Esc)], Action::Back, "cancel", "cancel"),
    hinted(Clipboard, &[ch('u')], Action::CopyUrl, "copy the URL", "URL"),
    hinted(Clipboard, &[ch('i')], Action::CopyId, "copy the id", "id"),
    hinted(Clipboard, &[ch('c')], Action::CopyCitation, "copy a one-line citation", "citation"),
    hinted(Clipboard, &[code(KeyCode::Esc)], Action::Back, "cancel", "cancel"),
    hinted(Prompt, &[code(KeyCode::Enter)], Action::Apply, "apply", "apply"),
    hinted(Prompt, &[code(KeyCode::Esc)], Action::Back, "cancel", "cancel"),
    bind(Prompt, &[code(KeyCode::Backspace)], Action::DeleteBack, "delete before the cursor"),
    bind(Prompt, &[code(KeyCode::Delete)], Action::DeleteForward, "delete under the cursor"),
    bind(Prompt, &[code(KeyCode::Left)], Action::CursorLeft, "cursor left"),
    bind(Prompt, &[code(KeyCode::Right)], Action::CursorRight, "cursor right"),
    bind(Prompt, &[code(KeyCode::Home), ctrl('a')], Action::CursorStart, "cursor to the start"),
    bind(Prompt, &[code(KeyCode::End), ctrl('e')], Action::CursorEnd, "cursor to the end"),
    bind(Prompt, &[ctrl('u')], Action::DeleteToStart, "delete to the start"),
    bind(Prompt, &[ctrl('w')], Action::DeleteWord, "delete the word before the cursor"),
    hinted(HelpCx, &[ch('?'), code(KeyCode::Esc), ch('q')], Action::Help, "close the help", "close"),
    bind(HelpCx, &[ch('j'), code(KeyCode::Down)], Action::Down, "scroll down"),
    bind(HelpCx, &[ch('k'), code(KeyCode::Up)], Action::Up, "scroll up"),
    bind(HelpCx, &[code(KeyCode::PageDown), ch(' ')], Action::PageDown, "down a page"),
    bind(HelpCx, &[code(KeyCode::PageUp)], Action::PageUp, "up a page"),
];

/// The action for a key event, looking in `contexts` in order, then in [`Context::Always`].
/// Text typed into a prompt is [`Action::Input`].
pub fn lookup(contexts: &[Context], ev: &KeyEvent) -> Option<Action> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    let key = Key::of(ev);
    for cx in contexts.iter().chain(std::iter::once(&Context::Always)) {
        if let Some(b) = KEYMAP.iter().find(|b| b.context == *cx && b.keys.contains(&key)) {
            return Some(b.action.clone());
        }
    }
    if contexts.contains(&Context::Prompt)
        && let KeyCode::Char(c) = key.code
        && !key.mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return Some(Action::Input(c));
    }
    None
}

/// The keys bound to `action` in `cx`, at most `max` of them, as shown in hints: `?/Esc`.
/// Messages and popup titles name keys through this, so they follow the keymap.
pub fn keys_for(cx: Context, action: &Action, max: usize) -> String {
    match KEYMAP.iter().find(|b| b.context == cx && b.action == *action) {
        Some(b) => b.keys.iter().take(max).map(ToString::to_string).collect::<Vec<_>>().join("/"),
        // Only a keymap edit that drops a binding still named in a message gets here; the
        // action's name still tells the reader what to look for in the help.
        None => <&'static str>::from(action).to_string(),
    }
}

/// The first key bound to `action` in `cx`.
pub fn key_for(cx: Context, action: &Action) -> String {
    keys_for(cx, action, 1)
}

/// The keys of a binding as shown to people: `j / ↓`.
pub fn keys_label(b: &Binding) -> String {
    b.keys.iter().map(ToString::to_string).collect::<Vec<_>>().join(" / ")
}

/// Short hints for the status bar in these contexts: `j move · Enter open · / search`.
pub fn hints(contexts: &[Context]) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for cx in contexts.iter().chain(std::iter::once(&Context::Always)) {
        for b in KEYMAP.iter().filter(|b| b.context == *cx) {
            if let (Some(h), Some(k)) = (b.hint, b.keys.first()) {
                if out.iter().any(|(_, hint)| *hint == h) {
                    continue;
                }
                out.push((k.to_string(), h));
            }
        }
    }
    out
}

/// The help text: every binding, grouped by context. The mouse is listed too.
pub fn help_rows() -> Vec<(Option<&'static str>, String, &'static str)> {
    let mut rows = Vec::new();
    for cx in Context::ALL {
        rows.push((Some(cx.title()), String::new(), ""));
        for b in KEYMAP.iter().filter(|b| b.context == cx) {
            rows.push((None, keys_label(b), b.help));
        }
        if cx == Context::Panes {
            rows.push((None, "mouse wheel".into(), "scroll the pane under the pointer"));
            rows.push((None, "click".into(), "focus a pane; select an article in the list"));
        }
    }
    rows
}

/// `docs/keys.md`, generated from the keymap.
pub fn markdown() -> String {
    let mut s = String::from(
        "# Keys\n\n<!-- Generated from src/ui/keymap.rs; `cargo test` fails when this file is stale, and\n     `NEWSDESK_UPDATE_DOCS=1 cargo test --lib keys_doc` rewrites it. -->\n\nThe same table drives the keys and the help overlay (`?`).\n",
    );
    for (title, keys, help) in help_rows() {
        match title {
            Some(t) => {
                let _ = write!(s, "\n## {t}\n\n| Keys | Action |\n|---|---|\n");
            }
            None => {
                let _ = writeln!(s, "| `{}` | {} |", keys.replace(" / ", "` `"), help);
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn messages_name_the_keys_the_keymap_binds() {
        assert_eq!(key_for(Context::Picker, &Action::PickerAll), "a");
        assert_eq!(key_for(Context::Panes, &Action::ClearFilters), "c");
        assert_eq!(keys_for(Context::Help, &Action::Help, 2), "?/Esc");
        assert_eq!(key_for(Context::Prompt, &Action::Apply), "Enter");
        // An action with no key in that context is named, not shown as a wrong key.
        assert_eq!(key_for(Context::Prompt, &Action::ZoomIn), "ZoomIn");
    }

    #[test]
    fn every_action_has_a_key() {
        for action in Action::iter().filter(|a| !a.is_keyless()) {
            assert!(KEYMAP.iter().any(|b| b.action == action), "{action:?} has no key");
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in KEYMAP.iter().enumerate() {
            for b in &KEYMAP[i + 1..] {
                if a.context == b.context {
                    for k in a.keys {
                        assert!(
                            !b.keys.contains(k),
                            "{k} bound to {:?} and {:?} in {:?}",
                            a.action,
                            b.action,
                            a.context
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn help_lists_every_binding() {
        let rows = help_rows();
        for b in KEYMAP {
            assert!(
                rows.iter().any(|(_, keys, help)| *keys == keys_label(b) && *help == b.help),
                "{:?} not in help",
                b.action
            );
        }
    }

    #[test]
    fn vim_keys_and_arrows_are_the_same() {
        let pane = [Context::List, Context::Panes];
        for (a, b) in [
            (KeyCode::Char('j'), KeyCode::Down),
            (KeyCode::Char('k'), KeyCode::Up),
            (KeyCode::Char('g'), KeyCode::Home),
            (KeyCode::Char('G'), KeyCode::End),
        ] {
            assert_eq!(lookup(&pane, &press(a, KeyModifiers::NONE)), lookup(&pane, &press(b, KeyModifiers::NONE)));
        }
        let tl = [Context::Timeline, Context::Panes];
        assert_eq!(lookup(&tl, &press(KeyCode::Char('h'), KeyModifiers::NONE)), Some(Action::EarlierArticle));
        assert_eq!(lookup(&tl, &press(KeyCode::Left, KeyModifiers::NONE)), Some(Action::EarlierArticle));
    }

    #[test]
    fn shifted_characters_match_without_shift() {
        let pane = [Context::List, Context::Panes];
        assert_eq!(lookup(&pane, &press(KeyCode::Char('G'), KeyModifiers::SHIFT)), Some(Action::Bottom));
        assert_eq!(lookup(&pane, &press(KeyCode::Char('?'), KeyModifiers::SHIFT)), Some(Action::Help));
        assert_eq!(lookup(&pane, &press(KeyCode::BackTab, KeyModifiers::SHIFT)), Some(Action::FocusPrev));
    }

    #[test]
    fn enter_depends_on_the_pane() {
        let enter = press(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(lookup(&[Context::List, Context::Panes], &enter), Some(Action::Open));
        assert_eq!(lookup(&[Context::Timeline, Context::Panes], &enter), Some(Action::FilterToBucket));
        assert_eq!(lookup(&[Context::Picker], &enter), Some(Action::Apply));
    }

    #[test]
    fn prompts_take_text_but_ctrl_c_still_quits() {
        let p = [Context::Prompt];
        assert_eq!(lookup(&p, &press(KeyCode::Char('q'), KeyModifiers::NONE)), Some(Action::Input('q')));
        assert_eq!(lookup(&p, &press(KeyCode::Char('신'), KeyModifiers::NONE)), Some(Action::Input('신')));
        assert_eq!(lookup(&p, &press(KeyCode::Char('c'), KeyModifiers::CONTROL)), Some(Action::Quit));
        assert_eq!(lookup(&p, &press(KeyCode::Char('w'), KeyModifiers::CONTROL)), Some(Action::DeleteWord));
        // Outside prompts, unbound keys do nothing.
        assert_eq!(lookup(&[Context::List, Context::Panes], &press(KeyCode::Char('x'), KeyModifiers::NONE)), None);
    }

    #[test]
    fn releases_are_ignored() {
        let mut ev = press(KeyCode::Char('q'), KeyModifiers::NONE);
        ev.kind = KeyEventKind::Release;
        assert_eq!(lookup(&[Context::Panes], &ev), None);
    }

    #[test]
    fn hints_come_from_the_table() {
        let h = hints(&[Context::List, Context::Panes]);
        assert!(h.contains(&("Enter".to_string(), "open")));
        assert!(h.contains(&("/".to_string(), "search")));
        assert!(h.contains(&("q".to_string(), "quit")));
        assert_eq!(h[0], ("Enter".to_string(), "open"), "the pane's own keys first");
    }

    #[test]
    fn keys_doc_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/keys.md");
        let want = markdown();
        if std::env::var_os("NEWSDESK_UPDATE_DOCS").is_some() {
            std::fs::write(path, &want).expect("write docs/keys.md");
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert!(have == want, "docs/keys.md is stale: run `NEWSDESK_UPDATE_DOCS=1 cargo test --lib keys_doc`");
    }
}
