-- 0028: progress notes per town (issue 26 item 9, docs/PROGRESS.md "Town reports"). A task whose
-- lead units name every town (各乡镇人民政府) or name towns is reported by each town's staff for
-- their own town. region_code is the region a note reports for: the town of a town user (decided
-- by the server from the caller's scope), or the programme's region (county_code) for county
-- staff, which every earlier note is. Owned by programme (table programme_task_notes).
ALTER TABLE programme_task_notes ADD COLUMN region_code TEXT NOT NULL DEFAULT '';
UPDATE programme_task_notes SET region_code = county_code WHERE region_code = '';
CREATE INDEX programme_task_notes_region ON programme_task_notes (programme_id, task_number, region_code, id);
