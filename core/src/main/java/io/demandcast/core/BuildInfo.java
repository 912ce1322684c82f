package io.demandcast.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Version and git commit of this build, written into {@code build.properties} by Maven at build
 * time, recorded in every manifest and printed by {@code --version}.
 */
public record BuildInfo(String version, String gitCommit) {
    private static final String RESOURCE = "build.properties";

    /** The build this class was compiled in; "unknown" parts where the build had no git checkout. */
    public static BuildInfo current() {
        Properties props = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        String commit = clean(props.getProperty("git.commit"));
        if (!commit.equals("unknown") && "true".equals(props.getProperty("git.dirty"))) {
            commit += "-dirty";
        }
        return new BuildInfo(clean(props.getProperty("version")), commit);
    }

    private static String clean(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
    }
}
