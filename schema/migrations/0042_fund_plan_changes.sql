-- 0042: documented plan adjustments of special funds (issue 21 item 3; docs/FUNDS.md "Plan
-- adjustments"): each change keeps the planned amount it replaced, so the history reads
-- "from → to" without replaying it.
ALTER TABLE fund_category_changes ADD COLUMN before_fen BIGINT NOT NULL DEFAULT 0;
CREATE INDEX fund_category_changes_fund ON fund_category_changes (fund_id, id);
