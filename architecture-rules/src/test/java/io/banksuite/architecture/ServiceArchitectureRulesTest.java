package io.banksuite.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules can fail: each one reports the class of a deliberately bad fixture service that breaks it, and passes
 * on a fixture that follows the shape.
 */
class ServiceArchitectureRulesTest {

    private static final String FIXTURES = "io.banksuite.architecture.fixture";
    private static final String GOOD = FIXTURES + ".good";
    private static final String BAD = FIXTURES + ".bad";

    private static final ServiceArchitecture GOOD_SERVICE = fixture(GOOD, BAD);
    private static final ServiceArchitecture BAD_SERVICE = fixture(BAD, GOOD);

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("domain depends on no framework", ServiceArchitecture::domainDependsOnNoFramework,
                        BAD + ".domain.SpringRule"),
                rule("layers point inwards", ServiceArchitecture::layersPointInwards,
                        BAD + ".domain.InsideOut", BAD + ".application.Checker"),
                rule("adapters do not depend on each other", ServiceArchitecture::adaptersDoNotDependOnEachOther,
                        BAD + ".adapter.in.web.Endpoint"),
                rule("no package cycles", ServiceArchitecture::packagesHaveNoCycles,
                        BAD + ".application.a.Ping", BAD + ".application.b.Pong"),
                rule("no stuttering package", ServiceArchitecture::packagesDoNotStutter,
                        BAD + ".application.report.report.Report"),
                rule("one wiring style", ServiceArchitecture::oneWiringStyle,
                        BAD + ".adapter.out.persistence.Store", BAD + ".domain.SpringRule"),
                rule("no service depends on another", ServiceArchitecture::noServiceDependsOnAnother,
                        BAD + ".application.Leak"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void reportsTheBadFixturesViolation(String name, Function<ServiceArchitecture, ArchRule> rule,
                                        List<String> offenders) {
        EvaluationResult result = rule.apply(BAD_SERVICE).evaluate(BAD_SERVICE.classes());

        assertThat(result.hasViolation()).as(name).isTrue();
        String report = String.join("\n", result.getFailureReport().getDetails());
        offenders.forEach(offender -> assertThat(report).as(name).contains(offender));
        assertThatThrownBy(() -> rule.apply(BAD_SERVICE).check(BAD_SERVICE.classes())).isInstanceOf(AssertionError.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void passesOnAServiceOfTheRightShape(String name, Function<ServiceArchitecture, ArchRule> rule,
                                         List<String> offenders) {
        EvaluationResult result = rule.apply(GOOD_SERVICE).evaluate(GOOD_SERVICE.classes());

        assertThat(result.getFailureReport().getDetails()).as(name).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void everyRuleIsChecked() {
        assertThat(BAD_SERVICE.rules()).hasSize((int) rules().count());
        assertThat(BAD_SERVICE.classes()).isNotEmpty();
    }

    private static Arguments rule(String name, Function<ServiceArchitecture, ArchRule> rule, String... offenders) {
        return Arguments.of(name, rule, List.of(offenders));
    }

    private static ServiceArchitecture fixture(String basePackage, String otherService) {
        return ServiceArchitecture.of(basePackage, List.of(otherService),
                new ClassFileImporter().importPackages(basePackage));
    }
}
