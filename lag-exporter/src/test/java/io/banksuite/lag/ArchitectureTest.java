package io.banksuite.lag;

import io.banksuite.architecture.ServiceArchitectureTest;

/** lag-exporter has the suite's one shape too (ARCHITECTURE.md). */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super(LagExporterApplication.class);
    }
}
