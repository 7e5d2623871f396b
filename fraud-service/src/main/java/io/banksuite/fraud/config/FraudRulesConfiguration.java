package io.banksuite.fraud.config;

import io.banksuite.fraud.application.ActivityProperties;
import io.banksuite.fraud.domain.AmountOverThresholdRule;
import io.banksuite.fraud.domain.BlockedClientRule;
import io.banksuite.fraud.domain.DailyLimitRule;
import io.banksuite.fraud.domain.FraudRules;
import io.banksuite.fraud.domain.SingleTransactionLimitRule;
import io.banksuite.fraud.domain.VelocityRule;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rule engine, built from fraud.rules.*; an invalid threshold or window stops the service at start-up. */
@Configuration(proxyBeanMethods = false)
public class FraudRulesConfiguration {

    @Bean
    FraudRules fraudRules(FraudRulesProperties rules, ActivityProperties activity) {
        FraudRules engine = new FraudRules(List.of(
                new AmountOverThresholdRule(rules.amountThreshold().defaultThreshold(),
                        rules.amountThreshold().perCurrency()),
                new VelocityRule(rules.velocity().maxTransactions(), rules.velocity().window()),
                // The client's own limits and status, as transaction-service announces them: always on.
                new SingleTransactionLimitRule(),
                new DailyLimitRule(),
                new BlockedClientRule()));
        if (activity.retention().compareTo(engine.lookback()) <= 0) {
            throw new IllegalStateException("fraud.activity.retention (" + activity.retention()
                    + ") must be longer than what the rules look back (" + engine.lookback() + ")");
        }
        return engine;
    }
}
