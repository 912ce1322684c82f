package io.demandcast.core.artifact;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The team's artifact signing key: HMAC-SHA256 over a version's manifest digest, so that a store
 * only loads versions its own pipeline published. The key is the UTF-8 text of
 * {@value #ENVIRONMENT_VARIABLE}; {@code toString} never shows it.
 */
public final class SigningKey {
    /** The environment variable the key is read from. */
    public static final String ENVIRONMENT_VARIABLE = "DEMANDCAST_SIGNING_KEY";
    /** Shorter keys are refused: a short HMAC key can be guessed offline from one signed version. */
    public static final int MINIMUM_LENGTH = 16;
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;

    private SigningKey(byte[] key) {
        this.key = key.clone();
    }

    /**
     * A key from its text.
     *
     * @throws ArtifactException when it has fewer than {@link #MINIMUM_LENGTH} characters
     */
    public static SigningKey of(String text) {
        if (text.length() < MINIMUM_LENGTH) {
            // An empty value is refused too: a cron line with a failed $(cat key-file) must not
            // silently turn signature checks off.
            throw new ArtifactException(ENVIRONMENT_VARIABLE + " is set but holds " + text.length() + " characters (at least "
                    + MINIMUM_LENGTH + " needed, e.g. the output of 'openssl rand -hex 32'); set it to the team's key or unset it");
        }
        return new SigningKey(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The key from {@value #ENVIRONMENT_VARIABLE} in {@code environment}, empty when it is not set. */
    public static Optional<SigningKey> fromEnvironment(Function<String, String> environment) {
        String text = environment.apply(ENVIRONMENT_VARIABLE);
        return text == null ? Optional.empty() : Optional.of(of(text));
    }

    /** HMAC-SHA256 (lower-case hex) of a manifest's SHA-256 hex digest. */
    public String sign(String manifestDigest) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(manifestDigest.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            // Every Java platform must provide HmacSHA256 (Mac javadoc), so this is a broken JRE.
            throw new IllegalStateException("HmacSHA256 is not available in this Java runtime", e);
        }
    }

    /** Whether {@code signature} is this key's signature of {@code manifestDigest}; constant time. */
    public boolean verifies(String manifestDigest, String signature) {
        return MessageDigest.isEqual(sign(manifestDigest).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "SigningKey[" + ENVIRONMENT_VARIABLE + "]";
    }
}
