package io.demandcast.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * stdout as the {@link PrintWriter} picocli wants, remembering why a write failed. A PrintWriter
 * never throws: it only sets a flag ({@link #checkError()}) and drops the exception, so a CSV cut
 * mid-row on a full disk or a closed pipe would otherwise pass as success. {@link BaseCommand} checks
 * the flag after every verb and names the cause kept here.
 */
final class StandardOutput extends PrintWriter {
    private final FailureRecorder recorder;

    private StandardOutput(FailureRecorder recorder) {
        super(new OutputStreamWriter(recorder, StandardCharsets.UTF_8), true);
        this.recorder = recorder;
    }

    /**
     * UTF-8 text on {@code stream}. Main passes the raw file descriptor, not {@code System.out}: a
     * PrintStream would swallow the error before this class could see it.
     */
    static StandardOutput over(OutputStream stream) {
        return new StandardOutput(new FailureRecorder(stream));
    }

    /** The first write or flush failure, if any. */
    Optional<IOException> failure() {
        return Optional.ofNullable(recorder.failure);
    }

    /**
     * After a run: flushes {@code out} and returns why it failed (one phrase), or empty when every
     * write reached the stream.
     */
    static Optional<String> failureOf(PrintWriter out) {
        if (!out.checkError()) { // flushes first
            return Optional.empty();
        }
        String cause = out instanceof StandardOutput s
                ? s.failure().map(e -> e.getMessage() != null ? e.getMessage() : e.toString()).orElse("write failed")
                : "write failed";
        return Optional.of(cause);
    }

    /** Keeps the first exception and rethrows it, so the writer above still sees the failure. */
    private static final class FailureRecorder extends FilterOutputStream {
        private volatile IOException failure;

        FailureRecorder(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw remember(e);
            }
        }

        private IOException remember(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
    }
}
