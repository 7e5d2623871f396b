-- Per-client features, one row per client and currency (amounts of different currencies are never summed).
-- The inbox table is V0_1, shipped by kafka-inbox.
CREATE TABLE client_currency_features (
    client_id    TEXT          NOT NULL,
    currency     TEXT          NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    txn_count    BIGINT        NOT NULL CHECK (txn_count > 0),
    -- Exact, in the currency's minor units.
    sum_minor    BIGINT        NOT NULL,
    -- sum_minor / txn_count in minor units, 2 decimal places, rounded half-even (FeatureMaths).
    avg_minor    NUMERIC(22, 2) NOT NULL,
    last_seen_at TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (client_id, currency)
);
