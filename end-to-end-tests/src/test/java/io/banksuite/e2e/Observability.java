package io.banksuite.e2e;

import java.util.regex.Pattern;

import io.banksuite.local.LocalSuite;

/**
 * The test's copy of the shipped Prometheus configuration and rules: scraped and evaluated every two seconds, every
 * alert's {@code for:} shortened to four seconds and the consumer time-lag threshold to five, so that an alert
 * fires within seconds of its cause. The shipped files stay as they are.
 */
final class Observability {

    static final String SCRAPE_INTERVAL = "2s";
    static final String ALERT_FOR = "4s";
    static final int TIME_LAG_THRESHOLD_SECONDS = 5;

    private static final Pattern INTERVALS = Pattern.compile("(scrape_interval|evaluation_interval): *\\d+[smh]");
    private static final Pattern FOR = Pattern.compile("(?m)^(\\s*)for: *\\d+[smh]");
    private static final Pattern THRESHOLD = Pattern.compile("vector\\(60\\)");

    private Observability() {
    }

    static LocalSuite.Observability testCopy(int prometheusPort, int zipkinPort) {
        return new LocalSuite.Observability(prometheusPort, zipkinPort,
                config -> INTERVALS.matcher(config).replaceAll("$1: " + SCRAPE_INTERVAL),
                rules -> THRESHOLD.matcher(FOR.matcher(rules).replaceAll("$1for: " + ALERT_FOR))
                        .replaceAll("vector(" + TIME_LAG_THRESHOLD_SECONDS + ")"));
    }
}
