//! Generates the TypeScript bindings the UI imports, and fails when the committed file is stale.
//! `UPDATE_GENERATED=1 cargo test -p governance-workbench --test bindings` (or `make generate`) rewrites it.

use governance_core::diff::{Change, ChangeKind};
use governance_core::edit::{Details, Edit, EditRequest, ListKind};
use governance_core::review::{CompletedCycle, CycleState, Decision, ReviewStatus, SignOff};
use governance_core::store::{
    AuditEntry, EditOutcome, EditResult, FrameworkSummary, FrameworkView, ImportOutcome, PublishOutcome, SignOffRequest,
};
use governance_core::version::VersionInfo;
use governance_core::*;
use governance_workbench::api::{ApiError, AppInfo, ExportedPdf};
use ts_rs::{Config, TS};

include!("../src/command_names.rs");

/// (TypeScript name, command, arguments as (name, type), result type).
type Binding = (&'static str, &'static str, &'static [(&'static str, &'static str)], &'static str);

/// Every command the UI may call.
const COMMANDS: &[Binding] = &[
    ("appInfo", "app_info", &[], "AppInfo"),
    ("listFrameworks", "list_frameworks", &[], "Array<FrameworkSummary>"),
    ("openFramework", "open_framework", &[("id", "string")], "FrameworkView"),
    ("applyEdit", "apply_edit", &[("request", "EditRequest")], "EditResult"),
    ("undoEdit", "undo_edit", &[("framework", "string")], "EditResult"),
    ("undoLabels", "undo_labels", &[("framework", "string")], "Array<string>"),
    ("removalImpact", "removal_impact", &[("framework", "string"), ("edit", "Edit")], "Array<string>"),
    ("createFramework", "create_framework", &[("name", "string"), ("fromTemplate", "boolean")], "string"),
    ("duplicateFramework", "duplicate_framework", &[("id", "string"), ("name", "string")], "string"),
    ("deleteFramework", "delete_framework", &[("id", "string")], "null"),
    ("auditLog", "audit_log", &[("framework", "string"), ("limit", "number")], "Array<AuditEntry>"),
    ("importFramework", "import_framework", &[], "ImportOutcome | null"),
    ("exportFramework", "export_framework", &[("id", "string")], "string | null"),
    ("publishVersion", "publish_version", &[("framework", "string"), ("summary", "string")], "PublishOutcome"),
    ("listVersions", "list_versions", &[("framework", "string")], "Array<VersionInfo>"),
    (
        "diffVersions",
        "diff_versions",
        &[("framework", "string"), ("from", "number"), ("to", "number")],
        "Array<Change>",
    ),
    ("reviewStatus", "review_status", &[("framework", "string")], "ReviewStatus"),
    ("signOff", "sign_off", &[("request", "SignOffRequest")], "ReviewStatus"),
    ("exportCalendar", "export_calendar", &[("framework", "string")], "string | null"),
    ("exportOdcs", "export_odcs", &[("framework", "string"), ("version", "number | null")], "string | null"),
    ("exportPdf", "export_pdf", &[("framework", "string"), ("version", "number")], "ExportedPdf | null"),
    ("openExported", "open_exported", &[("path", "string")], "null"),
];

fn decl<T: TS>(cfg: &Config) -> String {
    let d = T::decl(cfg);
    let d = if d.starts_with("export ") { d } else { format!("export {d}") };
    match T::docs() {
        Some(doc) => format!("{doc}{d}\n"),
        None => format!("{d}\n"),
    }
}

fn generate() -> String {
    let cfg = Config::default();
    let mut out = String::from(
        "// Generated from the Rust types by src-tauri/tests/bindings.rs (`make generate`). Do not edit.\n\
         import { invoke } from \"@tauri-apps/api/core\";\n\n",
    );
    for d in [
        decl::<ApiError>(&cfg),
        decl::<AppInfo>(&cfg),
        decl::<ExportedPdf>(&cfg),
        decl::<FrameworkSummary>(&cfg),
        decl::<FrameworkView>(&cfg),
        decl::<ImportOutcome>(&cfg),
        decl::<EditRequest>(&cfg),
        decl::<Edit>(&cfg),
        decl::<Details>(&cfg),
        decl::<ListKind>(&cfg),
        decl::<EditResult>(&cfg),
        decl::<EditOutcome>(&cfg),
        decl::<VersionInfo>(&cfg),
        decl::<PublishOutcome>(&cfg),
        decl::<ReviewStatus>(&cfg),
        decl::<CycleState>(&cfg),
        decl::<CompletedCycle>(&cfg),
        decl::<SignOff>(&cfg),
        decl::<SignOffRequest>(&cfg),
        decl::<Decision>(&cfg),
        decl::<AuditEntry>(&cfg),
        decl::<Change>(&cfg),
        decl::<ChangeKind>(&cfg),
        decl::<Finding>(&cfg),
        decl::<Severity>(&cfg),
        decl::<Section>(&cfg),
        decl::<Framework>(&cfg),
        decl::<Party>(&cfg),
        decl::<PartyKind>(&cfg),
        decl::<Platform>(&cfg),
        decl::<PlatformKind>(&cfg),
        decl::<InteropContract>(&cfg),
        decl::<UnavailableBehaviour>(&cfg),
        decl::<Duration>(&cfg),
        decl::<DurationUnit>(&cfg),
        decl::<Capability>(&cfg),
        decl::<RiskLevel>(&cfg),
        decl::<DecisionMode>(&cfg),
        decl::<MatrixCell>(&cfg),
        decl::<Support>(&cfg),
        decl::<OperatingMode>(&cfg),
        decl::<RaciActivity>(&cfg),
        decl::<RaciAssignment>(&cfg),
        decl::<RaciRole>(&cfg),
        decl::<GovernanceLayer>(&cfg),
        decl::<DataQualityStandard>(&cfg),
        decl::<BreachAction>(&cfg),
        decl::<HardStop>(&cfg),
        decl::<HardStopKind>(&cfg),
        decl::<Money>(&cfg),
        decl::<OverridePolicy>(&cfg),
        decl::<Cadence>(&cfg),
        decl::<CadenceKind>(&cfg),
        decl::<ReviewSchedule>(&cfg),
    ] {
        out.push_str(&d);
        out.push('\n');
    }
    out.push_str("/** The app's commands. Each rejects with an `ApiError`. */\nexport const commands = {\n");
    for (ts, cmd, args, ret) in COMMANDS {
        let params: Vec<String> = args.iter().map(|(n, t)| format!("{n}: {t}")).collect();
        let names: Vec<&str> = args.iter().map(|(n, _)| *n).collect();
        let payload = if names.is_empty() { String::new() } else { format!(", {{ {} }}", names.join(", ")) };
        out.push_str(&format!(
            "  {ts}: ({}): Promise<{ret}> => invoke<{ret}>(\"{cmd}\"{payload}),\n",
            params.join(", ")
        ));
    }
    out.push_str("};\n");
    out
}

#[test]
fn every_command_has_a_binding() {
    let mut bound: Vec<&str> = COMMANDS.iter().map(|c| c.1).collect();
    let mut all = ALL.to_vec();
    bound.sort_unstable();
    all.sort_unstable();
    assert_eq!(bound, all);
}

#[test]
fn the_typescript_bindings_are_up_to_date() {
    let text = generate();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/lib/bindings.ts");
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(path, &text).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(committed == text, "ui/src/lib/bindings.ts is stale: run `make generate`");
}
