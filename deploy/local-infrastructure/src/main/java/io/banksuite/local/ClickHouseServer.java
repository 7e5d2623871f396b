package io.banksuite.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real ClickHouse server (Debian's clickhouse-server, installed by deploy/scripts/ensure-infrastructure.sh) as a
 * child process: its configuration, data and logs under {@code workDir}, its HTTP interface alone on a loopback
 * port (no native TCP port), the user {@code default} without a password, times in UTC.
 */
public final class ClickHouseServer extends LoopbackHttpServer {

    private static final String EXECUTABLE = "/usr/sbin/clickhouse-server";

    private ClickHouseServer(ManagedProcess process, int port) {
        super(process, port);
    }

    public static ClickHouseServer start(int port, Path workDir) {
        Path executable = requireFile(Path.of(EXECUTABLE),
                "run deploy/scripts/ensure-infrastructure.sh, which installs Debian's clickhouse-server");
        Path config = workDir.resolve("config.xml");
        try {
            for (String dir : List.of("data", "tmp", "user_files", "format_schemas", "log")) {
                Files.createDirectories(workDir.resolve(dir));
            }
            Files.writeString(config, config(port, workDir.toAbsolutePath()));
            Files.writeString(workDir.resolve("users.xml"), USERS);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write ClickHouse's configuration under " + workDir, e);
        }
        ManagedProcess process = ManagedProcess.start("clickhouse",
                List.of(executable.toString(), "--config-file=" + config), Map.of(), workDir,
                workDir.resolve("clickhouse.log"));
        ClickHouseServer server = new ClickHouseServer(process, port);
        process.awaitHttpOk(server.url() + "/ping", Duration.ofSeconds(60));
        return server;
    }

    /** One server per JVM, started on first use and stopped when the JVM exits; for tests. */
    public static ClickHouseServer shared() {
        return SharedServers.get("clickhouse", ClickHouseServer.class,
                (root, workDir) -> start(FreePorts.next(), workDir));
    }

    /** The HTTP interface: the endpoint of ClickHouse's Java client. */
    public String url() {
        return root();
    }

    /** Freezes the server (SIGSTOP), as a hung one: connections stay open, nothing answers. */
    public void suspend() {
        process().suspend();
    }

    public void resume() {
        process().resume();
    }

    private static String config(int port, Path dir) {
        return """
                <yandex>
                    <logger>
                        <level>warning</level>
                        <log>%1$s/log/clickhouse.log</log>
                        <errorlog>%1$s/log/clickhouse.err.log</errorlog>
                        <console>0</console>
                    </logger>
                    <http_port>%2$d</http_port>
                    <listen_host>127.0.0.1</listen_host>
                    <timezone>UTC</timezone>
                    <path>%1$s/data/</path>
                    <tmp_path>%1$s/tmp/</tmp_path>
                    <user_files_path>%1$s/user_files/</user_files_path>
                    <format_schema_path>%1$s/format_schemas/</format_schema_path>
                    <users_config>users.xml</users_config>
                    <default_profile>default</default_profile>
                    <default_database>default</default_database>
                    <mark_cache_size>268435456</mark_cache_size>
                    <uncompressed_cache_size>268435456</uncompressed_cache_size>
                    <max_concurrent_queries>50</max_concurrent_queries>
                </yandex>
                """.formatted(dir, port);
    }

    private static final String USERS = """
            <yandex>
                <profiles>
                    <default>
                        <max_memory_usage>2000000000</max_memory_usage>
                    </default>
                </profiles>
                <users>
                    <default>
                        <password></password>
                        <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
                        <profile>default</profile>
                        <quota>default</quota>
                    </default>
                </users>
                <quotas>
                    <default>
                        <interval>
                            <duration>3600</duration><queries>0</queries><errors>0</errors>
                            <result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time>
                        </interval>
                    </default>
                </quotas>
            </yandex>
            """;
}
