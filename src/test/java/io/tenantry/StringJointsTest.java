package io.tenantry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;

import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.SessionEventListener;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.tenantry.platform.Database;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;

/**
 * The joints the compiler cannot see, because they name classes by strings (docs/architecture.md,
 * "Joints wired by strings"): each names a class that exists and is of the kind its container
 * expects, and the filters come in the order the request path needs. A move or rename that forgets
 * one fails here, before a server is started; the ITs named in the docs prove each one works.
 */
class StringJointsTest {

    private static final File WEB_INF = new File("src/main/webapp/WEB-INF");

    @Test
    void theNameTheCodeLooksUpIsMappedToThePoolPayaraConfigDefines() throws Exception {
        Document web = read(new File(WEB_INF, "web.xml"));
        Element reference = (Element) web.getElementsByTagName("resource-ref").item(0);
        assertEquals(Database.JNDI_NAME, reference.getElementsByTagName("res-ref-name").item(0).getTextContent().trim());
        assertEquals(DataSource.class.getName(), reference.getElementsByTagName("res-type").item(0).getTextContent().trim());
        String global = reference.getElementsByTagName("lookup-name").item(0).getTextContent().trim();
        List<String> commands = Files.readAllLines(Path.of("payara-config/post-boot-commands.asadmin"));
        assertTrue(commands.stream().anyMatch(command -> command.startsWith("create-jdbc-resource ") && command.endsWith(" " + global)),
                "payara-config/post-boot-commands.asadmin creates no JDBC resource " + global);
    }

    /**
     * Both servers' pools name their validation class, and WildFly its module, by strings; the classes
     * are in tenantry-pool.jar as the build made it (the WAR has none of them).
     */
    @Test
    void thePoolsOfBothServersValidateWithClassesOfTheServerLibrary() throws Exception {
        String payara = Files.readString(Path.of("payara-config/post-boot-commands.asadmin"));
        String wildfly = Files.readString(Path.of("wildfly-config/tenantry.cli"));
        List<String> named = List.of(wordAfter(payara, "--validationclassname "),
                wordAfter(wildfly, "--valid-connection-checker-class-name="));
        String module = wordAfter(wildfly, "--valid-connection-checker-module=");
        assertTrue(wildfly.contains("module add --name=" + module + " --resources=${tenantry-pool.jar} "),
                "wildfly-config/tenantry.cli makes no module " + module + " of tenantry-pool.jar");
        try (JarFile library = new JarFile("target/server-lib/tenantry-pool.jar")) {
            for (String className : named) {
                assertTrue(library.getEntry(className.replace('.', '/') + ".class") != null,
                        className + " is not in target/server-lib/tenantry-pool.jar");
            }
        }
    }

    private static String wordAfter(String text, String option) {
        int at = text.indexOf(option);
        assertTrue(at >= 0, "no " + option);
        return text.substring(at + option.length()).split("\\s", 2)[0];
    }

    @Test
    void thePersistenceUnitUsesThePoolAndRoutesAndTagsEverySession() throws Exception {
        Document persistence = read(new File("src/main/resources/META-INF/persistence.xml"));
        Element unit = (Element) persistence.getElementsByTagName("persistence-unit").item(0);
        assertEquals("tenantry", unit.getAttribute("name"));
        Element reference = (Element) read(new File(WEB_INF, "web.xml")).getElementsByTagName("resource-ref").item(0);
        assertEquals(reference.getElementsByTagName("lookup-name").item(0).getTextContent().trim(),
                text(persistence, "jta-data-source").get(0), "the persistence unit uses the pool the code's name maps to");
        String listener = property(persistence, "eclipselink.session-event-listener");
        assertEquals("io.tenantry.tenancy.SchemaRouting", listener);
        assertKind(SessionEventListener.class, listener);
        String customizer = property(persistence, "eclipselink.session.customizer");
        assertEquals("io.tenantry.tenancy.TenantTaggedConnections", customizer);
        assertKind(SessionCustomizer.class, customizer);
    }

    @Test
    void theFiltersExistAndRunInTheRequestPathsOrder() throws Exception {
        Document web = read(new File(WEB_INF, "web.xml"));
        List<String> mapped = new ArrayList<>();
        NodeList mappings = web.getElementsByTagName("filter-mapping");
        for (int i = 0; i < mappings.getLength(); i++) {
            mapped.add(((Element) mappings.item(i)).getElementsByTagName("filter-name").item(0).getTextContent().trim());
        }
        assertEquals(List.of("SecurityHeaders", "RelativeRedirects", "RefusedCallers", "CappedBodies", "DatabaseOutage", "RequestMetrics", "TenantFilter",
                "AccessGate"), mapped);
        List<String> classes = text(web, "filter-class");
        assertEquals(List.of("io.tenantry.platform.SecurityHeaders", "io.tenantry.platform.RelativeRedirects",
                "io.tenantry.accounts.RefusedCallers", "io.tenantry.platform.CappedBodies",
                "io.tenantry.platform.DatabaseOutage", "io.tenantry.tenancy.RequestMetrics",
                "io.tenantry.tenancy.TenantFilter", "io.tenantry.access.AccessGate"), classes);
        for (String filter : classes) {
            assertKind(Filter.class, filter);
        }
    }

    @Test
    void theMetricsServletExistsAndHoldsAllOfMetrics() throws Exception {
        Document web = read(new File(WEB_INF, "web.xml"));
        List<String> classes = text(web, "servlet-class");
        assertTrue(classes.contains("io.tenantry.metrics.MetricsEndpoint"), classes.toString());
        assertKind(Servlet.class, "io.tenantry.metrics.MetricsEndpoint");
        assertTrue(text(web, "url-pattern").contains("/metrics/*"), "Payara's own metrics servlet finds it taken");
    }

    @Test
    void refusedPagesAreHandledByRefusalPages() throws Exception {
        List<String> factories = text(read(new File(WEB_INF, "faces-config.xml")), "exception-handler-factory");
        assertEquals(List.of("io.tenantry.web.RefusalPages"), factories);
        assertKind(ExceptionHandlerFactory.class, factories.get(0));
    }

    @Test
    void theOpenApiDocumentIsMadeByApiDocumentAlone() throws Exception {
        Properties config = new Properties();
        try (var in = new java.io.FileInputStream("src/main/resources/META-INF/microprofile-config.properties")) {
            config.load(in);
        }
        assertEquals("io.tenantry.api.ApiDocument", config.getProperty("mp.openapi.model.reader"));
        assertEquals("true", config.getProperty("mp.openapi.scan.disable"), "Payara's scan would add its own guesses");
        assertKind(OASModelReader.class, config.getProperty("mp.openapi.model.reader"));
    }

    private static void assertKind(Class<?> kind, String className) throws ClassNotFoundException {
        Class<?> named = Class.forName(className, false, StringJointsTest.class.getClassLoader());
        assertTrue(kind.isAssignableFrom(named), className + " is no " + kind.getName());
    }

    private static Document read(File file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file);
    }

    private static List<String> text(Document document, String tag) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = document.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().trim());
        }
        return texts;
    }

    private static String property(Document document, String name) {
        NodeList properties = document.getElementsByTagName("property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            if (name.equals(property.getAttribute("name"))) {
                return property.getAttribute("value");
            }
        }
        throw new AssertionError("persistence.xml sets no " + name);
    }
}
