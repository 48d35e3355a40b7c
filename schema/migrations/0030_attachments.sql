-- 0030: one table for every module's files (src/attachments, attachments.h). The four copies
-- of the same file table — programme_task_attachments (0007), designation_files (0019),
-- matching_files (0024), indicator_report_files (0027) — are copied into it and dropped.
-- Bytes stay base64 text (content_base64); size_bytes and sha256 are of the decoded bytes and
-- are copied as they are, so every old file arrives byte for byte (attachments/migration_test).
-- Files get new ids (the four tables numbered from 1 each); the copy keeps each table's order.
-- Owners: {owner_module, owner_kind, owner_id}; slot is a category the owner names ('' none).
-- Plain SQL that SQLite and PostgreSQL run alike (INSERT … SELECT, CASE, scalar subqueries),
-- so no "-- dialect:" sections are needed.

-- owner: attachments
CREATE TABLE attachments (
  id             {{ID}},
  owner_module   TEXT NOT NULL,
  owner_kind     TEXT NOT NULL,
  owner_id       BIGINT NOT NULL,
  county_code    TEXT NOT NULL DEFAULT '',
  slot           TEXT NOT NULL DEFAULT '',
  filename       TEXT NOT NULL,
  content_type   TEXT NOT NULL,
  size_bytes     BIGINT NOT NULL CHECK (size_bytes > 0),
  sha256         TEXT NOT NULL,
  content_base64 TEXT NOT NULL,
  uploaded_by    BIGINT,
  uploaded_name  TEXT NOT NULL DEFAULT '',
  created_at     BIGINT NOT NULL
);
CREATE INDEX attachments_owner ON attachments (owner_module, owner_kind, owner_id, id);

-- Task-note evidence: the owner is the note (its programme and task number stay on the note).
INSERT INTO attachments (owner_module, owner_kind, owner_id, county_code, slot, filename,
                         content_type, size_bytes, sha256, content_base64, uploaded_by,
                         uploaded_name, created_at)
SELECT 'programme', 'task_note', note_id, county_code, '', filename, content_type, size_bytes,
       sha256, content_base64, author_id, author_name, created_at
FROM programme_task_attachments ORDER BY id;

INSERT INTO attachments (owner_module, owner_kind, owner_id, county_code, slot, filename,
                         content_type, size_bytes, sha256, content_base64, uploaded_by,
                         uploaded_name, created_at)
SELECT 'designation', 'designation', designation_id, county_code, 'evidence', filename,
       content_type, size_bytes, sha256, content_base64, uploaded_by, uploaded_name, created_at
FROM designation_files ORDER BY id;

-- matching_files had no county: it is the listing's or the agreement's.
INSERT INTO attachments (owner_module, owner_kind, owner_id, county_code, slot, filename,
                         content_type, size_bytes, sha256, content_base64, uploaded_by,
                         uploaded_name, created_at)
SELECT 'matching', f.owner_kind, f.owner_id,
       COALESCE(CASE f.owner_kind
                  WHEN 'listing' THEN (SELECT l.county_code FROM listings l WHERE l.id = f.owner_id)
                  ELSE (SELECT a.county_code FROM agreements a WHERE a.id = f.owner_id)
                END, ''),
       CASE f.owner_kind WHEN 'listing' THEN 'photo' ELSE 'document' END, f.filename,
       f.content_type, f.size_bytes, f.sha256, f.content_base64, f.uploaded_by, '', f.created_at
FROM matching_files f ORDER BY f.id;

INSERT INTO attachments (owner_module, owner_kind, owner_id, county_code, slot, filename,
                         content_type, size_bytes, sha256, content_base64, uploaded_by,
                         uploaded_name, created_at)
SELECT 'reporting', 'report', report_id, county_code, 'evidence', filename, content_type,
       size_bytes, sha256, content_base64, uploaded_by, uploaded_name, created_at
FROM indicator_report_files ORDER BY id;

DROP TABLE programme_task_attachments;
DROP TABLE designation_files;
DROP TABLE matching_files;
DROP TABLE indicator_report_files;
