//! How values typed by users are echoed back in messages.

/// Characters of a value shown in a message before it is cut.
pub const EXCERPT_CHARS: usize = 60;

/// A value as a message shows it: whole when short, else its first 60 characters followed by
/// "... (N characters)". A 50 MB id must never become a 50 MB error message.
pub fn excerpt(value: &str) -> String {
    let mut chars = value.char_indices();
    match chars.nth(EXCERPT_CHARS) {
        None => value.to_owned(),
        Some((cut, _)) => format!("{}... ({} characters)", &value[..cut], value.chars().count()),
    }
}

/// `excerpt`, in double quotes, with quotes, backslashes and control characters escaped so that
/// the value cannot break the message's own layout.
pub fn quoted(value: &str) -> String {
    let mut chars = value.char_indices();
    match chars.nth(EXCERPT_CHARS) {
        None => format!("\"{}\"", value.escape_debug()),
        Some((cut, _)) => {
            format!("\"{}\"... ({} characters)", value[..cut].escape_debug(), value.chars().count())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_values_are_echoed_whole() {
        assert_eq!(excerpt("tiktok"), "tiktok");
        assert_eq!(quoted("a\"b\nc"), "\"a\\\"b\\nc\"");
        let sixty = "x".repeat(60);
        assert_eq!(excerpt(&sixty), sixty);
    }

    #[test]
    fn long_values_are_cut_after_sixty_characters_with_their_length() {
        let long = "é".repeat(50_000_000 / 2);
        let e = excerpt(&long);
        assert_eq!(e, format!("{}... (25000000 characters)", "é".repeat(60)));
        assert_eq!(quoted(&"a".repeat(61)), format!("\"{}\"... (61 characters)", "a".repeat(60)));
    }
}
