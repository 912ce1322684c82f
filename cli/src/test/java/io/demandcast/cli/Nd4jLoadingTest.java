package io.demandcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ND4J costs about a second to start, so only deep families may load it: {@code --help}, {@code prepare}
 * and a statistical {@code train}, run as real processes, must not load a single ND4J class. The JVM's
 * own class-loading log says which classes were loaded.
 */
class Nd4jLoadingTest {
    @TempDir
    Path tmp;

    @Test
    void helpPrepareAndAStatisticalTrainNeverLoadNd4j() throws Exception {
        TestProject p = TestProject.create(tmp);
        assertNoNd4j("help", "--help");
        assertNoNd4j("prepare", p.args("prepare", "-q"));
        assertNoNd4j("train", p.args("train", "-q"));
        assertTrue(Files.isDirectory(p.modelDirectory()), "the statistical model was published");
        // --backend cpu checks this build carries the CPU backend (ND4J's service list) without starting it.
        List<String> cpu = loaded("train-cpu", p.args("train", "-q", "--backend", "cpu"));
        assertTrue(cpu.stream().noneMatch(c -> c.equals("org.nd4j.linalg.factory.Nd4j") || c.startsWith("org.nd4j.nativeblas.")),
                "ND4J not started: " + cpu.stream().filter(c -> c.startsWith("org.nd4j.")).toList());
    }

    private void assertNoNd4j(String name, String... args) throws Exception {
        List<String> nd4j = loaded(name, args).stream().filter(c -> c.startsWith("org.nd4j.") || c.startsWith("org.deeplearning4j.")).toList();
        assertEquals(List.of(), nd4j, name + " loaded ND4J classes");
    }

    /** The classes a demandcast process running {@code args} loaded. */
    private List<String> loaded(String name, String... args) throws Exception {
        Path log = tmp.resolve(name + "-classes.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path err = tmp.resolve(name + "-stderr.txt");
        Process run = new ProcessBuilder(command).redirectOutput(tmp.resolve(name + "-stdout.txt").toFile())
                .redirectError(err.toFile()).start();
        assertTrue(run.waitFor(120, TimeUnit.SECONDS), name + " did not finish");
        assertEquals(0, run.exitValue(), name + ": " + Files.readString(err, StandardCharsets.UTF_8));
        // Lines look like "[0.012s][info][class,load] java.lang.Object source: shared objects file".
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            int at = line.indexOf("[class,load] ");
            if (at >= 0) {
                String rest = line.substring(at + "[class,load] ".length());
                int space = rest.indexOf(' ');
                classes.add(space < 0 ? rest : rest.substring(0, space));
            }
        }
        assertTrue(classes.contains(Main.class.getName()), "the log lists loaded classes: " + log);
        return classes;
    }
}
