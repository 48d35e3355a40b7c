-- 0017: a user of a role that acts for one object (role `entity`: one business; later
-- `station_operator`: one station) is bound to it (issue 15 item 4). The owning module checks the
-- object when the account is made (runtime::Binding in its manifest) and limits every read and
-- write of that user to it. NULL for every other user. Owned by account (table users).
ALTER TABLE users ADD COLUMN bound_kind TEXT;
ALTER TABLE users ADD COLUMN bound_id BIGINT;
CREATE INDEX users_bound ON users (bound_kind, bound_id);
