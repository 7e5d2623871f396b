package io.banksuite.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void namesThePerGroupDeadLetterTopic() {
        assertThat(Topics.deadLetterTopic("transaction.created", "ml-consumer"))
                .isEqualTo("transaction.created.ml-consumer.dlt")
                .isEqualTo(Topics.TRANSACTION_CREATED.deadLetterTopic("ml-consumer"));
    }

    @Test
    void followsTheSamePatternForTopicsOutsideTheRegistry() {
        assertThat(Topics.DeadLetters.topic("other", "g")).isEqualTo("other.g.dlt");
    }

    @Test
    void namesTheReplayGroupAfterTheConsumerGroup() {
        assertThat(Topics.DeadLetters.replayGroup("ml-consumer")).isEqualTo("ml-consumer.dlt-replay");
        assertThatThrownBy(() -> Topics.DeadLetters.replayGroup(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requiresTopicAndGroup() {
        assertThatThrownBy(() -> Topics.DeadLetters.topic("t", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.DeadLetters.topic(null, "g")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theConstantNamesAreTheRegisteredTopics() {
        assertThat(Topics.TRANSACTION_CREATED.name()).isEqualTo(Topics.TRANSACTION_CREATED_NAME);
        assertThat(Topics.TRANSACTION_CREATED.partitions()).isEqualTo(Topics.EVENT_PARTITIONS);
        assertThat(Topics.TRANSACTION_CREATED.valueSubject()).isEqualTo("transaction.created-value");
        assertThat(Topics.all()).extracting(Topics.Topic::name).doesNotHaveDuplicates();
    }
}
