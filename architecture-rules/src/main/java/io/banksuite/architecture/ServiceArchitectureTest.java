package io.banksuite.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The architecture test every service runs, one test per rule of {@link ServiceArchitecture}:
 * <pre>{@code
 * class ArchitectureTest extends ServiceArchitectureTest {
 *     ArchitectureTest() {
 *         super(MlServiceApplication.class);
 *     }
 * }
 * }</pre>
 */
public abstract class ServiceArchitectureTest {

    private final Class<?> applicationClass;
    private final ServiceArchitecture architecture;

    /** @param applicationClass the service's {@code @SpringBootApplication}, in its base package */
    protected ServiceArchitectureTest(Class<?> applicationClass) {
        this.applicationClass = applicationClass;
        this.architecture = ServiceArchitecture.of(applicationClass);
    }

    /** Rules over nothing would pass: the service's own classes must be what they see. */
    @Test
    void theRulesSeeTheServicesClasses() {
        assertTrue(architecture.classes().contain(applicationClass), "imported " + applicationClass.getName());
        assertTrue(architecture.classes().stream().anyMatch(c -> c.getPackageName().contains(".application")),
                "an application layer");
    }

    @Test
    void theDomainDependsOnNoFramework() {
        architecture.domainDependsOnNoFramework().check(architecture.classes());
    }

    @Test
    void layersPointInwards() {
        architecture.layersPointInwards().check(architecture.classes());
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        architecture.adaptersDoNotDependOnEachOther().check(architecture.classes());
    }

    @Test
    void packagesHaveNoCycles() {
        architecture.packagesHaveNoCycles().check(architecture.classes());
    }

    @Test
    void packagesDoNotStutter() {
        architecture.packagesDoNotStutter().check(architecture.classes());
    }

    @Test
    void oneWiringStyle() {
        architecture.oneWiringStyle().check(architecture.classes());
    }

    @Test
    void noServiceDependsOnAnother() {
        architecture.noServiceDependsOnAnother().check(architecture.classes());
    }
}
