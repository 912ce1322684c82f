package io.demandcast.core.evaluate.gate;

import io.demandcast.core.AtomicFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The gate's outcomes as a JUnit XML report, the format Jenkins, GitLab ({@code artifacts:reports:junit})
 * and GitHub test-report actions read:
 * <pre>{@code
 * <testsuites name="demandcast" tests="2" failures="1" errors="0" time="12.345">
 *   <testsuite name="demandcast.gate" tests="2" failures="1" errors="0" skipped="0" time="12.345" timestamp="2025-06-01T10:00:00">
 *     <testcase classname="demandcast.gate.ets" name="{metric: rmsse, max: 0.9}" time="0">
 *       <failure message="rmsse 0.934 > max 0.9" type="GateFailure">rmsse 0.934 > max 0.9</failure>
 *     </testcase>
 *     <testcase classname="demandcast.gate.theta" name="{metric: rmsse, max: 0.9}" time="0">
 *       <system-out>rmsse 0.85 <= max 0.9</system-out>
 *     </testcase>
 *   </testsuite>
 * </testsuites>
 * }</pre>
 * (special characters escaped). One test case per outcome, in the outcomes' order; a passed one
 * carries its reason as {@code system-out}. The timestamp is UTC without zone designator, as Ant
 * and the Jenkins schema write it. Characters XML 1.0 cannot hold become U+FFFD; a test case whose
 * class and name repeat an earlier one's gets {@code  (2)}, {@code  (3)}… appended to its name,
 * since GitLab keeps only the first of equal names.
 */
public final class JUnitXml {

    /** Name of the test suite; test case classes are {@code demandcast.gate.<model>}. */
    public static final String SUITE = "demandcast.gate";
    /** {@code type} of a failure element. */
    public static final String FAILURE_TYPE = "GateFailure";

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private JUnitXml() {
    }

    /**
     * Writes the report to {@code file} as UTF-8, atomically (a temporary file, then a rename),
     * creating the directory and replacing an earlier report.
     *
     * @param timestamp when the evaluation started
     * @param time      how long it took (the suite's {@code time}; each test case has {@code time="0"})
     */
    public static void write(Path file, List<GateOutcome> outcomes, Instant timestamp, Duration time) throws IOException {
        AtomicFiles.writeText(file, render(outcomes, timestamp, time));
    }

    /** The report's text, starting with an XML declaration for UTF-8. */
    public static String render(List<GateOutcome> outcomes, Instant timestamp, Duration time) {
        long failures = outcomes.stream().filter(o -> !o.passed()).count();
        String tests = Integer.toString(outcomes.size());
        String seconds = seconds(time);
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "demandcast");
            xml.writeAttribute("tests", tests);
            xml.writeAttribute("failures", Long.toString(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("time", seconds);
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", SUITE);
            xml.writeAttribute("tests", tests);
            xml.writeAttribute("failures", Long.toString(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("time", seconds);
            xml.writeAttribute("timestamp", TIMESTAMP.format(timestamp.truncatedTo(ChronoUnit.SECONDS)));
            Map<String, Integer> seen = new HashMap<>();
            for (GateOutcome o : outcomes) {
                String classname = SUITE + "." + o.model();
                String name = o.ruleText();
                int n = seen.merge(classname + "\n" + name, 1, Integer::sum);
                if (n > 1) {
                    name += " (" + n + ")";
                }
                xml.writeCharacters("\n    ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", attribute(classname));
                xml.writeAttribute("name", attribute(name));
                xml.writeAttribute("time", "0");
                xml.writeCharacters("\n      ");
                if (o.passed()) {
                    xml.writeStartElement("system-out");
                    xml.writeCharacters(content(o.reason()));
                } else {
                    xml.writeStartElement("failure");
                    xml.writeAttribute("message", attribute(o.reason()));
                    xml.writeAttribute("type", FAILURE_TYPE);
                    xml.writeCharacters(content(o.reason()));
                }
                xml.writeEndElement();
                xml.writeCharacters("\n    ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.writeCharacters("\n");
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot render the JUnit report: " + e.getMessage(), e);
        }
        return text.toString();
    }

    /** Seconds with three decimals, {@code 12.345}. */
    private static String seconds(Duration time) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, time.toMillis()) / 1000.0);
    }

    /** Text that stays as it is in an attribute: no XML-illegal characters, line breaks and tabs as spaces (XML normalises them anyway). */
    private static String attribute(String s) {
        return content(s).replace('\r', ' ').replace('\n', ' ').replace('\t', ' ');
    }

    /** {@code s} with every character XML 1.0 cannot hold (controls, lone surrogates, U+FFFE/F) as U+FFFD. */
    private static String content(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            sb.appendCodePoint(ok ? cp : 0xFFFD);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }
}
