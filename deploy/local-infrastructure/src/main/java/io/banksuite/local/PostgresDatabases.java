package io.banksuite.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Databases on the real PostgreSQL server that every machine of this kind runs (127.0.0.1:5432, trust auth).
 * Each test class takes a database of its own, created empty, so tests never see each other's rows.
 * Override the server with the environment variables SUITE_PG_HOST, SUITE_PG_PORT, SUITE_PG_USER and
 * SUITE_PG_PASSWORD.
 */
public final class PostgresDatabases {

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private PostgresDatabases() {
    }

    public static String host() {
        return env("SUITE_PG_HOST", "127.0.0.1");
    }

    public static int port() {
        return Integer.parseInt(env("SUITE_PG_PORT", "5432"));
    }

    public static String username() {
        return env("SUITE_PG_USER", "postgres");
    }

    public static String password() {
        return env("SUITE_PG_PASSWORD", "");
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** Drops the database if it exists, creates it empty, and returns its JDBC URL. */
    public static String recreate(String database) {
        requireSafe(database);
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), username(), password());
             Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                    + "' AND pid <> pg_backend_pid()");
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot recreate database " + database + " on " + host() + ":" + port()
                    + " (is PostgreSQL running? see README.md)", e);
        }
        return jdbcUrl(database);
    }

    /**
     * Recreates the database (as {@link #recreate}) and returns Spring Boot's datasource properties for it:
     * {@code spring.datasource.url}, {@code .username} and {@code .password}.
     */
    public static Map<String, String> recreateForSpring(String database) {
        return Map.of("spring.datasource.url", recreate(database),
                "spring.datasource.username", username(),
                "spring.datasource.password", password());
    }

    /** Creates the database unless it exists, keeping its rows, and returns its JDBC URL. */
    public static String ensure(String database) {
        requireSafe(database);
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), username(), password());
             Statement statement = admin.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database + " on " + host() + ":" + port(), e);
        }
        return jdbcUrl(database);
    }

    private static void requireSafe(String database) {
        if (!SAFE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a safe database name: " + database);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
