//! Text in every script the PDF and the app draw: samples for tests and benchmarks, and the
//! starter framework written with them in names, notes and table cells.

use crate::model::Framework;

/// One sample per covered script: (script, text).
pub const SCRIPT_SAMPLES: &[(&str, &str)] = &[
    ("Latin", "Zoë Ångström, Straße"),
    ("Greek", "Διακυβέρνηση δεδομένων"),
    ("Cyrillic", "Управление данными"),
    ("Arabic", "حوكمة البيانات والامتثال"),
    ("Hebrew", "ממשל נתונים ופרטיות"),
    ("Devanagari", "डेटा गुणवत्ता और गोपनीयता"),
    ("Thai", "การกำกับดูแลข้อมูลและความเป็นส่วนตัว"),
    ("Chinese (simplified)", "数据质量标准与合规审查"),
    ("Chinese (traditional)", "資料品質與隱私保護"),
    ("Japanese", "データ品質とプライバシー保護"),
    ("Korean", "데이터 품질 및 개인정보 보호"),
    ("Emoji", "🚀 ✅ 👍 👩‍💻 🇫🇷 1️⃣ ❤️"),
];

/// The sample of `script`.
pub fn sample(script: &str) -> &'static str {
    SCRIPT_SAMPLES.iter().find(|(s, _)| *s == script).map_or("", |(_, t)| t)
}

/// The starter framework with every sample in places the report draws differently: the cover
/// title, matrix column and row headers, RACI column headers and rows, table cells and notes,
/// compliance rules' names, requirements and evidence.
pub fn scripts_framework() -> Framework {
    let mut fw = crate::starter::starter_framework();
    let all: Vec<&str> = SCRIPT_SAMPLES.iter().map(|(_, t)| *t).collect();
    fw.name = format!("{} {} {}", sample("Chinese (simplified)"), sample("Arabic"), sample("Japanese"));
    fw.description = all.join("\n");
    for (i, p) in fw.platforms.iter_mut().enumerate() {
        p.name = SCRIPT_SAMPLES[(i + 3) % SCRIPT_SAMPLES.len()].1.to_owned();
        p.contract.policy_notes = all.join(" · ");
    }
    for (i, c) in fw.capabilities.iter_mut().enumerate() {
        c.name = SCRIPT_SAMPLES[(i + 5) % SCRIPT_SAMPLES.len()].1.to_owned();
    }
    for (i, p) in fw.parties.iter_mut().enumerate() {
        p.name = SCRIPT_SAMPLES[(i + 7) % SCRIPT_SAMPLES.len()].1.to_owned();
    }
    for (i, a) in fw.raci.iter_mut().enumerate() {
        a.name = SCRIPT_SAMPLES[(i + 1) % SCRIPT_SAMPLES.len()].1.to_owned();
    }
    for (i, cell) in fw.matrix.iter_mut().enumerate() {
        cell.constraints = SCRIPT_SAMPLES[i % SCRIPT_SAMPLES.len()].1.to_owned();
    }
    for (i, r) in fw.compliance_rules.iter_mut().enumerate() {
        r.name = format!("{} {}", SCRIPT_SAMPLES[(i + 3) % SCRIPT_SAMPLES.len()].1, i + 1);
        r.requirement = all.join(" ");
        r.evidence = SCRIPT_SAMPLES[(i + 8) % SCRIPT_SAMPLES.len()].1.to_owned();
    }
    fw
}

/// The SPEC 6 large framework with its names and notes written in every covered script in turn
/// (the benchmark's mixed-script case).
pub fn large_scripts_framework() -> Framework {
    let mut fw = crate::sample::large_framework();
    let pick = |i: usize| SCRIPT_SAMPLES[i % SCRIPT_SAMPLES.len()].1;
    fw.name = format!("{} {}", pick(7), pick(3));
    for (i, p) in fw.platforms.iter_mut().enumerate() {
        p.name = format!("{} {i}", pick(i));
        p.contract.policy_notes = format!("{} {}", pick(i + 1), pick(i + 2));
    }
    for (i, c) in fw.capabilities.iter_mut().enumerate() {
        c.name = format!("{} {i}", pick(i + 3));
        c.description = format!("{} {} {}", pick(i), pick(i + 4), pick(i + 8));
    }
    for (i, p) in fw.parties.iter_mut().enumerate() {
        p.name = format!("{} {i}", pick(i + 5));
    }
    for (i, a) in fw.raci.iter_mut().enumerate() {
        a.name = format!("{} {i}", pick(i + 6));
    }
    for (i, d) in fw.data_quality.iter_mut().enumerate() {
        d.data_input = format!("{} {i}", pick(i + 2));
    }
    for (i, cell) in fw.matrix.iter_mut().enumerate() {
        if !cell.constraints.is_empty() {
            cell.constraints = format!("{} {}", pick(i), pick(i + 9));
        }
    }
    fw
}

/// The SPEC 6 large framework with a note on every matrix cell and several 20,000-character
/// texts (the benchmark's text-heavy case).
pub fn text_heavy_framework() -> Framework {
    let mut fw = crate::sample::large_framework();
    let long = "The agent pauses every pending change, records why, and retries the health check every five \
                minutes until the platform answers; a person is paged after the third failure. "
        .repeat(120);
    let long: String = long.chars().take(20_000).collect();
    for (i, cell) in fw.matrix.iter_mut().enumerate() {
        cell.evidence = format!("Verified in the review of cycle {i}: sandbox test, then a pilot with a spend cap.");
    }
    fw.description = long.clone();
    for p in fw.platforms.iter_mut().take(4) {
        p.contract.error_handling = long.clone();
    }
    fw
}

/// The fields of `fw` whose text holds any of `chars`, by the paths the diff uses
/// (`parties[cmo].title`, `matrix[media-buying/tiktok].constraints`): where a character the
/// fonts lack is used.
pub fn fields_with(fw: &Framework, chars: &[char]) -> Vec<String> {
    let mut out = Vec::new();
    if chars.is_empty() {
        return out;
    }
    let value = serde_json::to_value(fw).unwrap_or_default();
    walk(&value, String::new(), chars, &mut out);
    out
}

fn walk(v: &serde_json::Value, path: String, chars: &[char], out: &mut Vec<String>) {
    use serde_json::Value;
    match v {
        Value::String(s) if s.contains(chars) => out.push(path),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let key = crate::diff::element_key(item).unwrap_or_else(|| i.to_string());
                walk(item, format!("{path}[{key}]"), chars, out);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                walk(item, crate::diff::join(&path, k), chars, out);
            }
        }
        _ => {}
    }
}
