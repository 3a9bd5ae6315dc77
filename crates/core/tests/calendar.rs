//! The iCalendar export, checked by hand (CRLF, folding, escaping) and by a real parser: the
//! Python `icalendar` package (`pip install icalendar`; `make test` installs it into target/pyenv
//! and puts it first on PATH).

mod common;

use std::path::Path;
use std::process::Command;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use common::*;
use governance_core::calendar::{review_events, to_ics, unescape_text, unfold, CalendarEvent};
use governance_core::schedule::next_after;
use governance_core::*;

fn stamp() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 9, 30, 5).unwrap()
}

/// The next `n` review due dates of a framework, starting with its next due date.
fn due_dates(fw: &Framework, n: usize) -> Vec<NaiveDate> {
    let mut out = vec![fw.review_schedule.next_due];
    while out.len() < n {
        let next = next_after(*out.last().unwrap(), &fw.review_schedule.cadence).unwrap();
        out.push(next);
    }
    out
}

fn kill_switch_due(fw: &Framework) -> Option<NaiveDate> {
    fw.override_policy.last_tested.and_then(|d| next_after(d, &fw.override_policy.test_cadence))
}

/// A framework whose names, titles and ids exercise escaping and folding.
fn nasty() -> Framework {
    let mut fw = starter();
    fw.name = "Ünïcödé, \"quoted\"; semi\\colon: naïve 漢字テスト 🚀🚀 — αβγδε ζηθικ λμνξο πρστυ φχψω, العربية; עברית\nsecond line\r\nthird line".into();
    fw.organisation = "Acme; Ltd, \\ Co.".into();
    fw.parties[0].name = "Zoë O'Brien-Łukasiewicz, Jr.; \"Z\"".into();
    fw.parties[0].title = "Chief\nMarketing; Officer, EMEA — 最高マーケティング責任者".into();
    fw.review_schedule.required_signatories = vec![fw.parties[0].id.clone(), "ghost-party".into()];
    fw
}

/// Every line ends with CRLF, no bare CR or LF anywhere, and no line is longer than 75 octets.
fn assert_lines_are_crlf_and_short(ics: &str) {
    assert!(ics.ends_with("\r\n"), "the file ends with CRLF");
    let body = ics.replace("\r\n", "");
    assert!(!body.contains('\r') && !body.contains('\n'), "a bare CR or LF is in the file");
    for l in ics.split("\r\n") {
        assert!(l.len() <= 75, "line of {} octets: {l:?}", l.len());
    }
}

/// The unfolded content lines of a calendar.
fn content_lines(ics: &str) -> Vec<String> {
    let unfolded = unfold(ics);
    unfolded.trim_end_matches("\r\n").split("\r\n").map(str::to_string).collect()
}

/// The unescaped values of every `NAME:` line, in order.
fn values(ics: &str, name: &str) -> Vec<String> {
    let prefix = format!("{name}:");
    content_lines(ics).iter().filter_map(|l| l.strip_prefix(&prefix)).map(unescape_text).collect()
}

/// Parses the file with the Python `icalendar` package and returns what it read, as JSON:
/// the calendar's properties and errors and, per VEVENT, its properties as the parser decoded them.
fn parse_with_icalendar(path: &Path) -> serde_json::Value {
    let probe = Command::new("python3").args(["-c", "import icalendar"]).output();
    match probe {
        Ok(o) if o.status.success() => {}
        Ok(o) => panic!(
            "the Python package icalendar is missing: pip install icalendar (make test does this)\n{}",
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(e) => panic!("python3 was not found on PATH ({e}): pip install icalendar (make test does this)"),
    }
    const SCRIPT: &str = r#"
import json, sys, icalendar
data = open(sys.argv[1], 'rb').read()
cal = icalendar.Calendar.from_ical(data)
errors = [[c.name, [str(e) for e in c.errors]] for c in cal.walk() if c.errors]
events = []
for ev in cal.walk('VEVENT'):
    events.append({
        'uid': str(ev['UID']),
        'summary': str(ev['SUMMARY']),
        'description': str(ev['DESCRIPTION']),
        'dtstart': ev.decoded('DTSTART').isoformat(),
        'dtstart_is_date': type(ev.decoded('DTSTART')).__name__ == 'date',
        'dtend': ev.decoded('DTEND').isoformat(),
        'dtstamp': ev.decoded('DTSTAMP').isoformat(),
        'transp': str(ev['TRANSP']),
    })
print(json.dumps({
    'version': str(cal['VERSION']),
    'prodid': str(cal['PRODID']),
    'calscale': str(cal['CALSCALE']),
    'method': str(cal['METHOD']),
    'errors': errors,
    'events': events,
}))
"#;
    let out = Command::new("python3").arg("-c").arg(SCRIPT).arg(path).output().expect("run python3");
    assert!(
        out.status.success(),
        "icalendar could not read the file:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the script prints JSON")
}

fn write(dir: &tempfile::TempDir, name: &str, ics: &str) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, ics).unwrap();
    path
}

