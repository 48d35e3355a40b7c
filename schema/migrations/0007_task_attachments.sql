-- 0007: attachments of manual progress notes on programme tasks (src/programme/attachments.*,
-- docs/PROGRESS.md "Attachments"). Files live in the database so a backup carries them. The
-- storage layer binds integers and text on both backends, so the bytes are kept as base64 text
-- (content_base64); size_bytes and sha256 are of the decoded bytes. Type and filename are
-- checked before insert: content_type is the sniffed type, never the client's claim.

-- owner: programme
CREATE TABLE programme_task_attachments (
  id             {{ID}},
  note_id        BIGINT NOT NULL REFERENCES programme_task_notes (id),
  programme_id   BIGINT NOT NULL REFERENCES programmes (id),
  county_code    TEXT NOT NULL,
  task_number    INTEGER NOT NULL,
  filename       TEXT NOT NULL,
  content_type   TEXT NOT NULL,
  size_bytes     BIGINT NOT NULL CHECK (size_bytes > 0),
  sha256         TEXT NOT NULL,
  content_base64 TEXT NOT NULL,
  author_id      BIGINT NOT NULL,
  author_name    TEXT NOT NULL,
  created_at     BIGINT NOT NULL
);
CREATE INDEX programme_task_attachments_note ON programme_task_attachments (note_id, id);
CREATE INDEX programme_task_attachments_programme ON programme_task_attachments (programme_id, id);
