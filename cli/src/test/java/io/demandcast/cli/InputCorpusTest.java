package io.demandcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.demandcast.core.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The bad-input corpus: every case folder under {@code core/src/test/resources/corpus/} run through
 * the CLI in-process, as a user's cron job would run it.
 *
 * <p>A case folder holds {@code experiment.yaml} (its paths written {@code ${DIR}/...}), its data files
 * and {@code case.yaml}: {@code setup} (verbs that must succeed first), {@code verb} and {@code args}
 * (the run under test, {@code <verb> -q -c experiment.yaml <args>}), then either {@code exit} and
 * {@code message} (an invalid case; {@code exit: 0} for a valid one) or {@code same_forecast_as} (an awkward but valid file, whose
 * forecast must equal that of the named clean case). The folder is copied to a temporary directory
 * and {@code ${DIR}} replaced there and in {@code args} (byte for byte, so deliberately undecodable files stay as they are).
 *
 * <p>An invalid case must exit with its code, print exactly one error line (a {@code Try ... --help}
 * hint may follow an option error) holding every {@code message} substring, no stack trace, and
 * create, change or remove nothing in its directory.
 */
class InputCorpusTest {
    static final Path CORPUS = Path.of("../core/src/test/resources/corpus");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final byte[] PLACEHOLDER = "${DIR}".getBytes(StandardCharsets.US_ASCII);

    @TestFactory
    Stream<DynamicTest> everyCaseBehavesAsItsCaseFileSays() throws IOException {
        assertTrue(Files.isDirectory(CORPUS), "corpus folder " + CORPUS.toAbsolutePath() + " is missing");
        List<Path> cases;
        try (Stream<Path> list = Files.list(CORPUS)) {
            cases = list.filter(p -> Files.isRegularFile(p.resolve("case.yaml"))).sorted().toList();
        }
        // issue 14's acceptance: at least 40 bad or awkward files
        assertTrue(cases.size() >= 40, "the corpus holds " + cases.size() + " cases, fewer than 40");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> runCase(c)));
    }

    private static void runCase(Path caseDir) throws IOException {
        JsonNode spec = YAML.readTree(caseDir.resolve("case.yaml").toFile());
        if (spec.has("same_forecast_as")) {
            String forecast = forecastOf(caseDir, spec);
            String clean = forecastOf(CORPUS.resolve(spec.get("same_forecast_as").asText()),
                    YAML.readTree(CORPUS.resolve(spec.get("same_forecast_as").asText()).resolve("case.yaml").toFile()));
            assertFalse(forecast.isBlank(), "no forecast");
            assertEquals(clean, forecast, "forecast differs from the clean case's " + spec.get("same_forecast_as").asText());
            return;
        }
        Path dir = copy(caseDir);
        try {
            setup(dir, spec);
            Map<String, String> before = snapshot(dir);
            CliRun.Result r = CliRun.run(command(dir, spec.path("verb").asText("train"), spec.path("args")));
            assertEquals(spec.path("exit").asInt(2), r.code(), r.toString());
            assertFalse(r.err().contains("\tat ") || r.err().contains("Exception in thread"), "a stack trace: " + r);
            if (r.code() == 0) {
                return;   // a valid case (a clean reference, say): succeeding is all it asks
            }
            List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
            List<String> errors = lines.stream().filter(l -> !l.startsWith("Try 'demandcast")).toList();
            assertEquals(1, errors.size(), "one error line: " + r);
            for (JsonNode m : spec.path("message")) {
                assertTrue(errors.get(0).contains(m.asText()), "the message lacks '" + m.asText() + "': " + errors.get(0));
            }
            assertEquals(before, snapshot(dir), "the failed run created, changed or removed files");
        } finally {
            delete(dir);
        }
    }

    /** The case's forecast as {@code predict -o -} prints it, after its setup. */
    private static String forecastOf(Path caseDir, JsonNode spec) throws IOException {
        Path dir = copy(caseDir);
        try {
            setup(dir, spec);
            List<String> args = new ArrayList<>(List.of("-o", "-"));
            spec.path("args").forEach(a -> args.add(a.asText()));
            CliRun.Result r = CliRun.run(command(dir, "predict", YAML.valueToTree(args)));
            assertEquals(0, r.code(), caseDir.getFileName() + ": " + r);
            return r.out();
        } finally {
            delete(dir);
        }
    }

    private static void setup(Path dir, JsonNode spec) {
        for (JsonNode verb : spec.path("setup")) {
            CliRun.Result r = CliRun.run(command(dir, verb.asText(), null));
            assertEquals(0, r.code(), "setup " + verb.asText() + " failed: " + r);
        }
    }

    private static String[] command(Path dir, String verb, JsonNode args) {
        List<String> all = new ArrayList<>(List.of(verb, "-q", "-c", dir.resolve("experiment.yaml").toString()));
        if (args != null) {
            // ${DIR} in an argument (a file a verb takes by option, such as plan's --inventory) is the case's copy too
            args.forEach(a -> all.add(a.asText().replace("${DIR}", dir.toString())));
        }
        return all.toArray(String[]::new);
    }

    /** The case folder in a fresh temporary directory, {@code ${DIR}} replaced in its YAML files. */
    private static Path copy(Path caseDir) throws IOException {
        Path dir = Files.createTempDirectory("corpus-" + caseDir.getFileName() + "-");
        byte[] target = dir.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(caseDir)) {
            for (Path p : files.toList()) {
                Path to = dir.resolve(caseDir.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else if (p.getFileName().toString().endsWith(".yaml")) {
                    Files.write(to, replace(Files.readAllBytes(p), PLACEHOLDER, target));
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return dir;
    }

    static byte[] replace(byte[] text, byte[] from, byte[] to) {
        var out = new java.io.ByteArrayOutputStream(text.length);
        for (int i = 0; i < text.length; ) {
            if (java.util.Arrays.equals(text, i, Math.min(text.length, i + from.length), from, 0, from.length)) {
                out.write(to, 0, to.length);
                i += from.length;
            } else {
                out.write(text[i++]);
            }
        }
        return out.toByteArray();
    }

    /** Every path under {@code dir}: its kind, permissions and (files) content digest. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> state = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.toList()) {
                String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, java.nio.file.LinkOption.NOFOLLOW_LINKS));
                String what = Files.isSymbolicLink(p) ? "link " + Files.readSymbolicLink(p)
                        : Files.isDirectory(p) ? "dir" : "file " + Sha256.bytes(Files.readAllBytes(p));
                state.put(dir.relativize(p).toString(), what + " " + perms);
            }
        }
        return state;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @org.junit.jupiter.api.Test
    void thePlaceholderIsReplacedByteForByte() {
        byte[] text = {(byte) 0xff, '$', '{', 'D', 'I', 'R', '}', '/', 'a', (byte) 0xfe, '$'};
        byte[] out = replace(text, PLACEHOLDER, "/t".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of((byte) 0xff, (byte) '/', (byte) 't', (byte) '/', (byte) 'a', (byte) 0xfe, (byte) '$'),
                toList(out));
    }

    private static List<Byte> toList(byte[] bytes) {
        List<Byte> list = new ArrayList<>();
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }
}
