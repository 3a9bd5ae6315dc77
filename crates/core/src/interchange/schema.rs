//! The published JSON Schema of the interchange format (`docs/framework.schema.json`).
//!
//! It accepts exactly the files the importer accepts as far as JSON Schema can say: the types
//! with every field required (optional values are `null`), no unknown fields, and the per-value
//! integrity rules of `validate::rules` (ids, text limits, amounts, dates ...). The model's
//! fields name the functions below with `#[schemars(schema_with)]`. Rules about several values
//! (unique ids, references) are beyond JSON Schema; `docs/interchange.md` lists them.

use schemars::generate::SchemaSettings;
use schemars::transform::transform_subschemas;
use schemars::{json_schema, Schema, SchemaGenerator};
use serde_json::Value;

use super::dates::DATE_PATTERN;
use crate::model::{FrameworkFile, FORMAT_NAME, FORMAT_VERSION};
use crate::validate::{
    amount_pattern, class, email_pattern, TextKind, CURRENCY_PATTERN, ID_PATTERN, MAX_CUSTOM_DAYS, MAX_ID_CHARS,
    MAX_NAME_CHARS, PERCENT_RANGE, WHITESPACE,
};

/// The schema of a whole interchange file, as published.
pub fn json_schema() -> Schema {
    SchemaSettings::draft2020_12()
        .with_transform(require_every_field)
        .into_generator()
        .into_root_schema_for::<FrameworkFile>()
}

/// Lists every property of every struct (the objects that refuse unknown fields) as required,
/// as the importer requires them.
fn require_every_field(schema: &mut Schema) {
    if schema.get("additionalProperties") == Some(&Value::Bool(false)) {
        if let Some(Value::Object(properties)) = schema.get("properties") {
            let names: Vec<Value> = properties.keys().cloned().map(Value::String).collect();
            schema.insert("required".into(), Value::Array(names));
        }
    }
    transform_subschemas(&mut require_every_field, schema);
}

pub fn format_name(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "const": FORMAT_NAME })
}

pub fn format_version(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "integer", "const": FORMAT_VERSION })
}

/// A stable id, or a reference to one.
pub fn id(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "maxLength": MAX_ID_CHARS, "pattern": ID_PATTERN })
}

pub fn optional_id(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": ["string", "null"], "maxLength": MAX_ID_CHARS, "pattern": ID_PATTERN })
}

/// References to other items by id.
pub fn ids(g: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "array", "items": id(g) })
}

/// Links to obligations: ids of the shipped catalogues (`core::obligations`), each at most once.
/// The known ids are listed once, under `$defs/ObligationId`.
pub fn obligation_ids(g: &mut SchemaGenerator) -> Schema {
    const NAME: &str = "ObligationId";
    if !g.definitions().contains_key(NAME) {
        let known: Vec<&str> = crate::obligations::all().map(|o| o.id.as_str()).collect();
        let one = json_schema!({ "type": "string", "enum": known });
        g.definitions_mut().insert(NAME.into(), one.to_value());
    }
    json_schema!({ "type": "array", "uniqueItems": true, "items": { "$ref": format!("#/$defs/{NAME}") } })
}

fn text(kind: TextKind) -> Schema {
    json_schema!({
        "type": "string",
        "maxLength": kind.max_chars(),
        "not": { "pattern": format!("[{}]", class(kind.refused())) }
    })
}

/// One line of text that must say something: not empty, not only white space.
pub fn name(_: &mut SchemaGenerator) -> Schema {
    let mut schema = text(TextKind::OneLine);
    schema.insert("pattern".into(), format!("[^{}]", class(WHITESPACE)).into());
    schema
}

pub fn one_line(_: &mut SchemaGenerator) -> Schema {
    text(TextKind::OneLine)
}

pub fn free_text(_: &mut SchemaGenerator) -> Schema {
    text(TextKind::FreeText)
}

/// A list of entries, each a non-empty line.
pub fn entries(g: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "array", "items": name(g) })
}

pub fn optional_email(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": ["string", "null"], "maxLength": MAX_NAME_CHARS, "pattern": email_pattern() })
}

pub fn date(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "format": "date", "pattern": DATE_PATTERN })
}

pub fn optional_date(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": ["string", "null"], "format": "date", "pattern": DATE_PATTERN })
}

pub fn percent(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "number", "minimum": PERCENT_RANGE.0, "maximum": PERCENT_RANGE.1 })
}

pub fn optional_percent(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": ["number", "null"], "minimum": PERCENT_RANGE.0, "maximum": PERCENT_RANGE.1 })
}

/// A positive whole number that fits the model's `u32`.
pub fn positive_count(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "integer", "minimum": 1, "maximum": u32::MAX })
}

pub fn amount(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "pattern": amount_pattern() })
}

pub fn currency(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "pattern": CURRENCY_PATTERN })
}

/// A cadence: `custom_days` is 1 to 3660 with the `custom` kind and `null` with any other.
pub fn cadence_rule(schema: &mut Schema) {
    schema.insert("if".into(), serde_json::json!({ "properties": { "kind": { "const": "custom" } } }));
    schema.insert(
        "then".into(),
        serde_json::json!({
            "properties": { "custom_days": { "type": "integer", "minimum": 1, "maximum": MAX_CUSTOM_DAYS } }
        }),
    );
    schema.insert("else".into(), serde_json::json!({ "properties": { "custom_days": { "type": "null" } } }));
}
