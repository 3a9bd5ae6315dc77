-- Schema version 6 in PostgreSQL's dialect: compliance rules per jurisdiction, and links from
-- parts to obligations (as SQLite's migrations/006_compliance.sql).

ALTER TABLE capabilities ADD COLUMN obligations TEXT NOT NULL DEFAULT '[]';
ALTER TABLE raci_activities ADD COLUMN obligations TEXT NOT NULL DEFAULT '[]';
ALTER TABLE dq_standards ADD COLUMN obligations TEXT NOT NULL DEFAULT '[]';
ALTER TABLE hard_stops ADD COLUMN obligations TEXT NOT NULL DEFAULT '[]';
ALTER TABLE frameworks ADD COLUMN ks_obligations TEXT NOT NULL DEFAULT '[]';
ALTER TABLE frameworks ADD COLUMN review_obligations TEXT NOT NULL DEFAULT '[]';

CREATE TABLE compliance_rules (
    fw BIGINT NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE DEFERRABLE,
    key TEXT NOT NULL,
    pos BIGINT NOT NULL,
    name TEXT NOT NULL,
    jurisdiction TEXT NOT NULL,
    kind TEXT NOT NULL,
    requirement TEXT NOT NULL,
    all_capabilities BIGINT NOT NULL CHECK (all_capabilities IN (0, 1)),
    capabilities TEXT NOT NULL,
    all_platforms BIGINT NOT NULL CHECK (all_platforms IN (0, 1)),
    platforms TEXT NOT NULL,
    enforced_by TEXT NOT NULL,
    evidence TEXT NOT NULL,
    owner TEXT NOT NULL,
    obligations TEXT NOT NULL,
    row_version BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (fw, key),
    FOREIGN KEY (fw, owner) REFERENCES parties(fw, key) ON UPDATE CASCADE DEFERRABLE
);

-- A database set up before this version gets the new table's grants here; `team init` grants
-- them on a new one.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'governance_owner') THEN
        GRANT SELECT ON compliance_rules TO governance_reader, governance_signatory, governance_owner;
        GRANT INSERT, UPDATE, DELETE ON compliance_rules TO governance_owner;
    END IF;
END $$;
