-- Who may do what on a team database, enforced by the server. `governance team init` runs this
-- as the administrator (the owner of the tables) after the schema; running it again changes
-- nothing. People are login roles made members of one group:
--   governance_owner      edits drafts and publishes versions;
--   governance_signatory  reads, and records sign-offs (and the review cycles they complete);
--   governance_reader     reads and exports.
-- Nobody but the administrator may change or delete a published version or an audit row: no
-- group has UPDATE or DELETE on them, and the schema's triggers refuse it even to the owner.

-- Roles belong to the whole server, so two databases set up at once may both try to create a
-- group: the one that loses finds it made, and carries on.
DO $$
DECLARE
    g TEXT;
BEGIN
    FOREACH g IN ARRAY ARRAY['governance_reader', 'governance_signatory', 'governance_owner'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = g) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', g);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO governance_reader, governance_signatory, governance_owner',
                   current_database());
END $$;

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO governance_reader, governance_signatory, governance_owner;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO governance_reader, governance_signatory, governance_owner;

GRANT INSERT, UPDATE ON signoffs TO governance_signatory;
GRANT INSERT ON completed_cycles, audit_log TO governance_signatory;

GRANT INSERT, UPDATE, DELETE ON frameworks, parties, platforms, capabilities, matrix_cells, raci_activities,
    raci_assignments, dq_standards, hard_stops, compliance_rules, undo_entries TO governance_owner;
GRANT INSERT ON versions, audit_log TO governance_owner;

GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO governance_signatory, governance_owner;

-- Each person sees and takes back only their own undo steps.
ALTER TABLE undo_entries ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS own_undo_steps ON undo_entries;
CREATE POLICY own_undo_steps ON undo_entries USING (actor = session_user) WITH CHECK (actor = session_user);
