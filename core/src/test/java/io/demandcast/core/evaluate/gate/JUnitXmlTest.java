package io.demandcast.core.evaluate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.GateRule;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

class JUnitXmlTest {

    private static final Instant START = Instant.parse("2025-06-01T10:00:00.750Z");
    private static final Duration TIME = Duration.ofMillis(12_345);
    private static final GateRule RMSSE = ConfigLoader.parseGateRule("{metric: rmsse, max: 0.9}");

    private static final List<GateOutcome> OUTCOMES = List.of(
            new GateOutcome(RMSSE, "{metric: rmsse, max: 0.9}", "ets", false, "rmsse 0.934 > max 0.9"),
            new GateOutcome(RMSSE, "{metric: rmsse, max: 0.9}", "theta", true, "rmsse 0.85 <= max 0.9"),
            new GateOutcome(RMSSE, "{relative_to: seasonal_naive, metric: mase, max_ratio: 0.95}", "ets", false,
                    "mase ratio 0.981 (0.874 / 0.891 seasonal_naive) > max_ratio 0.95"));

    private static Schema schema() throws SAXException {
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(JUnitXmlTest.class.getResource("/junit/junit.xsd"));
    }

    private static void validate(String xml) throws Exception {
        schema().newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document doc, String name) {
        NodeList list = doc.getElementsByTagName(name);
        return java.util.stream.IntStream.range(0, list.getLength()).mapToObj(i -> (Element) list.item(i)).toList();
    }

    @Test
    void reportValidatesAgainstTheJUnitSchema() throws Exception {
        validate(JUnitXml.render(OUTCOMES, START, TIME));
        validate(JUnitXml.render(List.of(), START, Duration.ZERO));
    }

    @Test
    void theSchemaRejectsWhatCiServersWouldNotRead() {
        String good = JUnitXml.render(OUTCOMES, START, TIME);
        for (String bad : List.of(good.replace("tests=\"3\"", "tests=\"three\""),
                good.replace(" name=\"demandcast.gate\"", ""),
                good.replace("timestamp=\"2025-06-01T10:00:00\"", "timestamp=\"June 1st\""),
                good.replace("<testsuites", "<testrun").replace("</testsuites>", "</testrun>"))) {
            assertThrows(SAXException.class, () -> validate(bad), bad);
        }
    }

    @Test
    void countsAndAttributes() throws Exception {
        String xml = JUnitXml.render(OUTCOMES, START, TIME);
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "), xml);
        Document doc = parse(xml);
        Element suites = doc.getDocumentElement();
        assertEquals("testsuites", suites.getTagName());
        assertEquals("3", suites.getAttribute("tests"));
        assertEquals("2", suites.getAttribute("failures"));
        Element suite = elements(doc, "testsuite").get(0);
        assertEquals("demandcast.gate", suite.getAttribute("name"));
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("failures"));
        assertEquals("0", suite.getAttribute("errors"));
        assertEquals("0", suite.getAttribute("skipped"));
        assertEquals("12.345", suite.getAttribute("time"));
        assertEquals("2025-06-01T10:00:00", suite.getAttribute("timestamp"));
        List<Element> cases = elements(doc, "testcase");
        assertEquals(3, cases.size());
        assertEquals("demandcast.gate.ets", cases.get(0).getAttribute("classname"));
        assertEquals("{metric: rmsse, max: 0.9}", cases.get(0).getAttribute("name"));
        assertEquals("0", cases.get(0).getAttribute("time"));
        assertEquals("demandcast.gate.theta", cases.get(1).getAttribute("classname"));
        List<Element> failures = elements(doc, "failure");
        assertEquals(2, failures.size());
        assertEquals("rmsse 0.934 > max 0.9", failures.get(0).getAttribute("message"));
        assertEquals("GateFailure", failures.get(0).getAttribute("type"));
        assertEquals("rmsse 0.934 > max 0.9", failures.get(0).getTextContent());
        assertEquals(cases.get(2), failures.get(1).getParentNode());
        // a passed case has no failure, and says why it passed
        assertEquals(0, cases.get(1).getElementsByTagName("failure").getLength());
        assertEquals("rmsse 0.85 <= max 0.9", cases.get(1).getElementsByTagName("system-out").item(0).getTextContent());
    }

    @Test
    void specialCharactersAreEscaped() throws Exception {
        String nasty = "a<b & \"c\" 'd' > e";
        List<GateOutcome> outcomes = List.of(new GateOutcome(RMSSE, "{metric: x<&\"y, max: 1}", "m<&\"", false, nasty + " \u0001 \ud800 ✓"));
        String xml = JUnitXml.render(outcomes, START, TIME);
        validate(xml);
        assertFalse(xml.contains(nasty), xml);
        assertFalse(xml.contains("\u0001"), xml);
        Document doc = parse(xml);
        Element testcase = elements(doc, "testcase").get(0);
        assertEquals("{metric: x<&\"y, max: 1}", testcase.getAttribute("name"));
        assertEquals("demandcast.gate.m<&\"", testcase.getAttribute("classname"));
        Element failure = elements(doc, "failure").get(0);
        assertEquals(nasty + " \ufffd \ufffd ✓", failure.getAttribute("message"));
        assertEquals(nasty + " \ufffd \ufffd ✓", failure.getTextContent());
    }

    @Test
    void repeatedCasesGetDistinctNames() throws Exception {
        GateOutcome o = OUTCOMES.get(0);
        Document doc = parse(JUnitXml.render(List.of(o, o, OUTCOMES.get(1), o), START, TIME));
        List<String> names = elements(doc, "testcase").stream().map(e -> e.getAttribute("name")).toList();
        assertEquals(List.of("{metric: rmsse, max: 0.9}", "{metric: rmsse, max: 0.9} (2)", "{metric: rmsse, max: 0.9}",
                "{metric: rmsse, max: 0.9} (3)"), names);
    }

    @Test
    void writeIsUtf8AndReplacesAnEarlierReport(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ci/junit.xml");
        JUnitXml.write(file, List.of(), START, TIME);
        List<GateOutcome> outcomes = List.of(new GateOutcome(RMSSE, "{metric: rmsse, max: 0.9}", "modèle", true, "rmsse 0.85 ≤ max 0.9"));
        JUnitXml.write(file, outcomes, START, TIME);
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(JUnitXml.render(outcomes, START, TIME), new String(bytes, StandardCharsets.UTF_8));
        schema().newValidator().validate(new StreamSource(file.toFile()));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        assertEquals("demandcast.gate.modèle", elements(doc, "testcase").get(0).getAttribute("classname"));
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
    }
}
