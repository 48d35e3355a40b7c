-- 0020: station operators bound to their station, and station assessment (考核), issue 17
-- items 8 and 3 (src/station, docs/STATIONS.md "Scope", "Assessment").
--
-- 1. A station operator now acts for one station through the account binding of 0017
--    (bound_kind 'station', module station's manifest role_bindings) instead of the station's
--    own operator_user_id link: each account that link named is bound to the (first) station
--    naming it, then the column goes.
UPDATE users SET bound_kind = 'station',
                 bound_id = (SELECT MIN(s.id) FROM stations s WHERE s.operator_user_id = users.id)
 WHERE bound_kind IS NULL
   AND id IN (SELECT operator_user_id FROM stations WHERE operator_user_id IS NOT NULL);
DROP INDEX stations_operator;
ALTER TABLE stations DROP COLUMN operator_user_id;

-- 2. Assessment. The plans ask for 考核和动态管理 without scoring items, so each county sets a
-- template: items with a weight (percent; the weights of a template sum to 100) and a maximum
-- score, a pass mark (points of 100) and the period an assessment covers. A template that an
-- assessment uses is never changed (a new one is made instead); retired ones stay readable.
-- owner: station
CREATE TABLE station_assessment_templates (
  id          {{ID}},
  county_code TEXT NOT NULL,
  name        TEXT NOT NULL,
  period_kind TEXT NOT NULL CHECK (period_kind IN ('year', 'half', 'quarter', 'month')),
  pass_mark   BIGINT NOT NULL CHECK (pass_mark >= 0 AND pass_mark <= 100),
  retired     BIGINT NOT NULL DEFAULT 0,
  created_by  BIGINT,
  created_at  BIGINT NOT NULL,
  updated_at  BIGINT NOT NULL
);
CREATE UNIQUE INDEX station_assessment_templates_name
  ON station_assessment_templates (county_code, name);

-- owner: station
CREATE TABLE station_assessment_items (
  id          {{ID}},
  template_id BIGINT NOT NULL REFERENCES station_assessment_templates (id),
  position    BIGINT NOT NULL,
  name        TEXT NOT NULL,
  weight      BIGINT NOT NULL CHECK (weight > 0 AND weight <= 100),
  max_score   BIGINT NOT NULL CHECK (max_score > 0 AND max_score <= 1000)
);
CREATE INDEX station_assessment_items_template ON station_assessment_items (template_id, position);

-- One assessment of a station for a period (e.g. 2025, 2025-H1, 2025-Q3, 2025-06) under one
-- template: total_centi is the weighted total in hundredths of a point (0..10000), passed
-- whether it reaches the template's pass mark. A failed assessment may open a rectification
-- (deadline, open → done) or propose an exit (proposed → confirmed, which changes the station
-- to exited through its status history, or withdrawn); nothing exits by itself. The evidence
-- file is kept inline (base64, sniffed type, as designation files).
-- owner: station
CREATE TABLE station_assessments (
  id               {{ID}},
  station_id       BIGINT NOT NULL REFERENCES stations (id),
  county_code      TEXT NOT NULL,
  region_code      TEXT NOT NULL,
  template_id      BIGINT NOT NULL REFERENCES station_assessment_templates (id),
  period           TEXT NOT NULL,
  assessed_on      TEXT NOT NULL,
  total_centi      BIGINT NOT NULL,
  passed           BIGINT NOT NULL,
  comment          TEXT NOT NULL DEFAULT '',
  evidence_name    TEXT,
  evidence_type    TEXT,
  evidence_size    BIGINT,
  evidence_sha256  TEXT,
  evidence_base64  TEXT,
  followup         TEXT NOT NULL DEFAULT 'none'
                   CHECK (followup IN ('none', 'rectification', 'exit')),
  followup_status  TEXT NOT NULL DEFAULT ''
                   CHECK (followup_status IN ('', 'open', 'done', 'proposed', 'confirmed',
                                              'withdrawn')),
  followup_deadline TEXT,
  followup_note    TEXT NOT NULL DEFAULT '',
  assessed_by      BIGINT,
  created_at       BIGINT NOT NULL,
  updated_at       BIGINT NOT NULL
);
CREATE UNIQUE INDEX station_assessments_key ON station_assessments (station_id, template_id, period);
CREATE INDEX station_assessments_rank ON station_assessments (template_id, period, region_code);

-- owner: station
CREATE TABLE station_assessment_scores (
  id            {{ID}},
  assessment_id BIGINT NOT NULL REFERENCES station_assessments (id),
  item_id       BIGINT NOT NULL REFERENCES station_assessment_items (id),
  score         BIGINT NOT NULL CHECK (score >= 0),
  note          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX station_assessment_scores_assessment ON station_assessment_scores (assessment_id);
