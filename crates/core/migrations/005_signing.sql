-- Schema version 5: signing certificates and signed sign-offs.

-- A signatory's X.509 certificate (PEM); it is part of the framework and of every snapshot.
ALTER TABLE parties ADD COLUMN certificate TEXT;

-- A signed sign-off keeps the exact statement that was signed, its detached CMS signature and
-- the signer's certificate. Rows from before this version have none of them: they are shown as
-- unsigned and never counted as signed approvals.
ALTER TABLE signoffs ADD COLUMN statement TEXT;
ALTER TABLE signoffs ADD COLUMN signature BLOB;
ALTER TABLE signoffs ADD COLUMN certificate TEXT;
