package io.demandcast.core.artifact;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a fitted model's files into an existing, empty directory. {@code fittedModel::save}
 * ({@link io.demandcast.core.model.FittedModel#save}) is one.
 */
@FunctionalInterface
public interface PayloadWriter {
    void writeTo(Path emptyDirectory) throws IOException;
}
