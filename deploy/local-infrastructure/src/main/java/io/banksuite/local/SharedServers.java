package io.banksuite.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/** Servers that the tests of one JVM share: each started on first use and stopped when the JVM exits. */
final class SharedServers {

    private static final Map<String, AutoCloseable> STARTED = new HashMap<>();

    private SharedServers() {
    }

    /**
     * @param start starts the server from the suite's root, in a work folder of this JVM's own, on a free port
     */
    static synchronized <T extends AutoCloseable> T get(String name, Class<T> type,
                                                       BiFunction<Path, Path, T> start) {
        AutoCloseable server = STARTED.get(name);
        if (server == null) {
            Path root = SuiteRoot.path();
            Path workDir = root.resolve("target/test-infrastructure/" + name + "-" + ProcessHandle.current().pid());
            server = start.apply(root, workDir);
            STARTED.put(name, server);
            AutoCloseable started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (Exception e) {
                    System.err.println("Cannot stop " + name + ": " + e);
                }
            }, name + "-stop"));
        }
        return type.cast(server);
    }
}
