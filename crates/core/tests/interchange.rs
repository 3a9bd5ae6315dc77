mod common;

use common::*;
use governance_core::*;
use serde_json::Value;

fn parse_err(text: &str) -> String {
    match interchange::parse(text.as_bytes()) {
        Err(Error::Parse(m)) => m,
        other => panic!("expected a parse error, got {other:?}"),
    }
}

#[test]
fn export_then_parse_gives_the_same_framework() {
    let fw = starter();
    assert_eq!(interchange::parse(interchange::to_pretty_json(&fw).as_bytes()).unwrap(), fw);
    assert_eq!(interchange::parse(&interchange::to_canonical_json(&fw)).unwrap(), fw);
}

#[test]
fn a_truncated_file_is_reported_as_ending_early_with_its_line() {
    let text = starter::STARTER_JSON;
    let cut = &text[..text.len() / 2];
    let m = parse_err(cut);
    let lines = cut.lines().count();
    assert!(m.contains("ends too early"), "{m}");
    assert!(m.starts_with(&format!("line {lines},")), "{m}");
}

#[test]
fn a_wrong_type_names_the_json_path() {
    let fw = starter();
    let mut v = serde_json::to_value(FrameworkFile {
        format: model::FORMAT_NAME.into(),
        format_version: model::FORMAT_VERSION,
        framework: fw,
    })
    .unwrap();
    v["framework"]["data_quality"][1]["min_completeness_pct"] = serde_json::json!("ninety");
    let m = parse_err(&serde_json::to_string_pretty(&v).unwrap());
    assert!(m.contains("at framework.data_quality[1].min_completeness_pct"), "{m}");
    assert!(m.contains("invalid type"), "{m}");
}

#[test]
fn unknown_fields_and_unknown_enum_values_are_refused() {
    let text = starter::STARTER_JSON.replacen("\"organisation\"", "\"organization\"", 1);
    let m = parse_err(&text);
    assert!(m.contains("organization"), "{m}");
    let text = starter::STARTER_JSON.replacen("\"support\": \"full\"", "\"support\": \"mostly\"", 1);
    let m = parse_err(&text);
    assert!(m.contains("mostly") && m.contains("framework.matrix["), "{m}");
}

#[test]
fn a_file_of_another_format_or_version_is_refused() {
    let text = starter::STARTER_JSON.replacen("governance-workbench/framework", "something-else", 1);
    assert!(parse_err(&text).contains("not a framework file"));
    let text = starter::STARTER_JSON.replacen("\"format_version\": 3", "\"format_version\": 7", 1);
    assert!(parse_err(&text).contains("version 7 is not supported"));
}

#[test]
fn text_that_is_not_json_or_not_utf8_is_refused_clearly() {
    let m = parse_err("name: hello");
    assert!(m.starts_with("line 1, column 2") && m.contains("not valid JSON"), "{m}");
    assert_eq!(parse_err(""), "the file is empty");
    assert_eq!(parse_err(" \n\t\r\n"), "the file is empty");
    let m = parse_bytes_err(b"{\n  \"format\": \"caf\xe9\"\n}");
    assert_eq!(m, "line 2, column 17: the file is not UTF-8 text (invalid byte at offset 18); save it as UTF-8");
}

fn parse_bytes_err(bytes: &[u8]) -> String {
    match interchange::parse(bytes) {
        Err(Error::Parse(m)) => m,
        other => panic!("expected a parse error, got {other:?}"),
    }
}

fn starter_value() -> Value {
    serde_json::from_str(starter::STARTER_JSON).unwrap()
}

/// A JSON value at a path written as the importer names it (`framework.parties[0].name`).
fn at<'v>(v: &'v mut Value, path: &str) -> &'v mut Value {
    let mut cur = v;
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, indices) = part.split_once('[').map_or((part, ""), |(k, rest)| (k, rest));
        if !key.is_empty() {
            cur = &mut cur[key];
        }
        for i in indices.split('[').filter(|i| !i.is_empty()) {
            cur = &mut cur[i.trim_end_matches(']').parse::<usize>().unwrap()];
        }
    }
    cur
}

