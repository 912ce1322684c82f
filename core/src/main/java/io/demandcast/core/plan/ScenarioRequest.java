package io.demandcast.core.plan;

import io.demandcast.core.DemandcastException;
import io.demandcast.core.config.Scenario;
import io.demandcast.core.config.ScenarioFile;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code predict --scenario} asks for: the scenarios of {@code file} (parsed when the request
 * is made, so a bad file fails before any work) and where their lifts go.
 *
 * @param file      the scenario file as given
 * @param scenarios its scenarios, in file order
 * @param output    the per-period CSV, or null: beside the forecast (see {@link #outputOf})
 */
public record ScenarioRequest(String file, List<Scenario> scenarios, String output) {
    public ScenarioRequest {
        scenarios = List.copyOf(scenarios);
    }

    /**
     * @throws io.demandcast.core.config.InvalidConfigException naming {@code file:line:column} when the file is not a valid scenario file
     */
    public static ScenarioRequest read(String file, String output) {
        return new ScenarioRequest(file, ScenarioFile.load(Path.of(file)), output);
    }

    /**
     * The per-period CSV: {@code output} when given, else the forecast CSV's path with {@code .csv}
     * replaced by {@code .scenarios.csv}.
     *
     * @throws DemandcastException when the forecast goes to stdout and no output is given
     */
    public String outputOf(String forecastOutput) {
        if (output != null) {
            return output;
        }
        if ("-".equals(forecastOutput)) {
            throw new DemandcastException("--scenario with the forecast on stdout ('-o -') needs --scenario-output <file>");
        }
        return stem(forecastOutput) + ".scenarios.csv";
    }

    /** The per-series totals CSV: the per-period CSV's path with {@code .csv} replaced by {@code .totals.csv}. */
    public String totalsOutputOf(String forecastOutput) {
        return stem(outputOf(forecastOutput)) + ".totals.csv";
    }

    private static String stem(String path) {
        return path.endsWith(".csv") ? path.substring(0, path.length() - 4) : path;
    }
}
