-- One database per service; nobody reads another service's tables (outbox-relay reads transaction-service's outbox).
-- analytics-service keeps its data in ClickHouse.
CREATE DATABASE bank_transactions;
CREATE DATABASE bank_fraud;
CREATE DATABASE bank_ml;
CREATE DATABASE bank_notifications;
