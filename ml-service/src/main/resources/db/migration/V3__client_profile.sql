-- The latest profile of each client (client.updated): its status and segment are features beside the per-currency
-- numbers. Only a higher version replaces the row, so a redelivered or replayed older event changes nothing.
CREATE TABLE client_profile (
    client_id  TEXT        PRIMARY KEY,
    version    BIGINT      NOT NULL CHECK (version >= 1),
    status     TEXT        NOT NULL,
    segment    TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
