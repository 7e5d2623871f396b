-- Clients' profiles and limits, owned by this service. Each PUT adds a version; the highest is the current one,
-- and the rows below it are the history (who was BLOCKED when, which limits were in force when).

CREATE TABLE client_profile_versions (
    client_id           TEXT        NOT NULL CHECK (char_length(client_id) BETWEEN 1 AND 64),
    version             BIGINT      NOT NULL CHECK (version >= 1),
    status              TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'BLOCKED')),
    segment             TEXT        NOT NULL CHECK (segment ~ '^[A-Z][A-Z0-9_]{0,31}$'),
    country             TEXT        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    changed_at          TIMESTAMPTZ NOT NULL,
    -- The client.updated event that announced this version (its outbox row has the same event_id).
    event_id            UUID        NOT NULL UNIQUE,
    -- The Idempotency-Key of the request that made this version, if any, and a digest of that request.
    idempotency_key     TEXT        NULL CHECK (char_length(idempotency_key) <= 128),
    request_fingerprint TEXT        NULL,
    PRIMARY KEY (client_id, version),
    CONSTRAINT client_profile_versions_idempotency_key_uq UNIQUE (client_id, idempotency_key),
    CONSTRAINT client_profile_versions_fingerprint_with_key_ck
        CHECK ((idempotency_key IS NULL) = (request_fingerprint IS NULL))
);

CREATE TABLE client_limit_versions (
    client_id           TEXT        NOT NULL CHECK (char_length(client_id) BETWEEN 1 AND 64),
    version             BIGINT      NOT NULL CHECK (version >= 1),
    changed_at          TIMESTAMPTZ NOT NULL,
    -- The limit.changed event that announced this version.
    event_id            UUID        NOT NULL UNIQUE,
    idempotency_key     TEXT        NULL CHECK (char_length(idempotency_key) <= 128),
    request_fingerprint TEXT        NULL,
    PRIMARY KEY (client_id, version),
    CONSTRAINT client_limit_versions_idempotency_key_uq UNIQUE (client_id, idempotency_key),
    CONSTRAINT client_limit_versions_fingerprint_with_key_ck
        CHECK ((idempotency_key IS NULL) = (request_fingerprint IS NULL))
);

-- The limits of one version, one row per currency; a version with no rows lifts every limit. Amounts are exact, in
-- the currency's minor units.
CREATE TABLE client_limits (
    client_id                TEXT   NOT NULL,
    version                  BIGINT NOT NULL,
    currency                 TEXT   NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    single_transaction_minor BIGINT NOT NULL CHECK (single_transaction_minor > 0),
    daily_minor              BIGINT NOT NULL CHECK (daily_minor >= single_transaction_minor),
    PRIMARY KEY (client_id, version, currency),
    FOREIGN KEY (client_id, version) REFERENCES client_limit_versions (client_id, version)
);
