package io.demandcast.cli;

import java.util.Optional;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Which signal stopped the JVM, for {@link InterruptNotice}'s line. A shutdown hook cannot tell a
 * SIGTERM from a Ctrl-C, and no supported API can; {@code sun.misc.Signal} (module jdk.unsupported,
 * exported on purpose for this) can. Each handler only records the name and passes the signal on to
 * the JVM's own handler, so the shutdown and its exit code (128 + the signal) are unchanged; a signal
 * the process inherited as ignored (SIGINT in a background job) stays ignored.
 */
final class SignalNames {
    private static volatile String received;

    private SignalNames() {
    }

    /** Records TERM, INT and HUP from now on. Does nothing for a signal the JVM does not let us watch. */
    static void install() {
        for (String name : new String[] {"TERM", "INT", "HUP"}) {
            try {
                Signal signal = new Signal(name);
                SignalHandler[] previous = new SignalHandler[1];
                previous[0] = Signal.handle(signal, s -> {
                    received = s.getName();
                    previous[0].handle(s);
                });
                if (previous[0] == SignalHandler.SIG_IGN || previous[0] == SignalHandler.SIG_DFL) {
                    // Ignored stays ignored; a default (no JVM handler, e.g. under -Xrs) stays default.
                    Signal.handle(signal, previous[0]);
                }
            } catch (IllegalArgumentException | IllegalStateException notAvailable) {
                // the JVM keeps this signal for itself (or it does not exist here): no name then
            }
        }
    }

    /** The name of the signal received ({@code TERM}, {@code INT}, {@code HUP}), empty when none was. */
    static Optional<String> received() {
        return Optional.ofNullable(received);
    }
}
