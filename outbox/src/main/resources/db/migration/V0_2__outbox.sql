-- The transactional outbox (PostgreSQL 15+): the one copy of its DDL, applied by the Flyway of each service that
-- owns an outbox (transaction-service, fraud-service) from this jar's classpath:db/migration.
-- Shared libraries own Flyway versions 0.x (kafka-inbox 0.1, outbox 0.2); each service's own migrations start at 1.
-- Do not edit it once released: Flyway checksums every applied migration.
--
-- A service writes one row per message in the same database transaction as the state change the message announces
-- (io.banksuite.outbox.OutboxWriter); a relay publishes the rows in id order and marks them sent
-- (io.banksuite.outbox.OutboxStore). The table is transport-neutral: destination is a Kafka topic or a
-- RabbitMQ exchange, whichever the relay reading this table speaks. outbox-relay reads this table in
-- transaction-service's database and never runs migrations there.
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

-- The relay's only query ("next unsent rows in id order") reads this small index, however large the table of
-- sent rows grows.
CREATE INDEX outbox_unsent_idx ON outbox (id) WHERE sent_at IS NULL;
