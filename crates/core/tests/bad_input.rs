//! Hostile and unusual text in every text field of an import file: right-to-left and emoji text
//! is stored and exported exactly; control characters, huge text and empty names are refused
//! with an error that names the field, and the database stays as it was.

mod common;

use common::*;
use governance_core::*;
use serde_json::Value;

/// JSON paths (`framework.parties[0].name` style) of every string in the starter file.
fn string_paths(v: &Value, path: String, out: &mut Vec<String>) {
    match v {
        Value::String(_) => out.push(path),
        Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| string_paths(x, format!("{path}[{i}]"), out)),
        Value::Object(o) => o
            .iter()
            .for_each(|(k, x)| string_paths(x, if path.is_empty() { k.clone() } else { format!("{path}.{k}") }, out)),
        _ => {}
    }
}

fn set(v: &mut Value, path: &str, text: &str) {
    let mut cur = v;
    for part in path.split('.') {
        let (key, idx) = match part.split_once('[') {
            Some((k, rest)) => (k, Some(rest.trim_end_matches(']').parse::<usize>().unwrap())),
            None => (part, None),
        };
        cur = &mut cur[key];
        if let Some(i) = idx {
            cur = &mut cur[i];
        }
    }
    *cur = Value::String(text.to_owned());
}

/// Fields that hold ids, references, enum values or dates rather than free text.
fn is_structural(path: &str) -> bool {
    let last = path.rsplit('.').next().unwrap();
    let field = last.split('[').next().unwrap();
    matches!(
        field,
        "id" | "format"
            | "party"
            | "capability"
            | "platform"
            | "owner"
            | "source_platform"
            | "kind"
            | "unit"
            | "risk"
            | "decision_mode"
            | "support"
            | "mode"
            | "layer"
            | "role"
            | "on_breach"
            | "when_unavailable"
            | "last_verified"
            | "last_tested"
            | "next_due"
            | "kill_switch_holders"
            | "required_signatories"
            | "lift_authority"
            | "platforms"
            | "currency"
            | "amount"
            | "email"
            | "capabilities"
            | "jurisdiction"
            | "enforced_by"
            | "obligations"
    )
}

fn text_paths() -> (Value, Vec<String>) {
    let v: Value = serde_json::from_str(starter::STARTER_JSON).unwrap();
    let mut paths = Vec::new();
    string_paths(&v, String::new(), &mut paths);
    paths.retain(|p| !is_structural(p));
    assert!(paths.len() > 300, "the starter has {} text fields", paths.len());
    (v, paths)
}

#[test]
fn right_to_left_and_emoji_text_in_any_field_is_stored_and_exported_exactly() {
    let (base, paths) = text_paths();
    let mut s = new_store();
    for (n, path) in paths.iter().enumerate().filter(|(n, _)| n % 7 == 0) {
        let mut v = base.clone();
        let text = if n % 2 == 0 {
            "سياسة الإيقاف 🚦 — مراجعة"
        } else {
            "Ünïcödé ✓ 日本語 🧭 <b>bold</b>"
        };
        set(&mut v, path, text);
        let fw = interchange::parse(v.to_string().as_bytes()).unwrap();
        s.import(&fw, "t").unwrap_or_else(|e| panic!("{path}: {e}"));
        let back = interchange::to_pretty_json(&s.load(&fw.id).unwrap());
        assert!(back.contains(text), "{path}");
        assert_eq!(interchange::parse(back.as_bytes()).unwrap(), fw, "{path}");
    }
}

#[test]
fn control_characters_in_any_text_field_are_refused_naming_the_field() {
    let (base, paths) = text_paths();
    for path in &paths {
        let mut v = base.clone();
        set(&mut v, path, "bell\u{7}here");
        let fw = interchange::parse(v.to_string().as_bytes()).unwrap();
        let problems = integrity(&fw);
        let field = path.trim_start_matches("framework.");
        assert!(
            problems.iter().any(|p| p.path == field && p.message.contains("control character")),
            "{path}: {problems:?}"
        );
    }
}

#[test]
fn huge_text_in_any_field_is_refused_naming_the_field() {
    let (base, paths) = text_paths();
    let huge = "A governance note. ".repeat(55_000);
    assert!(huge.len() > 1_000_000);
    for path in paths.iter().step_by(5) {
        let mut v = base.clone();
        set(&mut v, path, &huge);
        let fw = interchange::parse(v.to_string().as_bytes()).unwrap();
        let problems = integrity(&fw);
        let field = path.trim_start_matches("framework.");
        assert!(problems.iter().any(|p| p.path == field && p.message.contains("characters long")), "{path}");
    }
}

