/**
 * The RabbitMQ adapter, both directions: topology declaration, the work-queue listener, confirmed republishing to
 * retry tiers and the dead-letter queue, and DLQ replay. Kept together because they share the header contract
 * ({@link io.banksuite.notification.adapter.amqp.NotificationHeaders}) and the ack-after-confirm discipline.
 */
package io.banksuite.notification.adapter.amqp;
