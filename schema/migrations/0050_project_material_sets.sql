-- 0050: the required materials of a project type set per programme (issue 21 item 6
-- "configurable per programme"; src/projects/materials.h). The newest row of (county,
-- programme_id, type) is the set in force; earlier rows stay as its history. programme_id NULL:
-- the county's set for projects whose fund names no programme. With no row the built-in list of
-- 004 附件2 applies. materials: one "code<TAB>label" line per material, in order.

-- owner: projects
CREATE TABLE project_material_sets (
  id           {{ID}},
  county_code  TEXT NOT NULL,
  programme_id BIGINT,
  type         TEXT NOT NULL,
  materials    TEXT NOT NULL,
  reason       TEXT NOT NULL,
  created_by   BIGINT,
  created_at   BIGINT NOT NULL
);
CREATE INDEX project_material_sets_key ON project_material_sets (county_code, type, id);
