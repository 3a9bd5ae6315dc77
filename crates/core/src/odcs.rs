//! Open Data Contract Standard (ODCS v3) export of the data-quality standards.
//!
//! The document follows the ODCS v3.1.0 JSON schema (`odcs-3.1.0.schema.json`, as bundled with
//! datacontract-cli, whose `datacontract lint` validates it). The mapping:
//!
//! | framework                       | ODCS                                                             |
//! |---------------------------------|------------------------------------------------------------------|
//! | one data-quality standard       | one `schema` object (`logicalType: object`), `businessName` = data input |
//! | notes                           | the object's `description`                                       |
//! | minimum completeness            | a `quality` rule, dimension `completeness`                       |
//! | duplicate limit                 | a `quality` rule, dimension `uniqueness`                         |
//! | validation rules                | `quality` rules of `type: text`                                  |
//! | maximum age                     | an `slaProperties` entry `latency` (ODCS prefers it to freshness) |
//! | owner                           | `team.members` (name, title as role) and the object's customProperties |
//! | action on breach                | the object's customProperties, and each rule's `severity`        |
//! | source platform                 | `servers` (type `custom`) and the object's customProperties      |
//!
//! The completeness and duplicate rules are `type: custom` rules run by the agents' runtime
//! (`engine: governance-workbench`), with the threshold as an ODCS operator in `implementation`.
//! ODCS's library metrics cannot say them honestly: `nullValues`/`missingValues` count one column
//! and exist only at property level, and a schema-level `duplicateValues` needs the key columns,
//! while a framework records the share of complete or duplicate *records* of a data input
//! without naming its columns (datacontract-cli warns on either misuse).
//!
//! YAML is written by hand: every string is a double-quoted scalar with escapes, so user text
//! (colons, quotes, `#`, leading `-`, line breaks, unicode, HTML) is always data, never syntax.
//! The output is deterministic: no clock is read.

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::model::{BreachAction, DataQualityStandard, DurationUnit, Framework, PartyKind, Platform, PlatformKind};

/// The ODCS version the document declares.
pub const API_VERSION: &str = "v3.1.0";

/// The `engine` of the custom quality rules that the agents' runtime enforces.
pub const ENGINE: &str = "governance-workbench";

/// The data-quality standards of `fw` as an Open Data Contract Standard v3 YAML document.
/// `version` is the contract version string (e.g. "1.0.0" or "draft"); "draft" (any case) gives
/// `status: draft`, any other version `status: active`.
pub fn to_odcs_yaml(fw: &Framework, version: &str) -> String {
    let mut ids = StableIds::default();
    let objects: Vec<(String, &DataQualityStandard)> =
        fw.data_quality.iter().map(|dq| (ids.make(&dq.id), dq)).collect();

    let status = if version.trim().eq_ignore_ascii_case("draft") { "draft" } else { "active" };
    let mut doc = Map::new();
    doc.push("apiVersion", s(API_VERSION));
    doc.push("kind", s("DataContract"));
    doc.push("id", s(format!("{}-data-quality", fw.id)));
    doc.push("name", s(format!("{}: data-quality standards", fw.name)));
    doc.push("version", s(version));
    doc.push("status", s(status));
    doc.push("tenant", s(&fw.organisation));
    doc.push("tags", Y::Seq(vec![s("data-quality"), s("governance-workbench")]));
    doc.push("description", description(fw));
    let servers = servers(fw);
    if !servers.is_empty() {
        doc.push("servers", Y::Seq(servers));
    }
    doc.push("schema", Y::Seq(objects.iter().map(|(id, dq)| schema_object(fw, id, dq)).collect()));
    doc.push("team", team(fw));
    doc.push("slaProperties", Y::Seq(objects.iter().map(|(id, dq)| latency(id, dq)).collect()));
    doc.push(
        "customProperties",
        Y::Seq(vec![
            custom("frameworkId", s(&fw.id), Some("The governance framework these standards belong to")),
            custom("frameworkName", s(&fw.name), None),
            custom("organisation", s(&fw.organisation), None),
            custom("jurisdictions", Y::Seq(fw.jurisdictions.iter().map(s).collect()), None),
        ]),
    );
    let mut out = String::new();
    emit_map(&mut out, 0, &doc.0);
    out
}

