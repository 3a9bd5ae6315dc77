//! Per-value rules: what one id, text, amount, email address or percentage may be.
//!
//! The integrity checks, publishing and sign-off call the functions here. The published JSON
//! Schema states the same rules as patterns and limits, built from the tables and constants
//! below (see `interchange::schema`), and the schema corpus test proves that both agree.

/// Longest stable id.
pub const MAX_ID_CHARS: usize = 64;
/// Longest name, title or other one-line field.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest multi-line free text field.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// Longest change summary of a published version.
pub const MAX_SUMMARY_CHARS: usize = 4_000;
/// Longest custom cadence: ten years.
pub const MAX_CUSTOM_DAYS: u32 = 3_660;
/// Digits before the decimal point of a money amount (up to 999 trillion).
pub const MAX_AMOUNT_DIGITS: usize = 15;
/// Digits after the decimal point of a money amount.
pub const MAX_AMOUNT_DECIMALS: usize = 2;
/// Lowest and highest percentage.
pub const PERCENT_RANGE: (f64, f64) = (0.0, 100.0);

/// The control characters (`char::is_control`, Unicode category Cc), as ranges.
pub(crate) const CONTROL: &[(char, char)] = &[('\u{0}', '\u{1f}'), ('\u{7f}', '\u{9f}')];
/// The control characters refused in free text: all but tab (U+0009) and line feed (U+000A).
pub(crate) const CONTROL_IN_FREE_TEXT: &[(char, char)] =
    &[('\u{0}', '\u{8}'), ('\u{b}', '\u{1f}'), ('\u{7f}', '\u{9f}')];
/// The characters `char::is_whitespace` (and so `str::trim`) treats as white space.
pub(crate) const WHITESPACE: &[(char, char)] = &[
    ('\u{9}', '\u{d}'),
    (' ', ' '),
    ('\u{85}', '\u{85}'),
    ('\u{a0}', '\u{a0}'),
    ('\u{1680}', '\u{1680}'),
    ('\u{2000}', '\u{200a}'),
    ('\u{2028}', '\u{2029}'),
    ('\u{202f}', '\u{202f}'),
    ('\u{205f}', '\u{205f}'),
    ('\u{3000}', '\u{3000}'),
];

fn in_ranges(ranges: &[(char, char)], c: char) -> bool {
    ranges.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

/// The kinds of text users write, each with its length limit and the characters it refuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// Names, titles and list entries: no control characters at all.
    OneLine,
    /// Descriptions, notes and sign-off comments: line breaks and tabs allowed.
    FreeText,
    /// The change summary of a published version: like free text, shorter.
    Summary,
}

impl TextKind {
    pub fn max_chars(self) -> usize {
        match self {
            TextKind::OneLine => MAX_NAME_CHARS,
            TextKind::FreeText => MAX_TEXT_CHARS,
            TextKind::Summary => MAX_SUMMARY_CHARS,
        }
    }

    /// The characters this kind of text refuses.
    pub(crate) fn refused(self) -> &'static [(char, char)] {
        match self {
            TextKind::OneLine => CONTROL,
            TextKind::FreeText | TextKind::Summary => CONTROL_IN_FREE_TEXT,
        }
    }
}

/// The problem with `value` as text of `kind`, as a sentence naming it `what` (e.g. "title"),
/// or `None` when it is fine. Length is reported before refused characters: one problem per
/// field is what a form can show beside it.
pub fn text_problem(kind: TextKind, what: &str, value: &str) -> Option<String> {
    let n = value.chars().count();
    let max = kind.max_chars();
    if n > max {
        return Some(format!("The {what} is {n} characters long; at most {max} are allowed."));
    }
    if value.chars().any(|c| in_ranges(kind.refused(), c)) {
        return Some(match kind {
            TextKind::OneLine => format!("The {what} contains a control character (such as a line break or tab)."),
            TextKind::FreeText | TextKind::Summary => {
                format!("The {what} contains a control character other than a line break or tab.")
            }
        });
    }
    None
}

/// Whether `value` is empty or only white space.
pub fn is_blank(value: &str) -> bool {
    value.trim().is_empty()
}

/// Whether `id` is a valid stable id: 1-64 of `a-z 0-9 . _ -`, starting with a letter or digit.
pub fn is_valid_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b.len() <= MAX_ID_CHARS
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'.' | b'_' | b'-'))
}

/// `is_valid_id` as a pattern (with `MAX_ID_CHARS` as the schema's maxLength).
pub const ID_PATTERN: &str = "^[a-z0-9][a-z0-9._-]*$";

