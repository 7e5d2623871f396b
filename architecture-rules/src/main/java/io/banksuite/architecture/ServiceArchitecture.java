package io.banksuite.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;
import java.util.Objects;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;

/**
 * The shape every service of the suite has (ARCHITECTURE.md), as ArchUnit rules over one service's main classes.
 * Under the service's base package: {@code domain} (rules and maths, no framework), {@code application} (use cases,
 * transactions, and the ports in {@code application.port.out}), {@code adapter.in.*} and {@code adapter.out.*} (one
 * package per technology), and {@code config} (the only home of {@code @Configuration} and {@code @Bean}).
 */
public final class ServiceArchitecture {

    /** The base package of each service of the suite. */
    public static final List<String> SERVICE_PACKAGES = List.of("io.banksuite.transaction", "io.banksuite.relay",
            "io.banksuite.fraud", "io.banksuite.ml", "io.banksuite.analytics", "io.banksuite.notification",
            "io.banksuite.lag");

    /** What a domain must not know: frameworks, persistence, brokers, serialization and generated event types. */
    static final String[] FRAMEWORKS = {"org.springframework..", "jakarta..", "javax.sql..", "java.sql..",
            "org.apache.kafka..", "com.rabbitmq..", "org.apache.avro..", "io.banksuite.events..", "tools.jackson..",
            "com.fasterxml.jackson..", "io.micrometer..", "io.opentelemetry.."};

    private static final String CONFIGURATION = "org.springframework.context.annotation.Configuration";
    private static final String BEAN = "org.springframework.context.annotation.Bean";
    private static final String SPRING_BOOT_APPLICATION =
            "org.springframework.boot.autoconfigure.SpringBootApplication";
    private static final List<String> STEREOTYPES = List.of("org.springframework.stereotype.Component",
            "org.springframework.stereotype.Service", "org.springframework.stereotype.Repository",
            "org.springframework.stereotype.Controller", "org.springframework.web.bind.annotation.RestController");

    private final String basePackage;
    private final List<String> otherServices;
    private final JavaClasses classes;

    private ServiceArchitecture(String basePackage, List<String> otherServices, JavaClasses classes) {
        this.basePackage = Objects.requireNonNull(basePackage, "basePackage");
        this.otherServices = List.copyOf(otherServices);
        this.classes = classes;
    }

    /** The service whose application class this is: its package and below, main classes only. */
    public static ServiceArchitecture of(Class<?> applicationClass) {
        String base = applicationClass.getPackageName();
        return of(base, SERVICE_PACKAGES.stream().filter(other -> !other.equals(base)).toList());
    }

    /** Any base package, with the packages of the services it must not depend on. */
    public static ServiceArchitecture of(String basePackage, List<String> otherServices) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
        return of(basePackage, otherServices, classes);
    }

    /** The rules over classes imported elsewhere: the fixtures of this module's own test. */
    static ServiceArchitecture of(String basePackage, List<String> otherServices, JavaClasses classes) {
        return new ServiceArchitecture(basePackage, otherServices, classes);
    }

    public JavaClasses classes() {
        return classes;
    }

    /** Every rule, in the order ARCHITECTURE.md gives them. */
    public List<ArchRule> rules() {
        return List.of(domainDependsOnNoFramework(), layersPointInwards(), adaptersDoNotDependOnEachOther(),
                packagesHaveNoCycles(), packagesDoNotStutter(), oneWiringStyle(), noServiceDependsOnAnother());
    }

    /** Rules and maths are plain Java: they can be tested, and read, without any framework. */
    public ArchRule domainDependsOnNoFramework() {
        return noClasses().that().resideInAPackage(basePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("the domain holds rules and maths, unit-tested without Spring, JDBC, Kafka, AMQP or Avro")
                .allowEmptyShould(true);
    }

    /** Adapters call the application, the application calls the domain and the ports; config wires them all. */
    public ArchRule layersPointInwards() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("Domain").definedBy(basePackage + ".domain..")
                .layer("Application").definedBy(basePackage + ".application..")
                .layer("Adapters").definedBy(basePackage + ".adapter..")
                .layer("Configuration").definedBy(basePackage + ".config..")
                .whereLayer("Configuration").mayNotBeAccessedByAnyLayer()
                .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Configuration")
                .whereLayer("Application").mayOnlyBeAccessedByLayers("Adapters", "Configuration")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Adapters", "Configuration");
    }

    /** One technology's adapter never reaches into another's: they meet in the application layer. */
    public ArchRule adaptersDoNotDependOnEachOther() {
        return slices().matching(basePackage + ".adapter.(*).(*)..").namingSlices("adapter $1.$2")
                .should().notDependOnEachOther()
                .allowEmptyShould(true);
    }

    public ArchRule packagesHaveNoCycles() {
        return slices().matching(basePackage + ".(**)").should().beFreeOfCycles().allowEmptyShould(true);
    }

    /** {@code transaction.transaction} says nothing twice: a package is named for its role in the service. */
    public ArchRule packagesDoNotStutter() {
        return ArchRuleDefinition.classes().should(new ArchCondition<>(
                "reside in a package whose name does not repeat itself") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                String[] segments = javaClass.getPackageName().split("\\.");
                for (int i = 1; i < segments.length; i++) {
                    if (segments[i].equals(segments[i - 1])) {
                        events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName()
                                + " is in " + javaClass.getPackageName() + ", which repeats '" + segments[i] + "'"));
                        return;
                    }
                }
            }
        });
    }

    /**
     * One wiring style: a class of the service that Spring can build from its constructor carries a stereotype and
     * is found by scanning; {@code @Configuration} classes, and so {@code @Bean} methods, live in {@code config}
     * only, where they build what cannot carry one (domain objects, library classes, objects assembled from
     * settings). The domain carries no stereotype.
     */
    public ArchRule oneWiringStyle() {
        String config = basePackage + ".config..";
        ArchRule configurationInConfig = ArchRuleDefinition.classes().that().areMetaAnnotatedWith(CONFIGURATION)
                .and().areNotAnnotatedWith(SPRING_BOOT_APPLICATION)
                .should().resideInAPackage(config)
                .allowEmptyShould(true);
        ArchRule beansInConfig = noMethods().that().areAnnotatedWith(BEAN)
                .should().beDeclaredInClassesThat().resideOutsideOfPackage(config)
                .allowEmptyShould(true);
        ArchRule noStereotypeInDomain = noClasses().that().resideInAPackage(basePackage + ".domain..")
                .should(beMetaAnnotatedWithAny(STEREOTYPES))
                .allowEmptyShould(true);
        return CompositeArchRule.of(configurationInConfig).and(beansInConfig).and(noStereotypeInDomain);
    }

    /** Services meet through events and HTTP only, never through each other's code. */
    public ArchRule noServiceDependsOnAnother() {
        return noClasses().that().resideInAPackage(basePackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(otherServices.stream().map(p -> p + "..")
                        .toArray(String[]::new))
                .because("events and HTTP are the only contract between services")
                .allowEmptyShould(true);
    }

    private static ArchCondition<JavaClass> beMetaAnnotatedWithAny(List<String> annotations) {
        return new ArchCondition<>("be annotated with a Spring stereotype") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (String annotation : annotations) {
                    if (javaClass.isMetaAnnotatedWith(annotation) || javaClass.isAnnotatedWith(annotation)) {
                        events.add(SimpleConditionEvent.satisfied(javaClass, javaClass.getName() + " is a @"
                                + annotation.substring(annotation.lastIndexOf('.') + 1)));
                        return;
                    }
                }
                events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + " has no stereotype"));
            }
        };
    }
}
