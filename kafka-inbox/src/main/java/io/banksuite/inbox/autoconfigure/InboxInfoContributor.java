package io.banksuite.inbox.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.banksuite.inbox.InboxProperties;
import io.banksuite.schemas.Topics;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * What the service consumes and where it parks what it cannot apply, at {@code /actuator/info} under
 * {@code inbox}: {@code topic}, {@code group}, {@code deadLetterTopic}, {@code replayGroup}. Operators and the
 * end-to-end test read a service's consumer group here instead of retyping it.
 */
class InboxInfoContributor implements InfoContributor {

    private final InboxProperties properties;

    InboxInfoContributor(InboxProperties properties) {
        this.properties = properties;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> inbox = new LinkedHashMap<>();
        inbox.put("topic", properties.topic());
        String group = properties.groupId();
        if (group != null) {
            inbox.put("group", group);
            inbox.put("deadLetterTopic", Topics.deadLetterTopic(properties.topic(), group));
            inbox.put("replayGroup", Topics.DeadLetters.replayGroup(group));
        }
        builder.withDetail("inbox", inbox);
    }
}
