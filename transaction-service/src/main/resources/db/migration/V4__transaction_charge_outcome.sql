-- A card payment's charge outcome, applied once from notification-worker's ChargeOutcome: the status moves from
-- CREATED to SETTLED, DECLINED or FAILED and never again. charge_id names the request that produced it, so a
-- redelivered outcome is recognised and a contradicting one refused.
ALTER TABLE transactions
    ADD COLUMN charge_id         UUID        NULL,
    ADD COLUMN status_reason     TEXT        NULL,
    ADD COLUMN status_changed_at TIMESTAMPTZ NULL,
    ADD CONSTRAINT transactions_status_ck CHECK (status IN ('CREATED', 'SETTLED', 'DECLINED', 'FAILED')),
    ADD CONSTRAINT transactions_charge_outcome_ck CHECK ((status = 'CREATED') = (charge_id IS NULL));
