// Generated from the Rust types by src-tauri/tests/bindings.rs (`make generate`). Do not edit.
import { invoke } from "@tauri-apps/api/core";

/**
 * Every failed command rejects with this object, never a bare string. The UI tells failures
 * apart by `code` and shows `findings` beside their fields; `message` is for people only.
 */
export type ApiError = { code: ErrorCode, message: string, 
/**
 * For `invalid`: each problem with its item, field, severity and sentence. Empty otherwise.
 */
findings: Array<Finding>, };

/**
 * What kind of failure an error is: what the UI switches on (never the message text) and what
 * the CLI prints. It also names the shell's own failures, so that one list covers every code.
 */
export type ErrorCode = "parse" | "invalid" | "not_found" | "stale" | "refused" | "unchanged" | "damaged" | "database_too_new" | "database" | "migration" | "io" | "report" | "forbidden" | "password_needed" | "disconnected" | "not_permitted";

export type AppInfo = { version: string, database: DatabaseInfo, schema_version: number, };

/**
 * Which database the app has open (or tried to open), as the window title and the sidebar show it.
 */
export type DatabaseInfo = { 
/**
 * A team database on a server; otherwise a local file.
 */
team: boolean, 
/**
 * The server, role and database (`postgres://alice@db.example:5432/governance`), or the file's path.
 */
location: string, 
/**
 * What to type to connect to this team database again: the address with its TLS options,
 * never with a password.
 */
address: string | null, 
/**
 * The TLS version protecting a team connection ("TLSv1.3"); none when it is not encrypted.
 */
tls: string | null, 
/**
 * The role the team database signed in, which it records as the author of every change.
 */
role: string | null, 
/**
 * The groups the role belongs to on the server ("owner", "signatory", "reader").
 */
groups: Array<string>, 
/**
 * False when it could not be opened: every command then reports why.
 */
open: boolean, };

/**
 * What changed in the team database since the window last asked; polled a few times a second.
 */
export type LiveStatus = { 
/**
 * Whether changes are watched: only a team database has other people's changes to show.
 */
watching: boolean, 
/**
 * Whether the connection to the team database is up (always true for a local file).
 */
connected: boolean, 
/**
 * Grows with every change seen; the next call passes it back as `since`.
 */
seq: number, 
/**
 * The ids of the frameworks changed after `since` (by anyone, this window included).
 */
changed: Array<string>, 
/**
 * Grows each time the connection comes back; changes made while it was lost were not seen.
 */
reconnects: number, };

/**
 * A PDF the app wrote, for the "open it" button.
 */
export type ExportedPdf = { path: string, pages: number, bytes: number, 
/**
 * Characters the embedded font lacks, printed as a replacement mark.
 */
missing_glyphs: string, 
/**
 * The fields whose text holds those characters, as the diff names them (`parties[cmo].title`).
 */
missing_in: Array<string>, 
/**
 * Who signed the file as a PDF ("Name, certificate 1a2b3c4d"), when it is signed.
 */
signed_by: string | null, };

/**
 * A sign-off made in the app, and the PDF with it, signed by the signatory, when one was saved.
 */
export type SignedInApp = { recorded: RecordedSignOff, pdf: ExportedPdf | null, };

/**
 * One line of the frameworks list.
 */
export type FrameworkSummary = { id: string, name: string, organisation: string, platforms: number, capabilities: number, updated_at: string, };

/**
 * A framework's working draft with its current findings, as the app shows it.
 */
export type FrameworkView = { framework: Framework, findings: Array<Finding>, 
/**
 * The stored version of every editable record (see `Edit::version_key`); an edit sends back
 * the version it was based on.
 */
versions: Record<string, number>, 
/**
 * Each party's signing certificate as a person checks it, by party id.
 */
certificates: Record<string, CertificateInfo>, 
/**
 * Which obligations the framework answers, per jurisdiction and catalogue.
 */
coverage: Coverage, };

/**
 * What an import did.
 */
export type ImportOutcome = { framework: string, created: boolean, 
/**
 * Field-level changes recorded in the audit log (0 when nothing changed).
 */
changes: number, };

