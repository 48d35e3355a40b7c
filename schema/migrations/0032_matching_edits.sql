-- 0032: edits of listings and agreements after they were created, with their history (issue 19
-- leftover; src/matching/edits.h, docs/MATCHING.md "Edits"). A listing's offer (product, unit,
-- quantity, price, period, note) and an agreement's terms (number, title, model, dates, parties,
-- products, note) change in place; each edit keeps who, when, why, and every field it changed
-- with the value before and after in words (a household party's name masked, as stored).
-- Never updated or deleted.

-- owner: matching
CREATE TABLE matching_edits (
  id          {{ID}},
  object_kind TEXT NOT NULL CHECK (object_kind IN ('listing', 'agreement')),
  object_id   BIGINT NOT NULL,
  reason      TEXT NOT NULL DEFAULT '',
  edited_by   BIGINT,
  edited_at   BIGINT NOT NULL
);
CREATE INDEX matching_edits_object ON matching_edits (object_kind, object_id, id);

-- The fields one edit changed: field code, and the value before and after in words.
-- owner: matching
CREATE TABLE matching_edit_fields (
  id        {{ID}},
  edit_id   BIGINT NOT NULL REFERENCES matching_edits (id),
  field     TEXT NOT NULL,
  old_value TEXT NOT NULL,
  new_value TEXT NOT NULL
);
CREATE INDEX matching_edit_fields_edit ON matching_edit_fields (edit_id, id);
