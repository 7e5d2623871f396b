package io.banksuite.transaction.domain;

/** No such client profile, or no limits set for the client. */
public class ClientNotFoundException extends RuntimeException {

    public ClientNotFoundException(String message) {
        super(message);
    }
}