/**
 * An edit as the app sends it: the framework, the change, and the version of the record the
 * user saw. A different stored version means someone else changed it: the edit is refused.
 */
export type EditRequest = { framework: string, edit: Edit, 
/**
 * `None` skips the check (command-line and scripted edits).
 */
expected_version: number | null, };

/**
 * One change to a draft. `Put*` creates the item when its id is new and replaces it otherwise.
 */
export type Edit = { "op": "set_details", details: Details, } | { "op": "put_party", party: Party, } | { "op": "remove_party", id: string, } | { "op": "set_certificate", party: string, certificate: string | null, } | { "op": "put_platform", platform: Platform, } | { "op": "remove_platform", id: string, } | { "op": "put_capability", capability: Capability, } | { "op": "remove_capability", id: string, } | { "op": "move", list: ListKind, id: string, to: number, } | { "op": "put_cell", cell: MatrixCell, } | { "op": "remove_cell", capability: string, platform: string, } | { "op": "put_activity", activity: RaciActivity, } | { "op": "set_letter", activity: string, party: string, role: RaciRole | null, } | { "op": "remove_activity", id: string, } | { "op": "put_data_quality", standard: DataQualityStandard, } | { "op": "remove_data_quality", id: string, } | { "op": "put_hard_stop", stop: HardStop, } | { "op": "remove_hard_stop", id: string, } | { "op": "put_rule", rule: ComplianceRule, } | { "op": "remove_rule", id: string, } | { "op": "set_override_policy", policy: OverridePolicy, } | { "op": "set_review_schedule", schedule: ReviewSchedule, } | { "op": "restore", framework: Framework, };

/**
 * The framework's own fields.
 */
export type Details = { name: string, organisation: string, description: string, jurisdictions: Array<string>, };

/**
 * The ordered lists of a framework, for reordering.
 */
export type ListKind = "parties" | "platforms" | "capabilities" | "raci" | "data_quality" | "hard_stops" | "compliance_rules";

/**
 * An applied edit with the draft as it now is, for the app to show.
 */
export type EditResult = { outcome: EditOutcome, view: FrameworkView, };

/**
 * What an applied edit or undo did.
 */
export type EditOutcome = { 
/**
 * A sentence for the status line, e.g. "Changed platform TikTok".
 */
label: string, 
/**
 * Audit rows written (0 when the edit changed nothing).
 */
changes: number, };

/**
 * A published version, without its snapshot.
 */
export type VersionInfo = { framework: string, number: number, 
/**
 * RFC 3339, UTC.
 */
published_at: string, author: string, summary: string, sha256: string, previous_sha256: string | null, };

export type PublishOutcome = { version: VersionInfo, };

/**
 * The open cycle and what it still needs.
 */
export type ReviewStatus = { framework: string, due: string, state: CycleState, 
/**
 * Days from today to the due date; negative when overdue.
 */
days_until_due: number, required: Array<string>, 
/**
 * Current sign-offs in this cycle, one per party.
 */
signoffs: Array<SignOff>, 
/**
 * The newest published version, which signatories are asked to approve.
 */
latest_version: number | null, 
/**
 * Required signatories without an approval of the newest published version.
 */
waiting_for: Array<string>, rejections: Array<SignOff>, upcoming: Array<string>, last_completed: CompletedCycle | null, };

export type CycleState = "upcoming" | "due" | "overdue";

/**
 * A cycle that every required signatory approved on the same version.
 */
export type CompletedCycle = { due: string, completed_at: string, version_number: number, version_sha256: string, };

/**
 * One signatory's decision on one published version, within one review cycle.
 */
export type SignOff = { cycle_due: string, party: string, party_name: string, party_title: string, decision: Decision, comment: string, 
/**
 * RFC 3339, UTC.
 */
signed_at: string, version_number: number, version_sha256: string, 
/**
 * The signed statement and the signer's certificate; `None` for a sign-off recorded before
 * signing certificates, which is shown as unsigned and never counted as a signed approval.
 */
signed: SignedStatement | null, };

