//! Generates what the UI imports from the Rust side, and fails when a committed copy is stale:
//! `ui/src/lib/bindings.ts` (the types and one typed function per command of src/commands.rs)
//! and `ui/src/lib/labels.ts` (the words of `governance_core::labels`).
//! `UPDATE_GENERATED=1 cargo test -p governance-workbench --test bindings` (or `make generate`) rewrites them.

use governance_core::coverage::{Answer, Coverage, CoverageGroup, CoverageItem};
use governance_core::diff::{Change, ChangeKind};
use governance_core::edit::{Details, Edit, EditRequest, ListKind};
use governance_core::labels::{mode_letter, support_symbol, wire_name, Labelled};
use governance_core::obligations::{Catalogue, CatalogueKind, Obligation, Topic};
use governance_core::review::{CompletedCycle, CycleState, Decision, ReviewStatus, SignOff};
use governance_core::signoff::{CertificateInfo, Decided, SignedStatement, Statement};
use governance_core::store::{
    AuditEntry, EditOutcome, EditResult, FrameworkSummary, FrameworkView, ImportOutcome, KeyCreated, PublishOutcome,
    RecordedSignOff,
};
use governance_core::version::VersionInfo;
use governance_core::*;
use governance_workbench::api::{ApiError, AppInfo, DatabaseInfo, ExportedPdf, LiveStatus, SignedInApp};
use ts_rs::{Config, TS};

#[path = "../build_support/commands.rs"]
mod commands;

/// The app's commands as declared in src/commands.rs.
fn app_commands() -> Vec<commands::Command> {
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/commands.rs")).unwrap();
    commands::parse(&source).unwrap()
}

/// `export_pdf` -> `exportPdf`: Tauri's name for an argument, and the bindings' name for a command.
fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The TypeScript type of a Rust type crossing the IPC boundary; named types keep their names,
/// which ts-rs gives them below.
fn ts_type(ty: &syn::Type) -> String {
    let name = commands::last_segment(ty);
    let inner = |n| ts_type(commands::generic_arg(ty, n).unwrap_or_else(|| panic!("{name} needs a type argument")));
    match name.as_str() {
        "" => match ty {
            syn::Type::Tuple(t) if t.elems.is_empty() => "null".into(),
            _ => panic!("a command uses a type the bindings cannot name"),
        },
        "String" | "str" => "string".into(),
        "bool" => "boolean".into(),
        "u8" | "u16" | "u32" | "i32" | "i64" | "u64" | "f64" => "number".into(),
        "Option" => format!("{} | null", inner(0)),
        "Vec" => format!("Array<{}>", inner(0)),
        other => other.to_owned(),
    }
}

fn decl<T: TS>(cfg: &Config) -> String {
    let d = T::decl(cfg);
    let d = if d.starts_with("export ") { d } else { format!("export {d}") };
    match T::docs() {
        Some(doc) => format!("{doc}{d}\n"),
        None => format!("{d}\n"),
    }
}

fn generate_bindings() -> String {
    let cfg = Config::default();
    let mut out = String::from(
        "// Generated from the Rust types by src-tauri/tests/bindings.rs (`make generate`). Do not edit.\n\
         import { invoke } from \"@tauri-apps/api/core\";\n\n",
    );
    for d in [
        decl::<ApiError>(&cfg),
        decl::<ErrorCode>(&cfg),
        decl::<AppInfo>(&cfg),
        decl::<DatabaseInfo>(&cfg),
        decl::<LiveStatus>(&cfg),
        decl::<ExportedPdf>(&cfg),
        decl::<SignedInApp>(&cfg),
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
        decl::<SignedStatement>(&cfg),
        decl::<CertificateInfo>(&cfg),
        decl::<Statement>(&cfg),
        decl::<Decided>(&cfg),
        decl::<RecordedSignOff>(&cfg),
        decl::<KeyCreated>(&cfg),
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
        decl::<ComplianceRule>(&cfg),
        decl::<RuleKind>(&cfg),
        decl::<Enforcement>(&cfg),
        decl::<Coverage>(&cfg),
        decl::<CoverageGroup>(&cfg),
        decl::<CoverageItem>(&cfg),
        decl::<Answer>(&cfg),
        decl::<Catalogue>(&cfg),
        decl::<CatalogueKind>(&cfg),
        decl::<Obligation>(&cfg),
        decl::<Topic>(&cfg),
    ] {
        out.push_str(&d);
        out.push('\n');
    }
    out.push_str("/** The app's commands, one per `#[tauri::command]` of src/commands.rs. Each rejects with an `ApiError`. */\nexport const commands = {\n");
    for c in app_commands() {
        let ret = ts_type(&c.returns);
        let params: Vec<String> = c.args.iter().map(|(n, t)| format!("{}: {}", camel(n), ts_type(t))).collect();
        let names: Vec<String> = c.args.iter().map(|(n, _)| camel(n)).collect();
        let payload = if names.is_empty() { String::new() } else { format!(", {{ {} }}", names.join(", ")) };
        out.push_str(&format!(
            "  {}: ({}): Promise<{ret}> => invoke<{ret}>(\"{}\"{payload}),\n",
            camel(&c.name),
            params.join(", "),
            c.name
        ));
    }
    out.push_str("};\n");
    out
}

