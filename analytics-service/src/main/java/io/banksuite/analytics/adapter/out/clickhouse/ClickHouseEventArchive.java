package io.banksuite.analytics.adapter.out.clickhouse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import com.clickhouse.client.api.Client;
import com.clickhouse.data.ClickHouseFormat;
import io.banksuite.analytics.application.port.out.EventArchiveStore;
import io.banksuite.analytics.domain.ArchivedEvent;
import io.banksuite.analytics.domain.CountryTotal;
import io.banksuite.analytics.domain.MinuteTotal;
import io.banksuite.analytics.domain.TimeRange;
import io.banksuite.schemas.Topics;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events in ClickHouse, table {@code <database>.client_events}: a ReplacingMergeTree whose sorting key holds
 * the event id, so that copies of one event (redelivered, replayed, read again after a rewind) collapse into one row,
 * and every query reads {@code FINAL}, so that they count once even before the background merge has run.
 *
 * <p>Written through the HTTP interface as JSONEachRow, read back as JSONEachRow with compression off: the forms
 * that every server version speaks (Debian's 18.16 does not know the client's default RowBinary query format).
 * Nothing a client sends reaches the SQL: the queries' only values are instants, written as numbers.
 */
@Repository
public class ClickHouseEventArchive implements EventArchiveStore, InitializingBean {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Client client;
    private final ClickHouseProperties properties;
    private final JsonMapper json;
    private final String table;

    public ClickHouseEventArchive(Client client, ClickHouseProperties properties, JsonMapper json) {
        this.client = client;
        this.properties = properties;
        this.json = json;
        this.table = properties.database() + ".client_events";
    }

    /** Creates the database and the table when missing; a server that cannot be reached stops the start-up. */
    @Override
    public void afterPropertiesSet() {
        execute("CREATE DATABASE IF NOT EXISTS " + properties.database());
        execute("""
                CREATE TABLE IF NOT EXISTS %s (
                    event_id          UUID,
                    event_type        String,
                    client_id         String,
                    occurred_at       DateTime('UTC'),
                    occurred_at_us    Int64,
                    transaction_id    Nullable(String),
                    amount_minor      Nullable(Int64),
                    currency          Nullable(String),
                    merchant_category Nullable(String),
                    merchant_country  Nullable(String),
                    channel           Nullable(String),
                    payload           String,
                    kafka_topic       String,
                    kafka_partition   Int32,
                    kafka_offset      Int64,
                    archived_at       DateTime('UTC') DEFAULT now()
                ) ENGINE = ReplacingMergeTree
                PARTITION BY toYYYYMM(occurred_at)
                ORDER BY (event_type, occurred_at, event_id)""".formatted(table));
    }

