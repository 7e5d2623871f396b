package io.banksuite.notification.adapter.in.amqp;

import io.banksuite.notification.application.ChargeResult;
import io.banksuite.notification.application.ChargeService;
import io.banksuite.notification.domain.DeliveryAttempt;
import io.banksuite.notification.domain.FailureClass;
import io.banksuite.schemas.MdcKeys;
import io.banksuite.schemas.charge.ChargeRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.stereotype.Component;

/**
 * The charge queue's work: charge the card once ({@link ChargeService}). Settled and declined are outcomes (done);
 * no answer from the processor is a failure the queue retries (60 s, three times); when it gives up, the FAILED
 * outcome is recorded before the request is parked, so the charge has an outcome whatever happens to the message.
 */
@Component
public class ChargeJobHandler implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(ChargeJobHandler.class);

    private final JobCodec codec;
    private final ChargeService charges;

    public ChargeJobHandler(JobCodec codec, ChargeService charges) {
        this.codec = codec;
        this.charges = charges;
    }

    @Override
    public Result handle(Message message, DeliveryAttempt attempt) {
        ChargeRequest request = read(message);
        String chargeId = request.chargeId().toString();
        ChargeResult result = charges.charge(request, attempt);
        if (result instanceof ChargeResult.Decided decided) {
            log.info("Charge of transactionId={} traceId={}: {} on attempt {} ({})", request.transactionId(),
                    attempt.traceId(), decided.outcome().status(), attempt.number(),
                    decided.outcome().reason() == null ? decided.outcome().processorReference()
                            : decided.outcome().reason());
            return new Result.Done(chargeId);
        }
        if (result instanceof ChargeResult.Failed failed) {
            return new Result.Failed(chargeId, failed.failureClass(), failed.reason());
        }
        return new Result.AlreadyDone(chargeId);
    }

    @Override
    public void givingUp(Message message, DeliveryAttempt attempt, FailureClass failureClass, String reason) {
        ChargeRequest request = read(message);
        var outcome = charges.giveUp(request, attempt, reason);
        log.error("Charge of transactionId={} traceId={} {} after {} attempt(s): {}", request.transactionId(),
                attempt.traceId(), outcome.status(), attempt.number(), reason);
    }

    private ChargeRequest read(Message message) {
        ChargeRequest request = codec.read(message.getBody(), ChargeRequest.class, "charge request");
        MDC.put(MdcKeys.EVENT_ID, request.chargeId().toString());
        return request;
    }
}
