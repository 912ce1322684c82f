package io.demandcast.cli;

import picocli.CommandLine.Option;

/** {@code --json}: a machine-readable summary on stdout instead of text. */
public class OutputMixin {

    /** How the summary is written. */
    enum Format { text, json }

    @Option(names = "--json", description = "Print a JSON summary (one document, snake_case keys, schema_version) on stdout.")
    boolean json;

    Format format() {
        return json ? Format.json : Format.text;
    }
}
