-- The audit log of fraud alerts: one row per alert, appended by the audit queue's consumer and never changed.
-- The primary key makes a redelivered alert a no-op; the trigger refuses UPDATE and DELETE (and TRUNCATE) for
-- every role, so the log stays append-only even for a bug in the worker. Columns are text rather than bounded
-- varchar, for the same reason as sent_notification's: an alert that cannot be inserted would only retry.
CREATE TABLE alert_audit_log (
    seq              bigserial   UNIQUE,
    alert_id         uuid        PRIMARY KEY,
    kind             text        NOT NULL,
    transaction_id   uuid,
    client_id        text,
    event_id         uuid,
    reasons          text[]      NOT NULL DEFAULT '{}',
    alert_created_at timestamptz,
    trace_id         text,
    recorded_at      timestamptz NOT NULL,
    attempt          integer     NOT NULL CHECK (attempt >= 1)
);

CREATE INDEX alert_audit_log_transaction ON alert_audit_log (transaction_id);
CREATE INDEX alert_audit_log_client ON alert_audit_log (client_id, seq);

CREATE FUNCTION alert_audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'alert_audit_log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER alert_audit_log_no_change
    BEFORE UPDATE OR DELETE ON alert_audit_log
    FOR EACH ROW EXECUTE FUNCTION alert_audit_log_is_append_only();

CREATE TRIGGER alert_audit_log_no_truncate
    BEFORE TRUNCATE ON alert_audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION alert_audit_log_is_append_only();
