-- The inbox table (V0_1) and the outbox table (V0_2) ship in the kafka-inbox and outbox jars.

-- The client's transactions seen by fraud-service: the history behind the velocity rule. Keyed by transaction so a
-- second event about the same transaction adds nothing.
CREATE TABLE client_activity (
    client_id      TEXT        NOT NULL,
    transaction_id UUID        NOT NULL,
    occurred_at    TIMESTAMPTZ NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (client_id, transaction_id)
);
CREATE INDEX client_activity_by_client_time ON client_activity (client_id, occurred_at);
CREATE INDEX client_activity_by_recorded_at ON client_activity (recorded_at);

-- One decision per transaction.
CREATE TABLE fraud_decision (
    transaction_id UUID        PRIMARY KEY,
    event_id       UUID        NOT NULL UNIQUE,
    client_id      TEXT        NOT NULL,
    flagged        BOOLEAN     NOT NULL,
    reasons        TEXT[]      NOT NULL,
    decided_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX fraud_decision_by_decided_at ON fraud_decision (decided_at DESC);
CREATE INDEX fraud_decision_flagged_by_decided_at ON fraud_decision (decided_at DESC) WHERE flagged;