#[test]
fn a_refused_import_leaves_the_database_exactly_as_it_was() {
    let (base, paths) = text_paths();
    let mut s = new_store();
    let original = starter();
    s.import(&original, "t").unwrap();
    for (i, path) in paths.iter().enumerate().step_by(23) {
        let mut v = base.clone();
        set(&mut v, path, if i % 2 == 0 { "x\u{0}y" } else { "" });
        set(&mut v, "framework.description", "This change must not be stored.");
        let fw = interchange::parse(v.to_string().as_bytes()).unwrap();
        if integrity(&fw).is_empty() {
            continue; // an empty optional text is allowed
        }
        assert_eq!(s.import(&fw, "t").unwrap_err().code(), "invalid", "{path}");
        assert_eq!(s.load(&original.id).unwrap(), original, "{path}");
    }
    assert_eq!(s.audit_log(&original.id, 5).unwrap().len(), 1);
}

#[test]
fn structurally_wrong_files_get_an_error_naming_the_place() {
    let (base, _) = text_paths();
    let cases: Vec<(Value, &str)> = vec![
        (
            {
                let mut v = base.clone();
                v["framework"]["parties"][1]["id"] = v["framework"]["parties"][0]["id"].clone();
                v
            },
            "parties[1].id",
        ),
        (
            {
                let mut v = base.clone();
                v["framework"]["raci"][2]["assignments"][0]["party"] = "ghost".into();
                v
            },
            "raci[2].assignments[0].party",
        ),
        (
            {
                let mut v = base.clone();
                v["framework"]["matrix"][3]["capability"] = "ghost".into();
                v
            },
            "matrix[3].capability",
        ),
        (
            {
                let mut v = base.clone();
                v["framework"]["hard_stops"][0]["lift_authority"] = serde_json::json!(["ghost"]);
                v
            },
            "hard_stops[0].lift_authority[0]",
        ),
    ];
    for (v, path) in cases {
        let fw = interchange::parse(v.to_string().as_bytes()).unwrap();
        let problems = integrity(&fw);
        assert!(problems.iter().any(|p| p.path == path), "{path}: {problems:?}");
    }
    let mut v = base.clone();
    v["framework"]["platforms"][0]["contract"]["permission_scopes"] = serde_json::json!("ads.read");
    let err = interchange::parse(v.to_string().as_bytes()).unwrap_err().to_string();
    assert!(err.contains("framework.platforms[0].contract.permission_scopes") && err.contains("line 1"), "{err}");
}

/// The error for `text`: a parse error, or the integrity findings of what was read.
fn import_error(text: &str) -> String {
    match interchange::parse(text.as_bytes()) {
        Err(e) => e.to_string(),
        Ok(fw) => {
            let mut s = new_store();
            s.import(&fw, "t").expect_err("the import is refused").to_string()
        }
    }
}

#[test]
fn fifty_megabyte_values_give_short_messages_that_still_say_what_is_wrong_and_where() {
    const HUGE: usize = 50 * 1024 * 1024;
    let huge = "x".repeat(HUGE);
    let count = format!("({HUGE} characters)");
    let starter = starter::STARTER_JSON;
    let cases = [
        (
            "the framework id",
            starter.replacen("\"larkspur-marketing-agents\"", &format!("\"{huge}\""), 1),
            "The framework id \"xxx",
        ),
        (
            "the format",
            starter.replacen("\"governance-workbench/framework\"", &format!("\"{huge}\""), 1),
            "at format: this is not a framework file",
        ),
        (
            "an enum value",
            starter.replacen("\"kind\": \"person\"", &format!("\"kind\": \"{huge}\""), 1),
            "at framework.parties[0].kind: unknown variant `xxx",
        ),
        ("a field name", starter.replacen("\"organisation\"", &format!("\"{huge}\""), 1), ": unknown field `xxx"),
        (
            "a string for a number",
            starter.replacen("\"format_version\": 3", &format!("\"format_version\": \"{huge}\""), 1),
            "at format_version: invalid type: string \"xxx",
        ),
        (
            "a date",
            starter.replacen("\"next_due\": \"2027-01-15\"", &format!("\"next_due\": \"{huge}\""), 1),
            "at framework.review_schedule.next_due: \"xxx",
        ),
        (
            "a party reference",
            starter.replacen("\"party\": \"cmo\"", &format!("\"party\": \"{huge}\""), 1),
            "assigns a letter to party \"xxx",
        ),
    ];
    for (what, text, expected) in cases {
        assert!(text.len() > HUGE, "{what}: the value was not put in");
        let m = import_error(&text);
        assert!(m.len() < 600, "{what}: a message of {} bytes: {}", m.len(), &m[..m.len().min(1000)]);
        assert!(m.contains(expected) && m.contains(&count), "{what}: {m}");
    }
}

#[test]
fn governance_findings_cut_the_names_they_repeat() {
    let mut fw = starter();
    fw.raci[0].name = "n".repeat(50 * 1024 * 1024);
    fw.raci[0].assignments.retain(|a| a.role != RaciRole::A);
    let findings = validate(&fw, today());
    assert!(findings.iter().any(|f| f.message.contains("has no Accountable party")), "{findings:?}");
    for f in &findings {
        assert!(f.to_string().len() < 400, "{}", &f.to_string()[..400]);
    }
}
