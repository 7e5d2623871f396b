package io.banksuite.notification.domain;

import java.util.regex.Pattern;

/** Reads the trace id out of a W3C {@code traceparent} header (version-traceid-spanid-flags). */
public final class TraceParent {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}.*");
    private static final String INVALID_TRACE_ID = "00000000000000000000000000000000";

    private TraceParent() {
    }

    /** The 32-hex trace id, or null when the header is absent or malformed (logging must never fail on it). */
    public static String traceId(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        var matcher = FORMAT.matcher(traceparent.trim());
        if (!matcher.matches() || INVALID_TRACE_ID.equals(matcher.group(1))) {
            return null;
        }
        return matcher.group(1);
    }
}
