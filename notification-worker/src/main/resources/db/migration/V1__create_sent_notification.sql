-- Jobs the provider accepted. The worker checks this table before sending (idempotency) and inserts after a
-- successful send; the primary key turns a racing duplicate insert into a no-op.
-- Columns are text rather than bounded varchar: a record that fails to insert after a successful send would make
-- the job be redelivered and sent again and again.
CREATE TABLE sent_notification (
    job_id         uuid        PRIMARY KEY,
    kind           text        NOT NULL,
    client_id      text,
    transaction_id uuid,
    event_id       uuid,
    sent_at        timestamptz NOT NULL,
    attempts       integer     NOT NULL CHECK (attempts >= 1),
    provider       text        NOT NULL,
    trace_id       text,
    -- Retry queues the job expired from before it was sent, in tier order (from the broker's x-death header).
    retried_via    text[]      NOT NULL DEFAULT '{}'
);