    @Override
    public void insert(List<ArchivedEvent> events) {
        ByteArrayOutputStream rows = new ByteArrayOutputStream(events.size() * 512);
        for (ArchivedEvent event : events) {
            rows.writeBytes(json.writeValueAsBytes(row(event)));
            rows.write('\n');
        }
        try {
            client.insert(table, new ByteArrayInputStream(rows.toByteArray()), ClickHouseFormat.JSONEachRow)
                    .get(properties.socketTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .close();
        } catch (ExecutionException e) {
            throw unavailable("insert " + events.size() + " events into " + table, e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            throw unavailable("insert " + events.size() + " events into " + table, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("insert into " + table + " (interrupted)", e);
        } catch (Exception e) {
            throw unavailable("close the insert's response from " + table, e);
        }
    }

    @Override
    public List<MinuteTotal> minuteTotals(TimeRange range) {
        return query("""
                SELECT toStartOfMinute(occurred_at) AS minute, assumeNotNull(currency) AS currency,
                       ifNull(merchant_category, '%s') AS merchant_category,
                       count() AS txn_count, sum(assumeNotNull(amount_minor)) AS amount_minor
                FROM %s FINAL
                WHERE %s
                GROUP BY minute, currency, merchant_category
                ORDER BY minute, currency, merchant_category
                FORMAT JSONEachRow""".formatted(MinuteTotal.UNKNOWN_CATEGORY, table, transactionsIn(range)),
                row -> new MinuteTotal(
                        LocalDateTime.parse(row.get("minute").asString(), DATE_TIME).toInstant(ZoneOffset.UTC),
                        row.get("currency").asString(), row.get("merchant_category").asString(),
                        number(row, "txn_count"), number(row, "amount_minor")));
    }

    @Override
    public List<CountryTotal> countryTotals(TimeRange range) {
        return query("""
                SELECT ifNull(merchant_country, '%s') AS merchant_country, assumeNotNull(currency) AS currency,
                       count() AS txn_count, sum(assumeNotNull(amount_minor)) AS amount_minor
                FROM %s FINAL
                WHERE %s
                GROUP BY merchant_country, currency
                ORDER BY merchant_country, currency
                FORMAT JSONEachRow""".formatted(CountryTotal.UNKNOWN, table, transactionsIn(range)),
                row -> new CountryTotal(row.get("merchant_country").asString(), row.get("currency").asString(),
                        number(row, "txn_count"), number(row, "amount_minor")));
    }

    /** Exact in microseconds; the condition on occurred_at lets ClickHouse skip partitions and granules. */
    private static String transactionsIn(TimeRange range) {
        long fromSecond = range.from().getEpochSecond();
        long toSecond = range.to().plus(999_999_999, ChronoUnit.NANOS).getEpochSecond();
        return "event_type = '" + Topics.TRANSACTION_CREATED.name() + "'"
                + " AND occurred_at >= toDateTime(" + fromSecond + ") AND occurred_at <= toDateTime(" + toSecond + ")"
                + " AND occurred_at_us >= " + micros(range.from()) + " AND occurred_at_us < " + micros(range.to());
    }

    private ObjectNode row(ArchivedEvent event) {
        ObjectNode row = json.createObjectNode()
                .put("event_id", event.eventId().toString())
                .put("event_type", event.eventType())
                .put("client_id", event.clientId())
                .put("occurred_at", LocalDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC).format(DATE_TIME))
                .put("occurred_at_us", micros(event.occurredAt()))
                .put("payload", event.payloadJson())
                .put("kafka_topic", event.source().topic())
                .put("kafka_partition", event.source().partition())
                .put("kafka_offset", event.source().offset());
        ArchivedEvent.TransactionColumns tx = event.transaction();
        if (tx != null) {
            row.put("transaction_id", tx.transactionId())
                    .put("amount_minor", tx.amountMinor())
                    .put("currency", tx.currency())
                    .put("merchant_category", tx.merchantCategory())
                    .put("merchant_country", tx.merchantCountry())
                    .put("channel", tx.channel());
        }
        return row;
    }

    private <T> List<T> query(String sql, Function<JsonNode, T> mapping) {
        try (var response = client.query(sql).get(properties.socketTimeout().toMillis(), TimeUnit.MILLISECONDS);
             InputStream body = response.getInputStream()) {
            List<T> rows = new ArrayList<>();
            for (String line : new String(body.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    rows.add(mapping.apply(json.readTree(line)));
                }
            }
            return rows;
        } catch (ExecutionException e) {
            throw unavailable("query " + table, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("query " + table + " (interrupted)", e);
        } catch (TimeoutException | IOException | RuntimeException e) {
            throw unavailable("query " + table, e);
        } catch (Exception e) {
            throw unavailable("close the answer from " + table, e);
        }
    }

    private void execute(String sql) {
        try {
            client.execute(sql).get(properties.socketTimeout().toMillis(), TimeUnit.MILLISECONDS).close();
        } catch (ExecutionException e) {
            throw unavailable("run DDL on " + properties.url(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("run DDL (interrupted)", e);
        } catch (Exception e) {
            throw unavailable("run DDL on " + properties.url(), e);
        }
    }

    /** ClickHouse writes 64-bit integers as JSON strings; either form is read. */
    private static long number(JsonNode row, String field) {
        return Long.parseLong(row.get(field).asString());
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private ArchiveUnavailableException unavailable(String what, Throwable cause) {
        return new ArchiveUnavailableException("ClickHouse at " + properties.url() + " could not " + what + ": "
                + cause, cause);
    }
}
