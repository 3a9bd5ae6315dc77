-- Schema version 1: the working drafts of frameworks and the append-only audit log.
-- Lists of text and of references that no other table needs to join on are JSON arrays.
-- Every editable row carries row_version for optimistic concurrency between processes.

CREATE TABLE frameworks (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    organisation TEXT NOT NULL,
    description TEXT NOT NULL,
    jurisdictions TEXT NOT NULL,
    ks_holders TEXT NOT NULL,
    ks_trigger TEXT NOT NULL,
    ks_test_cadence TEXT NOT NULL,
    ks_test_custom_days INTEGER,
    ks_last_tested TEXT,
    ks_notes TEXT NOT NULL,
    review_cadence TEXT NOT NULL,
    review_custom_days INTEGER,
    review_signatories TEXT NOT NULL,
    review_next_due TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    -- Versions of the three parts kept in this row, so that editing one never conflicts with another.
    details_version INTEGER NOT NULL DEFAULT 1,
    override_version INTEGER NOT NULL DEFAULT 1,
    schedule_version INTEGER NOT NULL DEFAULT 1,
    -- Bumped by every change to the draft; undo refuses when it moved since the undone edit.
    draft_seq INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE parties (
    fw INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    pos INTEGER NOT NULL,
    name TEXT NOT NULL,
    title TEXT NOT NULL,
    email TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('person', 'team', 'vendor')),
    row_version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (fw, key)
) STRICT;

CREATE TABLE platforms (
    fw INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    pos INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    data_formats TEXT NOT NULL,
    latency_amount INTEGER NOT NULL CHECK (latency_amount > 0),
    latency_unit TEXT NOT NULL,
    error_handling TEXT NOT NULL,
    permission_scopes TEXT NOT NULL,
    when_unavailable TEXT NOT NULL,
    when_unavailable_detail TEXT NOT NULL,
    latency_notes TEXT NOT NULL,
    policy_notes TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (fw, key)
) STRICT;

CREATE TABLE capabilities (
    fw INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    pos INTEGER NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    risk TEXT NOT NULL CHECK (risk IN ('low', 'medium', 'high')),
    decision_mode TEXT NOT NULL,
    threshold TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (fw, key)
) STRICT;

CREATE TABLE matrix_cells (
    fw INTEGER NOT NULL,
    capability TEXT NOT NULL,
    platform TEXT NOT NULL,
    pos INTEGER NOT NULL,
    support TEXT NOT NULL CHECK (support IN ('full', 'partial', 'unsupported', 'untested')),
    mode TEXT NOT NULL CHECK (mode IN ('normal', 'constrained', 'disabled')),
    constraints TEXT NOT NULL,
    evidence TEXT NOT NULL,
    last_verified TEXT,
    row_version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (fw, capability, platform),
    FOREIGN KEY (fw, capability) REFERENCES capabilities(fw, key) ON DELETE CASCADE ON UPDATE CASCADE,
    FOREIGN KEY (fw, platform) REFERENCES platforms(fw, key) ON DELETE CASCADE ON UPDATE CASCADE
) STRICT;
CREATE INDEX matrix_cells_platform ON matrix_cells(fw, platform);

CREATE TABLE raci_activities (
    fw INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    pos INTEGER NOT NULL,
    name TEXT NOT NULL,
    layer TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (fw, key)
) STRICT;

CREATE TABLE raci_assignments (
    fw INTEGER NOT NULL,
    activity TEXT NOT NULL,
    party TEXT NOT NULL,
    pos INTEGER NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('R', 'A', 'C', 'I')),
    PRIMARY KEY (fw, activity, party),
    FOREIGN KEY (fw, activity) REFERENCES raci_activities(fw, key) ON DELETE CASCADE ON UPDATE CASCADE,
    FOREIGN KEY (fw, party) REFERENCES parties(fw, key) ON DELETE CASCADE ON UPDATE CASCADE
) STRICT;
CREATE INDEX raci_assignments_party ON raci_assignments(fw, party);

CREATE TABLE dq_standards (
    fw INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    pos INTEGER NOT NULL,
    data_input TEXT NOT NULL,
    source_platform TEXT,
    owner TEXT NOT NULL,
    min_completeness_pct REAL NOT NULL CHECK (min_completeness_pct BETWEEN 0 AND 100),
    max_age_amount INTEGER NOT NULL CHECK (max_age_amount > 0),
    max_age_unit TEXT NOT NULL,
    validation_rules TEXT NOT NULL,
    max_duplicate_pct REAL CHECK (max_duplicate_pct BETWEEN 0 AND 100),
    on_breach TEXT NOT NULL,
    notes TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (fw, key),
    FOREIGN KEY (fw, source_platform) REFERENCES platforms(fw, key) ON UPDATE CASCADE,
    FOREIGN KEY (fw, owner) REFERENCES parties(fw, key) ON UPDATE CASCADE
) STRICT;

CREATE TABLE hard_stops (
    fw INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    pos INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    cap_amount TEXT,
    cap_currency TEXT,
    entries TEXT NOT NULL,
    all_platforms INTEGER NOT NULL CHECK (all_platforms IN (0, 1)),
    platforms TEXT NOT NULL,
    lift_authority TEXT NOT NULL,
    notes TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (fw, key)
) STRICT;

-- The inverse of recent edits, newest last, for undo. Not a record: entries are dropped when used.
CREATE TABLE undo_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    framework INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    draft_seq INTEGER NOT NULL,
    label TEXT NOT NULL,
    inverse TEXT NOT NULL
) STRICT;
CREATE INDEX undo_entries_framework ON undo_entries(framework, id);

-- The audit log outlives the frameworks it describes, so it names them by key, not by row.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    framework TEXT NOT NULL,
    entity TEXT NOT NULL,
    field TEXT NOT NULL,
    old TEXT,
    new TEXT
) STRICT;
CREATE INDEX audit_log_framework ON audit_log(framework, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
