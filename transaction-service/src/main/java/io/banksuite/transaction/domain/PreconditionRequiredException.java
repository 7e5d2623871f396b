package io.banksuite.transaction.domain;

/**
 * A change to an existing resource came without If-Match: it could overwrite a change its sender never saw
 * (RFC 6585, 428). Nothing was written.
 */
public class PreconditionRequiredException extends RuntimeException {

    private final long currentVersion;

    public PreconditionRequiredException(String resource, long currentVersion) {
        super("The " + resource + " exists (version " + currentVersion + "): send If-Match with the version you"
                + " read to change it");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
