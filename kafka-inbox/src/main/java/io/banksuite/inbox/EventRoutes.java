package io.banksuite.inbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;

/**
 * What a consumer does with each event type of a topic that carries several ({@code client.events}): for each Avro
 * record class it handles, a mapping to what its effect takes, and the effect. Records of any other type (another
 * service's concern, or a type newer than this service, read as generic data) are not this consumer's business:
 * {@link InboxProcessor#process(org.apache.kafka.clients.consumer.ConsumerRecord, EventRoutes)} skips them and
 * counts them. Immutable once built.
 */
public final class EventRoutes {

    private final Map<Class<? extends SpecificRecord>, Route<?, ?>> routes;

    private EventRoutes(Map<Class<? extends SpecificRecord>, Route<?, ?>> routes) {
        this.routes = Map.copyOf(routes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The route of this value's exact class, if the consumer handles it. */
    Optional<Route<?, ?>> routeOf(Object value) {
        return Optional.ofNullable(routes.get(value.getClass()));
    }

    /**
     * One event type's mapping and effect.
     *
     * @param <V> the Avro record class
     * @param <T> what the effect takes
     */
    record Route<V extends SpecificRecord, T>(Class<V> type, Function<? super V, ? extends T> mapping,
                                              Consumer<? super T> effect) {

        /** Maps the value (outside any transaction); the effect of the mapped value runs later, in one. */
        Runnable prepare(Object value) {
            T mapped = mapping.apply(type.cast(value));
            return () -> effect.accept(mapped);
        }
    }

    public static final class Builder {

        private final Map<Class<? extends SpecificRecord>, Route<?, ?>> routes = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Handles records of {@code type}: {@code mapping} refuses an event it cannot take by throwing
         * {@link IllegalArgumentException} or {@link NullPointerException} (it is parked at once), and
         * {@code effect} is the service's database work.
         */
        public <V extends SpecificRecord, T> Builder on(Class<V> type, Function<? super V, ? extends T> mapping,
                                                        Consumer<? super T> effect) {
            Objects.requireNonNull(type, "type");
            if (routes.putIfAbsent(type, new Route<>(type, Objects.requireNonNull(mapping, "mapping"),
                    Objects.requireNonNull(effect, "effect"))) != null) {
                throw new IllegalArgumentException("Two routes for " + type.getName());
            }
            return this;
        }

        public EventRoutes build() {
            if (routes.isEmpty()) {
                throw new IllegalStateException("No event type to handle");
            }
            return new EventRoutes(routes);
        }
    }
}