/**
 * A statement with its detached signature and the signer's certificate: what a `.signoff` file
 * carries, what the store keeps and what a PDF embeds.
 */
export type SignedStatement = { 
/**
 * The statement's exact bytes (its canonical JSON), as signed.
 */
statement: string, 
/**
 * The detached CMS SignedData over `statement`, DER, in base64.
 */
signature: string, 
/**
 * The signer's X.509 certificate, PEM.
 */
certificate: string, };

/**
 * What a person checks about a signing certificate before trusting it.
 */
export type CertificateInfo = { 
/**
 * SHA-256 over the certificate's DER, lowercase hex: what `openssl x509 -fingerprint -sha256` shows.
 */
fingerprint: string, subject: string, 
/**
 * "ECDSA P-256", "RSA 2048".
 */
key: string, 
/**
 * Validity, RFC 3339 UTC.
 */
not_before: string, not_after: string, };

/**
 * One signatory's decision on one published version, as signed.
 */
export type Statement = { kind: string, statement_version: number, framework: string, 
/**
 * The published version's number and the SHA-256 of its snapshot: the exact content approved.
 */
version: number, snapshot_sha256: string, 
/**
 * The review cycle, named by its due date.
 */
cycle_due: string, party: string, decision: Decision, comment: string, 
/**
 * RFC 3339, UTC, to the second, from the signer's own clock.
 */
signed_at: string, };

/**
 * What a signatory decides, before it becomes a statement.
 */
export type Decided = { decision: Decision, comment: string, };

/**
 * What recording a signed sign-off did.
 */
export type RecordedSignOff = { statement: Statement, 
/**
 * False when this very sign-off was recorded before: it is kept once.
 */
recorded: boolean, status: ReviewStatus, };

/**
 * A new signing key, saved, with its certificate registered on its party.
 */
export type KeyCreated = { 
/**
 * Where the passphrase-encrypted key file was written.
 */
key_file: string, certificate: CertificateInfo, result: EditResult, };

export type Decision = "approved" | "approved_with_comments" | "rejected";

/**
 * One append-only audit log row.
 */
export type AuditEntry = { id: number, at: string, actor: string, framework: string, entity: string, field: string, old: string | null, new: string | null, };

/**
 * One difference. `path` names items by id, not position, e.g.
 * `platforms[tiktok].contract.required_latency.amount` or `matrix[media-buying/tiktok].support`.
 */
export type Change = { kind: ChangeKind, path: string, old: unknown, new: unknown, };

export type ChangeKind = "added" | "removed" | "changed";

/**
 * One problem found in a framework.
 */
export type Finding = { severity: Severity, section: Section, 
/**
 * Id of the item concerned (for a matrix cell, "capability/platform"); `None` for the section.
 */
item: string | null, 
/**
 * Where in the interchange file the problem is, e.g. `raci[incident-response].assignments`.
 */
path: string, 
/**
 * The field of the item the problem is about, as a form names it: `path` without the item
 * and without list positions (`contract.data_formats`, `min_completeness_pct`). Empty when
 * the problem is about the item as a whole.
 */
field: string, 
/**
 * A sentence for a person.
 */
message: string, };

export type Severity = "error" | "warning";

export type Section = "framework" | "parties" | "platforms" | "capabilities" | "matrix" | "raci" | "data_quality" | "hard_stops" | "compliance_rules" | "override_policy" | "review_schedule" | "coverage";

export type Framework = { id: string, name: string, organisation: string, description: string, jurisdictions: Array<string>, parties: Array<Party>, platforms: Array<Platform>, capabilities: Array<Capability>, 
/**
 * Assessed cells only; a capability x platform pair without a cell is untested.
 */
matrix: Array<MatrixCell>, raci: Array<RaciActivity>, data_quality: Array<DataQualityStandard>, hard_stops: Array<HardStop>, 
/**
 * Per-jurisdiction consent, disclosure, human-review and data-handling rules. Added in
 * format version 3.
 */
compliance_rules: Array<ComplianceRule>, override_policy: OverridePolicy, review_schedule: ReviewSchedule, };

