-- 0051: a deadline extension (延期) of a finding as a move of its rectification (issue 21 item
-- 9; src/projects/findings.h): the move open → open records the deadline before and after.

-- owner: projects
ALTER TABLE project_finding_moves ADD COLUMN due_on TEXT;
ALTER TABLE project_finding_moves ADD COLUMN previous_due_on TEXT;
