package io.banksuite.runtime.deadletter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Dead letters whose answers a test sets; records the calls. */
public class FakeDeadLetters implements DeadLetters {

    public record Listing(String deadLetterQueue, long remaining, List<String> records) implements DeadLetterListing {
    }

    final List<String> calls = new ArrayList<>();
    IntFunction<ReplayResult> replay = max -> new ReplayResult(max, 0);
    RuntimeException failure;
    private final String location;

    public FakeDeadLetters() {
        this("fake.dlq");
    }

    public FakeDeadLetters(String location) {
        this.location = location;
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public ReplayLimits limits() {
        return new ReplayLimits(100, 1000);
    }

    @Override
    public DeadLetterListing list(int limit) {
        calls.add("list " + limit);
        throwIfFailing();
        return new Listing(location(), 1, List.of("m-1"));
    }

    @Override
    public ReplayResult replay(int max) {
        calls.add("replay " + max);
        throwIfFailing();
        return replay.apply(max);
    }

    private void throwIfFailing() {
        if (failure != null) {
            throw failure;
        }
    }
}
