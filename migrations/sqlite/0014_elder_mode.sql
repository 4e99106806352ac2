-- Elder mode (长辈模式): larger type, high contrast, a home of a few large actions.
-- Keep in step with ../postgres/0014_elder_mode.sql.

-- The account's choice. A device's own choice (a cookie) wins over it; the account's
-- applies on any device that has made none.
ALTER TABLE users ADD COLUMN elder_mode BOOLEAN NOT NULL DEFAULT FALSE;
