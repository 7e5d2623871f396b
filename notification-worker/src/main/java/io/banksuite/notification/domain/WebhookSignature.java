package io.banksuite.notification.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a webhook provider knows a notification came from us, and was not replayed: the header
 * {@code X-Bank-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body bytes>">} with a secret shared with
 * the provider. The provider recomputes the HMAC over the timestamp and the raw body it received, compares in
 * constant time, and refuses a timestamp outside its tolerance (a replayed request). One header may carry several
 * {@code v1=} values while a secret is being rotated; any one matching is enough.
 */
public final class WebhookSignature {

    /** The header that carries the signature. */
    public static final String HEADER = "X-Bank-Signature";
    /** The shortest secret accepted: 32 bytes, the length of an HMAC-SHA256. */
    public static final int MIN_SECRET_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /** The header value for {@code body} sent at {@code timestamp}. */
    public static String header(byte[] secret, Instant timestamp, byte[] body) {
        long seconds = timestamp.getEpochSecond();
        return "t=" + seconds + ",v1=" + HexFormat.of().formatHex(hmac(secret, seconds, body));
    }

    /**
     * The provider's side: whether {@code header} signs {@code body} with {@code secret} at a time within
     * {@code tolerance} of {@code now}.
     */
    public static boolean verify(byte[] secret, String header, byte[] body, Instant now, Duration tolerance) {
        if (header == null) {
            return false;
        }
        Long seconds = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length != 2) {
                return false;
            }
            try {
                if (pair[0].equals("t")) {
                    seconds = Long.parseLong(pair[1]);
                } else if (pair[0].equals("v1")) {
                    signatures.add(HexFormat.of().parseHex(pair[1]));
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        if (seconds == null || signatures.isEmpty()
                || Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(tolerance) > 0) {
            return false;
        }
        byte[] expected = hmac(secret, seconds, body);
        return signatures.stream().anyMatch(signature -> MessageDigest.isEqual(expected, signature));
    }

    /** @throws IllegalArgumentException when the secret is shorter than {@link #MIN_SECRET_BYTES} */
    public static byte[] secret(String configured) {
        byte[] secret = configured == null ? new byte[0] : configured.getBytes(StandardCharsets.UTF_8);
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the webhook signing secret must have at least " + MIN_SECRET_BYTES
                    + " bytes, it has " + secret.length);
        }
        return secret;
    }

    private static byte[] hmac(byte[] secret, long seconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            mac.update((seconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
