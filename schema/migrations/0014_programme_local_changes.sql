-- 0014: local settings entered in the console (issue 16 item 3, src/programme/local_store.*,
-- docs/PROGRAMME_FORMAT.md "Local settings in the console"). A county user submits the values of
-- a programme version's open parts; the row keeps the submitted values (values_json, for the
-- approver's review) and the YAML text they make (new_text: the base version's text with the
-- rules' `local:` blocks written in). A different user approves: new_text is stored as a new
-- programme version (result_programme_id). One pending change per programme key: a new
-- submission supersedes the earlier pending one. Rows are never deleted.

-- owner: programme
CREATE TABLE programme_local_changes (
  id                  {{ID}},
  programme_key       TEXT NOT NULL,
  base_programme_id   BIGINT NOT NULL REFERENCES programmes (id),
  county_code         TEXT NOT NULL,
  status              TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'superseded')),
  values_json         TEXT NOT NULL,
  new_text            TEXT NOT NULL,
  created_by          BIGINT NOT NULL,
  created_by_name     TEXT NOT NULL,
  created_at          BIGINT NOT NULL,
  approved_by         BIGINT,
  approved_by_name    TEXT,
  approved_at         BIGINT,
  result_programme_id BIGINT REFERENCES programmes (id)
);
CREATE INDEX programme_local_changes_key ON programme_local_changes (programme_key, id);
CREATE INDEX programme_local_changes_result ON programme_local_changes (result_programme_id);
