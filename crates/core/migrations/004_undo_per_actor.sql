-- Schema version 4: undo steps belong to the person who made the edit, so one person's undo
-- never takes back another's edit. Steps recorded before this version have no owner; they are
-- dropped, since nobody could tell whose they were.

DELETE FROM undo_entries;
ALTER TABLE undo_entries ADD COLUMN actor TEXT NOT NULL DEFAULT '';
DROP INDEX undo_entries_framework;
CREATE INDEX undo_entries_framework_actor ON undo_entries(framework, actor, id);