fn description(fw: &Framework) -> Y {
    let mut d = Map::new();
    d.push(
        "purpose",
        s(format!(
            "The quality that the input data of {}'s agents must meet, from the governance framework \"{}\".",
            fw.organisation, fw.name
        )),
    );
    d.push(
        "usage",
        s("An agent may act on a data input only while the input meets its standard: minimum completeness, \
           duplicate limit, maximum age (data older than its latency limit must not trigger an action) and \
           validation rules. A breach triggers the action recorded for that input (onBreach)."),
    );
    if !fw.description.trim().is_empty() {
        d.push("customProperties", Y::Seq(vec![custom("frameworkDescription", s(&fw.description), None)]));
    }
    Y::Map(d)
}

/// One `custom` server per source platform that a standard names, in the order of first use.
fn servers(fw: &Framework) -> Vec<Y> {
    let mut seen = HashSet::new();
    let mut ids = StableIds::default();
    let mut out = Vec::new();
    for dq in &fw.data_quality {
        let Some(pid) = dq.source_platform.as_deref() else { continue };
        if !seen.insert(pid) {
            continue;
        }
        let platform = fw.platforms.iter().find(|p| p.id == pid);
        let mut m = Map::new();
        m.push("id", s(ids.make(pid)));
        m.push("server", s(pid));
        m.push("type", s("custom"));
        m.push("description", s(platform_label(platform, pid)));
        if let Some(p) = platform {
            m.push(
                "customProperties",
                Y::Seq(vec![
                    custom("platformName", s(&p.name), None),
                    custom("platformKind", s(kind_name(p.kind)), None),
                ]),
            );
        }
        out.push(Y::Map(m));
    }
    out
}

fn schema_object(fw: &Framework, id: &str, dq: &DataQualityStandard) -> Y {
    let severity = severity(dq.on_breach);
    let mut quality = Vec::new();

    let mut q = Map::new();
    q.push("id", s(format!("{id}-completeness")));
    q.push("name", s("Minimum completeness"));
    q.push("type", s("custom"));
    q.push("dimension", s("completeness"));
    q.push("description", s(format!("At least {}% of the records are complete.", num(dq.min_completeness_pct))));
    q.push("severity", s(severity));
    q.push("unit", s("percent"));
    q.push("engine", s(ENGINE));
    let mut imp = Map::new();
    imp.push("metric", s("completeness"));
    imp.push("mustBeGreaterOrEqualTo", Y::Num(dq.min_completeness_pct));
    imp.push("unit", s("percent"));
    q.push("implementation", Y::Map(imp));
    quality.push(Y::Map(q));

    if let Some(max_dup) = dq.max_duplicate_pct {
        let mut q = Map::new();
        q.push("id", s(format!("{id}-duplicates")));
        q.push("name", s("Duplicate limit"));
        q.push("type", s("custom"));
        q.push("dimension", s("uniqueness"));
        q.push("description", s(format!("At most {}% of the records are duplicates.", num(max_dup))));
        q.push("severity", s(severity));
        q.push("unit", s("percent"));
        q.push("engine", s(ENGINE));
        let mut imp = Map::new();
        imp.push("metric", s("duplicateRecords"));
        imp.push("mustBeLessOrEqualTo", Y::Num(max_dup));
        imp.push("unit", s("percent"));
        q.push("implementation", Y::Map(imp));
        quality.push(Y::Map(q));
    }

    for (i, rule) in dq.validation_rules.iter().enumerate() {
        let mut q = Map::new();
        q.push("id", s(format!("{id}-rule-{}", i + 1)));
        q.push("type", s("text"));
        q.push("description", s(rule));
        q.push("severity", s(severity));
        quality.push(Y::Map(q));
    }

    let mut props = Vec::new();
    let source = match dq.source_platform.as_deref() {
        Some(pid) => custom(
            "sourcePlatform",
            s(pid),
            Some(platform_label(fw.platforms.iter().find(|p| p.id == pid), pid).as_str()),
        ),
        None => custom("sourcePlatform", Y::Null, Some("Internal or derived data: no source platform")),
    };
    props.push(source);
    props.push(custom("owner", s(&dq.owner), Some(party_label(fw, &dq.owner).as_str())));
    props.push(custom("maxAge", s(dq.max_age.to_string()), Some("Data older than this must not trigger an action")));
    props.push(custom("onBreach", s(breach_name(dq.on_breach)), Some(breach_label(dq.on_breach))));

    let mut m = Map::new();
    m.push("id", s(id));
    m.push("name", s(id));
    m.push("businessName", s(&dq.data_input));
    m.push("logicalType", s("object"));
    if !dq.notes.trim().is_empty() {
        m.push("description", s(&dq.notes));
    }
    m.push("quality", Y::Seq(quality));
    m.push("customProperties", Y::Seq(props));
    Y::Map(m)
}

