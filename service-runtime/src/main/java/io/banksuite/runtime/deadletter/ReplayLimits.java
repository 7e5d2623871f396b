package io.banksuite.runtime.deadletter;

/**
 * @param defaultMax messages listed or replayed by one call that does not say how many
 * @param maxPerCall the most one call may list or replay
 */
public record ReplayLimits(int defaultMax, int maxPerCall) {

    public ReplayLimits {
        if (defaultMax < 1 || defaultMax > maxPerCall) {
            throw new IllegalArgumentException("Need 1 <= defaultMax <= maxPerCall, got " + defaultMax + " and "
                    + maxPerCall);
        }
    }
}
