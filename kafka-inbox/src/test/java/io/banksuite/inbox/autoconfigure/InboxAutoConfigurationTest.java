package io.banksuite.inbox.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.banksuite.schemas.Topics;
import io.banksuite.inbox.InboxListener;
import io.banksuite.inbox.InboxProcessor;
import io.banksuite.inbox.ProcessedEvents;
import io.banksuite.inbox.kafka.DeadLetterProducer;
import io.banksuite.inbox.kafka.RawValueRetainingDeserializer;
import io.banksuite.inbox.replay.DeadLetterReplayer;
import io.banksuite.runtime.autoconfigure.ServiceRuntimeAutoConfiguration;
import io.banksuite.runtime.deadletter.DeadLetterAdminController;
import io.banksuite.runtime.deadletter.DeadLetters;
import org.springframework.beans.factory.config.BeanExpressionContext;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.test.util.ReflectionTestUtils;

/** The wiring of the auto-configuration; nothing here connects to a database or broker. */
class InboxAutoConfigurationTest {

    private static final AutoConfigurations INBOX = AutoConfigurations.of(DataSourceAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class, KafkaAutoConfiguration.class,
            InboxAutoConfiguration.class, InboxKafkaAutoConfiguration.class,
            InboxDeadLetterReplayAutoConfiguration.class, ServiceRuntimeAutoConfiguration.class);
    private static final String[] PROPERTIES = {
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/never_opened",
            "spring.kafka.bootstrap-servers=127.0.0.1:9",
            "spring.kafka.admin.auto-create=false",
            "spring.kafka.properties.schema.registry.url=http://127.0.0.1:9/apis/ccompat/v7",
            "spring.kafka.consumer.enable-auto-commit=true",
            "spring.kafka.consumer.auto-offset-reset=latest"};

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(INBOX).withPropertyValues(PROPERTIES);
    private final WebApplicationContextRunner webRunner = new WebApplicationContextRunner()
            .withConfiguration(INBOX).withPropertyValues(PROPERTIES);

