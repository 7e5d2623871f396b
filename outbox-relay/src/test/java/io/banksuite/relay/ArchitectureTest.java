package io.banksuite.relay;

import io.banksuite.architecture.ServiceArchitectureTest;

/** This service has the suite's one shape (ARCHITECTURE.md). */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super(OutboxRelayApplication.class);
    }
}