export type Party = { id: string, name: string, title: string, email: string | null, kind: PartyKind, 
/**
 * The party's X.509 signing certificate (PEM), when it signs off reviews. Part of the
 * snapshot: changing who may sign means publishing a new version. Added in format version 2.
 */
certificate: string | null, };

export type PartyKind = "person" | "team" | "vendor";

export type Platform = { id: string, name: string, kind: PlatformKind, contract: InteropContract, };

export type PlatformKind = "ad_platform" | "social" | "creator_platform" | "cdp" | "dsp" | "crm" | "analytics" | "other";

/**
 * The interoperability contract between the agent and one platform.
 */
export type InteropContract = { data_formats: Array<string>, required_latency: Duration, error_handling: string, permission_scopes: Array<string>, when_unavailable: UnavailableBehaviour, 
/**
 * Required when `when_unavailable` is `other`; optional detail otherwise.
 */
when_unavailable_detail: string, latency_notes: string, policy_notes: string, };

/**
 * What the agent does when a platform cannot be reached.
 */
export type UnavailableBehaviour = "pause" | "safe_default" | "no_workaround" | "other";

/**
 * A positive length of time, kept as the user wrote it (24 hours stays 24 hours).
 */
export type Duration = { amount: number, unit: DurationUnit, };

export type DurationUnit = "minutes" | "hours" | "days";

export type Capability = { id: string, name: string, description: string, risk: RiskLevel, decision_mode: DecisionMode, 
/**
 * Required when the decision mode is `confidence_threshold`.
 */
threshold: string, 
/**
 * The obligations (`core::obligations` ids) its decision mode answers. Added in format version 3.
 */
obligations: Array<string>, };

export type RiskLevel = "low" | "medium" | "high";

export type DecisionMode = "autonomous" | "confidence_threshold" | "human_approval";

export type MatrixCell = { capability: string, platform: string, support: Support, mode: OperatingMode, constraints: string, evidence: string, last_verified: string | null, };

export type Support = "full" | "partial" | "unsupported" | "untested";

export type OperatingMode = "normal" | "constrained" | "disabled";

export type RaciActivity = { id: string, name: string, layer: GovernanceLayer, assignments: Array<RaciAssignment>, 
/**
 * The obligations (`core::obligations` ids) this part answers. Added in format version 3.
 */
obligations: Array<string>, };

export type RaciAssignment = { party: string, role: RaciRole, };

export type RaciRole = "R" | "A" | "C" | "I";

export type GovernanceLayer = "workflow_design" | "data_quality" | "override_policy" | "incident_response" | "compliance" | "spend_approval" | "other";

export type DataQualityStandard = { id: string, data_input: string, 
/**
 * The platform the data comes from; `null` for internal or derived data.
 */
source_platform: string | null, owner: string, min_completeness_pct: number, 
/**
 * Data older than this must not trigger an action.
 */
max_age: Duration, validation_rules: Array<string>, 
/**
 * Highest share of duplicate records tolerated, where the input has a uniqueness limit.
 */
max_duplicate_pct: number | null, on_breach: BreachAction, notes: string, 
/**
 * The obligations (`core::obligations` ids) this part answers. Added in format version 3.
 */
obligations: Array<string>, };

export type BreachAction = "block_agent" | "alert_owner" | "pause_workflow";

export type HardStop = { id: string, name: string, kind: HardStopKind, 
/**
 * Required for spend caps, `null` otherwise.
 */
cap: Money | null, 
/**
 * Excluded audiences or blocked keywords; empty for spend caps.
 */
entries: Array<string>, all_platforms: boolean, 
/**
 * The platforms it applies to when `all_platforms` is false.
 */
platforms: Array<string>, 
/**
 * Parties allowed to lift the stop.
 */
lift_authority: Array<string>, notes: string, 
/**
 * The obligations (`core::obligations` ids) this part answers. Added in format version 3.
 */
obligations: Array<string>, };

export type HardStopKind = "daily_spend_cap" | "total_spend_cap" | "audience_exclusion" | "keyword_blocklist";