/// Whether `s` is a money amount: digits, optionally a point and one or two more digits.
pub fn is_decimal_amount(s: &str) -> bool {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    !int.is_empty()
        && int.len() <= MAX_AMOUNT_DIGITS
        && int.bytes().all(|c| c.is_ascii_digit())
        && frac.is_none_or(|f| (1..=MAX_AMOUNT_DECIMALS).contains(&f.len()) && f.bytes().all(|c| c.is_ascii_digit()))
}

/// `is_decimal_amount` as a pattern.
pub fn amount_pattern() -> String {
    format!("^[0-9]{{1,{MAX_AMOUNT_DIGITS}}}(\\.[0-9]{{1,{MAX_AMOUNT_DECIMALS}}})?$")
}

/// Whether `s` has the shape of an ISO 4217 currency code: three capital letters.
pub fn is_currency_code(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|c| c.is_ascii_uppercase())
}

/// `is_currency_code` as a pattern.
pub const CURRENCY_PATTERN: &str = "^[A-Z]{3}$";

/// Whether `e` looks like an email address: one `@` with something before it and a dot after
/// it, no white space or control characters, at most `MAX_NAME_CHARS` characters.
pub fn is_email(e: &str) -> bool {
    e.chars().count() <= MAX_NAME_CHARS
        && !e.chars().any(|c| c.is_whitespace() || c.is_control())
        && e.split_once('@').is_some_and(|(a, b)| !a.is_empty() && b.contains('.') && !b.contains('@'))
}

/// `is_email` as a pattern (with `MAX_NAME_CHARS` as the schema's maxLength).
pub fn email_pattern() -> String {
    let part = format!("[^@{}{}]", class(WHITESPACE), class(CONTROL));
    format!("^{part}+@{part}*\\.{part}*$")
}

/// Whether `v` is a percentage from 0 to 100.
pub fn is_percent(v: f64) -> bool {
    v.is_finite() && (PERCENT_RANGE.0..=PERCENT_RANGE.1).contains(&v)
}

/// Ranges of characters as the inside of a regular-expression class (`\u0000-\u001f...`).
/// Every range here lies in the Basic Multilingual Plane, where `\uXXXX` names a character.
pub(crate) fn class(ranges: &[(char, char)]) -> String {
    let mut out = String::new();
    for &(lo, hi) in ranges {
        out.push_str(&format!("\\u{:04x}", u32::from(lo)));
        if hi != lo {
            out.push_str(&format!("-\\u{:04x}", u32::from(hi)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_chars() -> impl Iterator<Item = char> {
        (0..=0x10ffff_u32).filter_map(char::from_u32)
    }

    #[test]
    fn the_character_tables_match_the_rust_definitions_for_every_character() {
        for c in all_chars() {
            assert_eq!(in_ranges(CONTROL, c), c.is_control(), "{c:?}");
            assert_eq!(in_ranges(WHITESPACE, c), c.is_whitespace(), "{c:?}");
            assert_eq!(in_ranges(CONTROL_IN_FREE_TEXT, c), c.is_control() && c != '\n' && c != '\t', "{c:?}");
        }
        assert!(CONTROL.iter().chain(WHITESPACE).all(|&(_, hi)| u32::from(hi) <= 0xffff));
    }

    #[test]
    fn a_text_problem_names_the_field_and_the_limit_and_free_text_keeps_line_breaks() {
        assert_eq!(text_problem(TextKind::OneLine, "title", "Head of Media"), None);
        assert_eq!(
            text_problem(TextKind::Summary, "change summary", &"x".repeat(4001)).as_deref(),
            Some("The change summary is 4001 characters long; at most 4000 are allowed.")
        );
        assert!(text_problem(TextKind::OneLine, "title", "a\nb").unwrap().contains("control character"));
        assert_eq!(text_problem(TextKind::FreeText, "notes", "a\nb\tc"), None);
        assert!(text_problem(TextKind::FreeText, "notes", "a\rb").unwrap().contains("other than a line break"));
    }

    #[test]
    fn amounts_currencies_and_emails_follow_their_documented_shapes() {
        assert!(is_decimal_amount("25000") && is_decimal_amount("1999.50") && is_decimal_amount("0.5"));
        assert!(!is_decimal_amount("1,000") && !is_decimal_amount("1.") && !is_decimal_amount("1.234"));
        assert!(!is_decimal_amount(&"9".repeat(16)) && !is_decimal_amount("-5") && !is_decimal_amount(""));
        assert_eq!(amount_pattern(), "^[0-9]{1,15}(\\.[0-9]{1,2})?$");
        assert!(is_currency_code("EUR") && !is_currency_code("eur") && !is_currency_code("EURO"));
        assert!(is_email("dpo@example.com") && !is_email("dpo@example") && !is_email("@example.com"));
        assert!(!is_email("a b@example.com") && !is_email("a@b@example.com"));
        assert!(is_email(&format!("{}@example.com", "é".repeat(150))), "characters, not bytes, are counted");
    }
}
