-- The inbox of an idempotent Kafka consumer: one row per event this service has applied. The row is written in the
-- same database transaction as the event's effect, so "applied" and "recorded as applied" commit or roll back
-- together. Shipped by the kafka-inbox library and applied by the Flyway of each consuming service from this jar's
-- classpath:db/migration. Shared libraries own Flyway versions 0.x (kafka-inbox 0.1, outbox 0.2); each service's
-- own migrations start at 1.
CREATE TABLE inbox_processed_event (
    event_id        UUID        PRIMARY KEY,
    consumer_group  TEXT        NOT NULL,
    topic           TEXT        NOT NULL,
    kafka_partition INT         NOT NULL,
    kafka_offset    BIGINT      NOT NULL,
    record_key      TEXT,
    processed_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- The order in which this service applied events. Within one partition (so for one client, the record key)
    -- it is the apply order; across partitions it is only the order of the inserts, not of the commits.
    seq             BIGSERIAL   NOT NULL UNIQUE
);

COMMENT ON TABLE inbox_processed_event IS 'Events applied by this service (kafka-inbox); dedup on event_id';
