-- 0035: a rule's 择优名额 (quota, docs/AWARDS.md "择优名额"): the lines of eligible subjects ranked
-- beyond the quota are kept, with status 'beyond_quota' and no amount, so the list says why they
-- are not paid. award_lines.status's CHECK gains the value. SQLite cannot alter a CHECK: its text
-- is edited in the stored schema (the writable_schema edit of 0016 and 0018; every stored row
-- stays valid).
-- dialect: sqlite
PRAGMA writable_schema = ON;
UPDATE sqlite_master SET sql = replace(sql, '''already_awarded''))',
                                       '''already_awarded'', ''beyond_quota''))')
  WHERE type = 'table' AND name = 'award_lines';
PRAGMA writable_schema = RESET;
-- The edit leaves the schema cookie as it was: connections opened before it would keep the old
-- CHECK. An index made and dropped again changes the cookie, so every connection reloads.
CREATE INDEX award_lines_schema_bump ON award_lines (status);
DROP INDEX award_lines_schema_bump;
-- dialect: postgresql
ALTER TABLE award_lines DROP CONSTRAINT IF EXISTS award_lines_status_check;
ALTER TABLE award_lines ADD CONSTRAINT award_lines_status_check
  CHECK (status IN ('payable', 'needs_local_setting', 'already_awarded', 'beyond_quota'));
-- dialect: all
