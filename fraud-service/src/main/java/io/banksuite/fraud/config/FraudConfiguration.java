package io.banksuite.fraud.config;

import io.banksuite.fraud.rules.AmountOverThresholdRule;
import io.banksuite.fraud.rules.FraudRules;
import io.banksuite.fraud.rules.VelocityRule;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rule engine, built from fraud.rules.*; an invalid threshold or window stops the service at start-up. */
@Configuration(proxyBeanMethods = false)
public class FraudConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    FraudRules fraudRules(FraudRulesProperties rules, ActivityProperties activity) {
        FraudRules engine = new FraudRules(List.of(
                new AmountOverThresholdRule(rules.amountThreshold().defaultThreshold(),
                        rules.amountThreshold().perCurrency()),
                new VelocityRule(rules.velocity().maxTransactions(), rules.velocity().window())));
        if (activity.retention().compareTo(engine.lookback()) <= 0) {
            throw new IllegalStateException("fraud.activity.retention (" + activity.retention()
                    + ") must be longer than what the rules look back (" + engine.lookback() + ")");
        }
        return engine;
    }
}
