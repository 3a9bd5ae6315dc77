-- Schema version 2: published versions. A version is a frozen, hashed snapshot of a draft.
-- Rows are immutable (triggers refuse UPDATE and DELETE), and a framework with published
-- versions cannot be deleted (RESTRICT): they are the record that legal and auditors rely on.

CREATE TABLE versions (
    id INTEGER PRIMARY KEY,
    framework INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE RESTRICT,
    number INTEGER NOT NULL CHECK (number >= 1),
    published_at TEXT NOT NULL,
    author TEXT NOT NULL,
    summary TEXT NOT NULL,
    -- The canonical JSON of the framework (interchange file form), exactly the bytes hashed.
    snapshot BLOB NOT NULL,
    sha256 TEXT NOT NULL,
    previous_sha256 TEXT,
    UNIQUE (framework, number)
) STRICT;

CREATE TRIGGER versions_immutable BEFORE UPDATE ON versions
BEGIN SELECT RAISE(ABORT, 'published versions cannot be changed'); END;
CREATE TRIGGER versions_permanent BEFORE DELETE ON versions
BEGIN SELECT RAISE(ABORT, 'published versions cannot be deleted'); END;
