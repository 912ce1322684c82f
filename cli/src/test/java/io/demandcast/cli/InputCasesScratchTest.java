package io.demandcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Runs the input-* corpus cases until the lead's InputCorpusTest is on main. */
class InputCasesScratchTest {
    static final Path CORPUS = Path.of("../core/src/test/resources/corpus");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(CORPUS)) {
            dirs = s.filter(p -> p.getFileName().toString().startsWith("input-")).sorted().toList();
        }
        return dirs.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> run(d)));
    }

    private Path copy(Path dir) throws IOException {
        Path to = Files.createTempDirectory(tmp, dir.getFileName().toString());
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        Path exp = to.resolve("experiment.yaml");
        Files.writeString(exp, Files.readString(exp).replace("${DIR}", to.toString()));
        return to;
    }

    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                out.put(dir.relativize(p).toString(), Files.isRegularFile(p) ? Files.size(p) + ":" + Files.getLastModifiedTime(p) : "dir");
            }
        }
        return out;
    }

    private String forecast(Path caseDir, JsonNode c) throws IOException {
        Path dir = copy(caseDir);
        List<String> verbs = new ArrayList<>();
        c.path("setup").forEach(v -> verbs.add(v.asText()));
        verbs.add("predict");
        for (String verb : verbs) {
            CliRun.Result r = CliRun.run(verb, "-q", "-c", dir.resolve("experiment.yaml").toString());
            assertEquals(0, r.code(), caseDir + " " + verb + ": " + r);
        }
        return Files.readString(dir.resolve("forecast.csv"));
    }

    private void run(Path caseDir) throws IOException {
        JsonNode c = new YAMLMapper().readTree(caseDir.resolve("case.yaml").toFile());
        if (c.has("same_forecast_as")) {
            Path clean = CORPUS.resolve(c.get("same_forecast_as").asText());
            JsonNode cc = new YAMLMapper().readTree(clean.resolve("case.yaml").toFile());
            assertEquals(forecast(clean, cc), forecast(caseDir, c));
            return;
        }
        Path dir = copy(caseDir);
        for (JsonNode v : c.path("setup")) {
            CliRun.Result r = CliRun.run(v.asText(), "-q", "-c", dir.resolve("experiment.yaml").toString());
            assertEquals(0, r.code(), "setup " + v + ": " + r);
        }
        Map<String, String> before = snapshot(dir);
        CliRun.Result r = CliRun.run(c.get("verb").asText(), "-q", "-c", dir.resolve("experiment.yaml").toString());
        assertEquals(c.get("exit").asInt(), r.code(), r.toString());
        List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), r.toString());
        for (JsonNode m : c.path("message")) {
            assertTrue(lines.get(0).contains(m.asText()), "'" + m.asText() + "' in " + lines.get(0));
        }
        assertTrue(!r.err().contains("\tat "), "no stack trace");
        assertEquals(before, snapshot(dir), "nothing created or changed");
        System.out.println(caseDir.getFileName() + ": " + lines.get(0));
    }
}