/**
 * An amount of money, kept as a decimal string so that no rounding ever changes a cap.
 */
export type Money = { amount: string, currency: string, };

export type OverridePolicy = { kill_switch_holders: Array<string>, trigger_procedure: string, test_cadence: Cadence, last_tested: string | null, notes: string, 
/**
 * The obligations (`core::obligations` ids) this part answers. Added in format version 3.
 */
obligations: Array<string>, };

/**
 * How often something recurs; `custom_days` is used only with `custom`.
 */
export type Cadence = { kind: CadenceKind, custom_days: number | null, };

export type CadenceKind = "monthly" | "quarterly" | "half_yearly" | "yearly" | "custom";

export type ReviewSchedule = { cadence: Cadence, required_signatories: Array<string>, next_due: string, 
/**
 * The obligations (`core::obligations` ids) this part answers. Added in format version 3.
 */
obligations: Array<string>, };

/**
 * One consent, disclosure, human-review or data-handling rule the agents apply in one
 * jurisdiction. Added in format version 3.
 */
export type ComplianceRule = { id: string, name: string, 
/**
 * One of the framework's jurisdictions.
 */
jurisdiction: string, kind: RuleKind, 
/**
 * What the agent must do, in words.
 */
requirement: string, all_capabilities: boolean, 
/**
 * The capabilities it applies to when `all_capabilities` is false.
 */
capabilities: Array<string>, all_platforms: boolean, 
/**
 * The platforms it applies to when `all_platforms` is false.
 */
platforms: Array<string>, 
/**
 * Where it is enforced; at least one place.
 */
enforced_by: Array<Enforcement>, 
/**
 * What shows that it is applied (logs, platform settings, review records).
 */
evidence: string, 
/**
 * The party that owns the rule.
 */
owner: string, obligations: Array<string>, };

/**
 * What a compliance rule makes the agent do (SPEC section 9).
 */
export type RuleKind = "consent" | "disclosure" | "human_review" | "data_handling";

/**
 * Where a rule is enforced as the agent acts.
 */
export type Enforcement = "agent" | "platform" | "pre_publication_check";

export type Coverage = { 
/**
 * Jurisdictions first, in the framework's order, then the catalogues for every jurisdiction.
 */
groups: Array<CoverageGroup>, 
/**
 * Declared jurisdictions that no shipped catalogue of law or guidance applies to.
 */
unmatched_jurisdictions: Array<string>, };

/**
 * One catalogue in one jurisdiction.
 */
export type CoverageGroup = { 
/**
 * `None` for a catalogue that applies in every jurisdiction.
 */
jurisdiction: string | null, catalogue: string, items: Array<CoverageItem>, };

/**
 * One obligation and what answers it; no answers is a gap.
 */
export type CoverageItem = { obligation: string, answers: Array<Answer>, };

/**
 * One part of a framework linked to an obligation.
 */
export type Answer = { section: Section, 
/**
 * The item's id; `None` for the override policy and the review schedule.
 */
item: string | null, 
/**
 * The item's name as its form shows it.
 */
name: string, 
/**
 * Where it is in the interchange file: `hard_stops[daily-cap-all]`, `override_policy`.
 */
path: string, 
/**
 * The rule's jurisdiction; `None` for parts other than compliance rules.
 */
jurisdiction: string | null, };

export type Catalogue = { format: number, id: string, title: string, version: string, publisher: string, 
/**
 * The framework jurisdictions it applies to ("US", "UK", "EU"), or "*" for any.
 */
jurisdictions: Array<string>, kind: CatalogueKind, source_url: string, notice: string, obligations: Array<Obligation>, };

/**
 * What kind of text a catalogue summarises.
 */
export type CatalogueKind = "law" | "guidance" | "standard" | "framework";

export type Obligation = { id: string, citation: string, title: string, summary: string, url?: string | null, topics: Array<Topic>, };

/**
 * What an obligation is about, for suggesting which parts of a framework answer it.
 */
export type Topic = "disclosure" | "consent" | "human_review" | "data_handling" | "governance" | "risk" | "monitoring" | "transparency" | "prohibited_practice" | "literacy" | "incident" | "third_party";