fn latency(id: &str, dq: &DataQualityStandard) -> Y {
    let unit = match dq.max_age.unit {
        DurationUnit::Minutes => "min",
        DurationUnit::Hours => "h",
        DurationUnit::Days => "d",
    };
    let mut m = Map::new();
    m.push("id", s(format!("{id}-latency")));
    m.push("property", s("latency"));
    m.push("value", Y::Int(i64::from(dq.max_age.amount)));
    m.push("unit", s(unit));
    m.push("element", s(id));
    m.push("driver", s("operational"));
    m.push(
        "description",
        s(format!("{}: data older than {} must not trigger an agent action.", dq.data_input, dq.max_age)),
    );
    Y::Map(m)
}

/// The owners of the standards, each once, in the order of first use.
fn team(fw: &Framework) -> Y {
    let mut order: Vec<&str> = Vec::new();
    for dq in &fw.data_quality {
        if !order.contains(&dq.owner.as_str()) {
            order.push(&dq.owner);
        }
    }
    let mut ids = StableIds::default();
    let members = order
        .iter()
        .map(|&owner| {
            let owned: Vec<&str> =
                fw.data_quality.iter().filter(|dq| dq.owner == owner).map(|dq| dq.data_input.as_str()).collect();
            let party = fw.parties.iter().find(|p| p.id == owner);
            let mut m = Map::new();
            m.push("id", s(ids.make(owner)));
            let username = party.and_then(|p| p.email.as_deref()).filter(|e| !e.trim().is_empty()).unwrap_or(owner);
            m.push("username", s(username));
            match party {
                Some(p) => {
                    m.push("name", s(&p.name));
                    m.push("role", s(&p.title));
                }
                None => m.push("name", s(owner)),
            }
            let mut desc = format!("Owner of the data-quality standards for: {}", owned.join("; "));
            if party.is_none() {
                desc.push_str(" (this owner is not among the framework's parties)");
            }
            m.push("description", s(desc));
            let mut cp = vec![custom("partyId", s(owner), None)];
            if let Some(p) = party {
                cp.push(custom("partyKind", s(party_kind(p.kind)), None));
            }
            m.push("customProperties", Y::Seq(cp));
            Y::Map(m)
        })
        .collect();
    let mut t = Map::new();
    t.push("name", s("Data-quality owners"));
    t.push("description", s(format!("The owners of the data-quality standards of \"{}\".", fw.name)));
    t.push("members", Y::Seq(members));
    Y::Map(t)
}

fn custom(property: &str, value: Y, description: Option<&str>) -> Y {
    let mut m = Map::new();
    m.push("property", s(property));
    m.push("value", value);
    if let Some(d) = description {
        m.push("description", s(d));
    }
    Y::Map(m)
}

fn severity(b: BreachAction) -> &'static str {
    match b {
        BreachAction::BlockAgent | BreachAction::PauseWorkflow => "error",
        BreachAction::AlertOwner => "warning",
    }
}

fn breach_name(b: BreachAction) -> &'static str {
    match b {
        BreachAction::BlockAgent => "block_agent",
        BreachAction::AlertOwner => "alert_owner",
        BreachAction::PauseWorkflow => "pause_workflow",
    }
}

