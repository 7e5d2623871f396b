/**
 * The RabbitMQ adapter: the work-queue listener, and moving a delivery where it must go next (retry tier,
 * dead-letter queue, back from the dead-letter queue on an operator's replay). Inbound, because every publish here
 * moves a message this worker consumed; all of it shares the header contract
 * ({@link io.banksuite.runtime.rabbit.QueueHeaders}) and the ack-after-confirm discipline.
 */
package io.banksuite.notification.adapter.in.amqp;
