-- 0011 (owner: programme): drop the structured copies of a programme's content
-- (programme_targets, _quotas, _tasks, _task_units, _award_rules, _award_terms, _fund_items,
-- _workflow; 0002). They were written on every load and never read except for two counts in the
-- programme list: every read (progress, lagging list, report, awards, sales thresholds) needs
-- the whole checked programme, which is parsed from programmes.source_text once per version and
-- process and then shared (src/programme/evaluate.h, LoadProgramme). The verbatim text stays the
-- one source of truth, so no information is lost; the two counts move onto programmes.
ALTER TABLE programmes ADD COLUMN target_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE programmes ADD COLUMN task_count INTEGER NOT NULL DEFAULT 0;
UPDATE programmes SET
  target_count = (SELECT COUNT(*) FROM programme_targets t WHERE t.programme_id = programmes.id),
  task_count = (SELECT COUNT(*) FROM programme_tasks k WHERE k.programme_id = programmes.id);
DROP TABLE programme_quotas;
DROP TABLE programme_targets;
DROP TABLE programme_task_units;
DROP TABLE programme_tasks;
DROP TABLE programme_award_terms;
DROP TABLE programme_award_rules;
DROP TABLE programme_fund_items;
DROP TABLE programme_workflow;
