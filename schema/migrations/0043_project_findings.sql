-- 0043: the issue list (问题清单, issue 21 item 9; docs/PROJECTS.md "Issue list"): findings of
-- inspections, audits, evaluations and acceptances, per project or for the programme of a
-- region, each with the unit that owns the rectification, its deadline and its status, moved by
-- idempotent commands like the projects' own transitions.

-- A finding. project_id NULL: a finding on the programme of region_code (county or below).
-- status: open (待整改) → submitted (整改待核实) → closed (已销号), or back to open.
-- owner: projects
CREATE TABLE project_findings (
  id           {{ID}},
  county_code  TEXT NOT NULL,
  region_code  TEXT NOT NULL,
  project_id   BIGINT REFERENCES projects (id),
  source       TEXT NOT NULL,
  found_on     TEXT NOT NULL,
  title        TEXT NOT NULL,
  detail       TEXT NOT NULL DEFAULT '',
  requirement  TEXT NOT NULL DEFAULT '',
  owner_unit   TEXT NOT NULL,
  due_on       TEXT NOT NULL,
  status       TEXT NOT NULL,
  status_on    TEXT NOT NULL,
  created_by   BIGINT,
  created_at   BIGINT NOT NULL,
  updated_at   BIGINT NOT NULL
);
CREATE INDEX project_findings_region ON project_findings (region_code, status, due_on);
CREATE INDEX project_findings_project ON project_findings (project_id);

-- Every move of a finding (整改情况 when submitted, 核实意见 when closed or sent back), keyed
-- like project_transitions: the same key and command is one move.
-- owner: projects
CREATE TABLE project_finding_moves (
  id               {{ID}},
  finding_id       BIGINT NOT NULL REFERENCES project_findings (id),
  seq              INTEGER NOT NULL,
  from_status      TEXT NOT NULL,
  to_status        TEXT NOT NULL,
  on_date          TEXT NOT NULL,
  idempotency_key  TEXT NOT NULL,
  fingerprint      TEXT NOT NULL,
  note             TEXT NOT NULL DEFAULT '',
  actor_id         BIGINT,
  actor_name       TEXT NOT NULL DEFAULT '',
  created_at       BIGINT NOT NULL,
  UNIQUE (finding_id, idempotency_key),
  UNIQUE (finding_id, seq)
);
