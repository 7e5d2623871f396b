-- Transactions as clients created them. Amounts are exact: NUMERIC for people and reports, amount_minor (in the
-- currency's minor units) for the events and arithmetic.
CREATE TABLE transactions (
    id                  UUID           PRIMARY KEY,
    -- Insertion order, the order (newest first) and the keyset cursor of a client's transaction list.
    seq                 BIGINT         GENERATED ALWAYS AS IDENTITY UNIQUE,
    client_id           TEXT           NOT NULL CHECK (char_length(client_id) BETWEEN 1 AND 64),
    amount              NUMERIC(19, 4) NOT NULL CHECK (amount > 0),
    amount_minor        BIGINT         NOT NULL CHECK (amount_minor > 0),
    currency            TEXT           NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    type                TEXT           NOT NULL,
    merchant_id         TEXT           NULL CHECK (char_length(merchant_id) <= 64),
    merchant_category   TEXT           NULL CHECK (merchant_category ~ '^[0-9]{4}$'),
    merchant_country    TEXT           NULL CHECK (merchant_country ~ '^[A-Z]{2}$'),
    channel             TEXT           NOT NULL,
    status              TEXT           NOT NULL,
    occurred_at         TIMESTAMPTZ    NOT NULL,
    -- The TransactionCreated event that announced this transaction (its outbox row has the same event_id).
    event_id            UUID           NOT NULL UNIQUE,
    -- The client's Idempotency-Key header, if any, and a digest of the request it came with: a retry with the same
    -- key returns this row; the same key with another request is refused.
    idempotency_key     TEXT           NULL CHECK (char_length(idempotency_key) <= 128),
    request_fingerprint TEXT           NULL,
    CONSTRAINT transactions_idempotency_key_uq UNIQUE (client_id, idempotency_key),
    CONSTRAINT transactions_fingerprint_with_key_ck CHECK ((idempotency_key IS NULL) = (request_fingerprint IS NULL))
);

CREATE INDEX transactions_client_seq_idx ON transactions (client_id, seq DESC);
