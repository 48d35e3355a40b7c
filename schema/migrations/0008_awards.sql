-- 0008: award lists (奖补清单) — evaluated, proposed, approved and frozen versions of the awards
-- of one programme for one period, their explained lines, and the payable items handed to the
-- fund ledger (src/award, docs/AWARDS.md).
-- A list is never edited after it leaves draft: a re-evaluation is a new version; approving
-- version N supersedes the previously approved version (status 'superseded', superseded_by).
-- scope_code: the region subtree evaluated (the programme region, or the caller's county
-- inside a city plan); county_code: the county of scope_code (or scope_code above county).

-- owner: award
CREATE TABLE award_lists (
  id             {{ID}},
  county_code    TEXT NOT NULL,
  scope_code     TEXT NOT NULL CHECK (length(scope_code) = 12),
  programme_id   BIGINT NOT NULL REFERENCES programmes (id),
  programme_key  TEXT NOT NULL,
  period         TEXT NOT NULL,
  version        INTEGER NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('draft', 'proposed', 'approved', 'superseded')),
  line_count     BIGINT NOT NULL,
  payable_count  BIGINT NOT NULL,
  total_fen      BIGINT NOT NULL,
  content_sha256 TEXT NOT NULL,
  rules_json     TEXT NOT NULL,
  created_by     BIGINT NOT NULL REFERENCES users (id),
  created_at     BIGINT NOT NULL,
  proposed_by    BIGINT REFERENCES users (id),
  proposed_at    BIGINT,
  approved_by    BIGINT REFERENCES users (id),
  approved_at    BIGINT,
  superseded_by  BIGINT REFERENCES award_lists (id),
  superseded_at  BIGINT,
  UNIQUE (programme_key, scope_code, period, version)
);
CREATE INDEX award_lists_county ON award_lists (county_code, programme_key, period);

-- One line per (rule, subject); amount_fen only for status 'payable'. explanation: the JSON
-- of docs/AWARDS.md (metrics with ledger record ids, tier, uplift, cap, local setting).
CREATE TABLE award_lines (
  id              {{ID}},
  list_id         BIGINT NOT NULL REFERENCES award_lists (id),
  county_code     TEXT NOT NULL,
  line_no         INTEGER NOT NULL,
  rule_id         TEXT NOT NULL,
  subject_kind    TEXT NOT NULL,
  subject_id      BIGINT NOT NULL,
  subject_name    TEXT NOT NULL,
  personal_name   SMALLINT NOT NULL DEFAULT 0,
  region_code     TEXT NOT NULL,
  payee_entity_id BIGINT,
  status          TEXT NOT NULL CHECK (status IN ('payable', 'needs_local_setting',
                                                  'already_awarded')),
  amount_fen      BIGINT,
  explanation     TEXT NOT NULL,
  UNIQUE (list_id, line_no),
  UNIQUE (list_id, rule_id, subject_kind, subject_id)
);
CREATE INDEX award_lines_region ON award_lines (list_id, region_code);

-- Hand-off to the fund ledger (its own issue). Written only when a list is approved, in the
-- approval's transaction: one item per payable line. When a later version is approved, the
-- open items of the version it supersedes become 'superseded', each new item points at the
-- item it replaces (previous_item_id) with delta_fen = amount_fen - previous amount, and a
-- subject dropped from the new version gets a reversal item (line_id NULL, amount_fen 0,
-- negative delta_fen). The fund ledger pays or reclaims delta_fen and sets status 'paid';
-- items with payable_after_acceptance wait for acceptance_status 'accepted'.
CREATE TABLE award_payable_items (
  id                       {{ID}},
  county_code              TEXT NOT NULL,
  list_id                  BIGINT NOT NULL REFERENCES award_lists (id),
  line_id                  BIGINT UNIQUE REFERENCES award_lines (id),
  programme_key            TEXT NOT NULL,
  scope_code               TEXT NOT NULL,
  period                   TEXT NOT NULL,
  rule_id                  TEXT NOT NULL,
  subject_kind             TEXT NOT NULL,
  subject_id               BIGINT NOT NULL,
  payee_entity_id          BIGINT,
  payee_name               TEXT NOT NULL,
  region_code              TEXT NOT NULL,
  amount_fen               BIGINT NOT NULL,
  previous_item_id         BIGINT REFERENCES award_payable_items (id),
  delta_fen                BIGINT NOT NULL,
  payable_after_acceptance SMALLINT NOT NULL,
  acceptance_status        TEXT NOT NULL CHECK (acceptance_status IN ('not_required', 'pending',
                                                                      'accepted', 'failed')),
  status                   TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'superseded',
                                                                          'paid')),
  created_at               BIGINT NOT NULL,
  superseded_at            BIGINT
);
CREATE INDEX award_payable_items_key ON award_payable_items (programme_key, scope_code, period,
                                                             rule_id, subject_kind, subject_id);
CREATE INDEX award_payable_items_county ON award_payable_items (county_code, status);
