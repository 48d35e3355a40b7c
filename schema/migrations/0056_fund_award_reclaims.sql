-- 0056: reclaims of award over-payments (追回多付奖补, issue 21; src/funds/award_reclaim.h,
-- docs/FUNDS.md "Reclaiming an over-payment"). When the approved later version of an award list
-- pays a subject less than it was paid under an earlier one, the open item's negative delta is
-- reclaimed: a ledger transfer `reclaim` (paid → claw-back receivable, idempotency key
-- award-list-<list>-item-<item>-reclaim) written in the same transaction as this row. The row
-- ties the transfer to the item it settles; what has come back (recover) and whether the
-- transfer was reversed are read from the ledger, never stored here.
-- owner: funds
CREATE TABLE fund_award_reclaims (
  id          {{ID}},
  fund_id     BIGINT NOT NULL REFERENCES funds (id),
  list_id     BIGINT NOT NULL,
  item_id     BIGINT NOT NULL UNIQUE,
  transfer_id BIGINT NOT NULL UNIQUE REFERENCES fund_transfers (id),
  project     TEXT NOT NULL,
  category    TEXT NOT NULL,
  payee_name  TEXT NOT NULL,
  rule_id     TEXT NOT NULL,
  delta_fen   BIGINT NOT NULL CHECK (delta_fen < 0),
  amount_fen  BIGINT NOT NULL CHECK (amount_fen > 0),
  created_by  BIGINT,
  created_at  BIGINT NOT NULL
);
CREATE INDEX fund_award_reclaims_fund ON fund_award_reclaims (fund_id, id);
