-- The "spend so far today" feature: each client's spend per UTC day and currency, as the daily-spend stream
-- (topic client.daily-spend, read read_committed) last reported it. The stream's counts only grow within a day, so
-- only a higher count replaces the row, and a replayed older record changes nothing.
CREATE TABLE client_daily_spend (
    client_id   TEXT        NOT NULL,
    day         DATE        NOT NULL,
    currency    TEXT        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    txn_count   BIGINT      NOT NULL CHECK (txn_count > 0),
    -- Exact, in the currency's minor units.
    total_minor BIGINT      NOT NULL CHECK (total_minor >= txn_count),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (client_id, day, currency)
);
