//! The JSON interchange format ("framework as code"), documented in `docs/interchange.md` and
//! `docs/framework.schema.json`.

use crate::error::{Error, Result};
use crate::model::{Framework, FrameworkFile, FORMAT_NAME, FORMAT_VERSION};

/// Parses an interchange file. Errors name the JSON path and the line and column.
pub fn parse(bytes: &[u8]) -> Result<Framework> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Error::Parse(format!("the file is not UTF-8 text (invalid byte at offset {})", e.valid_up_to()))
    })?;
    let de = &mut serde_json::Deserializer::from_str(text);
    let file: FrameworkFile = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.inner();
        let place = if path.is_empty() || path == "." { String::from("top level") } else { path };
        let what = match inner.classify() {
            serde_json::error::Category::Eof => "the file ends too early (truncated?)".to_owned(),
            serde_json::error::Category::Syntax => format!("not valid JSON ({})", strip_position(&inner.to_string())),
            _ => strip_position(&inner.to_string()),
        };
        Error::Parse(format!("line {}, column {}, at {place}: {what}", inner.line(), inner.column()))
    })?;
    if file.format != FORMAT_NAME {
        return Err(Error::Parse(format!(
            "at format: this is not a framework file (format is \"{}\", expected \"{FORMAT_NAME}\")",
            file.format.escape_debug()
        )));
    }
    if file.format_version != FORMAT_VERSION {
        return Err(Error::Parse(format!(
            "at format_version: version {} is not supported; this app reads version {FORMAT_VERSION}",
            file.format_version
        )));
    }
    Ok(file.framework)
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
