package io.banksuite.notification.adapter.out.persistence;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** PostgreSQL {@code text[]} columns as lists. */
final class JdbcArrays {

    private JdbcArrays() {
    }

    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