    @Test
    void providesTheInboxAndTheConsumerSide() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(ProcessedEvents.class).hasSingleBean(InboxProcessor.class)
                    .hasSingleBean(DeadLetterProducer.class).hasSingleBean(CommonErrorHandler.class)
                    .doesNotHaveBean(NewTopic.class);
            assertThat(context.getBean(CommonErrorHandler.class)).isInstanceOf(DefaultErrorHandler.class);
        });
    }

    @Test
    void enforcesTheConsumerSettingsAndDeserializers() {
        runner.run(context -> {
            ConsumerFactory<?, ?> consumerFactory = context.getBean(ConsumerFactory.class);
            assertThat(consumerFactory.getConfigurationProperties())
                    .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                    .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                    .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                    .containsEntry("specific.avro.reader", true)
                    .containsEntry("schema.registry.url", "http://127.0.0.1:9/apis/ccompat/v7");
            assertThat(consumerFactory.getKeyDeserializer()).isInstanceOf(StringDeserializer.class);
            var valueDeserializer = consumerFactory.getValueDeserializer();
            assertThat(valueDeserializer).isInstanceOf(ErrorHandlingDeserializer.class);
            assertThat(ReflectionTestUtils.getField(valueDeserializer, "delegate"))
                    .isInstanceOf(RawValueRetainingDeserializer.class);
            assertThat(consumerFactory.getValueDeserializer()).as("one per consumer").isNotSameAs(valueDeserializer);
        });
    }

    @Test
    void theListenerContainerFactoryCommitsAfterTheListenerAndUsesTheInboxErrorHandler() {
        runner.withPropertyValues("spring.kafka.listener.ack-mode=TIME").run(context -> {
            var factory = context.getBean("kafkaListenerContainerFactory", ConcurrentKafkaListenerContainerFactory.class);
            assertThat(factory.getContainerProperties().getAckMode()).isEqualTo(AckMode.BATCH);
            assertThat(ReflectionTestUtils.getField(factory, "commonErrorHandler"))
                    .isSameAs(context.getBean(CommonErrorHandler.class));
        });
        runner.withPropertyValues("inbox.ack-mode=RECORD").run(context ->
                assertThat(context.getBean(ConcurrentKafkaListenerContainerFactory.class).getContainerProperties()
                        .getAckMode()).isEqualTo(AckMode.RECORD));
    }

    @Test
    void declaresTheDeadLetterTopicOfTheConfiguredGroup() {
        runner.withPropertyValues("inbox.group-id=ml-consumer", "inbox.dead-letter.partitions=2").run(context -> {
            NewTopic topic = context.getBean(NewTopic.class);
            assertThat(topic.name()).isEqualTo("client.events.ml-consumer.dlt");
            assertThat(topic.numPartitions()).isEqualTo(2);
        });
        runner.withPropertyValues("inbox.group-id=ml-consumer", "inbox.dead-letter.create-topic=false")
                .run(context -> assertThat(context).doesNotHaveBean(NewTopic.class));
    }

    @Test
    void offersTheReplayOfTheGroupsDeadLetterTopicAndItsEndpointsInAWebApplication() {
        webRunner.withPropertyValues("inbox.group-id=ml-consumer").run(context -> {
            assertThat(context).hasSingleBean(DeadLetterReplayer.class).hasSingleBean(DeadLetterAdminController.class);
            assertThat(context.getBean(DeadLetters.class)).isSameAs(context.getBean(DeadLetterReplayer.class));
            DeadLetterReplayer replayer = context.getBean(DeadLetterReplayer.class);
            assertThat(replayer.deadLetterTopic()).isEqualTo("client.events.ml-consumer.dlt");
            assertThat(replayer.replayGroup()).isEqualTo("ml-consumer.dlt-replay");
        });
        runner.withPropertyValues("inbox.group-id=ml-consumer").run(context -> assertThat(context)
                .hasSingleBean(DeadLetterReplayer.class).doesNotHaveBean(DeadLetterAdminController.class));
    }

    @Test
    void noReplayWithoutAGroupOrWhenDisabled() {
        webRunner.run(context -> assertThat(context).doesNotHaveBean(DeadLetterReplayer.class)
                .doesNotHaveBean(DeadLetterAdminController.class));
        webRunner.withPropertyValues("inbox.group-id=ml-consumer", "inbox.dead-letter.replay.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(DeadLetterReplayer.class)
                        .doesNotHaveBean(DeadLetterAdminController.class));
    }

    @Test
    void theListenerAttributesAreTheBoundSettingsDefaultsIncluded() {
        runner.withPropertyValues("inbox.group-id=ml-consumer").run(context -> {
            assertThat(evaluate(context, InboxListener.TOPIC)).isEqualTo(Topics.CLIENT_EVENTS_NAME);
            assertThat(evaluate(context, InboxListener.GROUP_ID)).isEqualTo("ml-consumer");
            assertThat(evaluate(context, InboxListener.CONCURRENCY)).isEqualTo(1);
        });
        runner.withPropertyValues("inbox.topic=other", "inbox.concurrency=3").run(context -> {
            assertThat(evaluate(context, InboxListener.TOPIC)).isEqualTo("other");
            assertThat(evaluate(context, InboxListener.CONCURRENCY)).isEqualTo(3);
        });
    }

    @Test
    void aServiceCanReplaceTheErrorHandler() {
        runner.withBean(CommonErrorHandler.class, CommonLoggingErrorHandler::new).run(context -> {
            assertThat(context).hasSingleBean(CommonErrorHandler.class);
            assertThat(context.getBean(CommonErrorHandler.class)).isInstanceOf(CommonLoggingErrorHandler.class);
        });
    }

    @Test
    void rejectsAnUnsafeAckMode() {
        runner.withPropertyValues("inbox.ack-mode=MANUAL").run(context -> assertThat(context).hasFailed());
    }

    private static Object evaluate(ConfigurableApplicationContext context, String expression) {
        ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
        return beanFactory.getBeanExpressionResolver().evaluate(expression, new BeanExpressionContext(beanFactory, null));
    }
}
