package io.demandcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A run that runs out of memory ends with one line, exit 1, and says how to give more; never a stack trace. */
class OutOfMemoryTest {
    private static final long GIB = 1L << 30;

    @Command(name = "oom")
    static final class Exhausting extends BaseCommand {
        private final RuntimeException wrapper;

        Exhausting(boolean wrapped) {
            this.wrapper = wrapped ? new RuntimeException("a parallel task failed", new OutOfMemoryError("Java heap space")) : null;
        }

        @Override
        int doCall() {
            if (wrapper != null) {
                throw wrapper;
            }
            throw new OutOfMemoryError("Java heap space");
        }
    }

    private static List<String> run(boolean wrapped, int[] code) {
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new Exhausting(wrapped));
        cmd.setOut(new PrintWriter(new StringWriter()));
        cmd.setErr(new PrintWriter(err));
        ErrorHandler errors = new ErrorHandler();
        cmd.setExecutionExceptionHandler(errors);
        cmd.setParameterExceptionHandler(errors);
        code[0] = cmd.execute();
        return err.toString().lines().toList();
    }

    @Test
    void oneLineExit1ForTheErrorItselfAndForOneWrappedByParallelWork() {
        for (boolean wrapped : new boolean[] {false, true}) {
            int[] code = new int[1];
            List<String> lines = run(wrapped, code);
            assertEquals(ExitCodes.RUNTIME_FAILURE, code[0], lines.toString());
            assertEquals(1, lines.size(), lines.toString());
            String line = lines.get(0);
            assertTrue(line.startsWith("demandcast oom: failed: out of memory (Java heap space) with a "), line);
            assertTrue(line.contains("Java heap") && line.contains("-Xmx"), line);
            assertFalse(line.contains("\tat "), line);
        }
    }

    @Test
    void suggestsTwiceTheHeapWithinThreeQuartersOfTheMachine() {
        assertEquals("out of memory (Java heap space) with a 4.0 GiB Java heap on a machine with 24.0 GiB: run with more,"
                        + " e.g. JAVA_OPTS=-Xmx8g (the launcher's option; java -Xmx8g otherwise)",
                OutOfMemory.message("Java heap space", 4 * GIB, 24 * GIB));
        assertTrue(OutOfMemory.message("Java heap space", 12 * GIB, 16 * GIB).endsWith(
                "the heap already has most of the machine's memory: use a machine with more, or fewer series (data.series)"));
        assertTrue(OutOfMemory.message("Java heap space", 24L << 20, 24 * GIB).startsWith(
                "out of memory (Java heap space) with a 24 MiB Java heap on a machine with 24.0 GiB: run with more, e.g. JAVA_OPTS=-Xmx1g"));
        assertTrue(OutOfMemory.message(null, 4 * GIB, -1).startsWith("out of memory (no detail) with a 4.0 GiB Java heap: run with more, e.g. JAVA_OPTS=-Xmx8g"));
    }
}
