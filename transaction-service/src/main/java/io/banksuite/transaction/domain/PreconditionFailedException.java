package io.banksuite.transaction.domain;

import java.util.OptionalLong;

/**
 * The write's precondition does not hold: another change came first (If-Match names an older version), or the
 * resource exists where the client expected none. Nothing was written; the client reads the current version and
 * decides again.
 */
public class PreconditionFailedException extends RuntimeException {

    private final OptionalLong currentVersion;

    public PreconditionFailedException(String resource, OptionalLong currentVersion) {
        super(currentVersion.isPresent()
                ? "The " + resource + " is at version " + currentVersion.getAsLong() + ", which the request's"
                + " precondition does not match"
                : "The " + resource + " does not exist, which the request's precondition does not allow");
        this.currentVersion = currentVersion;
    }

    public OptionalLong currentVersion() {
        return currentVersion;
    }
}