/// A text as iCalendar keeps it: one kind of line break (LF).
fn lf(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// Checks what icalendar read against the events the file was made from.
fn assert_parsed_matches(parsed: &serde_json::Value, events: &[CalendarEvent]) {
    assert_eq!(parsed["version"], "2.0");
    assert_eq!(parsed["calscale"], "GREGORIAN");
    assert_eq!(parsed["method"], "PUBLISH");
    assert!(parsed["prodid"].as_str().unwrap().contains("Governance Workbench"));
    assert_eq!(parsed["errors"], serde_json::json!([]), "icalendar reported errors");
    let got = parsed["events"].as_array().unwrap();
    assert_eq!(got.len(), events.len(), "event count");
    for (g, e) in got.iter().zip(events) {
        assert_eq!(g["uid"], e.uid.as_str());
        assert_eq!(g["summary"], lf(&e.summary), "unescaped summary");
        assert_eq!(g["description"], lf(&e.description), "unescaped description");
        assert_eq!(g["dtstart"], e.date.to_string());
        assert_eq!(g["dtstart_is_date"], true, "an all-day event has a DATE start");
        assert_eq!(g["dtend"], e.date.succ_opt().unwrap().to_string());
        assert_eq!(g["dtstamp"], "2026-11-26T09:30:05+00:00");
        assert_eq!(g["transp"], "TRANSPARENT");
    }
}

#[test]
fn the_starter_framework_gives_review_events_and_a_kill_switch_test_that_icalendar_reads_back() {
    let fw = starter();
    let dates = due_dates(&fw, 4);
    assert_eq!(dates, [day("2027-01-15"), day("2027-04-15"), day("2027-07-15"), day("2027-10-15")]);
    let ks = kill_switch_due(&fw);
    assert_eq!(ks, Some(day("2027-01-08")), "quarterly after the last test on 2026-10-08");

    let events = review_events(&fw, &dates, ks);
    assert_eq!(events.len(), 5);
    let name = "Larkspur marketing agents governance framework";
    for e in &events[..4] {
        assert_eq!(e.summary, format!("Governance review due: {name}"));
        assert!(e.description.contains("Review cadence: quarterly"), "{}", e.description);
        for signatory in [
            "Dana Okafor (Chief Marketing Officer)",
            "Eleanor Voss (Senior Legal Counsel, Marketing and Consumer Law)",
            "Aisha Bello (Chief Information Security Officer)",
        ] {
            assert!(e.description.contains(signatory), "{signatory} missing from {}", e.description);
        }
        assert!(e.description.contains("published version"), "says what is signed");
    }
    assert_eq!(events[0].uid, "larkspur-marketing-agents-review-20270115@governance-workbench");
    assert_eq!(events[3].uid, "larkspur-marketing-agents-review-20271015@governance-workbench");
    let k = &events[4];
    assert_eq!(k.summary, format!("Kill-switch test due: {name}"));
    assert_eq!(k.uid, "larkspur-marketing-agents-killswitch-20270108@governance-workbench");
    assert_eq!(k.date, day("2027-01-08"));
    assert!(k.description.contains("Rafael Montero (Agent Operations Lead)"), "{}", k.description);
    assert!(k.description.contains("2026-10-08"), "{}", k.description);

    let ics = to_ics(&events, stamp());
    assert_lines_are_crlf_and_short(&ics);
    let lines = content_lines(&ics);
    assert_eq!(
        lines[..5],
        ["BEGIN:VCALENDAR", "VERSION:2.0", lines[2].as_str(), "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    );
    assert!(lines[2].starts_with("PRODID:"));
    assert_eq!(lines.last().unwrap(), "END:VCALENDAR");
    assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 5);
    assert!(lines.contains(&"DTSTART;VALUE=DATE:20270115".to_string()));
    assert!(lines.contains(&"DTEND;VALUE=DATE:20270116".to_string()));
    assert!(lines.contains(&"DTSTAMP:20261126T093005Z".to_string()));
    assert_eq!(lines.iter().filter(|l| *l == "TRANSP:TRANSPARENT").count(), 5);
    // The signatory titles contain a comma, which the file must escape.
    assert!(unfold(&ics).contains("Senior Legal Counsel\\, Marketing and Consumer Law"));

    let dir = tempfile::tempdir().unwrap();
    let parsed = parse_with_icalendar(&write(&dir, "starter.ics", &ics));
    assert_parsed_matches(&parsed, &events);
}

#[test]
fn commas_semicolons_newlines_and_long_unicode_text_are_escaped_folded_and_read_back_exactly() {
    let fw = nasty();
    let events = review_events(&fw, &due_dates(&fw, 2), kill_switch_due(&fw));
    let ics = to_ics(&events, stamp());
    assert_lines_are_crlf_and_short(&ics);
    assert!(ics.lines().count() > content_lines(&ics).len(), "long values are folded");
    // Unfolding then unescaping restores every text exactly (CRLF in a text comes back as LF:
    // iCalendar has one kind of line break in TEXT).
    assert_eq!(values(&ics, "SUMMARY"), events.iter().map(|e| lf(&e.summary)).collect::<Vec<_>>());
    assert_eq!(values(&ics, "DESCRIPTION"), events.iter().map(|e| lf(&e.description)).collect::<Vec<_>>());
    let unfolded = unfold(&ics);
    assert!(unfolded.contains(r#"SUMMARY:Governance review due: Ünïcödé\, "quoted"\; semi\\colon"#), "{unfolded}");
    assert!(unfolded.contains(r"\nsecond line\nthird line"), "CRLF and LF in text both become \\n");
    assert!(events[0].description.contains("Zoë O'Brien-Łukasiewicz, Jr.; \"Z\" (Chief\nMarketing; Officer"));
    assert!(events[0].description.contains("ghost-party (not among the parties)"));

    let dir = tempfile::tempdir().unwrap();
    let parsed = parse_with_icalendar(&write(&dir, "nasty.ics", &ics));
    assert_parsed_matches(&parsed, &events);
    assert!(parsed["events"][0]["summary"].as_str().unwrap().ends_with(
        "semi\\colon: naïve 漢字テスト 🚀🚀 — αβγδε ζηθικ λμνξο πρστυ φχψω, العربية; עברית\nsecond line\nthird line"
    ));
}

#[test]
fn the_same_inputs_give_the_same_bytes_and_uids_do_not_depend_on_the_stamp() {
    let fw = starter();
    let dates = due_dates(&fw, 3);
    let a = to_ics(&review_events(&fw, &dates, kill_switch_due(&fw)), stamp());
    let b = to_ics(&review_events(&fw, &dates, kill_switch_due(&fw)), stamp());
    assert_eq!(a, b);
    let later = to_ics(&review_events(&fw, &dates, kill_switch_due(&fw)), stamp() + chrono::Duration::days(30));
    assert_ne!(a, later);
    assert_eq!(values(&a, "UID"), values(&later, "UID"));
    let strip = |s: &str| s.lines().filter(|l| !l.starts_with("DTSTAMP:")).collect::<Vec<_>>().join("\n");
    assert_eq!(strip(&a), strip(&later), "only DTSTAMP changes with the stamp");
}

#[test]
fn a_due_date_listed_twice_gives_one_event_and_no_kill_switch_date_gives_no_test_event() {
    let fw = starter();
    let d = day("2027-01-15");
    let events = review_events(&fw, &[d, day("2027-04-15"), d], None);
    assert_eq!(events.iter().map(|e| e.date).collect::<Vec<_>>(), [d, day("2027-04-15")]);
    assert!(events.iter().all(|e| e.summary.starts_with("Governance review due: ")));
    assert!(review_events(&fw, &[], None).is_empty());
}

#[test]
fn an_empty_calendar_is_still_a_valid_vcalendar() {
    let ics = to_ics(&[], stamp());
    assert_eq!(
        ics,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Governance Workbench//Review schedule//EN\r\n\
         CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n"
    );
}
