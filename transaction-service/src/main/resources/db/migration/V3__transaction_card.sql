-- The card a transaction was made with: the bank's id of the card, never its number (TransactionCreated v2,
-- field cardId). Null for transactions without a card and for every transaction recorded before this migration.
ALTER TABLE transactions ADD COLUMN card_id TEXT NULL CHECK (char_length(card_id) BETWEEN 1 AND 64);
