package io.banksuite.inbox.replay;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A record parked in a dead-letter topic and not replayed yet, as an operator sees it.
 *
 * @param partition           its partition in the dead-letter topic
 * @param offset              its offset there
 * @param parkedAt            when it was parked (the dead-letter record's timestamp)
 * @param key                 the record key (the client id), UTF-8
 * @param eventId             the event id, if the value is an Avro event the registry can read
 * @param exceptionClass      the exception the error handler saw (often Spring's ListenerExecutionFailedException)
 * @param exceptionCauseClass the exception that caused it (the service's own, or a DeserializationException)
 * @param exceptionMessage    its message
 * @param originalTopic       where the record was consumed from
 * @param originalPartition   its partition there
 * @param originalOffset      its offset there
 * @param originalTimestamp   its timestamp there
 * @param replayCount         how often it has been replayed before it was parked this time (0 = never)
 */
public record ParkedRecord(int partition, long offset, Instant parkedAt, @Nullable String key,
                           @Nullable String eventId, @Nullable String exceptionClass,
                           @Nullable String exceptionCauseClass, @Nullable String exceptionMessage,
                           @Nullable String originalTopic, @Nullable Integer originalPartition,
                           @Nullable Long originalOffset, @Nullable Instant originalTimestamp, int replayCount) {
}
