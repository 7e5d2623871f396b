package io.banksuite.inbox.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The producer of the dead-letter topics: raw bytes in, raw bytes out (ByteArraySerializer for key and value),
 * durable (acks=all, idempotent), never transactional. Kept apart from the application's own producer factory
 * and KafkaTemplate so that neither replaces the other.
 */
public class DeadLetterProducer implements DisposableBean {

    private final DefaultKafkaProducerFactory<byte[], byte[]> factory;
    private final KafkaTemplate<byte[], byte[]> template;

    public DeadLetterProducer(Map<String, Object> producerProperties) {
        Map<String, Object> props = new HashMap<>(producerProperties);
        props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "inbox-dead-letter");
        this.factory = new DefaultKafkaProducerFactory<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        this.template = new KafkaTemplate<>(factory);
    }

    public KafkaTemplate<byte[], byte[]> template() {
        return template;
    }

    @Override
    public void destroy() {
        factory.destroy();
    }
}
