package io.banksuite.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** A server run as a child process that answers HTTP on one loopback port. */
abstract class LoopbackHttpServer implements AutoCloseable {

    private final ManagedProcess process;
    private final int port;

    LoopbackHttpServer(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** {@code http://127.0.0.1:<port>}, with no path. */
    final String root() {
        return "http://127.0.0.1:" + port;
    }

    public final int port() {
        return port;
    }

    final ManagedProcess process() {
        return process;
    }

    /** Returns {@code jar}, or fails with {@code howToBuild} when the build has not made it yet. */
    static Path requireFile(Path jar, String howToBuild) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": " + howToBuild);
        }
        return jar;
    }

    @Override
    public final void close() {
        process.close();
    }
}
