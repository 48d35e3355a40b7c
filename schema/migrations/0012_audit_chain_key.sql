-- 0012: key the audit chain (issue 15 item 10). Rows from now on are tagged with keyed BLAKE2b
-- (key derived from the field key file, never stored here) over the previous hash and every
-- stored column, county_code included. audit_head gains:
--   keyed_from  the seq of the first keyed row, pinned here to the next seq: rows before it are
--               legacy SHA-256 rows, protected by the first keyed row (its tag covers their last
--               hash; the appender writes an `audit.chain.keyed` entry there). A database created
--               by this version has keyed_from = 1 and no legacy rows.
--   mac         the keyed tag of (seq, hash, keyed_from), so a cut tail or a moved keyed_from
--               is seen; '' until the first keyed row.
ALTER TABLE audit_head ADD COLUMN keyed_from BIGINT NOT NULL DEFAULT 1;
ALTER TABLE audit_head ADD COLUMN mac TEXT NOT NULL DEFAULT '';
UPDATE audit_head SET keyed_from = seq + 1;