fn breach_label(b: BreachAction) -> &'static str {
    match b {
        BreachAction::BlockAgent => "Block the agent",
        BreachAction::AlertOwner => "Alert the owner",
        BreachAction::PauseWorkflow => "Pause the workflow",
    }
}

fn kind_name(k: PlatformKind) -> &'static str {
    match k {
        PlatformKind::AdPlatform => "ad_platform",
        PlatformKind::Social => "social",
        PlatformKind::CreatorPlatform => "creator_platform",
        PlatformKind::Cdp => "cdp",
        PlatformKind::Dsp => "dsp",
        PlatformKind::Crm => "crm",
        PlatformKind::Analytics => "analytics",
        PlatformKind::Other => "other",
    }
}

fn party_kind(k: PartyKind) -> &'static str {
    match k {
        PartyKind::Person => "person",
        PartyKind::Team => "team",
        PartyKind::Vendor => "vendor",
    }
}

fn platform_label(platform: Option<&Platform>, id: &str) -> String {
    match platform {
        Some(p) => p.name.clone(),
        None => format!("{id} (not among the framework's platforms)"),
    }
}

fn party_label(fw: &Framework, id: &str) -> String {
    match fw.parties.iter().find(|p| p.id == id) {
        Some(p) if p.title.trim().is_empty() => p.name.clone(),
        Some(p) => format!("{}, {}", p.name, p.title),
        None => format!("{id} (not among the framework's parties)"),
    }
}

/// Stable ids (`^[A-Za-z0-9_-]+$`, the ODCS v3.1 `StableId`), unique within one array: other
/// characters become `_`, and a repeat gets `-2`, `-3` ...
#[derive(Default)]
struct StableIds(HashSet<String>);

impl StableIds {
    fn make(&mut self, raw: &str) -> String {
        let mut base: String =
            raw.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' || c == '-' { c } else { '_' }).collect();
        if base.is_empty() {
            base.push_str("item");
        }
        let mut id = base.clone();
        let mut n = 1;
        while !self.0.insert(id.clone()) {
            n += 1;
            id = format!("{base}-{n}");
        }
        id
    }
}

// ---------------------------------------------------------------------------------------------
// A minimal YAML writer: block mappings and sequences, every string double-quoted.

enum Y {
    Str(String),
    Num(f64),
    Int(i64),
    Null,
    Seq(Vec<Y>),
    Map(Map),
}