/// One `Record<Type, string>` table of labels, from a Rust function of the value.
fn table<T: Labelled + TS>(name: &str, doc: &str, text: impl Fn(T) -> &'static str) -> String {
    let mut out = format!("/** {doc} */\nexport const {name}: Record<{}, string> = {{\n", T::name(&Config::default()));
    for v in T::ALL {
        out.push_str(&format!("  {}: {},\n", wire_name(*v), serde_json::to_string(text(*v)).unwrap()));
    }
    out.push_str("};\n\n");
    out
}

fn generate_labels() -> String {
    let mut out = String::from(
        "// Generated from crates/core/src/labels.rs by src-tauri/tests/bindings.rs (`make generate`). Do not edit.\n\
         // The PDF uses the same words and symbols.\n\
         import type {\n  BreachAction,\n  CadenceKind,\n  Decision,\n  DecisionMode,\n  DurationUnit,\n  Enforcement,\n  \
         GovernanceLayer,\n  HardStopKind,\n  OperatingMode,\n  PartyKind,\n  PlatformKind,\n  RaciRole,\n  RiskLevel,\n  \
         RuleKind,\n  Section,\n  Support,\n  UnavailableBehaviour,\n} from \"./bindings\";\n\n",
    );
    out += &table::<PartyKind>("PARTY_KIND_LABELS", "Kinds of party.", Labelled::label);
    out += &table::<PlatformKind>("PLATFORM_KIND_LABELS", "Kinds of platform.", Labelled::label);
    out += &table::<UnavailableBehaviour>(
        "UNAVAILABLE_LABELS",
        "What the agent does when a platform is down.",
        Labelled::label,
    );
    out += &table::<DurationUnit>("DURATION_UNIT_LABELS", "Units of a duration.", Labelled::label);
    out += &table::<RiskLevel>("RISK_LABELS", "Risk levels of a capability.", Labelled::label);
    out += &table::<DecisionMode>("DECISION_MODE_LABELS", "How a capability decides.", Labelled::label);
    out += &table::<Support>("SUPPORT_LABELS", "Support levels of a matrix cell.", Labelled::label);
    out += &table::<Support>(
        "SUPPORT_GLYPHS",
        "A symbol for each support level, so that the matrix does not rely on colour alone.",
        support_symbol,
    );
    out += &table::<OperatingMode>("MODE_LABELS", "Operating modes of a matrix cell.", Labelled::label);
    out += &table::<OperatingMode>(
        "MODE_LETTERS",
        "One letter for the operating mode, shown inside a matrix cell.",
        mode_letter,
    );
    out += &table::<GovernanceLayer>("LAYER_LABELS", "Governance layers of a RACI activity.", Labelled::label);
    out += &table::<RaciRole>("RACI_LABELS", "What each RACI letter stands for.", Labelled::label);
    out += &table::<BreachAction>(
        "BREACH_LABELS",
        "What happens when a data-quality standard is breached.",
        Labelled::label,
    );
    out += &table::<HardStopKind>("HARD_STOP_KIND_LABELS", "Kinds of hard stop.", Labelled::label);
    out += &table::<CadenceKind>("CADENCE_KIND_LABELS", "Kinds of cadence.", Labelled::label);
    out += &table::<Decision>("DECISION_LABELS", "Decisions of a sign-off.", Labelled::label);
    out += &table::<RuleKind>("RULE_KIND_LABELS", "Kinds of compliance rule.", Labelled::label);
    out += &table::<Enforcement>("ENFORCEMENT_LABELS", "Where a compliance rule is enforced.", Labelled::label);
    out += &table::<Section>("SECTION_LABELS", "Sections of a framework, as findings name them.", Labelled::label);
    out += &format!(
        "/** The shortest passphrase a new signing key file accepts: the form says so, the back end checks it. */\n\
         export const MIN_PASSPHRASE_CHARS = {};\n",
        governance_core::store::MIN_PASSPHRASE_CHARS
    );
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// Compares a generated file with its committed copy (rewriting it first with UPDATE_GENERATED).
fn check_generated(relative: &str, text: &str) {
    let path = format!("{}/../{relative}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(&path, text).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == text, "{relative} is stale: run `make generate`");
}

#[test]
fn the_typescript_bindings_are_up_to_date() {
    check_generated("ui/src/lib/bindings.ts", &generate_bindings());
}

#[test]
fn the_typescript_labels_are_up_to_date() {
    check_generated("ui/src/lib/labels.ts", &generate_labels());
}

#[test]
fn every_command_argument_and_result_has_a_typescript_type() {
    let text = generate_bindings();
    for c in app_commands() {
        for ty in c.args.iter().map(|(_, t)| t).chain([&c.returns]) {
            let ts = ts_type(ty);
            for name in ts.split(['<', '>', '|', ' ']).filter(|n| n.chars().next().is_some_and(char::is_uppercase)) {
                if name != "Array" {
                    assert!(text.contains(&format!("export type {name} ")), "{}: {name} has no declaration", c.name);
                }
            }
        }
    }
}
