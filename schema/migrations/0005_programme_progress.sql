-- 0005: manual progress notes on a programme's tasks (src/programme/progress_store.cc,
-- docs/PROGRESS.md). Target actuals are never stored or typed in: they are computed from the
-- indicator registry. A note may set the task's status (in_progress | done); '' leaves it.
-- Notes belong to one stored version of a programme (programmes.id) and its task number.
-- Attachments are a later step (a separate table keyed by note id).

-- owner: programme
CREATE TABLE programme_task_notes (
  id           {{ID}},
  programme_id BIGINT NOT NULL REFERENCES programmes (id),
  county_code  TEXT NOT NULL,
  task_number  INTEGER NOT NULL,
  text         TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('', 'in_progress', 'done')),
  author_id    BIGINT NOT NULL,
  author_name  TEXT NOT NULL,
  created_at   BIGINT NOT NULL
);
CREATE INDEX programme_task_notes_task ON programme_task_notes (programme_id, task_number, id);
