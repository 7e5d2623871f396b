package io.banksuite.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Confluent's own Avro serde, from its npm package {@code @confluentinc/schemaregistry}, run by Node.js through the
 * script {@code src/test/js/confluent-interop.js}. The package is installed with {@code npm ci} from the committed
 * package.json and package-lock.json into {@code target/js-interop}, never into the source tree, and only again when
 * those files or the Node.js version change. Missing Node.js or npm, or an npm registry that cannot be reached, fail
 * the test: the interop proof must not silently vanish from CI.
 */
final class ConfluentJavaScript {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    private static final String NODE = "node";
    private static final String NPM = WINDOWS ? "npm.cmd" : "npm";
    private static final String SCRIPT = "confluent-interop.js";
    private static final String PACKAGE = "@confluentinc/schemaregistry";
    private static final int MIN_NODE_MAJOR = 20;
    private static final List<String> INSTALL_INPUTS = List.of("package.json", "package-lock.json", ".npmrc");

    private static ConfluentJavaScript installed;

    private final Path workDir;

    private ConfluentJavaScript(Path workDir) {
        this.workDir = workDir;
    }

    /** Installs the package (if not yet installed from the same lock with the same Node.js) and the script. */
    static synchronized ConfluentJavaScript install() {
        if (installed == null) {
            Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
            installed = install(module.resolve("src/test/js"), module.resolve("target/js-interop"));
        }
        return installed;
    }

    private static ConfluentJavaScript install(Path source, Path workDir) {
        try {
            Files.createDirectories(workDir);
            String nodeVersion = nodeVersion(workDir);
            // Another build in the same checkout may be installing at the same moment.
            try (FileChannel channel = FileChannel.open(workDir.resolveSibling("js-interop.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                String stamp = stamp(source, nodeVersion);
                Path stampFile = workDir.resolve(".installed");
                Path packageJson = workDir.resolve("node_modules").resolve(PACKAGE).resolve("package.json");
                boolean current = Files.isRegularFile(packageJson) && Files.isRegularFile(stampFile)
                        && Files.readString(stampFile).equals(stamp);
                if (!current) {
                    Files.deleteIfExists(stampFile);
                    for (String input : INSTALL_INPUTS) {
                        Files.copy(source.resolve(input), workDir.resolve(input), StandardCopyOption.REPLACE_EXISTING);
                    }
                    // --ignore-scripts: nothing in this tree needs an install script, and none should run.
                    run(workDir, workDir.resolve("npm-ci.log"), TimeUnit.MINUTES.toSeconds(10),
                            NPM, "ci", "--no-audit", "--no-fund", "--ignore-scripts");
                    Files.writeString(stampFile, stamp);
                }
                Files.copy(source.resolve(SCRIPT), workDir.resolve(SCRIPT), StandardCopyOption.REPLACE_EXISTING);
                String pinned = JSON.readTree(source.resolve("package.json").toFile()).path("dependencies").path(PACKAGE).asText();
                String actual = JSON.readTree(packageJson.toFile()).path("version").asText();
                if (!actual.equals(pinned)) {
                    throw new IllegalStateException(PACKAGE + " " + actual + " is installed in " + workDir
                            + ", but package.json pins " + pinned);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot install " + PACKAGE + " into " + workDir, e);
        }
        return new ConfluentJavaScript(workDir);
    }

    /** Runs a command of the script with the request as JSON on stdin, and returns its JSON answer. */
    JsonNode call(String command, JsonNode request) {
        Path stderr = workDir.resolve(command + ".stderr.log");
        ProcessBuilder builder = new ProcessBuilder(NODE, SCRIPT, command)
                .directory(workDir.toFile())
                .redirectError(stderr.toFile());
        try {
            Process process = builder.start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(JSON.writeValueAsBytes(request));
            }
            byte[] stdout = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("node " + SCRIPT + " " + command + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("node " + SCRIPT + " " + command + " failed with exit status "
                        + process.exitValue() + ":\n" + Files.readString(stderr));
            }
            return JSON.readTree(stdout);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run node " + SCRIPT + " " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String nodeVersion(Path workDir) throws IOException {
        Path out = workDir.resolve("node-version.log");
        try {
            run(workDir, out, 30, NODE, "--version");
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new IllegalStateException("Node.js " + MIN_NODE_MAJOR + "+ and npm are required by the interop test "
                    + "with Confluent's serializer (Debian: apt-get install nodejs npm): " + e.getMessage(), e);
        }
        String version = Files.readString(out).trim();
        int major = Integer.parseInt(version.replaceFirst("^v", "").split("\\.")[0]);
        if (major < MIN_NODE_MAJOR) {
            throw new IllegalStateException("Node.js " + MIN_NODE_MAJOR + "+ is required, found " + version);
        }
        return version;
    }

    /** What the install depends on: the npm inputs and the Node.js version. */
    private static String stamp(Path source, String nodeVersion) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String input : INSTALL_INPUTS) {
                digest.update(input.getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(source.resolve(input)));
            }
            return HexFormat.of().formatHex(digest.digest()) + " node " + nodeVersion;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(Path dir, Path log, long timeoutSeconds, String... command) {
        List<String> line = new ArrayList<>(List.of(command));
        try {
            Process process = new ProcessBuilder(line).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", line) + " did not finish within " + timeoutSeconds
                        + " s; output in " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed with exit status "
                        + process.exitValue() + ":\n" + tail(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + String.join(" ", line) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String tail(Path log) throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
        }
    }
}
