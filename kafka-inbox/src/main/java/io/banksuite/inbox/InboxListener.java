package io.banksuite.inbox;

/**
 * The attributes of a service's inbox listener, taken from its bound {@link InboxProperties} (defaults included),
 * so that no topic, group or thread count is typed into an annotation:
 * <pre>{@code
 * @KafkaListener(id = LISTENER_ID, topics = InboxListener.TOPIC, groupId = InboxListener.GROUP_ID,
 *         concurrency = InboxListener.CONCURRENCY)
 * }</pre>
 */
public final class InboxListener {

    /** The name under which Spring Boot registers the bound {@code inbox.*} properties. */
    static final String PROPERTIES_BEAN = "inbox-" + "io.banksuite.inbox.InboxProperties";

    private static final String PROPERTIES = "@'" + PROPERTIES_BEAN + "'";

    /** {@code inbox.topic}. */
    public static final String TOPIC = "#{" + PROPERTIES + ".topic()}";

    /** {@code inbox.group-id}. */
    public static final String GROUP_ID = "#{" + PROPERTIES + ".groupId()}";

    /** {@code inbox.concurrency}. */
    public static final String CONCURRENCY = "#{" + PROPERTIES + ".concurrency()}";

    private InboxListener() {
    }
}
