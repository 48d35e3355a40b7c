-- 0029: RuoYi conventions of issue 26 item 10 (docs/MODULES.md "Dictionaries and parameters").
-- 字典管理: the entries a county adds to an extensible dictionary whose owning module keeps no
-- table of its own (platforms, product categories …); `disabled` hides an entry from new
-- choices while records carrying it still show its label. Modules with their own additions
-- tables (station, training) get the same flag.
-- owner: settings
CREATE TABLE county_dict_entries (
  id          {{ID}},
  county_code TEXT NOT NULL,
  dict        TEXT NOT NULL,
  value       TEXT NOT NULL,
  label       TEXT NOT NULL,
  disabled    SMALLINT NOT NULL DEFAULT 0,
  created_by  BIGINT,
  created_at  BIGINT NOT NULL,
  updated_by  BIGINT,
  updated_at  BIGINT NOT NULL,
  UNIQUE (county_code, dict, value)
);
ALTER TABLE station_dict_entries ADD COLUMN disabled SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE training_dict_entries ADD COLUMN disabled SMALLINT NOT NULL DEFAULT 0;

-- 参数设置: a county's value of a parameter a module declares (runtime::Module::params), as
-- text in the parameter's canonical form; no row = the declared default.
-- owner: settings
CREATE TABLE county_params (
  county_code TEXT NOT NULL,
  name        TEXT NOT NULL,
  value       TEXT NOT NULL,
  updated_by  BIGINT,
  updated_at  BIGINT NOT NULL,
  PRIMARY KEY (county_code, name)
);

-- Undo of an import batch: who undid it and when (the batch row stays, its file hash is
-- released so the file can be imported again). rows_updated: existing records an import
-- updated (RuoYi's "update existing rows"), which an undo cannot put back, so it is refused.
ALTER TABLE import_batches ADD COLUMN rows_updated BIGINT NOT NULL DEFAULT 0;
ALTER TABLE import_batches ADD COLUMN undone_at BIGINT;
ALTER TABLE import_batches ADD COLUMN undone_by BIGINT;
-- A ledger row of an undone batch is voided, not deleted: is_current = 0 and voided_at set, so
-- no figure counts it and its history still shows it.
ALTER TABLE sales_records ADD COLUMN voided_at BIGINT;
