package io.banksuite.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the root of the repository, where {@code mvnw} lives. */
public final class SuiteRoot {

    private SuiteRoot() {
    }

    public static Path path() {
        String configured = System.getProperty("suite.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("schemas"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("Cannot find the suite's root directory from " + Path.of("").toAbsolutePath()
                + "; set the system property suite.root");
    }
}
