package io.banksuite.inbox;

import io.banksuite.schemas.Topics;

/** Names of the per-group dead-letter topics ({@code <topic>.<group>.dlt}) and of their replay groups. */
public final class DeadLetterTopics {

    private DeadLetterTopics() {
    }

    /** The dead-letter topic where {@code consumerGroup} parks the records of {@code topic} it cannot process. */
    public static String name(String topic, String consumerGroup) {
        if (topic == null || topic.isBlank() || consumerGroup == null || consumerGroup.isBlank()) {
            throw new IllegalArgumentException("topic and consumer group are required: " + topic + ", "
                    + consumerGroup);
        }
        // The suite's topic registry owns the naming rule.
        return Topics.deadLetterTopic(topic, consumerGroup);
    }

    /**
     * The consumer group that tracks how far the records {@code consumerGroup} parked have been replayed:
     * {@code <group>.dlt-replay}. Its committed offset on the dead-letter topic is the first record not replayed yet.
     */
    public static String replayGroup(String consumerGroup) {
        if (consumerGroup == null || consumerGroup.isBlank()) {
            throw new IllegalArgumentException("consumer group is required");
        }
        return consumerGroup + ".dlt-replay";
    }
}
