-- 0034: projects (项目申报评审验收, issue 21 items 6–8; src/projects, docs/PROJECTS.md): applications
-- of the six types of 004 附件2, their workflow as idempotent transitions, and their deadlines on
-- the official working-day calendar. Materials and evidence are attachments (0030), owner
-- {projects, project, id}.

-- An application (phase n of a staged application names its earlier phase in parent_id). status
-- is the last transition's; grade the evaluation's (合格/基本合格/不合格). fund_id/fund_project_key:
-- the funds module's project this one is paid as (funds::PutProject follows the evaluation).
-- owner: projects
CREATE TABLE projects (
  id                {{ID}},
  county_code       TEXT NOT NULL,
  region_code       TEXT NOT NULL,
  type              TEXT NOT NULL,
  name              TEXT NOT NULL,
  applicant         TEXT NOT NULL,
  note              TEXT NOT NULL DEFAULT '',
  phase             INTEGER NOT NULL DEFAULT 1,
  parent_id         BIGINT REFERENCES projects (id),
  fund_id           BIGINT,
  fund_project_key  TEXT NOT NULL DEFAULT '',
  subsidy_fen       BIGINT,
  status            TEXT NOT NULL,
  status_on         TEXT NOT NULL,
  grade             TEXT,
  reviewer_id       BIGINT,
  created_by        BIGINT,
  created_at        BIGINT NOT NULL,
  updated_at        BIGINT NOT NULL
);
CREATE INDEX projects_region ON projects (region_code);

-- Every move of a project: a command with its idempotency key (unique per project; fingerprint
-- tells a repeat from another command under the same key), the actor, the event date, the note
-- (评审结论, 验收意见, 补正 reasons …), the grade, the rectification deadline, the evidence file
-- ids (",1,2,") and the calendar version its deadlines were computed with.
-- owner: projects
CREATE TABLE project_transitions (
  id                {{ID}},
  project_id        BIGINT NOT NULL REFERENCES projects (id),
  seq               INTEGER NOT NULL,
  from_status       TEXT NOT NULL,
  to_status         TEXT NOT NULL,
  on_date           TEXT NOT NULL,
  idempotency_key   TEXT NOT NULL,
  fingerprint       TEXT NOT NULL,
  note              TEXT NOT NULL DEFAULT '',
  grade             TEXT,
  rectify_by        TEXT,
  evidence          TEXT NOT NULL DEFAULT '',
  calendar_version  TEXT NOT NULL,
  actor_id          BIGINT,
  actor_name        TEXT NOT NULL DEFAULT '',
  created_at        BIGINT NOT NULL,
  UNIQUE (project_id, idempotency_key),
  UNIQUE (project_id, seq)
);

-- A stage's deadline: n working days from started_on with the pauses (补正) "from/to,from/", or
-- a fixed date (rectification). due_on/provisional/calendar_version are as last computed (open
-- deadlines are recomputed on every read); closed_on when the stage ended.
-- owner: projects
CREATE TABLE project_deadlines (
  id                {{ID}},
  project_id        BIGINT NOT NULL REFERENCES projects (id),
  stage             TEXT NOT NULL,
  started_on        TEXT NOT NULL,
  working_days      INTEGER NOT NULL,
  fixed_due         TEXT,
  pauses            TEXT NOT NULL DEFAULT '',
  due_on            TEXT,
  provisional       INTEGER NOT NULL DEFAULT 0,
  calendar_version  TEXT NOT NULL,
  closed_on         TEXT
);
CREATE INDEX project_deadlines_open ON project_deadlines (project_id, closed_on);
