-- 0013: failed-login counters per username, per (username, address) and per address (issue 15
-- items 11-13), replacing login_throttle (per submitted username only).
--   kind 'user': subject = the submitted username (known or not), across all addresses;
--   kind 'pair': subject = username || ' ' || address — the lockout a wrong guess normally
--                causes, so that one address cannot lock an account out for everyone;
--   kind 'ip':   subject = the client address, across all usernames (password spraying).
-- `pending` counts attempts reserved but not yet judged: a login reserves its attempt on every
-- counter in a write transaction before the (slow) password check, so parallel guesses can never
-- exceed a limit. `username` is set on user and pair rows so the user list can show a lock and
-- the security admin can lift it. Rows hold no county: see docs/ARCHITECTURE.md.
-- owner: account
CREATE TABLE auth_throttle (
  kind         TEXT NOT NULL CHECK (kind IN ('user', 'pair', 'ip')),
  subject      TEXT NOT NULL,
  username     TEXT,
  failed_count INTEGER NOT NULL DEFAULT 0,
  pending      INTEGER NOT NULL DEFAULT 0,
  window_start BIGINT NOT NULL,
  locked_until BIGINT,
  PRIMARY KEY (kind, subject)
);
CREATE INDEX auth_throttle_username ON auth_throttle (username);
CREATE INDEX auth_throttle_window ON auth_throttle (window_start);
DROP TABLE login_throttle;
