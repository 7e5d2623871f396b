package io.banksuite.schemas.serde;

/** A call to the schema registry failed; carries the HTTP status and the registry's error code when it gave one. */
public class SchemaRegistryException extends RuntimeException {

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(String message, int status, int errorCode, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** The HTTP status, or 0 when the registry could not be reached. */
    public int status() {
        return status;
    }

    /** The registry's error_code (e.g. 40401 subject not found, 409 incompatible), or 0. */
    public int errorCode() {
        return errorCode;
    }
}
