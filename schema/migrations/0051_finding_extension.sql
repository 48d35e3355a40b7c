-- 0051: a deadline extension (延期) of a finding as a move of its rectification, and the evidence
-- files of a move (issue 21 item 9; src/projects/findings.h): the move open → open records the
-- deadline before and after.

-- owner: projects
ALTER TABLE project_finding_moves ADD COLUMN due_on TEXT;
ALTER TABLE project_finding_moves ADD COLUMN previous_due_on TEXT;
-- Evidence of a move (整改佐证): ids of the finding's files (attachments, owner {projects,
-- finding, id}, slot evidence), comma-separated, as project transitions keep theirs.
ALTER TABLE project_finding_moves ADD COLUMN evidence TEXT NOT NULL DEFAULT '';
