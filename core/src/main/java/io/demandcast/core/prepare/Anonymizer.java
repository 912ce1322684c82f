package io.demandcast.core.prepare;

import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.config.PrepareConfig.AnonymizeConfig;
import io.demandcast.core.data.Panel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces series ids by the lower-case hex HMAC-SHA256 of the id keyed with a secret salt. A keyed
 * hash (not a plain hash) is needed because ids such as {@code FOODS_3_090_CA_1} are easy to guess
 * and a plain SHA-256 could be reversed by hashing every candidate. The salt comes from an
 * environment variable so it never lands in a config file or an artifact.
 */
public final class Anonymizer {
    private static final String ALGORITHM = "HmacSHA256";

    private Anonymizer() {
    }

    /**
     * @param panel   the panel with new ids
     * @param mapping anonymous id → original id, in series order, for the caller to keep apart from the data
     */
    public record Result(Panel panel, Map<String, String> mapping) {
        public Result {
            mapping = Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
        }
    }

    /**
     * @param env looks up an environment variable (e.g. {@code System::getenv}); returns null when unset
     * @throws InvalidConfigException when the salt variable is unset or empty
     */
    public static Result anonymize(Panel panel, AnonymizeConfig config, Function<String, String> env) {
        String salt = env.apply(config.saltEnv());
        if (salt == null || salt.isEmpty()) {
            throw new InvalidConfigException("prepare.anonymize needs a salt in environment variable " + config.saltEnv()
                    + ", which is " + (salt == null ? "unset" : "empty") + "; export it (keep it secret) or remove prepare.anonymize");
        }
        Mac mac = mac(salt);
        String[] ids = new String[panel.seriesCount()];
        Map<String, String> mapping = new LinkedHashMap<>();
        for (int s = 0; s < ids.length; s++) {
            String original = panel.seriesId(s);
            ids[s] = HexFormat.of().formatHex(mac.doFinal(original.getBytes(StandardCharsets.UTF_8)));
            mapping.put(ids[s], original);
        }
        return new Result(panel.withSeriesIds(ids), mapping);
    }

    /** The anonymous id of one series id under a salt. */
    public static String hash(String salt, String id) {
        return HexFormat.of().formatHex(mac(salt).doFinal(id.getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac mac(String salt) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            // every Java SE runtime must provide HmacSHA256, so this is a broken JVM, not bad input
            throw new IllegalStateException("HmacSHA256 is unavailable in this Java runtime", e);
        }
    }
}
