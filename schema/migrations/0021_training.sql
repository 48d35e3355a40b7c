-- 0021: e-commerce training (电商培训, src/training, docs/TRAINING.md): courses at four levels,
-- their sessions (班次) and trainers, the trainee register (one row per person, found by the
-- blind index of the ID number), enrolments (a trainee in a session: the person-time, its
-- result and certificate), attendance (one row per trainee per session day), follow-up
-- outcomes (跟踪服务) and the counties' additions to the training dictionaries.
-- county_code/region_code: the scope columns (reads are scoped by prefix on region_code):
-- a course's and a session's organising region; a trainee's home village (户籍村);
-- an enrolment's and an attendance row's copy of the trainee's home region when written.
-- Lists of dictionary values (tags, audiences) are stored ",a,b," (LIKE '%,a,%').

-- owner: training
CREATE TABLE training_courses (
  id                    {{ID}},
  county_code           TEXT NOT NULL,
  region_code           TEXT NOT NULL REFERENCES regions (code),
  title                 TEXT NOT NULL,
  level                 TEXT NOT NULL,
  tags                  TEXT NOT NULL DEFAULT ',',
  organiser_kind        TEXT NOT NULL CHECK (organiser_kind IN ('entity', 'bureau')),
  organiser_entity_id   BIGINT,
  organiser_name        TEXT NOT NULL DEFAULT '',
  funding               TEXT NOT NULL DEFAULT '',
  audiences             TEXT NOT NULL DEFAULT ',',
  min_attendance_bp     INTEGER NOT NULL DEFAULT 8000
                          CHECK (min_attendance_bp BETWEEN 0 AND 10000),
  min_score             INTEGER CHECK (min_score BETWEEN 0 AND 100),
  created_by            BIGINT,
  created_at            BIGINT NOT NULL,
  updated_at            BIGINT NOT NULL,
  UNIQUE (county_code, title)
);
CREATE INDEX training_courses_region ON training_courses (region_code, id);

-- owner: training
CREATE TABLE training_sessions (
  id           {{ID}},
  course_id    BIGINT NOT NULL REFERENCES training_courses (id),
  county_code  TEXT NOT NULL,
  region_code  TEXT NOT NULL REFERENCES regions (code),
  name         TEXT NOT NULL,
  starts_on    TEXT NOT NULL,
  ends_on      TEXT NOT NULL,
  place        TEXT NOT NULL DEFAULT '',
  syllabus     TEXT NOT NULL DEFAULT '',
  capacity     INTEGER NOT NULL CHECK (capacity > 0),
  created_by   BIGINT,
  created_at   BIGINT NOT NULL,
  updated_at   BIGINT NOT NULL,
  UNIQUE (course_id, name)
);
CREATE INDEX training_sessions_region ON training_sessions (region_code, starts_on);

-- The user accounts (role trainer) teaching a session.
-- owner: training
CREATE TABLE training_session_trainers (
  session_id BIGINT NOT NULL REFERENCES training_sessions (id),
  user_id    BIGINT NOT NULL,
  PRIMARY KEY (session_id, user_id)
);
CREATE INDEX training_session_trainers_user ON training_session_trainers (user_id, session_id);

-- id_bidx: keyed blind index of the ID number (one person, one row); id_enc the ciphertext;
-- gender ('m'/'f') and birth_date come from the ID number.
-- owner: training
CREATE TABLE training_trainees (
  id             {{ID}},
  county_code    TEXT NOT NULL,
  region_code    TEXT NOT NULL REFERENCES regions (code),
  name           TEXT NOT NULL,
  id_enc         TEXT NOT NULL,
  id_bidx        TEXT NOT NULL UNIQUE,
  id_masked      TEXT NOT NULL,
  gender         TEXT NOT NULL CHECK (gender IN ('m', 'f')),
  birth_date     TEXT NOT NULL,
  mobile_enc     TEXT,
  mobile_bidx    TEXT,
  mobile_masked  TEXT,
  audiences      TEXT NOT NULL DEFAULT ',',
  household_id   BIGINT,
  batch_id       BIGINT,
  created_by     BIGINT,
  created_at     BIGINT NOT NULL,
  updated_at     BIGINT NOT NULL
);
CREATE INDEX training_trainees_region ON training_trainees (region_code, id);

-- A trainee in a session: one person-time (人次) once attended. result: NULL until assessed,
-- then 'qualified' / 'not_qualified'; certificate_code (random) for a qualified one.
-- owner: training
CREATE TABLE training_enrolments (
  id               {{ID}},
  session_id       BIGINT NOT NULL REFERENCES training_sessions (id),
  trainee_id       BIGINT NOT NULL REFERENCES training_trainees (id),
  county_code      TEXT NOT NULL,
  region_code      TEXT NOT NULL,
  score            INTEGER CHECK (score BETWEEN 0 AND 100),
  result           TEXT CHECK (result IN ('qualified', 'not_qualified')),
  result_on        TEXT,
  certificate_code TEXT UNIQUE,
  created_by       BIGINT,
  created_at       BIGINT NOT NULL,
  updated_at       BIGINT NOT NULL,
  UNIQUE (session_id, trainee_id)
);
CREATE INDEX training_enrolments_trainee ON training_enrolments (trainee_id, session_id);
CREATE INDEX training_enrolments_region ON training_enrolments (region_code, result);

-- One row per trainee per session day. source: phone (the trainer's page), console, import
-- (batch_id, source_row of import_batches), generated (demo data, labelled as such).
-- owner: training
CREATE TABLE training_attendance (
  id           {{ID}},
  session_id   BIGINT NOT NULL REFERENCES training_sessions (id),
  trainee_id   BIGINT NOT NULL REFERENCES training_trainees (id),
  county_code  TEXT NOT NULL,
  region_code  TEXT NOT NULL,
  day          TEXT NOT NULL CHECK (length(day) = 10),
  source       TEXT NOT NULL CHECK (source IN ('phone', 'console', 'import', 'generated')),
  batch_id     BIGINT,
  source_row   BIGINT,
  recorded_by  BIGINT,
  recorded_at  BIGINT NOT NULL,
  UNIQUE (session_id, trainee_id, day)
);
CREATE INDEX training_attendance_region ON training_attendance (region_code, day, session_id,
                                                                trainee_id);

-- Follow-up outcomes after a course (跟踪服务): kind from the training_outcome_kinds dictionary,
-- an optional linked entity, the date it happened, evidence text and who recorded it.
-- owner: training
CREATE TABLE training_outcomes (
  id           {{ID}},
  trainee_id   BIGINT NOT NULL REFERENCES training_trainees (id),
  county_code  TEXT NOT NULL,
  region_code  TEXT NOT NULL,
  kind         TEXT NOT NULL,
  happened_on  TEXT NOT NULL,
  entity_id    BIGINT,
  evidence     TEXT NOT NULL DEFAULT '',
  recorded_by  BIGINT,
  recorded_at  BIGINT NOT NULL
);
CREATE INDEX training_outcomes_trainee ON training_outcomes (trainee_id, happened_on);
CREATE INDEX training_outcomes_region ON training_outcomes (region_code, kind, happened_on);

-- A county's additions to training_levels, training_tags and training_audiences.
-- owner: training
CREATE TABLE training_dict_entries (
  id          {{ID}},
  county_code TEXT NOT NULL,
  dict        TEXT NOT NULL CHECK (dict IN ('training_levels', 'training_tags',
                                              'training_audiences')),
  value       TEXT NOT NULL,
  label       TEXT NOT NULL,
  created_by  BIGINT,
  created_at  BIGINT NOT NULL,
  UNIQUE (county_code, dict, value)
);
