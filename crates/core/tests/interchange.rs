mod common;

use common::*;
use governance_core::*;

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
    let text = starter::STARTER_JSON.replacen("\"format_version\": 1", "\"format_version\": 7", 1);
    assert!(parse_err(&text).contains("version 7 is not supported"));
}

#[test]
fn text_that_is_not_json_or_not_utf8_is_refused_clearly() {
    let m = parse_err("name: hello");
    assert!(m.starts_with("line 1, column 2") && m.contains("not valid JSON"), "{m}");
    assert!(parse_err("").contains("ends too early"));
    let m = match interchange::parse(&[0xff, 0xfe, b'{']) {
        Err(Error::Parse(m)) => m,
        other => panic!("{other:?}"),
    };
    assert!(m.contains("not UTF-8"));
}

#[test]
fn the_published_json_schema_is_up_to_date() {
    let schema = schemars::schema_for!(FrameworkFile);
    let text = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/framework.schema.json");
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(path, &text).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(committed == text, "docs/framework.schema.json is stale: run `make generate`");
}
