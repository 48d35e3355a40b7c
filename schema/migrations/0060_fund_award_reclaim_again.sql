-- 0060: a reversed reclaim of an award over-payment may be raised again from the same item
-- (issue 21; src/funds/award_reclaim.h, docs/FUNDS.md "Reclaiming an over-payment"): an item
-- may now have several reclaim rows, each but the newest reversed, so item_id is no longer
-- UNIQUE. And the payment of an award item pays what its subject is owed less what was actually
-- paid over the versions of its list, in any fund (award_pay.h): the transfers of an item are
-- found by their idempotency key alone (fund_transfers_idem).
-- A reclaim may also answer a later version that owes less than was paid without reducing the
-- previous version (delta_fen >= 0): the CHECK on delta_fen goes. SQLite cannot drop a UNIQUE
-- or a CHECK: the table is rebuilt (no other table refers to it).
-- owner: funds
-- dialect: sqlite
ALTER TABLE fund_award_reclaims RENAME TO fund_award_reclaims_old;
DROP INDEX IF EXISTS fund_award_reclaims_fund;
CREATE TABLE fund_award_reclaims (
  id          {{ID}},
  fund_id     BIGINT NOT NULL REFERENCES funds (id),
  list_id     BIGINT NOT NULL,
  item_id     BIGINT NOT NULL,
  transfer_id BIGINT NOT NULL UNIQUE REFERENCES fund_transfers (id),
  project     TEXT NOT NULL,
  category    TEXT NOT NULL,
  payee_name  TEXT NOT NULL,
  rule_id     TEXT NOT NULL,
  delta_fen   BIGINT NOT NULL,
  amount_fen  BIGINT NOT NULL CHECK (amount_fen > 0),
  created_by  BIGINT,
  created_at  BIGINT NOT NULL
);
INSERT INTO fund_award_reclaims (id, fund_id, list_id, item_id, transfer_id, project, category,
                                 payee_name, rule_id, delta_fen, amount_fen, created_by,
                                 created_at)
  SELECT id, fund_id, list_id, item_id, transfer_id, project, category, payee_name, rule_id,
         delta_fen, amount_fen, created_by, created_at FROM fund_award_reclaims_old;
DROP TABLE fund_award_reclaims_old;
CREATE INDEX fund_award_reclaims_fund ON fund_award_reclaims (fund_id, id);
-- dialect: postgresql
ALTER TABLE fund_award_reclaims DROP CONSTRAINT IF EXISTS fund_award_reclaims_item_id_key;
ALTER TABLE fund_award_reclaims DROP CONSTRAINT IF EXISTS fund_award_reclaims_delta_fen_check;
-- dialect: all
CREATE INDEX fund_award_reclaims_item ON fund_award_reclaims (item_id, id);
CREATE INDEX fund_transfers_idem ON fund_transfers (idem_key);
