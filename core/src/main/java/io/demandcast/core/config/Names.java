package io.demandcast.core.config;

import java.util.regex.Pattern;

/**
 * The one pattern of names that become folder or file names: the experiment {@code name}
 * ({@code build/forecasts/<name>.csv}, {@code build/evaluation/<name>/}), {@code model.name} and
 * {@code tune.model_name} (folders of the artifact store).
 *
 * <p>{@value #PATTERN}, without {@code ..}: a letter or digit first, so a name is never a hidden file
 * ({@code .x}), never read as an option ({@code -x}) and never a path step ({@code ..}); 100
 * characters at most, so that a version folder and suffixes such as {@code -pretrained} or
 * {@code -tuned} stay far below the 255-byte file-name limit of common file systems. Checked when the
 * config loads, so a bad name fails before any data is read or any model fitted.
 */
public final class Names {

    /** The documented pattern. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

    /** The rule in words, for messages and the README. */
    public static final String RULE = "1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit, without '..'";

    private static final Pattern NAME = Pattern.compile(PATTERN);

    private Names() {
    }

    /** True when {@code name} follows {@link #PATTERN} and holds no {@code ..}. */
    public static boolean valid(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("..");
    }

    /**
     * @throws IllegalArgumentException naming {@code key} when {@code name} is not {@link #valid}
     */
    static void require(String key, String name) {
        if (!valid(name)) {
            String shown = name == null || name.length() <= 60 ? "'" + name + "'"
                    : "'" + name.substring(0, 40) + "...' (" + name.length() + " characters)";
            throw new IllegalArgumentException(key + ": " + shown + " is not a valid name (" + RULE + ")");
        }
    }
}
