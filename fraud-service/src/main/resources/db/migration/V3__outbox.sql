-- The transactional outbox of notification jobs (io.banksuite.outbox), exactly the library's reference DDL
-- (io/banksuite/outbox/outbox.sql; OutboxMigrationTest compares them). Rows are written in the same transaction
-- as the fraud decision and published to RabbitMQ by NotificationOutboxPublisher.
CREATE TABLE outbox (
    -- Publication order: a relay publishes unsent rows in ascending id.
    id             BIGSERIAL   PRIMARY KEY,
    -- The message's unique id; consumers deduplicate on it (a relay may publish a row twice after a crash).
    event_id       UUID        NOT NULL UNIQUE,
    -- Kafka topic or RabbitMQ exchange.
    destination    TEXT        NOT NULL,
    -- Kafka record key (the client id, so one client's messages keep their order) or AMQP routing key.
    message_key    TEXT        NOT NULL,
    -- The message body: plain Avro binary (no wire-format framing) or JSON bytes.
    payload        BYTEA       NOT NULL,
    -- The Avro writer schema (JSON) of an Avro payload, registered by the relay; NULL for non-Avro payloads.
    payload_schema TEXT        NULL,
    -- avro/binary or application/json.
    content_type   TEXT        NOT NULL,
    -- String-to-string message headers, e.g. the W3C traceparent of the request that wrote the row.
    headers        JSONB       NOT NULL DEFAULT '{}',
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- Set once the broker has acknowledged the message; NULL while it waits.
    sent_at        TIMESTAMPTZ NULL,
    -- Failed publication attempts, and the last error, for operators and alerts.
    attempts       INT         NOT NULL DEFAULT 0,
    last_error     TEXT        NULL
);

CREATE INDEX outbox_unsent_idx ON outbox (id) WHERE sent_at IS NULL;
