-- Per-minute totals by currency and merchant category. The inbox table is V0_1, shipped by kafka-inbox.
CREATE TABLE minute_totals (
    -- occurredAt truncated to the minute (UTC).
    minute            TIMESTAMPTZ NOT NULL,
    currency          TEXT        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    -- ISO 18245 merchant category code, or UNKNOWN when the event has none.
    merchant_category TEXT        NOT NULL,
    txn_count         BIGINT      NOT NULL CHECK (txn_count > 0),
    -- Exact sum in the currency's minor units.
    amount_minor      BIGINT      NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (minute, currency, merchant_category)
);
