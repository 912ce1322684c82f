package io.demandcast.core.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration syntax of every option and config key that takes a span of time
 * ({@code tune --time-budget 20m}, {@code --max-model-age 7d}, {@code --older-than 30d}):
 * whole numbers with a unit, largest first or in any order, summed: {@code 90s}, {@code 20m},
 * {@code 1h30m}, {@code 7d}, {@code 2w}.
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(w|d|h|m|s)");

    private Durations() {
    }

    /**
     * @param key named in the message (an option or a config key)
     * @throws IllegalArgumentException when the text is not such a duration or is zero
     */
    public static Duration parse(String text, String key) {
        String t = text == null ? "" : text.trim();
        Matcher m = PART.matcher(t);
        Duration d = Duration.ZERO;
        int at = 0;
        while (at < t.length() && m.find(at) && m.start() == at) {
            long n = Long.parseLong(m.group(1));
            d = d.plus(switch (m.group(2)) {
                case "w" -> Duration.ofDays(7 * n);
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
            at = m.end();
        }
        if (t.isEmpty() || at != t.length() || d.isZero()) {
            throw new IllegalArgumentException(key + ": expected a duration such as 90s, 20m, 1h30m, 7d or 2w (got '" + text + "')");
        }
        return d;
    }

    /** The shortest text {@link #parse} reads back as {@code d} ({@code 7d}, {@code 1h30m}), for messages. */
    public static String format(Duration d) {
        long s = d.getSeconds();
        StringBuilder b = new StringBuilder();
        long[] sizes = {86400, 3600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (s >= sizes[i]) {
                b.append(s / sizes[i]).append(units[i]);
                s %= sizes[i];
            }
        }
        return b.length() == 0 ? "0s" : b.toString();
    }
}
