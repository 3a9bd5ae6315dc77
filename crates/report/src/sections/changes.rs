//! Section: the field-level changes since the previous version.

use governance_core::diff::{Change, ChangeKind};
use governance_core::{Enforcement, RuleKind};
use serde_json::Value;

use super::blocks::dash;
use super::context::Ctx;
use super::format::thousands;
use super::Opening;
use crate::layout::{cell, cell_styled, Block, Cell, Column, Doc, TABLE};
use crate::style::{Style, BODY, CELL, CELL_BOLD, ERROR_RED, GOOD_GREEN, NAVY, SMALL_MUTED};

/// The fields that name an item in the snapshot (a standard is named by its data input).
const NAME_KEYS: [&str; 2] = ["name", "data_input"];

/// Text longer than this is cut, with an ellipsis: a change table is not the place for a whole item.
const MAX_CHARS: usize = 600;

fn value_text(v: &Option<Value>) -> String {
    match v {
        None => String::new(),
        Some(Value::Object(o)) => match NAME_KEYS.iter().find_map(|k| o.get(*k).and_then(Value::as_str)) {
            Some(name) => name.to_owned(),
            None => capped(fields(o)),
        },
        Some(v) => inline(v),
    }
}

/// A value on one line: words for scalars, lists of text joined, anything else as compact JSON.
fn inline(v: &Value) -> String {
    match v {
        Value::Null => "(none)".into(),
        Value::String(s) if s.is_empty() => "(empty)".into(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => if *b { "yes" } else { "no" }.into(),
        Value::Number(n) => n.to_string(),
        Value::Array(a) if a.is_empty() => "(empty list)".into(),
        Value::Array(a) if a.iter().all(Value::is_string) => {
            a.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("; ")
        }
        v => capped(serde_json::to_string(v).unwrap_or_default()),
    }
}

/// An item without a name (a matrix cell, a RACI letter): one "field: value" line per field that
/// has a value, rather than its JSON.
fn fields(o: &serde_json::Map<String, Value>) -> String {
    let empty = |v: &Value| v.is_null() || v.as_str() == Some("") || v.as_array().is_some_and(Vec::is_empty);
    let lines: Vec<String> =
        o.iter().filter(|(_, v)| !empty(v)).map(|(k, v)| format!("{}: {}", k.replace('_', " "), inline(v))).collect();
    lines.join("\n")
}

fn capped(s: String) -> String {
    if s.chars().count() > MAX_CHARS {
        let cut: String = s.chars().take(MAX_CHARS).collect();
        format!("{cut}\u{2026}")
    } else {
        s
    }
}

/// "platforms[tiktok].contract.required_latency" -> "Platform TikTok: contract > required latency".
/// `fallback` names an item that no longer exists (a removed one).
fn readable_path<'a>(ctx: &Ctx<'a>, path: &'a str, fallback: Option<&'a str>) -> String {
    let (head, rest) = match path.find(['.', '[']) {
        Some(i) if path[i..].starts_with('[') => {
            let close = path[i..].find(']').map_or(path.len(), |j| i + j + 1);
            (&path[..close], path[close..].trim_start_matches('.'))
        }
        Some(i) => (&path[..i], &path[i + 1..]),
        None => (path, ""),
    };
    let (coll, id) = match head.split_once('[') {
        Some((c, id)) => (c, Some(id.trim_end_matches(']'))),
        None => (head, None),
    };
    let fb = |id: &'a str| -> &'a str { fallback.filter(|_| rest.is_empty()).unwrap_or(id) };
    let label = match (coll, id) {
        ("parties", Some(id)) => format!("Party {}", ctx.party.get(id).map_or(fb(id), |p| p.name.as_str())),
        ("platforms", Some(id)) => format!("Platform {}", ctx.platform.get(id).copied().unwrap_or(fb(id))),
        ("capabilities", Some(id)) => format!("Capability {}", ctx.capability.get(id).copied().unwrap_or(fb(id))),
        ("matrix", Some(id)) => {
            let (c, p) = id.split_once('/').unwrap_or((id, ""));
            format!(
                "Matrix cell {} on {}",
                ctx.capability.get(c).copied().unwrap_or(c),
                ctx.platform.get(p).copied().unwrap_or(p)
            )
        }
        ("raci", Some(id)) => format!("RACI activity {}", ctx.activity.get(id).copied().unwrap_or(fb(id))),
        ("data_quality", Some(id)) => {
            format!("Data-quality standard {}", ctx.standard.get(id).copied().unwrap_or(fb(id)))
        }
        ("hard_stops", Some(id)) => format!("Hard stop {}", ctx.hard_stop.get(id).copied().unwrap_or(fb(id))),
        ("compliance_rules", Some(id)) if ctx.format >= 4 => {
            format!("Compliance rule {}", ctx.rule.get(id).copied().unwrap_or(fb(id)))
        }
        ("override_policy", None) => "Override policy".into(),
        ("review_schedule", None) => "Review schedule".into(),
        (c, None) => format!("Framework {}", c.replace('_', " ")),
        (c, Some(id)) => format!("{c} {id}"),
    };
    if rest.is_empty() {
        label
    } else {
        let fields: Vec<String> = rest.split('.').map(|f| field_words(ctx, f)).collect();
        format!("{label}: {}", fields.join(" \u{203A} "))
    }
}

/// A field's name in words: "required_latency" -> "required latency"; from report format 4,
/// "obligations" -> "obligations answered".
fn field_words(ctx: &Ctx, field: &str) -> String {
    match field {
        "obligations" if ctx.format >= 4 => "obligations answered".to_owned(),
        f => f.replace('_', " "),
    }
}

