//! iCalendar (RFC 5545) export of review due dates.
//!
//! The file is written by hand: one VCALENDAR with one all-day VEVENT per event, CRLF line ends,
//! content lines folded at 75 octets on UTF-8 character boundaries, TEXT values escaped. Nothing
//! here reads the clock: the DTSTAMP is passed in, so the same inputs give the same bytes.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::model::{Framework, Party};

/// The product identifier written in every calendar (RFC 5545 section 3.7.3).
pub const PRODID: &str = "-//Governance Workbench//Review schedule//EN";

/// The domain part of every UID, so that UIDs never collide with another program's.
pub const UID_DOMAIN: &str = "governance-workbench";

/// Longest content line in octets, without its CRLF (RFC 5545 section 3.1).
const MAX_LINE_OCTETS: usize = 75;

/// One all-day event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEvent {
    pub date: NaiveDate,
    pub summary: String,
    pub description: String,
    pub uid: String,
}

/// A VCALENDAR with one all-day VEVENT per event. `dtstamp` is the creation time (passed in, never
/// read from the clock here).
pub fn to_ics(events: &[CalendarEvent], dtstamp: DateTime<Utc>) -> String {
    let stamp = dtstamp.format("%Y%m%dT%H%M%SZ").to_string();
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, &format!("PRODID:{PRODID}"));
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    for e in events {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", escape_text(&e.uid)));
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(&mut out, &format!("DTSTART;VALUE=DATE:{}", ics_date(e.date)));
        // An all-day event ends (exclusively) on the next day. RFC 5545 dates have four-digit
        // years, so 9999-12-31 has no next day; without DTEND a DATE event lasts one day (3.6.1).
        if let Some(end) = e.date.succ_opt().filter(|d| d.year() <= 9999) {
            line(&mut out, &format!("DTEND;VALUE=DATE:{}", ics_date(end)));
        }
        line(&mut out, &format!("SUMMARY:{}", escape_text(&e.summary)));
        line(&mut out, &format!("DESCRIPTION:{}", escape_text(&e.description)));
        line(&mut out, "TRANSP:TRANSPARENT");
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// The review events of a framework: one per due date in `due_dates` (a date given twice gives one
/// event, at its first place), titled "Governance review due: <framework name>", describing the
/// cadence, the required signatories (party names and titles) and what is signed (a published
/// version); plus, if `kill_switch_test_due` is `Some`, one "Kill-switch test due: <framework name>"
/// event. UIDs are stable: `<framework id>-review-<YYYYMMDD>@governance-workbench` and
/// `<framework id>-killswitch-<YYYYMMDD>@governance-workbench`.
pub fn review_events(
    fw: &Framework,
    due_dates: &[NaiveDate],
    kill_switch_test_due: Option<NaiveDate>,
) -> Vec<CalendarEvent> {
    let mut events = Vec::new();
    let review_description = review_description(fw);
    let mut seen = Vec::new();
    for &date in due_dates {
        if seen.contains(&date) {
            continue;
        }
        seen.push(date);
        events.push(CalendarEvent {
            date,
            summary: format!("Governance review due: {}", fw.name),
            description: review_description.clone(),
            uid: format!("{}-review-{}@{UID_DOMAIN}", fw.id, ics_date(date)),
        });
    }
    if let Some(date) = kill_switch_test_due {
        events.push(CalendarEvent {
            date,
            summary: format!("Kill-switch test due: {}", fw.name),
            description: kill_switch_description(fw),
            uid: format!("{}-killswitch-{}@{UID_DOMAIN}", fw.id, ics_date(date)),
        });
    }
    events
}

fn review_description(fw: &Framework) -> String {
    let rs = &fw.review_schedule;
    let signatories = if rs.required_signatories.is_empty() {
        "none named yet".to_string()
    } else {
        rs.required_signatories.iter().map(|id| party_label(fw, id)).collect::<Vec<_>>().join("; ")
    };
    format!(
        "Framework: {name} ({org})\n\
         Review cadence: {cadence}\n\
         Required signatories: {signatories}\n\
         What is signed: each required signatory signs off one published version of the framework \
         (approved, approved with comments or rejected). A sign-off is valid only for the hash of \
         that version: publishing a new version does not carry it over. The review is complete when \
         every required signatory has approved the same published version.",
        name = fw.name,
        org = fw.organisation,
        cadence = rs.cadence,
    )
}

fn kill_switch_description(fw: &Framework) -> String {
    let op = &fw.override_policy;
    let holders = if op.kill_switch_holders.is_empty() {
        "none named yet".to_string()
    } else {
        op.kill_switch_holders.iter().map(|id| party_label(fw, id)).collect::<Vec<_>>().join("; ")
    };
    let last = match op.last_tested {
        Some(d) => d.format("%Y-%m-%d").to_string(),
        None => "never".to_string(),
    };
    format!(
        "Framework: {name} ({org})\n\
         Test cadence: {cadence}\n\
         Last tested under simulated failure: {last}\n\
         Kill-switch holders: {holders}\n\
         Test the kill switch under simulated failure and record the test date in the override policy.",
        name = fw.name,
        org = fw.organisation,
        cadence = op.test_cadence,
    )
}

/// "Name (Title)" of a party, or the id itself when no party has it.
fn party_label(fw: &Framework, id: &str) -> String {
    match fw.parties.iter().find(|p: &&Party| p.id == id) {
        Some(p) if p.title.trim().is_empty() => p.name.clone(),
        Some(p) => format!("{} ({})", p.name, p.title),
        None => format!("{id} (not among the parties)"),
    }
}

fn ics_date(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// Escapes a TEXT value (RFC 5545 section 3.3.11): backslash, semicolon and comma get a backslash,
/// every line break (CRLF, CR or LF) becomes `\n`. Other control characters are not allowed in
/// TEXT and are dropped; a tab is kept.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() && (c as u32) < 0x80 => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so that no physical line exceeds 75 octets (continuation
/// lines start with one space, which counts), never splitting a UTF-8 character, each ended by CRLF.
fn line(out: &mut String, content: &str) {
    let mut budget = MAX_LINE_OCTETS;
    let mut used = 0;
    for c in content.chars() {
        let n = c.len_utf8();
        if used + n > budget {
            out.push_str("\r\n ");
            budget = MAX_LINE_OCTETS - 1;
            used = 0;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

/// Unfolds a calendar (RFC 5545 section 3.1): removes every CRLF followed by one space or tab.
pub fn unfold(ics: &str) -> String {
    ics.replace("\r\n ", "").replace("\r\n\t", "")
}

/// Reverses [`escape_text`] (`\n` and `\N` become a line feed).
pub fn unescape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') | Some('N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(content: &str) -> String {
        let mut s = String::new();
        line(&mut s, content);
        s
    }

    #[test]
    fn escaping_covers_backslash_semicolon_comma_and_every_kind_of_line_break() {
        assert_eq!(escape_text(r"a\b;c,d"), r"a\\b\;c\,d");
        assert_eq!(escape_text("one\r\ntwo\nthree\rfour"), r"one\ntwo\nthree\nfour");
        assert_eq!(escape_text("tab\there"), "tab\there");
        assert_eq!(escape_text("bell\u{7}nul\u{0}esc\u{1b}del\u{7f}"), "bellnulescdel");
        assert_eq!(escape_text("colon: quote\" é 漢字 🚀"), "colon: quote\" é 漢字 🚀");
    }

    #[test]
    fn unescaping_restores_what_escaping_wrote() {
        for s in ["", "plain", r"\;,", "a\nb", "x\\ny", "trailing\\", "é,漢;🚀\n"] {
            assert_eq!(unescape_text(&escape_text(s)), s, "{s:?}");
        }
    }

    #[test]
    fn a_line_of_exactly_75_octets_is_not_folded_and_one_of_76_is() {
        let s75 = "x".repeat(75);
        assert_eq!(folded(&s75), format!("{s75}\r\n"));
        let s76 = "x".repeat(76);
        assert_eq!(folded(&s76), format!("{}\r\n x\r\n", "x".repeat(75)));
    }

    #[test]
    fn continuation_lines_hold_74_octets_after_their_leading_space() {
        let s = "y".repeat(75 + 74 + 1);
        let out = folded(&s);
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(lines, vec!["y".repeat(75), format!(" {}", "y".repeat(74)), " y".to_string(), String::new()]);
    }

    #[test]
    fn folding_never_splits_a_multibyte_character() {
        // 74 ASCII octets, then a 4-octet emoji that would straddle octet 75.
        let s = format!("{}🚀{}", "a".repeat(74), "漢".repeat(40));
        let out = folded(&s);
        for l in out.split("\r\n") {
            assert!(l.len() <= 75, "{l:?} is {} octets", l.len());
        }
        let first = out.split("\r\n").next().unwrap();
        assert_eq!(first, "a".repeat(74), "the emoji moves whole to the next line");
        assert_eq!(unfold(&out), format!("{s}\r\n"));
    }

    #[test]
    fn an_empty_value_gives_one_short_line() {
        assert_eq!(folded("SUMMARY:"), "SUMMARY:\r\n");
    }

    #[test]
    fn the_last_day_with_a_four_digit_year_has_no_dtend() {
        let e = CalendarEvent {
            date: NaiveDate::from_ymd_opt(9999, 12, 31).unwrap(),
            summary: "s".into(),
            description: "d".into(),
            uid: "u@governance-workbench".into(),
        };
        let ics = to_ics(&[e], DateTime::<Utc>::UNIX_EPOCH);
        assert!(ics.contains("DTSTART;VALUE=DATE:99991231\r\n"));
        assert!(!ics.contains("DTEND"));
        assert!(ics.contains("DTSTAMP:19700101T000000Z\r\n"));
    }
}
