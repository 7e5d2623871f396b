package io.banksuite.runtime.deadletter;

/**
 * @param replayed  messages sent back by this call
 * @param remaining parked messages not replayed yet, after this call (including any parked again meanwhile)
 */
public record ReplayResult(int replayed, long remaining) {
}
