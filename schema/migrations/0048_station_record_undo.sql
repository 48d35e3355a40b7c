-- 0048: undoing an import of station service records (撤销导入, src/station/undo.h): the
-- batch's monthly records leave their month (is_current = 0) and stay as history, marked
-- with when and by whom they were voided, so a history read tells an undone import from a
-- record a correction superseded.

-- owner: station
ALTER TABLE station_service_records ADD COLUMN voided_at BIGINT;
ALTER TABLE station_service_records ADD COLUMN voided_by BIGINT;
