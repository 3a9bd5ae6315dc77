//! The JSON interchange format ("framework as code"), documented in `docs/interchange.md` and
//! `docs/framework.schema.json`.
//!
//! `parse` reads one framework file strictly (`strict`): the documented object form only, every
//! field present, nothing after the framework. Its errors say what is wrong and where (line,
//! column and JSON path) and never repeat a long input value whole.

pub mod dates;
pub mod schema;
mod strict;

use serde_path_to_error::{Path, Segment};

use crate::error::{Error, Result};
use crate::model::{Framework, FrameworkFile, FORMAT_NAME, FORMAT_VERSION, OLDEST_FORMAT_VERSION};
use crate::text;

/// Parses an interchange file. Errors name the JSON path and the line and column.
pub fn parse(bytes: &[u8]) -> Result<Framework> {
    let text = decode(bytes)?;
    let mut de = serde_json::Deserializer::from_str(text);
    let absent_ok = fields_added_after(declared_version(text));
    let file: FrameworkFile =
        strict::allowing_absent(absent_ok, || serde_path_to_error::deserialize(strict::Strict::new(&mut de)))
            .map_err(describe)?;
    de.end().map_err(|e| {
        Error::Parse(format!(
            "unexpected data after the framework at line {}, column {}; a file holds one framework and nothing else",
            e.line(),
            e.column()
        ))
    })?;
    if file.format != FORMAT_NAME {
        return Err(Error::Parse(format!(
            "at format: this is not a framework file (format is {}, expected \"{FORMAT_NAME}\")",
            text::quoted(&file.format)
        )));
    }
    if !(OLDEST_FORMAT_VERSION..=FORMAT_VERSION).contains(&file.format_version) {
        return Err(Error::Parse(format!(
            "at format_version: version {} is not supported; this app reads versions {OLDEST_FORMAT_VERSION} to {FORMAT_VERSION}",
            file.format_version
        )));
    }
    if file.format_version < 3 {
        if let Some(place) = field_of_format_3(text) {
            return Err(Error::Parse(format!(
                "at {place}: compliance rules and links to obligations came with format version 3, but the file says format_version {}",
                file.format_version
            )));
        }
    }
    Ok(file.framework)
}

/// Where a file of an older format version holds a field that only format 3 has, if it does: a
/// file is read as the version it says it is.
fn field_of_format_3(text: &str) -> Option<String> {
    fn find(v: &serde_json::Value, path: String) -> Option<String> {
        match v {
            serde_json::Value::Object(m) => m.iter().find_map(|(k, v)| {
                let here = format!("{path}.{}", text::excerpt(k));
                if k == "compliance_rules" || k == "obligations" {
                    Some(here)
                } else {
                    find(v, here)
                }
            }),
            serde_json::Value::Array(a) => a.iter().enumerate().find_map(|(i, v)| find(v, format!("{path}[{i}]"))),
            _ => None,
        }
    }
    let v: serde_json::Value = serde_json::from_str(text).ok()?;
    find(v.get("framework")?, "framework".into())
}

/// The fields a file of `version` may leave out because a later format version added them.
fn fields_added_after(version: Option<u32>) -> &'static [strict::OptionalField] {
    /// Version 3 added compliance rules and the links from parts to obligations.
    const IN_3: [strict::OptionalField; 7] = [
        ("Framework", "compliance_rules"),
        ("Capability", "obligations"),
        ("RaciActivity", "obligations"),
        ("DataQualityStandard", "obligations"),
        ("HardStop", "obligations"),
        ("OverridePolicy", "obligations"),
        ("ReviewSchedule", "obligations"),
    ];
    const BEFORE_2: [strict::OptionalField; 8] =
        [("Party", "certificate"), IN_3[0], IN_3[1], IN_3[2], IN_3[3], IN_3[4], IN_3[5], IN_3[6]];
    match version {
        Some(1) => &BEFORE_2,
        Some(2) => &IN_3,
        _ => &[],
    }
}

/// The format version a file says it has, read leniently before the strict read; `None` when
/// the file does not say (the strict read then explains what is wrong).
fn declared_version(text: &str) -> Option<u32> {
    #[derive(serde::Deserialize)]
    struct Header {
        format_version: u32,
    }
    serde_json::from_str::<Header>(text).ok().map(|h| h.format_version)
}

const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";

