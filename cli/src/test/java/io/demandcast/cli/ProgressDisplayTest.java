package io.demandcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Bars only on a terminal, nothing per step in logs, one line per task with --verbose, silence with --quiet. */
class ProgressDisplayTest {
    static final int COLUMNS = 100;
    static final String BAR_CHARACTERS = "\r%│█▏▎▍▌▋▊▉";

    final StringWriter captured = new StringWriter();

    ProgressDisplay display(ProgressDisplay.Level level, Stderr stderr) {
        return new ProgressDisplay(new PrintWriter(captured), level, stderr);
    }

    @Test
    void aLogGetsReportLinesButNothingPerStep() {
        Progress progress = display(ProgressDisplay.Level.NORMAL, Stderr.log());
        progress.report("backtest: 3 windows");
        try (Progress.Task task = progress.task("backtest auto_ets", 500)) {
            for (int i = 0; i < 500; i++) {
                task.step();
            }
        }
        progress.report("backtest: done");
        assertEquals("backtest: 3 windows\nbacktest: done\n", captured.toString().replace("\r\n", "\n"));
    }

    @Test
    void aLongTaskInALogPrintsItsCountElapsedTimeAndEtaEveryHeartbeat() throws InterruptedException {
        Progress progress = new ProgressDisplay(new PrintWriter(captured), ProgressDisplay.Level.NORMAL, Stderr.log(), 40);
        try (Progress.Task task = progress.task("train auto", 30_490)) {
            task.step(12_000);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!captured.toString().contains("\n") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        String first = captured.toString().lines().findFirst().orElse("");
        assertTrue(first.matches("train auto: 12,000/30,490 \\(39%\\), \\d+s, ETA \\d+s"), captured.toString());
        int lines = captured.toString().split("\n").length;
        Thread.sleep(200);
        assertEquals(lines, captured.toString().split("\n").length, "no status line after the task closed: " + captured);
        assertEquals("12s", ProgressDisplay.duration(12.4));
        assertEquals("4m 10s", ProgressDisplay.duration(250));
        assertEquals("1h 02m", ProgressDisplay.duration(3725));
    }

    @Test
    void aLogGetsOneLinePerTaskWithVerbose() {
        Progress progress = display(ProgressDisplay.Level.VERBOSE, Stderr.log());
        try (Progress.Task task = progress.task("backtest auto_ets", 570)) {
            task.step(500);
            task.step(70);
        }
        String err = captured.toString().replace("\r\n", "\n");
        assertTrue(err.matches("backtest auto_ets: 570/570 in \\d+\\.\\d s\n"), err);
        assertNoBar(err);
    }

    @Test
    void aTasksNotesAreLinesWhereTheTaskIsShownOnly() throws InterruptedException {
        Progress progress = display(ProgressDisplay.Level.NORMAL, Stderr.log());
        try (Progress.Task task = progress.task("train lstm", 3)) {
            task.note("lstm epoch 1/3: loss 0.1");
        }
        assertEquals("", captured.toString(), "a log at the normal level stays quiet");
        progress = display(ProgressDisplay.Level.VERBOSE, Stderr.log());
        try (Progress.Task task = progress.task("train lstm", 3)) {
            task.note("lstm epoch 1/3: loss 0.1");
            task.step(3);
        }
        String err = captured.toString().replace("\r\n", "\n");
        assertTrue(err.matches("lstm epoch 1/3: loss 0.1\ntrain lstm: 3/3 in \\d+\\.\\d s\n"), err);
        captured.getBuffer().setLength(0);
        progress = display(ProgressDisplay.Level.NORMAL, Stderr.terminal(COLUMNS));
        try (Progress.Task task = progress.task("train lstm", 3)) {
            task.step(1);
            awaitOutput("train lstm");
            task.note("lstm epoch 1/3: loss 0.1");
            List<String> rows = screen(captured.toString());
            assertEquals("lstm epoch 1/3: loss 0.1", rows.get(0), captured.toString());
            assertTrue(rows.get(1).startsWith("train lstm "), "the bar below the note: " + captured);
        }
        assertEquals(List.of("lstm epoch 1/3: loss 0.1"), screen(captured.toString()));
    }

    @Test
    void aTerminalShowsTheNameRatioAndPercentageThenErasesTheBar() {
        Progress progress = display(ProgressDisplay.Level.NORMAL, Stderr.terminal(COLUMNS));
        progress.report("backtest: 3 windows");
        try (Progress.Task task = progress.task("backtest auto_ets", 40)) {
            task.step(40);
        }
        progress.report("backtest: done");
        String err = captured.toString();
        assertTrue(err.contains("backtest auto_ets"), err);
        assertTrue(err.contains("40/40"), err);
        assertTrue(err.contains("100%"), err);
        assertEquals(List.of("backtest: 3 windows", "backtest: done"), screen(err), "the bar leaves nothing behind: " + err);
    }

    @Test
    void aReportLineErasesTheBarAndTheBarComesBackBelowIt() throws InterruptedException {
        Progress progress = display(ProgressDisplay.Level.NORMAL, Stderr.terminal(COLUMNS));
        try (Progress.Task task = progress.task("fit", 10)) {
            task.step(3);
            awaitOutput("fit");
            progress.report("fit: series A diverged, using naive");
            String err = captured.toString();
            List<String> rows = screen(err);
            assertEquals("fit: series A diverged, using naive", rows.get(0), err);
            assertEquals(2, rows.size(), "the bar is drawn again on the next line: " + err);
            assertTrue(rows.get(1).startsWith("fit "), err);
        }
        assertEquals(List.of("fit: series A diverged, using naive"), screen(captured.toString()));
    }

    @Test
    void theBarFitsTheTerminalWidth() {
        Progress progress = display(ProgressDisplay.Level.NORMAL, Stderr.terminal(40));
        try (Progress.Task task = progress.task("a task with a rather long name for forty columns", 7)) {
            task.step(7);
        }
        String err = captured.toString();
        assertFalse(err.isEmpty());
        for (String drawing : err.split("\r")) {
            assertTrue(drawing.length() < 40, "wider than 39 columns: '" + drawing + "'");
        }
    }

    @Test
    void quietPrintsNothingAtAll() {
        for (Stderr stderr : List.of(Stderr.log(), Stderr.terminal(COLUMNS))) {
            Progress progress = display(ProgressDisplay.Level.QUIET, stderr);
            progress.report("backtest: 3 windows");
            try (Progress.Task task = progress.task("backtest auto_ets", 10)) {
                task.step(10);
            }
            assertEquals("", captured.toString(), stderr.toString());
        }
    }

    @Test
    void steppingFromAParallelStreamReachesTheTotal() {
        for (Stderr stderr : List.of(Stderr.log(), Stderr.terminal(COLUMNS))) {
            captured.getBuffer().setLength(0);
            Progress progress = display(ProgressDisplay.Level.VERBOSE, stderr);
            try (Progress.Task task = progress.task("parallel", 20_000)) {
                IntStream.range(0, 20_000).parallel().forEach(i -> task.step());
            }
            String err = captured.toString();
            assertTrue(screen(err).get(0).startsWith("parallel: 20000/20000 in "), stderr + ": " + err);
            assertEquals(1, screen(err).size(), stderr + ": " + err);
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        Progress progress = display(ProgressDisplay.Level.VERBOSE, Stderr.terminal(COLUMNS));
        Progress.Task task = progress.task("twice", 2);
        task.step(2);
        task.close();
        task.close();
        assertEquals(1, screen(captured.toString()).size(), captured.toString());
    }

    @Test
    void nestedTasksShowTheInnerOneAndLeaveNothingBehind() {
        Progress progress = display(ProgressDisplay.Level.NORMAL, Stderr.terminal(COLUMNS));
        try (Progress.Task windows = progress.task("backtest", 2)) {
            for (int w = 0; w < 2; w++) {
                try (Progress.Task series = progress.task("window " + w, 5)) {
                    series.step(5);
                }
                windows.step();
            }
        }
        String err = captured.toString();
        assertTrue(err.contains("window 1"), err);
        assertEquals(List.of(), screen(err), err);
    }

    @Test
    void anEmptyTaskDrawsNothing() {
        Progress progress = display(ProgressDisplay.Level.NORMAL, Stderr.terminal(COLUMNS));
        progress.task("nothing to do", 0).close();
        assertEquals("", captured.toString());
    }

    @Test
    void aNegativeTotalIsRejected() {
        Progress progress = display(ProgressDisplay.Level.NORMAL, Stderr.log());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> progress.task("fit", -1));
        assertEquals("task fit: total must be >= 0 (got -1)", e.getMessage());
    }

    private void awaitOutput(String text) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (!captured.toString().contains(text)) {
            assertTrue(System.nanoTime() < deadline, "no rendering within 2 s");
            Thread.sleep(5);
        }
    }

    private static void assertNoBar(String err) {
        for (char c : BAR_CHARACTERS.toCharArray()) {
            assertEquals(-1, err.indexOf(c), "bar character '" + c + "' in: " + err);
        }
    }

    /** What a terminal shows after {@code raw}: carriage returns overwrite, trailing blanks dropped. */
    static List<String> screen(String raw) {
        List<String> rows = new ArrayList<>();
        StringBuilder row = new StringBuilder();
        int column = 0;
        for (char c : raw.toCharArray()) {
            if (c == '\n') {
                rows.add(row.toString().stripTrailing());
                row.setLength(0);
                column = 0;
            } else if (c == '\r') {
                column = 0;
            } else {
                if (column < row.length()) {
                    row.setCharAt(column, c);
                } else {
                    row.append(c);
                }
                column++;
            }
        }
        if (!row.toString().isBlank()) {
            rows.add(row.toString().stripTrailing());
        }
        return rows;
    }
}
