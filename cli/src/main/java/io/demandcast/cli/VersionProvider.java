package io.demandcast.cli;

import io.demandcast.core.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version and git commit recorded at build time, never a hard-coded string. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        BuildInfo info = BuildInfo.current();
        return new String[] {
            "demandcast " + info.version() + " (commit " + info.gitCommit() + ")",
            "Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }
}
