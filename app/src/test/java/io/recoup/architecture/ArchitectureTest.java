package io.recoup.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.net.URLConnection;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The module and package rules of ARCHITECTURE.md, checked over the main classes of every module: the core uses no
 * framework, SQL or HTTP; modules depend only on the ones below them in the table; each adapter uses the core, sepa
 * where its pom declares it, and its own library; nothing uses app; the stage packages of routes and of store form no
 * cycle, and the stages of routes use one another only through what the routes package itself shares ({@code cycle}
 * puts them together and may use them all).
 */
@AnalyzeClasses(packages = "io.recoup", importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {
    /** Each adapter's own library, by the packages its classes live in; a new adapter must say what it wraps here. */
    /** The adapters' test jars (their in-test servers) are test code too, wherever the build resolves them from. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar") && !location.contains("/test-classes/");
        }
    }

    private static final Map<String, List<String>> OWN_LIBRARIES = Map.of(
            "csv", List.of("org.apache.commons.csv.."),
            // javax.net: the JDK's socket factory, which Jakarta Mail takes for its connections (NoDelaySockets)
            "email", List.of("jakarta.mail..", "jakarta.activation..", "org.eclipse.angus..", "javax.net.."),
            "businesscentral", List.of("com.fasterxml.jackson..", "io.github.resilience4j..", "org.slf4j.."),
            "sap", List.of("com.fasterxml.jackson..", "io.github.resilience4j..", "org.slf4j..", "javax.xml..", "org.w3c.dom..",
                    "org.xml.sax.."),
            "salesforce", List.of("com.fasterxml.jackson..", "io.github.resilience4j..", "org.slf4j.."),
            "stripe", List.of("com.fasterxml.jackson..", "javax.crypto.."),
            "twilio", List.of("com.fasterxml.jackson..", "io.github.resilience4j..", "org.slf4j..", "javax.crypto.."),
            "whatsapp", List.of("com.fasterxml.jackson..", "io.github.resilience4j..", "org.slf4j..", "javax.crypto.."),
            "gocardless", List.of("com.gocardless..", "com.fasterxml.jackson..", "javax.crypto.."),
            "pdf", List.of("com.openhtmltopdf.."));

    @ArchTest
    static final ArchRule theCoreUsesNoFrameworkNoSqlAndNoHttp = noClasses().that().resideInAPackage("io.recoup.core..")
            .should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "org.apache.camel..", "java.sql..", "javax.sql..",
                    "org.postgresql..", "org.flywaydb..", "java.net.http..", "jakarta.servlet..", "javax.servlet..", "org.apache.hc..",
                    "org.apache.http..", "okhttp3..", "org.eclipse.jetty..").or(assignableTo(URLConnection.class)))
            .because("the core is the domain in plain Java: no Spring, no Camel, no JDBC, no HTTP");

    @ArchTest
    static final ArchRule modulesDependOnlyOnTheModulesBelowThem = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("core").definedBy("io.recoup.core..")
            .layer("sepa").definedBy("io.recoup.sepa..")
            .layer("adapters").definedBy("io.recoup.adapters..")
            .layer("store").definedBy("io.recoup.store..")
            .layer("routes").definedBy("io.recoup.routes..")
            .layer("app").definedBy("io.recoup.app..")
            .layer("bench").definedBy("io.recoup.bench..")
            .whereLayer("sepa").mayOnlyBeAccessedByLayers("adapters", "routes", "app", "bench")
            .whereLayer("adapters").mayOnlyBeAccessedByLayers("app", "bench")
            .whereLayer("store").mayOnlyBeAccessedByLayers("routes", "app", "bench")
            .whereLayer("routes").mayOnlyBeAccessedByLayers("app", "bench")
            .whereLayer("app").mayNotBeAccessedByAnyLayer()
            .whereLayer("bench").mayNotBeAccessedByAnyLayer();

    @ArchTest
    static final ArchRule nothingDependsOnTheApplication = noClasses().that().resideOutsideOfPackage("io.recoup.app..")
            .should().dependOnClassesThat().resideInAPackage("io.recoup.app..")
            .because("app wires everything together and nothing is built on it");

    /** Each adapter: its own package, the core, sepa if its pom declares it, its own library and the JDK; nothing else. */
    @ArchTest
    static void eachAdapterUsesOnlyTheCoreDeclaredSepaAndItsOwnLibrary(JavaClasses classes) throws IOException {
        TreeSet<String> adapters = new TreeSet<>();
        for (JavaClass c : classes.that(resideInAPackage("io.recoup.adapters.."))) {
            adapters.add(c.getPackageName().split("\\.")[3]);
        }
        assertThat(adapters).as("adapters found; each must name its own library in OWN_LIBRARIES")
                .isNotEmpty().isSubsetOf(OWN_LIBRARIES.keySet());
        for (String adapter : adapters) {
            List<String> allowed = new ArrayList<>(List.of("java..", "io.recoup.core..", "io.recoup.adapters." + adapter + ".."));
            allowed.addAll(OWN_LIBRARIES.get(adapter));
            if (Files.readString(SourceFiles.root().resolve("adapters").resolve(adapter).resolve("pom.xml"))
                    .contains("<artifactId>sepa</artifactId>")) {
                allowed.add("io.recoup.sepa..");
            }
            classes().that().resideInAPackage("io.recoup.adapters." + adapter + "..")
                    .should().onlyDependOnClassesThat().resideInAnyPackage(allowed.toArray(String[]::new))
                    .because("adapter " + adapter + " is a thin module around the core and its own library")
                    .check(classes);
        }
    }

    @ArchTest
    static final ArchRule theStagePackagesOfRoutesFormNoCycle = slices().matching("io.recoup.routes.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theStagePackagesOfStoreFormNoCycle = slices().matching("io.recoup.store.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theStagesOfRoutesShareOnlyWhatTheRoutesPackageHolds = slices().matching("io.recoup.routes.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(resideInAPackage("io.recoup.routes.cycle.."), alwaysTrue())
            .because("a stage reads the rows of the stage before it, not its classes; cycle puts them together");
}
