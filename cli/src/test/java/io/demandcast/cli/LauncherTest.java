package io.demandcast.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The launcher {@code scripts/demandcast}: it found its jar beside the path it was called by, so a
 * symlink on the {@code PATH} made it look for (and try to build) a jar beside the link (issue 15);
 * it picks the heap from the machine's memory and keeps a class-data archive (issue 16). A stand-in
 * {@code java} first on the {@code PATH} prints the arguments the launcher gives it, so most tests
 * need neither the real jar nor Maven; the heap and a broken archive are also tried on the real JVM
 * with a jar of {@link HeapProbe}.
 */
class LauncherTest {

    @TempDir
    Path tmp;

    @Test
    void aSymlinkOnThePathRunsTheJarOfTheCheckoutItPointsTo() throws Exception {
        Path checkout = tmp.resolve("checkout");
        Path launcher = checkout.resolve("scripts/demandcast");
        Files.createDirectories(launcher.getParent());
        Files.copy(Path.of("../scripts/demandcast"), launcher);
        executable(launcher);
        Path jar = checkout.resolve("cli/target/demandcast.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "");

        Path bin = Files.createDirectories(tmp.resolve("bin"));
        // a relative link to a link: both kinds of hop
        Files.createSymbolicLink(tmp.resolve("demandcast-link"), launcher);
        Files.createSymbolicLink(bin.resolve("demandcast"), Path.of("../demandcast-link"));

        Path fakeJava = Files.createDirectories(tmp.resolve("fake-java")).resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\necho \"java $*\"\n");
        executable(fakeJava);

        ProcessBuilder pb = new ProcessBuilder("bash", bin.resolve("demandcast").toString(), "--version");
        pb.environment().put("PATH", fakeJava.getParent() + ":" + System.getenv("PATH"));
        pb.environment().put("DEMANDCAST_CDS", "off");
        pb.redirectErrorStream(true);
        Process process = pb.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out);
        assertTrue(out.contains("-jar " + checkout.toRealPath().resolve("cli/target/demandcast.jar") + " --version"), out);
        assertTrue(!out.contains("building"), out);
    }

    /** A checkout with the launcher and {@code jarContent} as its jar; returns the launcher. */
    private Path checkout(byte[] jarContent) throws IOException {
        Path launcher = tmp.resolve("co/scripts/demandcast");
        Files.createDirectories(launcher.getParent());
        Files.copy(Path.of("../scripts/demandcast"), launcher, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        executable(launcher);
        Path jar = tmp.resolve("co/cli/target/demandcast.jar");
        Files.createDirectories(jar.getParent());
        Files.write(jar, jarContent);
        return launcher;
    }

    /**
     * A stand-in java that logs every call to {@code calls.log}; given -XX:DumpLoadedClassList it writes
     * that class list (or fails, when {@code archiveFails}), given -Xshare:dump it writes the
     * -XX:SharedArchiveFile archive; otherwise it prints its arguments.
     */
    private Path fakeJava(boolean archiveFails) throws IOException {
        Path java = Files.createDirectories(tmp.resolve("fake-java")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n"
                + "echo \"$*\" >> '" + tmp.resolve("calls.log") + "'\n"
                + "dump=; archive=\n"
                + "for a in \"$@\"; do case \"$a\" in -XX:DumpLoadedClassList=*) "
                + (archiveFails ? "exit 1" : "echo classes > \"${a#-XX:DumpLoadedClassList=}\"; exit 0") + ";;"
                + " -Xshare:dump) dump=1;; -XX:SharedArchiveFile=*) archive=\"${a#-XX:SharedArchiveFile=}\";; esac; done\n"
                + "if [ -n \"$dump\" ]; then echo archive > \"$archive\"; exit 0; fi\n"
                + "echo \"java $*\"\n");
        executable(java);
        return java.getParent();
    }

    private record Run(int code, String out, String err) {
    }

    private Run launch(Path launcher, Path javaDir, Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("JAVA_OPTS");
        pb.environment().remove("DEMANDCAST_HEAP");
        pb.environment().put("HOME", tmp.resolve("home").toString());
        pb.environment().remove("XDG_CACHE_HOME");
        if (javaDir != null) {
            pb.environment().put("PATH", javaDir + ":" + System.getenv("PATH"));
        }
        pb.environment().putAll(env);
        pb.redirectError(tmp.resolve("stderr.txt").toFile());
        Process process = pb.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        return new Run(code, out, Files.readString(tmp.resolve("stderr.txt")));
    }

    private long calls(String containing) throws IOException {
        Path log = tmp.resolve("calls.log");
        return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.contains(containing)).count() : 0;
    }

    private List<String> archives() throws IOException {
        try (Stream<Path> files = Files.list(tmp.resolve("co/cli/target"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsa") || n.endsWith(".failed")).sorted().toList();
        }
    }

    /**
     * A short predict spent a third of its CPU in C2 compiling lukewarm code, and a quarter in C1: only predict compiles
     * with C1 alone, and raises both compilers' thresholds for a JAVA_OPTS that brings C2 back, JAVA_OPTS after them.
     */
    @Test
    void predictRaisesTheOptimisingCompilersThresholdsAndJavaOptsComeAfter() throws Exception {
        Path launcher = checkout(new byte[0]);
        Path java = fakeJava(false);
        String predict = launch(launcher, java, Map.of("DEMANDCAST_CDS", "off", "JAVA_OPTS", "-Dx=1"), "predict", "-c", "x.yaml").out();
        assertTrue(predict.contains("-XX:TieredStopAtLevel=1 -XX:Tier4InvocationThreshold=150000 ") && predict.contains("-XX:Tier4BackEdgeThreshold=4000000 ")
                && predict.contains("-XX:Tier3InvocationThreshold=800 ") && predict.contains("-XX:Tier3BackEdgeThreshold=240000 ")
                && predict.contains("-XX:CompileCommand=quiet -XX:CompileCommand=CompileThresholdScaling,sun.security.provider.SHA2::*,0.1 -Dx=1 "),
                predict);
        String train = launch(launcher, java, Map.of("DEMANDCAST_CDS", "off"), "train", "-c", "x.yaml").out();
        assertTrue(!train.contains("Tier") && !train.contains("CompileCommand"), train);
    }

    @Test
    void theHeapIsAShareOfTheMachineUnlessDemandcastHeapOrJavaOptsNameIt() throws Exception {
        Path launcher = checkout(new byte[0]);
        Path java = fakeJava(false);
        Map<String, String> noCds = Map.of("DEMANDCAST_CDS", "off");
        assertTrue(launch(launcher, java, noCds, "--version").out().contains("java -XX:MaxRAMPercentage=50 "));
        assertTrue(launch(launcher, java, Map.of("DEMANDCAST_CDS", "off", "DEMANDCAST_HEAP", "60%"), "x").out()
                .contains("java -XX:MaxRAMPercentage=60 "));
        String sized = launch(launcher, java, Map.of("DEMANDCAST_CDS", "off", "DEMANDCAST_HEAP", "6g"), "x").out();
        assertTrue(sized.contains("java -Xmx6g ") && !sized.contains("MaxRAMPercentage"), sized);
        String opts = launch(launcher, java, Map.of("DEMANDCAST_CDS", "off", "DEMANDCAST_HEAP", "6g", "JAVA_OPTS", "-Dx=1 -Xmx2g"), "x").out();
        assertTrue(opts.contains("java -Dx=1 -Xmx2g ") && !opts.contains("-Xmx6g") && !opts.contains("MaxRAMPercentage"), opts);
        String extra = launch(launcher, java, Map.of("DEMANDCAST_CDS", "off", "JAVA_OPTS", "-Dx=1"), "x").out();
        assertTrue(extra.contains("java -XX:MaxRAMPercentage=50 -Dx=1 "), extra);
        Run bad = launch(launcher, java, Map.of("DEMANDCAST_CDS", "off", "DEMANDCAST_HEAP", "lots"), "x");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("DEMANDCAST_HEAP='lots' is neither a size"), bad.err());
    }

    /** predict's compiler options reach the real JVM, which takes them and prints nothing of them: `predict -o -` writes only the CSV. */
    @Test
    void theRealJvmTakesPredictsCompilerOptionsSilently() throws Exception {
        Path launcher = checkout(probeJar());
        Run predict = launch(launcher, null, Map.of("DEMANDCAST_CDS", "off"), "predict", "-o", "-");
        assertEquals(0, predict.code(), predict.err());
        assertTrue(predict.out().matches("max heap \\d+\\R"), predict.out());
        assertEquals("", predict.err());
    }

    @Test
    void theRealJvmGetsHalfOfAFakeFourGibMachine() throws Exception {
        Path launcher = checkout(probeJar());
        Run half = launch(launcher, null, Map.of("DEMANDCAST_CDS", "off", "JAVA_OPTS", "-XX:MaxRAM=4g"));
        assertEquals(0, half.code(), half.err());
        long heap = Long.parseLong(half.out().trim().replace("max heap ", ""));
        assertTrue(heap > (1900L << 20) && heap <= (2048L << 20), half.out());
        Run sized = launch(launcher, null, Map.of("DEMANDCAST_CDS", "off", "JAVA_OPTS", "-XX:MaxRAM=4g", "DEMANDCAST_HEAP", "512m"));
        long small = Long.parseLong(sized.out().trim().replace("max heap ", ""));
        assertTrue(small > (450L << 20) && small <= (512L << 20), sized.out());
    }

    @Test
    void theArchiveIsBuiltOnceBesideTheJarAndAgainWhenTheJarChanges() throws Exception {
        Path launcher = checkout(new byte[] {1});
        Path java = fakeJava(false);
        Run first = launch(launcher, java, Map.of(), "predict");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.err().contains("building a class-data archive"), first.err());
        List<String> built = archives();
        assertEquals(1, built.size(), built.toString());
        assertTrue(first.out().contains("-XX:SharedArchiveFile=" + tmp.resolve("co/cli/target").toRealPath().resolve(built.get(0))),
                first.out());
        assertEquals(1, calls("-Xshare:dump"));

        Run second = launch(launcher, java, Map.of(), "predict");
        assertEquals("", second.err());
        assertTrue(second.out().contains("-XX:SharedArchiveFile="), second.out());
        assertEquals(1, calls("-Xshare:dump"), "built once");

        Files.write(tmp.resolve("co/cli/target/demandcast.jar"), new byte[] {1, 2});
        Run rebuilt = launch(launcher, java, Map.of(), "predict");
        assertTrue(rebuilt.err().contains("building a class-data archive"), rebuilt.err());
        assertEquals(2, calls("-Xshare:dump"));
        List<String> now = archives();
        assertEquals(1, now.size(), "the stale archive is removed: " + now);
        assertFalse(now.equals(built), now.toString());

        assertFalse(launch(launcher, java, Map.of("DEMANDCAST_CDS", "off"), "predict").out().contains("SharedArchiveFile"));
    }

    @Test
    void aFailedBuildRunsWithoutAnArchiveAndIsNotRetried() throws Exception {
        Path launcher = checkout(new byte[] {1});
        Path java = fakeJava(true);
        Run first = launch(launcher, java, Map.of(), "predict", "-c", "x.yaml");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("-jar ") && first.out().contains(" predict -c x.yaml"), first.out());
        assertFalse(first.out().contains("SharedArchiveFile"), first.out());
        assertTrue(first.err().contains("no class-data archive"), first.err());
        Run second = launch(launcher, java, Map.of(), "predict");
        assertEquals("", second.err());
        assertEquals(1, calls("-XX:DumpLoadedClassList="), "not retried for the same jar");
    }

    /** A corrupt or foreign archive (another JVM's, a truncated copy) must not change a run's output. */
    @Test
    void theRealJvmRunsQuietlyPastACorruptArchive() throws Exception {
        Path launcher = checkout(probeJar());
        // The probe jar has no CdsTraining: the build fails and leaves its marker under the archive's name.
        Run first = launch(launcher, null, Map.of());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().startsWith("max heap "), first.out());
        List<String> markers = archives();
        assertEquals(1, markers.size(), markers.toString());
        Path target = tmp.resolve("co/cli/target");
        Files.move(target.resolve(markers.get(0)), target.resolve(markers.get(0).replace(".failed", ".jsa")));
        Files.writeString(target.resolve(markers.get(0).replace(".failed", ".jsa")), "not an archive");
        Run second = launch(launcher, null, Map.of());
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().startsWith("max heap "), second.out());
        assertEquals("", second.err());
    }

    /** A runnable jar holding {@link HeapProbe}. */
    private static byte[] probeJar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, HeapProbe.class.getName());
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest);
             InputStream probe = HeapProbe.class.getResourceAsStream("HeapProbe.class")) {
            jar.putNextEntry(new JarEntry(HeapProbe.class.getName().replace('.', '/') + ".class"));
            probe.transferTo(jar);
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
