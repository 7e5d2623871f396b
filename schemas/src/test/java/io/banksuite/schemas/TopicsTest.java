package io.banksuite.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.banksuite.schemas.serde.SubjectNameStrategy;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void namesThePerGroupDeadLetterTopic() {
        assertThat(Topics.deadLetterTopic("client.events", "ml-consumer"))
                .isEqualTo("client.events.ml-consumer.dlt")
                .isEqualTo(Topics.CLIENT_EVENTS.deadLetterTopic("ml-consumer"));
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
        assertThat(Topics.CLIENT_EVENTS.name()).isEqualTo(Topics.CLIENT_EVENTS_NAME);
        assertThat(Topics.CLIENT_EVENTS.partitions()).isEqualTo(Topics.EVENT_PARTITIONS);
        assertThat(Topics.all()).extracting(Topics.Topic::name).doesNotHaveDuplicates();
    }

    @Test
    void oneClientKeyedTopicCarriesEveryClientEventWithASubjectPerEventType() {
        assertThat(Topics.CLIENT_EVENTS.eventTypes()).extracting(Topics.EventType::name)
                .containsExactly("transaction.created", "client.updated", "limit.changed");
        assertThat(Topics.CLIENT_EVENTS.keyType()).isEqualTo(String.class);
        assertThat(Topics.CLIENT_EVENTS.valueSubject(Topics.TRANSACTION_CREATED))
                .isEqualTo("client.events-io.banksuite.events.TransactionCreated");
        assertThat(Topics.CLIENT_EVENTS.valueSubject(Topics.LIMIT_CHANGED))
                .isEqualTo("client.events-io.banksuite.events.LimitChanged");
        assertThat(Topics.all()).flatExtracting(Topics.Topic::eventTypes).extracting(Topics.EventType::name)
                .doesNotHaveDuplicates();
        assertThat(Topics.CLIENT_EVENTS.eventTypeOf("io.banksuite.events.LimitChanged")).contains(Topics.LIMIT_CHANGED);
        assertThat(Topics.CLIENT_EVENTS.eventTypeOf("io.banksuite.events.Unknown")).isEmpty();
    }

    @Test
    void theDailySpendTopicIsClientKeyedWithTheClientStreamsPartitions() {
        assertThat(Topics.CLIENT_DAILY_SPEND.name()).isEqualTo(Topics.CLIENT_DAILY_SPEND_NAME);
        assertThat(Topics.CLIENT_DAILY_SPEND.keyType()).isEqualTo(String.class);
        // Same key, same partition count: a client's daily spend lands on the partition number of its events.
        assertThat(Topics.CLIENT_DAILY_SPEND.partitions()).isEqualTo(Topics.CLIENT_EVENTS.partitions());
        assertThat(Topics.CLIENT_DAILY_SPEND.valueSubject(Topics.DAILY_SPEND))
                .isEqualTo("client.daily-spend-io.banksuite.events.ClientDailySpend");
        assertThat(Topics.all()).contains(Topics.CLIENT_DAILY_SPEND);
    }

    @Test
    void aTopicOfSeveralEventTypesCannotNameItsSubjectsAfterTheTopicAlone() {
        assertThatThrownBy(() -> new Topics.Topic("t", String.class,
                List.of(Topics.TRANSACTION_CREATED, Topics.CLIENT_UPDATED), SubjectNameStrategy.TOPIC_NAME, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("several event types");
    }

    @Test
    void aTopicNamesSubjectsOnlyForTheEventTypesItCarries() {
        var transactionsOnly = new Topics.Topic("t", String.class, List.of(Topics.TRANSACTION_CREATED),
                SubjectNameStrategy.TOPIC_NAME, 1);
        assertThat(transactionsOnly.valueSubject(Topics.TRANSACTION_CREATED)).isEqualTo("t-value");
        assertThatThrownBy(() -> transactionsOnly.valueSubject(Topics.LIMIT_CHANGED))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
