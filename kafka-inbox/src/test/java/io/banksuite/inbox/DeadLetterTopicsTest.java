package io.banksuite.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.banksuite.schemas.Topics;
import org.junit.jupiter.api.Test;

class DeadLetterTopicsTest {

    @Test
    void namesThePerGroupDeadLetterTopic() {
        assertThat(DeadLetterTopics.name("transaction.created", "ml-consumer"))
                .isEqualTo("transaction.created.ml-consumer.dlt")
                .isEqualTo(Topics.TRANSACTION_CREATED.deadLetterTopic("ml-consumer"));
    }

    @Test
    void followsTheSamePatternForTopicsOutsideTheRegistry() {
        assertThat(DeadLetterTopics.name("other", "g")).isEqualTo("other.g.dlt");
    }

    @Test
    void namesTheReplayGroupAfterTheConsumerGroup() {
        assertThat(DeadLetterTopics.replayGroup("ml-consumer")).isEqualTo("ml-consumer.dlt-replay");
        assertThatThrownBy(() -> DeadLetterTopics.replayGroup(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requiresTopicAndGroup() {
        assertThatThrownBy(() -> DeadLetterTopics.name("t", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeadLetterTopics.name(null, "g")).isInstanceOf(IllegalArgumentException.class);
    }
}