/// The path of the first object of each kind in the file (`framework.parties[0]`, not every
/// party), the top level included as "".
fn object_paths(v: &Value, path: String, seen: &mut std::collections::HashSet<String>, out: &mut Vec<String>) {
    match v {
        Value::Object(o) => {
            let shape: String = path.chars().filter(|c| !c.is_ascii_digit()).collect();
            if seen.insert(shape) {
                out.push(path.clone());
            }
            for (k, x) in o {
                object_paths(x, if path.is_empty() { k.clone() } else { format!("{path}.{k}") }, seen, out);
            }
        }
        Value::Array(a) => {
            a.iter().enumerate().for_each(|(i, x)| object_paths(x, format!("{path}[{i}]"), seen, out));
        }
        _ => {}
    }
}

fn every_kind_of_object() -> Vec<String> {
    let mut out = Vec::new();
    object_paths(&starter_value(), String::new(), &mut Default::default(), &mut out);
    assert!(out.len() >= 18, "{out:?}");
    out
}

fn place(path: &str) -> &str {
    if path.is_empty() {
        "top level"
    } else {
        path
    }
}

#[test]
fn a_framework_followed_by_anything_else_is_refused_naming_where_the_extra_data_starts() {
    let next_line = starter::STARTER_JSON.lines().count() + 1;
    for extra in ["{\"format\": \"governance-workbench/framework\"}", "hello", "]", "\"x\""] {
        let m = parse_err(&format!("{}{extra}", starter::STARTER_JSON));
        assert_eq!(
            m,
            format!(
                "unexpected data after the framework at line {next_line}, column 1; a file holds one framework and nothing else"
            )
        );
    }
    let m = parse_err(&format!("{}  \n  \"one more\"", starter::STARTER_JSON.trim_end()));
    assert!(m.contains(&format!("at line {next_line}, column 3")), "{m}");
    let spaced = format!("\n{}\n\r\n\t \n", starter::STARTER_JSON);
    assert_eq!(interchange::parse(spaced.as_bytes()).unwrap(), starter(), "white space around it is fine");
}

#[test]
fn objects_written_as_lists_of_values_are_refused_at_every_depth() {
    for path in every_kind_of_object() {
        let mut v = starter_value();
        let target = at(&mut v, &path);
        let values: Vec<Value> = target.as_object().unwrap().values().cloned().collect();
        *target = Value::Array(values);
        let m = parse_err(&serde_json::to_string_pretty(&v).unwrap());
        assert!(
            m.starts_with("line ") && m.contains(&format!(", at {}: found a list where an object (", place(&path))),
            "{path}: {m}"
        );
    }
}

#[test]
fn a_party_written_as_a_list_with_two_fields_swapped_would_otherwise_be_read_into_the_wrong_fields() {
    let mut v = starter_value();
    let party = &v["framework"]["parties"][0];
    let (name, title) = (party["name"].clone(), party["title"].clone());
    v["framework"]["parties"][0] =
        serde_json::json!([party["id"], title, name, party["email"], party["kind"], party["certificate"]]);
    let lenient: FrameworkFile = serde_json::from_value(v.clone()).expect("plain serde_json reads lists as structs");
    assert_eq!(Value::String(lenient.framework.parties[0].name.clone()), title, "the swap goes unnoticed there");
    let m = parse_err(&v.to_string());
    assert!(m.contains("at framework.parties[0]: found a list where an object (party) is expected"), "{m}");
}

#[test]
fn every_field_must_be_present_even_an_optional_one_at_every_depth() {
    let mut checked = 0;
    for path in every_kind_of_object() {
        let keys: Vec<String> = at(&mut starter_value(), &path).as_object().unwrap().keys().cloned().collect();
        for key in keys {
            let mut v = starter_value();
            at(&mut v, &path).as_object_mut().unwrap().remove(&key);
            let m = parse_err(&serde_json::to_string_pretty(&v).unwrap());
            let expected = format!(", at {}: missing field `{key}`: every field must be present", place(&path));
            assert!(m.starts_with("line ") && m.contains(&expected), "{path}.{key}: {m}");
            checked += 1;
        }
    }
    assert!(checked > 80, "{checked}");
}

#[test]
fn enum_values_are_read_from_strings_only() {
    let text = starter::STARTER_JSON.replacen("\"support\": \"full\"", "\"support\": {\"full\": null}", 1);
    let m = parse_err(&text);
    assert!(
        m.contains("at framework.matrix[0].support: invalid type: object, expected a string, one of `full`, `partial`"),
        "{m}"
    );
}

