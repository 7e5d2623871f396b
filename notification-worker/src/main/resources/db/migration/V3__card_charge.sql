-- One outcome per transaction's charge (SETTLED, DECLINED or FAILED), recorded once and final: the worker checks it
-- before calling the card processor, and the primary key keeps a racing second delivery from recording another.
CREATE TABLE card_charge (
    transaction_id      uuid        PRIMARY KEY,
    charge_id           uuid        NOT NULL,
    client_id           text,
    card_id             text        NOT NULL,
    amount_minor        bigint      NOT NULL CHECK (amount_minor > 0),
    currency            text        NOT NULL,
    status              text        NOT NULL CHECK (status IN ('SETTLED', 'DECLINED', 'FAILED')),
    processor_reference text,
    reason              text,
    attempts            integer     NOT NULL CHECK (attempts >= 1),
    trace_id            text,
    decided_at          timestamptz NOT NULL
);