struct Map(Vec<(&'static str, Y)>);

impl Map {
    fn new() -> Self {
        Map(Vec::new())
    }
    fn push(&mut self, key: &'static str, value: Y) {
        self.0.push((key, value));
    }
}

fn s(v: impl AsRef<str>) -> Y {
    Y::Str(v.as_ref().to_string())
}

/// A number as YAML reads it back exactly: the shortest decimal that round-trips, never in
/// exponent form (which YAML 1.1 readers take for a string).
fn num(v: f64) -> String {
    if v.is_nan() {
        ".nan".into()
    } else if v == f64::INFINITY {
        ".inf".into()
    } else if v == f64::NEG_INFINITY {
        "-.inf".into()
    } else if v == 0.0 {
        "0".into()
    } else {
        format!("{v}")
    }
}

/// A double-quoted YAML scalar. Escapes `"` and `\`, every C0/C1 control character, DEL, the
/// YAML line breaks NEL, LS and PS, the BOM and the non-characters U+FFFE/U+FFFF; everything else,
/// including any other unicode, is written as is.
pub fn quote(v: &str) -> String {
    let mut out = String::with_capacity(v.len() + 2);
    out.push('"');
    for c in v.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => {
                let _ = write!(out, "\\x{:02X}", c as u32);
            }
            '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn scalar(v: &Y) -> Option<String> {
    match v {
        Y::Str(x) => Some(quote(x)),
        Y::Num(x) => Some(num(*x)),
        Y::Int(x) => Some(x.to_string()),
        Y::Null => Some("null".into()),
        Y::Seq(items) if items.is_empty() => Some("[]".into()),
        Y::Map(m) if m.0.is_empty() => Some("{}".into()),
        _ => None,
    }
}

fn indent(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

/// Writes `key: value` pairs at `col`. The caller has already written the indentation of the
/// first line (so that a mapping can start right after a sequence's `- `).
fn emit_map(out: &mut String, col: usize, pairs: &[(&'static str, Y)]) {
    for (i, (key, value)) in pairs.iter().enumerate() {
        if i > 0 {
            indent(out, col);
        }
        out.push_str(key);
        out.push(':');
        match scalar(value) {
            Some(text) => {
                out.push(' ');
                out.push_str(&text);
                out.push('\n');
            }
            None => {
                out.push('\n');
                match value {
                    Y::Map(m) => {
                        indent(out, col + 2);
                        emit_map(out, col + 2, &m.0);
                    }
                    Y::Seq(items) => emit_seq(out, col + 2, items),
                    _ => unreachable!("scalars are written inline"),
                }
            }
        }
    }
}

/// Writes the items of a sequence, each `- ` at `col`.
fn emit_seq(out: &mut String, col: usize, items: &[Y]) {
    for item in items {
        indent(out, col);
        out.push_str("- ");
        match scalar(item) {
            Some(text) => {
                out.push_str(&text);
                out.push('\n');
            }
            None => match item {
                Y::Map(m) => emit_map(out, col + 2, &m.0),
                Y::Seq(inner) => {
                    out.push('\n');
                    emit_seq(out, col + 2, inner);
                }
                _ => unreachable!("scalars are written inline"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_escapes_quotes_backslashes_and_line_breaks_and_keeps_unicode() {
        assert_eq!(quote(r#"say "hi" \ bye"#), r#""say \"hi\" \\ bye""#);
        assert_eq!(quote("a\nb\r\nc\td"), r#""a\nb\r\nc\td""#);
        assert_eq!(quote("- key: # not a comment"), "\"- key: # not a comment\"");
        assert_eq!(quote("é 漢字 🚀 <b>&amp;</b>"), "\"é 漢字 🚀 <b>&amp;</b>\"");
    }

    #[test]
    fn quoting_escapes_control_characters_and_yaml_line_breaks() {
        assert_eq!(quote("\u{0}\u{7}\u{1b}\u{7f}\u{85}\u{9f}"), r#""\x00\x07\x1B\x7F\x85\x9F""#);
        assert_eq!(quote("\u{2028}\u{2029}\u{feff}\u{ffff}"), r#""\u2028\u2029\uFEFF\uFFFF""#);
    }

    #[test]
    fn numbers_are_never_written_in_exponent_form() {
        assert_eq!(num(98.0), "98");
        assert_eq!(num(99.95), "99.95");
        assert_eq!(num(0.5), "0.5");
        assert_eq!(num(1e-7), "0.0000001");
        assert_eq!(num(-0.0), "0");
        assert_eq!(num(f64::NAN), ".nan");
    }

    #[test]
    fn stable_ids_replace_other_characters_and_stay_unique() {
        let mut ids = StableIds::default();
        assert_eq!(ids.make("audience-segments"), "audience-segments");
        assert_eq!(ids.make("first.party data"), "first_party_data");
        assert_eq!(ids.make("first_party_data"), "first_party_data-2");
        assert_eq!(ids.make(""), "item");
    }

    #[test]
    fn nested_blocks_are_indented_under_their_keys_and_dashes() {
        let mut inner = Map::new();
        inner.push("a", s("x"));
        inner.push("b", Y::Seq(vec![Y::Int(1), Y::Seq(vec![])]));
        let mut top = Map::new();
        top.push("list", Y::Seq(vec![Y::Map(inner), Y::Null]));
        top.push("empty", Y::Map(Map::new()));
        let mut out = String::new();
        emit_map(&mut out, 0, &top.0);
        assert_eq!(out, "list:\n  - a: \"x\"\n    b:\n      - 1\n      - []\n  - null\nempty: {}\n");
    }
}
