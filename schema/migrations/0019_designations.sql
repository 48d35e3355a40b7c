-- 0019: demonstration designations (示范创建, src/designation, docs/DESIGNATIONS.md): the
-- designations, their status history and their evidence files (创建成果档案).
-- region_code: the subject's region (the county, town or village designated; the station's or
-- the entity's region for points and enterprises); reads are scoped on it. subject_key makes
-- one designation per (level, kind, subject, year): "region:<code>", "station:<id>",
-- "entity:<id>" (a UNIQUE over a nullable subject_id would let duplicates through).
-- status/status_since mirror the latest designation_status_changes row (written together);
-- recognised_on is the date of the change to recognised (NULL before one). batch_id: the
-- import_batches row of a spreadsheet import (NULL when entered in the console).

-- owner: designation
CREATE TABLE designations (
  id            {{ID}},
  county_code   TEXT NOT NULL,
  region_code   TEXT NOT NULL REFERENCES regions (code),
  level         TEXT NOT NULL CHECK (level IN ('national', 'province', 'city', 'county')),
  kind          TEXT NOT NULL CHECK (kind IN ('county', 'town', 'village', 'point',
                                              'enterprise', 'park')),
  subject_type  TEXT NOT NULL CHECK (subject_type IN ('region', 'station', 'entity')),
  subject_id    BIGINT,
  subject_key   TEXT NOT NULL,
  subject_name  TEXT NOT NULL,
  year          INTEGER NOT NULL,
  issuing_body  TEXT NOT NULL DEFAULT '',
  document_no   TEXT NOT NULL DEFAULT '',
  note          TEXT NOT NULL DEFAULT '',
  status        TEXT NOT NULL CHECK (status IN ('candidate', 'applied', 'recognised',
                                                'revoked')),
  status_since  TEXT NOT NULL,
  recognised_on TEXT,
  batch_id      BIGINT,
  created_by    BIGINT,
  created_at    BIGINT NOT NULL,
  updated_at    BIGINT NOT NULL,
  UNIQUE (level, kind, subject_key, year)
);
CREATE INDEX designations_region ON designations (region_code, id);
CREATE INDEX designations_year ON designations (year, level, kind);

-- One row per status change, the first one the registration (from_status NULL). Never updated.
-- owner: designation
CREATE TABLE designation_status_changes (
  id             {{ID}},
  designation_id BIGINT NOT NULL REFERENCES designations (id),
  county_code    TEXT NOT NULL,
  from_status    TEXT,
  to_status      TEXT NOT NULL,
  changed_on     TEXT NOT NULL,
  reason         TEXT NOT NULL DEFAULT '',
  document_no    TEXT NOT NULL DEFAULT '',
  recorded_by    BIGINT,
  recorded_at    BIGINT NOT NULL
);
CREATE INDEX designation_status_changes_designation
  ON designation_status_changes (designation_id, changed_on, id);

-- Evidence files (创建成果档案), kept in the database so a backup carries them; bytes as
-- base64 text (the storage layer binds text and integers on both backends), size and sha256
-- of the decoded bytes, content_type sniffed (never the client's claim).
-- owner: designation
CREATE TABLE designation_files (
  id             {{ID}},
  designation_id BIGINT NOT NULL REFERENCES designations (id),
  county_code    TEXT NOT NULL,
  filename       TEXT NOT NULL,
  content_type   TEXT NOT NULL,
  size_bytes     BIGINT NOT NULL CHECK (size_bytes > 0),
  sha256         TEXT NOT NULL,
  content_base64 TEXT NOT NULL,
  uploaded_by    BIGINT,
  uploaded_name  TEXT NOT NULL DEFAULT '',
  created_at     BIGINT NOT NULL
);
CREATE INDEX designation_files_designation ON designation_files (designation_id, id);
