-- 0033: special funds (专项资金, issue 21; src/funds, docs/FUNDS.md): funds with their tranches and
-- category plan, the projects they pay, and a double-entry ledger of transfers between accounts.
-- Money is integer fen. A transfer is immutable: corrections are reversing transfers.

-- A fund: source, amount (the approved total), the share of a project's approved subsidy that
-- may be advanced before acceptance (0: no advance, as 000 pays only after acceptance), and the
-- last closed date (transfers dated on or before it are refused).
-- owner: funds
CREATE TABLE funds (
  id              {{ID}},
  county_code     TEXT NOT NULL,
  programme_id    BIGINT,
  name            TEXT NOT NULL,
  source          TEXT NOT NULL CHECK (source IN ('central', 'provincial', 'city', 'county', 'other')),
  amount_fen      BIGINT NOT NULL CHECK (amount_fen > 0),
  advance_pct     INTEGER NOT NULL CHECK (advance_pct BETWEEN 0 AND 100),
  valid_from      TEXT NOT NULL,
  valid_to        TEXT NOT NULL,
  document        TEXT NOT NULL,
  closed_through  TEXT,
  created_by      BIGINT,
  created_at      BIGINT NOT NULL,
  UNIQUE (county_code, name)
);

-- The categories of the fund's plan (e.g. 004: 450/600/450万) and what each may commit.
-- planned_fen changes only with a document (fund_category_changes keeps each change).
-- owner: funds
CREATE TABLE fund_categories (
  fund_id     BIGINT NOT NULL REFERENCES funds (id),
  code        TEXT NOT NULL,
  name        TEXT NOT NULL,
  planned_fen BIGINT NOT NULL CHECK (planned_fen >= 0),
  PRIMARY KEY (fund_id, code)
);
-- owner: funds
CREATE TABLE fund_category_changes (
  id          {{ID}},
  fund_id     BIGINT NOT NULL,
  code        TEXT NOT NULL,
  planned_fen BIGINT NOT NULL,
  document    TEXT NOT NULL,
  reason      TEXT NOT NULL,
  changed_by  BIGINT,
  changed_at  BIGINT NOT NULL,
  FOREIGN KEY (fund_id, code) REFERENCES fund_categories (fund_id, code)
);

-- A project the fund pays: its acceptance decides what may move (advance before, payment and
-- settlement of the advance after, claw-back when it failed).
-- owner: funds
CREATE TABLE fund_projects (
  fund_id     BIGINT NOT NULL REFERENCES funds (id),
  project     TEXT NOT NULL,
  name        TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'failed')),
  status_on   TEXT,
  document    TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (fund_id, project)
);

-- The ledger. An account is (fund, kind, category, project); a transfer moves amount_fen from
-- one account to another. seq numbers a fund's transfers 1, 2, …; tag is the keyed hash
-- (crypto::RecordMac, context "funds.transfer") of the transfer's fields and the previous
-- transfer's tag, so an edited, deleted or reordered row breaks the chain `funds verify` walks.
-- (fund_id, idem_key) makes a repeated command a no-op; fingerprint tells a repeat from a
-- different command under the same key. reverses: the transfer this one undoes (once).
-- owner: funds
CREATE TABLE fund_transfers (
  id            {{ID}},
  fund_id       BIGINT NOT NULL REFERENCES funds (id),
  seq           BIGINT NOT NULL,
  op            TEXT NOT NULL,
  from_kind     TEXT NOT NULL,
  from_category TEXT NOT NULL,
  from_project  TEXT NOT NULL,
  to_kind       TEXT NOT NULL,
  to_category   TEXT NOT NULL,
  to_project    TEXT NOT NULL,
  amount_fen    BIGINT NOT NULL CHECK (amount_fen > 0),
  value_date    TEXT NOT NULL,
  document      TEXT NOT NULL,
  purpose       TEXT NOT NULL DEFAULT '',
  uplink_pct    INTEGER NOT NULL DEFAULT 0 CHECK (uplink_pct BETWEEN 0 AND 100),
  reason        TEXT NOT NULL DEFAULT '',
  reverses      BIGINT UNIQUE REFERENCES fund_transfers (id),
  idem_key      TEXT NOT NULL,
  fingerprint   TEXT NOT NULL,
  prev_tag      TEXT NOT NULL,
  tag           TEXT NOT NULL,
  created_by    BIGINT,
  created_at    BIGINT NOT NULL,
  UNIQUE (fund_id, seq),
  UNIQUE (fund_id, idem_key)
);
CREATE INDEX fund_transfers_project ON fund_transfers (fund_id, to_project, id);

-- Each account's balance (what came in minus what went out), written in the same transaction
-- as the transfer; `funds verify` recomputes it from the transfers. Only the treasury account
-- (the money's outside: arrivals come from it, returns go back to it) may be negative.
-- owner: funds
CREATE TABLE fund_balances (
  fund_id     BIGINT NOT NULL REFERENCES funds (id),
  kind        TEXT NOT NULL,
  category    TEXT NOT NULL,
  project     TEXT NOT NULL,
  balance_fen BIGINT NOT NULL,
  PRIMARY KEY (fund_id, kind, category, project)
);