/// The file as UTF-8 text, without a UTF-8 byte-order mark. Files in UTF-16 or UTF-32 (which
/// some editors save by default) and files that are not text get an error saying so.
fn decode(bytes: &[u8]) -> Result<&str> {
    if let Some(encoding) = wide_encoding(bytes) {
        return Err(Error::Parse(format!("the file is {encoding} text; save it as UTF-8")));
    }
    let (skipped, body) = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (UTF8_BOM.len(), rest),
        None => (0, bytes),
    };
    let text = std::str::from_utf8(body).map_err(|e| {
        let valid = &body[..e.valid_up_to()];
        let line = 1 + valid.iter().filter(|b| **b == b'\n').count();
        let column = 1 + valid.iter().rev().take_while(|b| **b != b'\n').count();
        Error::Parse(format!(
            "line {line}, column {column}: the file is not UTF-8 text (invalid byte at offset {}); save it as UTF-8",
            skipped + e.valid_up_to()
        ))
    })?;
    if text.trim_matches([' ', '\t', '\n', '\r']).is_empty() {
        return Err(Error::Parse("the file is empty".into()));
    }
    Ok(text)
}

/// The encoding of a file in UTF-16 or UTF-32, from its byte-order mark or, without one, from
/// the zero bytes around its first character (JSON text starts with an ASCII character).
fn wide_encoding(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0, 0, 0xfe, 0xff, ..] | [0xff, 0xfe, 0, 0, ..] => Some("UTF-32"),
        [0xfe, 0xff, ..] | [0xff, 0xfe, ..] => Some("UTF-16"),
        [0, 0, 0, a, ..] | [a, 0, 0, 0, ..] if *a != 0 => Some("UTF-32"),
        [0, a, ..] | [a, 0, ..] if *a != 0 => Some("UTF-16"),
        _ => None,
    }
}

/// A deserialisation error as a message: line, column, the JSON path, then what is wrong.
fn describe(e: serde_path_to_error::Error<serde_json::Error>) -> Error {
    let place = place(e.path());
    let inner = e.into_inner();
    let message = plain_words(strip_position(&inner.to_string()));
    let what = match inner.classify() {
        serde_json::error::Category::Eof => "the file ends too early (truncated?)".to_owned(),
        serde_json::error::Category::Syntax => format!("not valid JSON ({message})"),
        _ => message,
    };
    Error::Parse(format!("line {}, column {}, at {place}: {what}", inner.line(), inner.column()))
}

/// The JSON path of an error, e.g. `framework.parties[3].email`, or "top level". A key that
/// could not be read (a missing field, a trailing comma) gives no segment of its own, so the
/// path names the object it was read in; enum segments (the bad value itself) are left out.
fn place(path: &Path) -> String {
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(&text::excerpt(key));
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    if out.is_empty() {
        out.push_str("top level");
    }
    out
}

/// serde's messages name JSON types and Rust types its own way ("invalid type: sequence,
/// expected u32"); these are the words of the interchange docs. serde puts the found type at the
/// start and the expected one at the end, after any value it quotes.
fn plain_words(message: String) -> String {
    const FOUND: &[(&str, &str)] =
        &[("invalid type: sequence,", "invalid type: list,"), ("invalid type: map,", "invalid type: object,")];
    const EXPECTED: &[(&str, &str)] = &[
        (", expected u32", ", expected a whole number from 0 to 4294967295"),
        (", expected f64", ", expected a number"),
        (", expected a sequence", ", expected a list"),
        (", expected a map", ", expected an object"),
    ];
    let mut message = message;
    if let Some((from, to)) = FOUND.iter().find(|(from, _)| message.starts_with(from)) {
        message = format!("{to}{}", &message[from.len()..]);
    }
    if let Some((from, to)) = EXPECTED.iter().find(|(from, _)| message.ends_with(from)) {
        message.truncate(message.len() - from.len());
        message.push_str(to);
    }
    message
}

/// serde_json appends " at line X column Y" to its messages; the position is reported separately.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg.to_owned(),
    }
}

fn wrap(fw: &Framework) -> FrameworkFile {
    FrameworkFile { format: FORMAT_NAME.to_owned(), format_version: FORMAT_VERSION, framework: fw.clone() }
}

/// The human-readable export: two-space indented JSON with a final newline.
pub fn to_pretty_json(fw: &Framework) -> String {
    let mut s = serde_json::to_string_pretty(&wrap(fw)).expect("a framework always serialises");
    s.push('\n');
    s
}

/// The canonical form that is hashed: compact JSON, fields in declaration order, no whitespace.
pub fn to_canonical_json(fw: &Framework) -> Vec<u8> {
    serde_json::to_vec(&wrap(fw)).expect("a framework always serialises")
}
