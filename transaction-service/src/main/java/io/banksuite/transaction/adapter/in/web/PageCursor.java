package io.banksuite.transaction.adapter.in.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;

/**
 * The opaque cursor of a transaction list: the sequence to continue below, base64url-encoded so that clients do
 * not build it themselves (keyset paging stays stable while new transactions arrive, unlike offsets).
 */
final class PageCursor {

    private PageCursor() {
    }

    static String encode(long before) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("s" + before).getBytes(StandardCharsets.US_ASCII));
    }

    /** The sequence inside the cursor; empty for no cursor (the first page). */
    static OptionalLong decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.length() < 2 || text.charAt(0) != 's') {
                throw new InvalidCursorException();
            }
            long before = Long.parseLong(text.substring(1));
            if (before < 1) {
                throw new InvalidCursorException();
            }
            return OptionalLong.of(before);
        } catch (IllegalArgumentException e) { // also NumberFormatException
            throw new InvalidCursorException();
        }
    }

    static final class InvalidCursorException extends RuntimeException {
        InvalidCursorException() {
            super("not a cursor returned by this API");
        }
    }
}