/** The app's commands, one per `#[tauri::command]` of src/commands.rs. Each rejects with an `ApiError`. */
export const commands = {
  appInfo: (): Promise<AppInfo> => invoke<AppInfo>("app_info"),
  connectTeam: (address: string, password: string | null): Promise<DatabaseInfo> => invoke<DatabaseInfo>("connect_team", { address, password }),
  useLocalFile: (): Promise<DatabaseInfo> => invoke<DatabaseInfo>("use_local_file"),
  liveStatus: (since: number): Promise<LiveStatus> => invoke<LiveStatus>("live_status", { since }),
  listFrameworks: (): Promise<Array<FrameworkSummary>> => invoke<Array<FrameworkSummary>>("list_frameworks"),
  openFramework: (id: string): Promise<FrameworkView> => invoke<FrameworkView>("open_framework", { id }),
  obligationCatalogues: (): Promise<Array<Catalogue>> => invoke<Array<Catalogue>>("obligation_catalogues"),
  applyEdit: (request: EditRequest): Promise<EditResult> => invoke<EditResult>("apply_edit", { request }),
  undoEdit: (framework: string): Promise<EditResult> => invoke<EditResult>("undo_edit", { framework }),
  undoLabels: (framework: string): Promise<Array<string>> => invoke<Array<string>>("undo_labels", { framework }),
  removalImpact: (framework: string, edit: Edit): Promise<Array<string>> => invoke<Array<string>>("removal_impact", { framework, edit }),
  createFramework: (name: string, fromTemplate: boolean): Promise<string> => invoke<string>("create_framework", { name, fromTemplate }),
  duplicateFramework: (id: string, name: string): Promise<string> => invoke<string>("duplicate_framework", { id, name }),
  deleteFramework: (id: string): Promise<null> => invoke<null>("delete_framework", { id }),
  auditLog: (framework: string, limit: number): Promise<Array<AuditEntry>> => invoke<Array<AuditEntry>>("audit_log", { framework, limit }),
  importFramework: (): Promise<ImportOutcome | null> => invoke<ImportOutcome | null>("import_framework"),
  exportFramework: (id: string): Promise<string | null> => invoke<string | null>("export_framework", { id }),
  publishVersion: (framework: string, summary: string): Promise<PublishOutcome> => invoke<PublishOutcome>("publish_version", { framework, summary }),
  listVersions: (framework: string): Promise<Array<VersionInfo>> => invoke<Array<VersionInfo>>("list_versions", { framework }),
  diffVersions: (framework: string, from: number, to: number): Promise<Array<Change>> => invoke<Array<Change>>("diff_versions", { framework, from, to }),
  reviewStatus: (framework: string): Promise<ReviewStatus> => invoke<ReviewStatus>("review_status", { framework }),
  signVersion: (framework: string, version: number, decided: Decided, passphrase: string, savePdf: boolean): Promise<SignedInApp | null> => invoke<SignedInApp | null>("sign_version", { framework, version, decided, passphrase, savePdf }),
  importSignoff: (): Promise<Array<RecordedSignOff> | null> => invoke<Array<RecordedSignOff> | null>("import_signoff"),
  createSigningKey: (framework: string, party: string, name: string, passphrase: string): Promise<KeyCreated | null> => invoke<KeyCreated | null>("create_signing_key", { framework, party, name, passphrase }),
  registerCertificate: (framework: string, party: string): Promise<EditResult | null> => invoke<EditResult | null>("register_certificate", { framework, party }),
  exportCalendar: (framework: string): Promise<string | null> => invoke<string | null>("export_calendar", { framework }),
  exportOdcs: (framework: string, version: number | null): Promise<string | null> => invoke<string | null>("export_odcs", { framework, version }),
  exportPdf: (framework: string, version: number, passphrase: string | null): Promise<ExportedPdf | null> => invoke<ExportedPdf | null>("export_pdf", { framework, version, passphrase }),
  openExported: (path: string): Promise<null> => invoke<null>("open_exported", { path }),
};
