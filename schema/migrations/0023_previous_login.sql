-- 0023: the home page's 上次登录 is the sign-in before the current one (issue 26 item 8): at each
-- sign-in last_login_at moves here before it is set to now. NULL until a user's second sign-in.
-- Owned by account (table users).
ALTER TABLE users ADD COLUMN previous_login_at BIGINT;
