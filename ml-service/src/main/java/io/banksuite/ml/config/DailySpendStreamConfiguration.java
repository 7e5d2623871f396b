package io.banksuite.ml.config;

import io.banksuite.events.ClientDailySpend;
import io.banksuite.ml.adapter.in.kafka.DailySpendConsumerProperties;
import io.banksuite.ml.adapter.in.streams.DailySpendStreamProperties;
import io.banksuite.ml.adapter.in.streams.DailySpendTopology;
import io.banksuite.schemas.Topics;
import io.banksuite.schemas.serde.AvroSerdeConfig;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.KStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.streams.KafkaStreamsMicrometerListener;

/**
 * The daily-spend stream as part of the service's lifecycle: spring-kafka's {@link StreamsBuilderFactoryBean}
 * starts it once the context is refreshed (with the listener containers) and closes it, leaving its group, on
 * shutdown. Its topics are created at start-up like the inbox's dead-letter topic: the output (with the partitions
 * {@link Topics} gives it), the stream's dead-letter topic and that of the output's consumer.
 */
@Configuration(proxyBeanMethods = false)
public class DailySpendStreamConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DailySpendStreamConfiguration.class);

    @Bean
    StreamsBuilderFactoryBean dailySpendStreamsBuilder(DailySpendStreamProperties properties,
                                                       KafkaConnectionDetails connection,
                                                       ObjectProvider<MeterRegistry> meters) {
        String bootstrapServers = String.join(",", connection.getStreams().getBootstrapServers());
        StreamsBuilderFactoryBean factory = new StreamsBuilderFactoryBean(
                new KafkaStreamsConfiguration(properties.streamsConfig(bootstrapServers)));
        factory.setCloseTimeout(Math.toIntExact(properties.closeTimeout().toSeconds()));
        factory.setLeaveGroupOnClose(true);
        // Records the stream's own fault handlers park never get here: this is the broker, the registry or the
        // state store failing. A new thread resumes from the last committed transaction.
        factory.setStreamsUncaughtExceptionHandler(exception -> {
            log.error("The daily-spend stream thread failed; replacing it", exception);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        meters.ifAvailable(registry -> factory.addListener(new KafkaStreamsMicrometerListener(registry)));
        return factory;
    }

    @Bean
    KStream<String, ClientDailySpend> dailySpendStream(StreamsBuilder dailySpendStreamsBuilder,
                                                       DailySpendStreamProperties properties, KafkaProperties kafka) {
        String registryUrl = kafka.getProperties().get(AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        if (registryUrl == null || registryUrl.isBlank()) {
            throw new IllegalStateException("spring.kafka.properties." + AvroSerdeConfig.SCHEMA_REGISTRY_URL
                    + " is required by the daily-spend stream");
        }
        return DailySpendTopology.addTo(dailySpendStreamsBuilder, registryUrl, properties.retention());
    }

    @Bean
    NewTopic clientDailySpendTopic() {
        return TopicBuilder.name(Topics.CLIENT_DAILY_SPEND.name())
                .partitions(Topics.CLIENT_DAILY_SPEND.partitions())
                .build();
    }

    @Bean
    NewTopic dailySpendStreamDeadLetterTopic(DailySpendStreamProperties properties) {
        return TopicBuilder.name(properties.deadLetterTopic()).partitions(Topics.DeadLetters.PARTITIONS).build();
    }

    @Bean
    NewTopic dailySpendConsumerDeadLetterTopic(DailySpendConsumerProperties properties) {
        return TopicBuilder.name(Topics.CLIENT_DAILY_SPEND.deadLetterTopic(properties.groupId()))
                .partitions(Topics.DeadLetters.PARTITIONS)
                .build();
    }
}
