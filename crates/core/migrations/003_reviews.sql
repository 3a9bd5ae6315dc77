-- Schema version 3: review cycles and sign-offs. A cycle is named by its due date. A sign-off
-- binds a required signatory's decision to one published version's hash; a party's later
-- sign-off in the same cycle replaces the earlier one (the audit log keeps both).

CREATE TABLE signoffs (
    id INTEGER PRIMARY KEY,
    framework INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE RESTRICT,
    cycle_due TEXT NOT NULL,
    party TEXT NOT NULL,
    -- The party as it was named when signing, so later renames do not rewrite the record.
    party_name TEXT NOT NULL,
    party_title TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('approved', 'approved_with_comments', 'rejected')),
    comment TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    version_number INTEGER NOT NULL,
    version_sha256 TEXT NOT NULL,
    UNIQUE (framework, cycle_due, party)
) STRICT;
CREATE INDEX signoffs_version ON signoffs(framework, version_sha256);

CREATE TABLE completed_cycles (
    framework INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE RESTRICT,
    due TEXT NOT NULL,
    completed_at TEXT NOT NULL,
    version_number INTEGER NOT NULL,
    version_sha256 TEXT NOT NULL,
    PRIMARY KEY (framework, due)
) STRICT;
