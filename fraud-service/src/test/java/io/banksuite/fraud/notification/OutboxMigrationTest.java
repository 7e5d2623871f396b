package io.banksuite.fraud.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.banksuite.outbox.OutboxSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** fraud-service owns its outbox table, and it must be exactly the one the outbox library reads and writes. */
class OutboxMigrationTest {

    @Test
    void theOutboxMigrationIsTheLibrarysReferenceDdl() throws IOException {
        String migration;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("db/migration/V3__outbox.sql")) {
            assertThat(in).as("V3__outbox.sql on the classpath").isNotNull();
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(normalized(migration)).isEqualTo(normalized(OutboxSchema.ddl()));
    }

    private static String normalized(String sql) {
        return sql.replaceAll("(?m)--.*$", "").replaceAll("\\s+", " ").trim();
    }
}
