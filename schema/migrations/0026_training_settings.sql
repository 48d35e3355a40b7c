-- 0026: a county's training follow-up settings (跟踪服务, issue 18 item 5; docs/TRAINING.md
-- "Conversion and follow-up settings"): which outcome kinds count as a conversion
-- (conversion_kinds, stored ",a,b,"), the window after the course in months, and after how
-- many days without an outcome an attended session's trainee is due for a follow-up. No row:
-- the documented defaults. A programme target may still override kinds and months through its
-- indicator params.
-- owner: training
CREATE TABLE training_settings (
  county_code       TEXT PRIMARY KEY,
  conversion_kinds  TEXT NOT NULL,
  conversion_months INTEGER NOT NULL CHECK (conversion_months BETWEEN 1 AND 60),
  reminder_days     INTEGER NOT NULL CHECK (reminder_days BETWEEN 1 AND 730),
  reference         TEXT NOT NULL DEFAULT '',
  updated_by        BIGINT,
  updated_at        BIGINT NOT NULL
);
