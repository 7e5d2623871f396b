package io.banksuite.notification.support;

import java.util.function.BiFunction;

import io.banksuite.schemas.RabbitTopology;
import io.banksuite.schemas.RabbitTopology.WorkQueue;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worker's whole RabbitMQ topology (the alerts fanout, every work queue with its tiers and DLQ, the charge
 * outcomes exchange) under a test's
 * own prefix, with TTLs the test chooses, so that a test never touches the suite's names; and its removal.
 */
public final class PrefixedTopology {

    private final String prefix;

    public PrefixedTopology(String prefix) {
        this.prefix = prefix;
    }

    /** The contract's name under the prefix. */
    public String name(String contractName) {
        return prefix + contractName;
    }

    /**
     * Sets {@code worker.*} for every work queue, for a {@link DynamicPropertySource}.
     *
     * @param ttl the TTL of tier i of a queue, e.g. {@code "300ms"}
     */
    public void register(DynamicPropertyRegistry registry, BiFunction<WorkQueue, Integer, String> ttl) {
        registry.add("worker.alerts-exchange", () -> name(RabbitTopology.FRAUD_ALERTS_EXCHANGE));
        registry.add("charge.outcomes.exchange", () -> name(RabbitTopology.CHARGE_OUTCOMES_EXCHANGE));
        for (WorkQueue queue : RabbitTopology.WORKER_QUEUES) {
            String settings = "worker.queues." + queue.name() + ".";
            registry.add(settings + "exchange", () -> name(queue.exchange()));
            registry.add(settings + "work", () -> name(queue.queue()));
            registry.add(settings + "dead-letter", () -> name(queue.deadLetter()));
            for (int i = 0; i < queue.tiers().size(); i++) {
                RabbitTopology.RetryTier tier = queue.tiers().get(i);
                String ttlOfTier = ttl.apply(queue, i);
                registry.add(settings + "tiers[" + i + "].name", tier::name);
                registry.add(settings + "tiers[" + i + "].queue", () -> name(tier.queue()));
                registry.add(settings + "tiers[" + i + "].ttl", () -> ttlOfTier);
            }
        }
    }

    /** Deletes every queue and exchange of it (stop the listener containers first, or they declare them again). */
    public void delete(RabbitAdmin admin) {
        for (WorkQueue queue : RabbitTopology.WORKER_QUEUES) {
            queue.queues().forEach(queueName -> admin.deleteQueue(name(queueName)));
            admin.deleteExchange(name(queue.exchange()));
        }
        admin.deleteExchange(name(RabbitTopology.FRAUD_ALERTS_EXCHANGE));
        admin.deleteExchange(name(RabbitTopology.CHARGE_OUTCOMES_EXCHANGE));
    }
}
