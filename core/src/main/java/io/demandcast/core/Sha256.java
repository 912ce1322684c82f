package io.demandcast.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests as lower-case hex, the form written in manifests ({@code sha256sum} prints the
 * same). Stateless; safe from any thread.
 */
public final class Sha256 {
    private static final int CHUNK = 1 << 20;

    private Sha256() {
    }

    /**
     * Digest of a file's bytes.
     *
     * @throws java.nio.file.NoSuchFileException when the file does not exist
     * @throws IOException                       when it cannot be read
     */
    public static String file(Path file) throws IOException {
        MessageDigest md = newDigest();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK);
            while (ch.read(buf) >= 0) {
                buf.flip();
                md.update(buf);
                buf.clear();
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Digest of a string's UTF-8 bytes. */
    public static String text(String text) {
        return bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Digest of bytes. */
    public static String bytes(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest javadoc), so this is a broken JRE.
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }
}