#[test]
fn whole_numbers_written_with_a_zero_fraction_are_read_as_whole_numbers() {
    let text = starter::STARTER_JSON.replacen("\"format_version\": 3", "\"format_version\": 3.0", 1);
    let text = text.replacen("\"amount\": 24,", "\"amount\": 2.4e1,", 1);
    assert_ne!(text.matches("2.4e1").count(), 0);
    assert_eq!(interchange::parse(text.as_bytes()).unwrap(), starter());
    let text = starter::STARTER_JSON.replacen("\"format_version\": 3", "\"format_version\": 1.5", 1);
    assert!(parse_err(&text).contains("at format_version: invalid type: floating point `1.5`, expected a whole number"));
}

#[test]
fn a_utf8_byte_order_mark_is_skipped_and_utf16_or_utf32_files_are_named() {
    let with_bom = [b"\xef\xbb\xbf".as_slice(), starter::STARTER_JSON.as_bytes()].concat();
    assert_eq!(interchange::parse(&with_bom).unwrap(), starter());
    let units: Vec<u16> = starter::STARTER_JSON.encode_utf16().collect();
    let utf16_le: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
    let utf16_be: Vec<u8> = units.iter().flat_map(|u| u.to_be_bytes()).collect();
    let utf32_le: Vec<u8> = starter::STARTER_JSON.chars().flat_map(|c| u32::from(c).to_le_bytes()).collect();
    let utf32_be: Vec<u8> = starter::STARTER_JSON.chars().flat_map(|c| u32::from(c).to_be_bytes()).collect();
    for (bom, body, name) in [
        (&b"\xff\xfe"[..], &utf16_le, "UTF-16"),
        (b"\xfe\xff", &utf16_be, "UTF-16"),
        (b"\xff\xfe\0\0", &utf32_le, "UTF-32"),
        (b"\0\0\xfe\xff", &utf32_be, "UTF-32"),
    ] {
        let expected = format!("the file is {name} text; save it as UTF-8");
        assert_eq!(parse_bytes_err(&[bom, body].concat()), expected, "with a byte-order mark");
        assert_eq!(parse_bytes_err(body), expected, "without one");
    }
}

#[test]
fn a_date_that_is_not_in_the_calendar_or_not_written_yyyy_mm_dd_names_the_field_and_the_date() {
    let mut v = starter_value();
    v["framework"]["review_schedule"]["next_due"] = "2026-02-30".into();
    let m = parse_err(&v.to_string());
    assert!(m.ends_with(", at framework.review_schedule.next_due: 2026-02-30 is not a date in the calendar"), "{m}");
    let mut v = starter_value();
    v["framework"]["matrix"][2]["last_verified"] = "2026-13-01".into();
    let m = parse_err(&v.to_string());
    assert!(m.ends_with("at framework.matrix[2].last_verified: 2026-13-01 is not a date in the calendar"), "{m}");
    let mut v = starter_value();
    v["framework"]["override_policy"]["last_tested"] = "31/03/2026".into();
    let m = parse_err(&v.to_string());
    assert!(
        m.contains("at framework.override_policy.last_tested: \"31/03/2026\" is not a date: write YYYY-MM-DD"),
        "{m}"
    );
}

#[test]
fn every_error_names_its_place_and_never_a_question_mark() {
    let assignment = "\"role\": \"A\"\n";
    assert!(starter::STARTER_JSON.contains(assignment));
    let cases = [
        (
            starter::STARTER_JSON.replacen(assignment, "\"role\": \"A\",\n", 1),
            "at framework.raci[0].assignments[1]: not valid JSON (trailing comma)",
        ),
        (
            starter::STARTER_JSON.replacen("\"role\": \"A\"", "\"role\": \"A\", 7: 1", 1),
            "at framework.raci[0].assignments[1]: not valid JSON (key must be a string)",
        ),
        (
            starter::STARTER_JSON.replacen("\"format_version\": 3,", "\"format_version\": 1,,", 1),
            "at top level: not valid JSON",
        ),
        (
            starter::STARTER_JSON.replacen("\"role\": \"A\"", "\"rôle\": \"A\"", 1),
            "at framework.raci[0].assignments[1].rôle: unknown field `rôle`",
        ),
    ];
    for (text, expected) in cases {
        let m = parse_err(&text);
        assert!(m.contains(expected) && !place_of(&m).contains('?'), "{expected}: {m}");
    }
    let cut = &starter::STARTER_JSON[..starter::STARTER_JSON.find(assignment).unwrap() + 3];
    let m = parse_err(cut);
    assert_eq!(place_of(&m), "framework.raci[0].assignments[1]", "{m}");
    assert!(m.contains("ends too early"), "{m}");
}

