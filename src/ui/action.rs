//! Actions: everything the reader can be asked to do, named. Keys map to actions through the
//! keymap table; `update` is the only place that acts on them.

use strum::{EnumIter, IntoStaticStr};

/// One thing the user asked for.
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, IntoStaticStr)]
pub enum Action {
    /// Leave newsdesk.
    Quit,
    /// Suspend to the shell (Ctrl-z); `fg` resumes.
    Suspend,
    /// Show or hide the help overlay.
    Help,
    /// Close an overlay, or go back to the list.
    Back,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Focus the article list.
    FocusList,
    /// Focus the reader.
    FocusReader,
    /// Focus the timeline.
    FocusTimeline,
    /// Move down one row or line.
    Down,
    /// Move up one row or line.
    Up,
    /// Move down a page.
    PageDown,
    /// Move up a page.
    PageUp,
    /// Move down half a page.
    HalfPageDown,
    /// Move up half a page.
    HalfPageUp,
    /// Go to the first row or the top.
    Top,
    /// Go to the last row or the end.
    Bottom,
    /// Scroll the reader down a page, whichever pane has focus.
    ReaderPageDown,
    /// Scroll the reader up a page, whichever pane has focus.
    ReaderPageUp,
    /// Open the selected article in the reader.
    Open,
    /// Start a search (incremental).
    Search,
    /// Go to the next search match.
    NextMatch,
    /// Go to the previous search match.
    PrevMatch,
    /// Choose outlets to show.
    OutletFilter,
    /// Type a date range to show.
    DateFilter,
    /// Clear every filter.
    ClearFilters,
    /// Switch between newest and oldest first.
    ToggleSort,
    /// Show or hide the timeline.
    ToggleTimeline,
    /// Smaller timeline buckets (day ← week ← month ← quarter ← year).
    ZoomIn,
    /// Larger timeline buckets.
    ZoomOut,
    /// Show the evidence behind each metadata field.
    ToggleEvidence,
    /// Select the previous article in time.
    EarlierArticle,
    /// Select the next article in time.
    LaterArticle,
    /// Filter to the dates of the selected timeline bucket.
    FilterToBucket,
    /// Open the article's URL in the browser (`$BROWSER`, else the platform's opener).
    OpenInBrowser,
    /// Copy something about the article to the clipboard: asks what.
    CopyMenu,
    /// Copy the article's URL.
    CopyUrl,
    /// Copy the article's id.
    CopyId,
    /// Copy a one-line citation of the article.
    CopyCitation,
    /// Save the clean article to a file (asks the name).
    SaveArticle,
    /// Pipe the article as Markdown to a shell command (asks the command).
    PipeArticle,
    /// Read the article's source file in `$PAGER`.
    ViewSource,
    /// Export the listed articles to a file (asks the name; the extension picks the format).
    ExportList,
    /// Mark the selected article read or unread.
    ToggleRead,
    /// Star or unstar the selected article.
    ToggleStar,
    /// Edit the selected article's tags (asks: space-separated, `-tag` removes).
    EditTags,
    /// Edit the selected article's note in `$VISUAL`/`$EDITOR`.
    EditNote,
    /// Mark every listed article read (asks first, with the count).
    MarkAllRead,
    /// Undo the last change of marks (a mark-all is one step).
    UndoMark,
    /// Show only unread articles, or all again.
    UnreadOnly,
    /// Show only starred articles, or all again.
    StarredOnly,
    /// Read the marks again from the state database (another newsdesk may have changed them).
    ReloadMarks,
    /// In the outlet picker: tick or untick the outlet under the cursor.
    PickerToggle,
    /// In the outlet picker: tick all, or none if all are ticked.
    PickerAll,
    /// Apply the outlet picker or the prompt.
    Apply,
    /// In a prompt: delete the character before the cursor.
    DeleteBack,
    /// In a prompt: delete the character under the cursor.
    DeleteForward,
    /// In a prompt: move the cursor left.
    CursorLeft,
    /// In a prompt: move the cursor right.
    CursorRight,
    /// In a prompt: move the cursor to the start.
    CursorStart,
    /// In a prompt: move the cursor to the end.
    CursorEnd,
    /// In a prompt: delete everything before the cursor.
    DeleteToStart,
    /// In a prompt: delete the word before the cursor.
    DeleteWord,
    /// Typed text (prompts).
    Input(char),
    /// Pasted text (prompts).
    Paste(String),
    /// The terminal changed size.
    Resize(u16, u16),
    /// Mouse wheel at a cell: positive is down.
    Wheel { x: u16, y: u16, down: bool },
    /// Mouse click at a cell.
    Click { x: u16, y: u16 },
}

impl Action {
    /// Actions that come from events other than key presses (typing, pasting, the terminal,
    /// the mouse); every other action must have a key in the keymap.
    pub fn is_keyless(&self) -> bool {
        matches!(
            self,
            Action::Input(_) | Action::Paste(_) | Action::Resize(..) | Action::Wheel { .. } | Action::Click { .. }
        )
    }
}
