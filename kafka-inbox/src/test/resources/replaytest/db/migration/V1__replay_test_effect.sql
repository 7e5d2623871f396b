-- The effect of ReplayTestApplication (kafka-inbox's replay test): one row each time an event is applied, so an
-- event applied twice shows as two rows.
CREATE TABLE replay_test_effect (
    event_id  UUID NOT NULL,
    client_id TEXT NOT NULL
);
