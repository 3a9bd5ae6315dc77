-- Schema version 6: compliance rules per jurisdiction, and links from parts to obligations.

-- The obligations (ids of the shipped catalogues) a part answers, as a JSON list like the other
-- id lists. Rows from before this version answer none.
ALTER TABLE capabilities ADD COLUMN obligations TEXT NOT NULL DEFAULT '[]';
ALTER TABLE raci_activities ADD COLUMN obligations TEXT NOT NULL DEFAULT '[]';
ALTER TABLE dq_standards ADD COLUMN obligations TEXT NOT NULL DEFAULT '[]';
ALTER TABLE hard_stops ADD COLUMN obligations TEXT NOT NULL DEFAULT '[]';
ALTER TABLE frameworks ADD COLUMN ks_obligations TEXT NOT NULL DEFAULT '[]';
ALTER TABLE frameworks ADD COLUMN review_obligations TEXT NOT NULL DEFAULT '[]';

CREATE TABLE compliance_rules (
    fw INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    pos INTEGER NOT NULL,
    name TEXT NOT NULL,
    jurisdiction TEXT NOT NULL,
    kind TEXT NOT NULL,
    requirement TEXT NOT NULL,
    all_capabilities INTEGER NOT NULL CHECK (all_capabilities IN (0, 1)),
    capabilities TEXT NOT NULL,
    all_platforms INTEGER NOT NULL CHECK (all_platforms IN (0, 1)),
    platforms TEXT NOT NULL,
    enforced_by TEXT NOT NULL,
    evidence TEXT NOT NULL,
    owner TEXT NOT NULL,
    obligations TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (fw, key),
    FOREIGN KEY (fw, owner) REFERENCES parties(fw, key) ON UPDATE CASCADE
) STRICT;
