package io.banksuite.transaction.adapter.in.web;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.banksuite.transaction.domain.FieldError;
import io.banksuite.transaction.domain.InvalidRequestException;
import io.banksuite.transaction.domain.Precondition;

/**
 * Versions as entity tags: version 3 is the strong tag {@code "3"}. Reads the conditional request headers of a write
 * (RFC 9110 §13.1.1, §13.1.2) into a {@link Precondition}.
 */
final class EntityTags {

    private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([^\"]*)\"\\s*");
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,17}");

    private EntityTags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * @param ifMatch     the If-Match header, or null
     * @param ifNoneMatch the If-None-Match header, or null; only {@code *} means something to a write
     * @throws InvalidRequestException for a header that is not a list of entity tags, or both headers at once
     */
    static Precondition precondition(String ifMatch, String ifNoneMatch) {
        if (ifMatch != null && ifNoneMatch != null) {
            throw invalid("If-None-Match", "cannot be combined with If-Match");
        }
        if (ifNoneMatch != null) {
            if (!ifNoneMatch.trim().equals("*")) {
                throw invalid("If-None-Match", "must be * on a write (create only if nothing exists)");
            }
            return Precondition.IF_NONE_EXISTS;
        }
        if (ifMatch == null) {
            return Precondition.NONE;
        }
        if (ifMatch.trim().equals("*")) {
            return Precondition.IF_ANY_EXISTS;
        }
        Set<Long> versions = new HashSet<>();
        for (String part : ifMatch.split(",", -1)) {
            Matcher tag = TAG.matcher(part);
            if (!tag.matches()) {
                throw invalid("If-Match", "must be * or a list of entity tags such as \"3\"");
            }
            // If-Match compares strongly: a weak tag never matches; nor does a tag that is not one of our versions.
            if (tag.group(1) == null && VERSION.matcher(tag.group(2)).matches()) {
                versions.add(Long.parseLong(tag.group(2)));
            }
        }
        return Precondition.ifMatch(versions);
    }

    private static InvalidRequestException invalid(String header, String message) {
        return new InvalidRequestException(java.util.List.of(new FieldError(header, message)));
    }
}
