package io.tenantry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The floors of the code (docs/architecture.md): a package may use its own floor and those below,
 * never one above, and no packages use each other round in a circle. Reads the compiled main
 * classes only (the tests' helpers may reach anywhere).
 */
class ArchitectureTest {

    private static final String STARTUP = "start-up";
    private static final String FRAME = "page frame";
    private static final String AUDIT = "audit trail";
    private static final String FEATURES = "features";
    private static final String PEOPLE = "accounts and access";
    private static final String SCHEMAS = "provisioning and migration";
    private static final String TENANCY = "tenancy";
    private static final String PLATFORM = "platform";
    private static final String POOL = "server library";

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tenantry");
    }

    @Test
    void noFloorUsesOneAbove() {
        ArchRule floors = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer(STARTUP).definedBy("io.tenantry.startup..")
                .layer(FRAME).definedBy("io.tenantry.web..")
                .layer(AUDIT).definedBy("io.tenantry.audit..")
                .layer(FEATURES).definedBy("io.tenantry.workspace..", "io.tenantry.admin..", "io.tenantry.archive..",
                        "io.tenantry.metrics..")
                .layer(PEOPLE).definedBy("io.tenantry.accounts..", "io.tenantry.access..")
                .layer(SCHEMAS).definedBy("io.tenantry.provisioning..", "io.tenantry.migration..")
                .layer(TENANCY).definedBy("io.tenantry.tenancy..", "io.tenantry.files..")
                .layer(PLATFORM).definedBy("io.tenantry.platform..", "io.tenantry.faces..", "io.tenantry.mail..",
                        "io.tenantry.api..")
                .layer(POOL).definedBy("io.tenantry.pool..")
                .whereLayer(STARTUP).mayNotBeAccessedByAnyLayer()
                .whereLayer(FRAME).mayOnlyBeAccessedByLayers(STARTUP)
                .whereLayer(AUDIT).mayOnlyBeAccessedByLayers(STARTUP, FRAME)
                .whereLayer(FEATURES).mayOnlyBeAccessedByLayers(STARTUP, FRAME, AUDIT)
                .whereLayer(PEOPLE).mayOnlyBeAccessedByLayers(STARTUP, FRAME, AUDIT, FEATURES)
                .whereLayer(SCHEMAS).mayOnlyBeAccessedByLayers(STARTUP, FRAME, AUDIT, FEATURES, PEOPLE)
                .whereLayer(TENANCY).mayOnlyBeAccessedByLayers(STARTUP, FRAME, AUDIT, FEATURES, PEOPLE, SCHEMAS)
                .whereLayer(PLATFORM).mayOnlyBeAccessedByLayers(STARTUP, FRAME, AUDIT, FEATURES, PEOPLE, SCHEMAS, TENANCY)
                .whereLayer(POOL).mayNotBeAccessedByAnyLayer()
                .ensureAllClassesAreContainedInArchitectureIgnoring("io.tenantry");
        floors.check(classes);
    }

    /**
     * The workspace by aggregate: a run is of a plan, a plan holds cases, a case is of a product;
     * comments and attachments (notes) hang on cases, runs and executions by kind and id. The
     * workspace's own package holds only what every aggregate shares.
     */
    @Test
    void workspaceAggregatesUseOnlyThoseTheyAreMadeOf() {
        ArchRule aggregates = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("runs").definedBy("io.tenantry.workspace.runs..")
                .layer("plans").definedBy("io.tenantry.workspace.plans..")
                .layer("cases").definedBy("io.tenantry.workspace.cases..")
                .layer("notes").definedBy("io.tenantry.workspace.notes..")
                .layer("products").definedBy("io.tenantry.workspace.products..")
                .layer("shared").definedBy("io.tenantry.workspace")
                .whereLayer("runs").mayNotBeAccessedByAnyLayer()
                .whereLayer("plans").mayOnlyBeAccessedByLayers("runs")
                .whereLayer("cases").mayOnlyBeAccessedByLayers("plans", "runs")
                .whereLayer("notes").mayOnlyBeAccessedByLayers("cases", "runs")
                .whereLayer("products").mayOnlyBeAccessedByLayers("cases", "plans", "runs")
                .whereLayer("shared").mayOnlyBeAccessedByLayers("products", "notes", "cases", "plans", "runs");
        aggregates.check(classes);
    }

    /**
     * JSON-P's static {@code jakarta.json.Json} methods look the provider up on every call (a
     * ServiceLoader scan of every jar of the server's API class loader): 14 % of the shared test
     * server's CPU in a whole run, once per row of an imported archive. The provider is looked up once
     * ({@code platform.JsonProviderOnce}).
     */
    @Test
    void noClassLooksTheJsonProviderUpPerCall() {
        noClasses().that().doNotHaveFullyQualifiedName("io.tenantry.platform.JsonProviderOnce")
                .should().callMethodWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                        JavaClass.Predicates.type(jakarta.json.Json.class))))
                .orShould().callMethod(jakarta.json.spi.JsonProvider.class, "provider")
                .check(classes);
    }

    /**
     * The server library (tenantry-pool.jar) is loaded by the server's pool before any application,
     * beside PostgreSQL's driver alone: it may use the JDK only. The WAR leaves it out, so no other
     * package may use it either (above).
     */
    @Test
    void theServerLibraryUsesTheJdkOnly() {
        classes().that().resideInAPackage("io.tenantry.pool..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.tenantry.pool..")
                .check(classes);
    }

    @Test
    void noPackagesUseEachOtherInACircle() {
        slices().matching("io.tenantry.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("io.tenantry.workspace.(*)..").should().beFreeOfCycles().check(classes);
    }
}