/// A value as the change table shows it; from report format 4, the obligations and the ids and
/// kinds of a compliance rule in words.
fn shown(ctx: &Ctx, path: &str, v: &Option<Value>) -> String {
    let words = if ctx.format >= 4 { v.as_ref().and_then(|v| in_words(ctx, path, v)) } else { None };
    words.unwrap_or_else(|| value_text(v))
}

/// Obligation ids as citations; a rule's kind, places of enforcement, owner, capabilities and
/// platforms by their labels and names.
fn in_words(ctx: &Ctx, path: &str, v: &Value) -> Option<String> {
    let tail = path.rsplit(']').next().unwrap_or(path);
    let field = tail.rsplit('.').next().unwrap_or(tail);
    let in_rule = path.starts_with("compliance_rules[");
    let ids = || -> Option<Vec<String>> { v.as_array()?.iter().map(|x| x.as_str().map(str::to_owned)).collect() };
    let list = |names: Vec<String>| if names.is_empty() { "(empty list)".to_owned() } else { names.join("; ") };
    match field {
        "obligations" => Some(list(ctx.citations(&ids()?))),
        "kind" if in_rule => serde_json::from_value::<RuleKind>(v.clone()).ok().map(|k| k.label().to_owned()),
        "enforced_by" if in_rule => {
            let places: Vec<Enforcement> = serde_json::from_value(v.clone()).ok()?;
            Some(list(places.iter().map(|e| e.label().to_owned()).collect()))
        }
        "owner" if in_rule => Some(ctx.party_name(v.as_str()?)),
        "capabilities" if in_rule => Some(list(ids()?.iter().map(|c| ctx.capability_name(c)).collect())),
        "platforms" if in_rule => Some(list(ids()?.iter().map(|p| ctx.platform_name(p)).collect())),
        _ => None,
    }
}

pub(super) fn render(doc: &mut Doc, ctx: &Ctx, start: Opening) {
    let (info, changes) = (&ctx.data.info, &ctx.data.changes);
    start.open(doc, false);
    if info.number <= 1 || info.previous_sha256.is_none() {
        doc.para("First version: there is no previous version to compare with.", BODY, 0.0, 6.0);
        if changes.is_empty() {
            return;
        }
    }
    let count = |k: ChangeKind| changes.iter().filter(|c| c.kind == k).count();
    if changes.is_empty() {
        doc.para(
            &format!("No field changed between version {} and version {}.", info.number - 1, info.number),
            BODY,
            0.0,
            6.0,
        );
        return;
    }
    doc.para(
        &format!(
            "Field-level changes from version {} to version {}: {} added, {} removed, {} changed. Items are named by \
             their current names; the path below each names the field in the JSON snapshot.",
            info.number.saturating_sub(1),
            info.number,
            thousands(count(ChangeKind::Added)),
            thousands(count(ChangeKind::Removed)),
            thousands(count(ChangeKind::Changed))
        ),
        BODY,
        0.0,
        8.0,
    );
    let w = doc.content_w();
    let cols = [
        Column::new("Change", 72.0),
        Column::new("Field", 150.0),
        Column::new("Before", (w - 222.0) / 2.0),
        Column::new("After", (w - 222.0) / 2.0),
    ];
    let rows = changes.iter().map(|c: &Change| change_row(ctx, c)).collect();
    doc.table(&cols, rows, &TABLE);
}

/// The name of an added or removed item, from its value.
fn item_name(c: &Change) -> Option<&str> {
    let v = c.old.as_ref().or(c.new.as_ref())?.as_object()?;
    NAME_KEYS.iter().find_map(|k| v.get(*k).and_then(Value::as_str))
}

fn change_row(ctx: &Ctx, c: &Change) -> Vec<Cell> {
    let (label, color) = match c.kind {
        ChangeKind::Added => ("+ Added", GOOD_GREEN),
        ChangeKind::Removed => ("\u{2212} Removed", ERROR_RED),
        ChangeKind::Changed => ("\u{2192} Changed", NAVY),
    };
    let before = if c.old.is_some() { cell(shown(ctx, &c.path, &c.old)) } else { dash() };
    let after = if c.new.is_some() { cell(shown(ctx, &c.path, &c.new)) } else { dash() };
    vec![
        cell_styled(label, Style { color, ..CELL_BOLD }),
        vec![Block::new(readable_path(ctx, &c.path, item_name(c)), CELL), Block::new(c.path.clone(), SMALL_MUTED)],
        before,
        after,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_item_without_a_name_is_shown_field_by_field_without_its_empty_fields() {
        let cell = json!({"capability": "bid-adjustment", "platform": "gads", "support": "partial",
            "constraints": "", "evidence": "Pilot on 5 ad groups.", "last_verified": null});
        assert_eq!(
            value_text(&Some(cell)),
            "capability: bid-adjustment\nplatform: gads\nsupport: partial\nevidence: Pilot on 5 ad groups."
        );
    }

    #[test]
    fn named_items_are_shown_by_name_and_long_values_are_cut() {
        assert_eq!(value_text(&Some(json!({"id": "s1", "data_input": "Audience segments"}))), "Audience segments");
        assert_eq!(value_text(&Some(json!(["a", "b"]))), "a; b");
        let long = value_text(&Some(json!([{"party": "x".repeat(700)}])));
        assert_eq!(long.chars().count(), MAX_CHARS + 1);
        assert!(long.ends_with('\u{2026}'));
    }
}
