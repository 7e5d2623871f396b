-- What transaction-service announced of each client (client.updated, limit.changed), kept as history by the time
-- each change took effect (the event's occurredAt), so that a transaction is screened against the status and limits
-- in force when it occurred, even when a later change reaches fraud-service first. A version seen twice (a
-- redelivered or replayed event) adds nothing.
CREATE TABLE client_status_history (
    client_id    TEXT        NOT NULL,
    version      BIGINT      NOT NULL,
    effective_at TIMESTAMPTZ NOT NULL,
    status       TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'BLOCKED')),
    PRIMARY KEY (client_id, version)
);
CREATE INDEX client_status_history_by_time ON client_status_history (client_id, effective_at DESC, version DESC);

CREATE TABLE client_limit_history (
    client_id    TEXT        NOT NULL,
    version      BIGINT      NOT NULL,
    effective_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (client_id, version)
);
CREATE INDEX client_limit_history_by_time ON client_limit_history (client_id, effective_at DESC, version DESC);

-- The limits of one version, one row per currency (none: no limit in any currency).
CREATE TABLE client_limit_entries (
    client_id                TEXT   NOT NULL,
    version                  BIGINT NOT NULL,
    currency                 TEXT   NOT NULL,
    single_transaction_minor BIGINT NOT NULL CHECK (single_transaction_minor > 0),
    daily_minor              BIGINT NOT NULL CHECK (daily_minor >= single_transaction_minor),
    PRIMARY KEY (client_id, version, currency),
    FOREIGN KEY (client_id, version) REFERENCES client_limit_history (client_id, version)
);

-- The daily-limit rule sums the day's amounts: client_activity keeps them. Rows recorded before this migration
-- carry amount 0 and no currency, so they count towards no daily total; they age out with fraud.activity.retention.
ALTER TABLE client_activity ADD COLUMN amount_minor BIGINT NOT NULL DEFAULT 0;
ALTER TABLE client_activity ADD COLUMN currency TEXT NOT NULL DEFAULT '';
ALTER TABLE client_activity ALTER COLUMN amount_minor DROP DEFAULT;
ALTER TABLE client_activity ALTER COLUMN currency DROP DEFAULT;