/// The place a parse error names: `line L, column C, at PLACE: what`.
fn place_of(message: &str) -> &str {
    let rest = &message[message.find(", at ").expect("a place") + 5..];
    &rest[..rest.find(": ").expect("a message after the place")]
}

#[test]
fn the_published_json_schema_is_up_to_date() {
    let schema = interchange::schema::json_schema();
    let text = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/framework.schema.json");
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(path, &text).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(committed == text, "docs/framework.schema.json is stale: run `make generate`");
}

/// The starter without what format 3 added: no compliance rules and no links to obligations.
fn starter_before_format_3() -> Framework {
    starter().without_compliance()
}

/// The starter as a format 2 file wrote it: no `compliance_rules` and no `obligations` fields.
fn starter_in_format_2() -> String {
    let text = serde_json::to_string_pretty(&in_format_2(&starter_before_format_3())).unwrap() + "\n";
    assert!(!text.contains("obligations") && !text.contains("compliance_rules"));
    text
}

#[test]
fn a_format_2_file_without_rules_and_links_is_still_read() {
    assert_eq!(interchange::parse(starter_in_format_2().as_bytes()).unwrap(), starter_before_format_3());
}

#[test]
fn a_format_3_file_must_name_every_parts_obligations_and_the_rules() {
    let text = starter_in_format_2().replacen("\"format_version\": 2", "\"format_version\": 3", 1);
    let m = parse_err(&text);
    assert!(m.contains("at framework.capabilities[0]") && m.contains("missing field `obligations`"), "{m}");
}

#[test]
fn rules_and_links_survive_export_and_import_in_both_json_forms() {
    let fw = starter();
    assert!(fw.compliance_rules.len() >= 12 && fw.hard_stops.iter().any(|h| !h.obligations.is_empty()));
    let pretty = interchange::to_pretty_json(&fw);
    assert_eq!(pretty, starter::STARTER_JSON, "the shipped starter is in the exported form");
    assert_eq!(interchange::parse(pretty.as_bytes()).unwrap(), fw);
    assert_eq!(interchange::parse(&interchange::to_canonical_json(&fw)).unwrap(), fw);
}

/// The starter as a format 1 file wrote it: no signing certificates, no rules and no links.
fn starter_in_format_1() -> String {
    let text = starter_in_format_2().replacen("\"format_version\": 2", "\"format_version\": 1", 1);
    let text = text.replace(",\n        \"certificate\": null", "");
    assert!(!text.contains("certificate"), "every certificate line was taken out");
    text
}

#[test]
fn a_format_1_file_without_certificates_is_still_read() {
    assert_eq!(interchange::parse(starter_in_format_1().as_bytes()).unwrap(), starter_before_format_3());
}

#[test]
fn a_format_2_file_must_name_every_partys_certificate() {
    let text = starter_in_format_1().replacen("\"format_version\": 1", "\"format_version\": 3", 1);
    let m = parse_err(&text);
    assert!(m.contains("at framework.parties[0]") && m.contains("missing field `certificate`"), "{m}");
}

#[test]
fn a_format_1_file_may_not_name_fields_that_came_later_as_missing_elsewhere() {
    // Only the fields format 2 added may be absent from a format 1 file.
    let text = starter_in_format_1().replacen("\"email\": \"dana.okafor@larkspur.example.com\",", "", 1);
    assert!(parse_err(&text).contains("missing field `email`"));
}

#[test]
fn a_file_of_an_older_format_with_rules_or_links_is_refused_as_the_version_it_says_it_is() {
    let text = starter::STARTER_JSON.replacen("\"format_version\": 3", "\"format_version\": 2", 1);
    let m = parse_err(&text);
    assert!(
        m.starts_with("at framework.capabilities[0].obligations: ") && m.contains("came with format version 3"),
        "{m}"
    );
    let mut v: Value = serde_json::from_str(&starter_in_format_2()).unwrap();
    v["framework"]["compliance_rules"] = serde_json::json!([]);
    let m = parse_err(&serde_json::to_string(&v).unwrap());
    assert!(m.starts_with("at framework.compliance_rules: "), "{m}");
}
