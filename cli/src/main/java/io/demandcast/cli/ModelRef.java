package io.demandcast.cli;

import io.demandcast.core.artifact.ArtifactStore;
import picocli.CommandLine;

/**
 * A {@code <name>[@<version>]} argument of {@code models}; version null when not given.
 */
record ModelRef(String name, String version) {

    /** @throws CommandLine.ParameterException (exit 2) when the name or version is empty or not a store name */
    static ModelRef parse(CommandLine commandLine, String text) {
        int at = text.indexOf('@');
        String name = at < 0 ? text : text.substring(0, at);
        String version = at < 0 ? null : text.substring(at + 1);
        if (version != null && version.isEmpty()) {
            throw new CommandLine.ParameterException(commandLine, "'" + text + "': no version after '@' (a version name or 'latest')");
        }
        StoreMixin.checkedName(commandLine, name);
        if (version != null && !ArtifactStore.LATEST.equals(version)) {
            StoreMixin.checkedName(commandLine, version);
        }
        return new ModelRef(name, version);
    }

    /** The version, or {@code latest} when none was given. */
    String versionOrLatest() {
        return version == null ? ArtifactStore.LATEST : version;
    }
}
