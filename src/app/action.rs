//! What a visitor (or the terminal) asks the kiosk to do.

/// One step of input to [`super::State::update`], already freed of key codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Open item 1 to 9 of the list page on screen.
    Open(u8),
    /// Open the highlighted item.
    Select,
    /// Go back one level.
    Back,
    /// Go to the home screen.
    Home,
    /// Show the next page of a list or answer.
    NextPage,
    /// Show the previous page of a list or answer.
    PreviousPage,
    /// Move the highlight up (or show the previous page of an answer).
    MoveUp,
    /// Move the highlight down (or show the next page of an answer).
    MoveDown,
    /// The terminal now has this size.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
}
