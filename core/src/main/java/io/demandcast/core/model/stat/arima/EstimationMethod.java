package io.demandcast.core.model.stat.arima;

/** How ARIMA coefficients are estimated, as R's {@code arima(method = ...)}. */
public enum EstimationMethod {
    /** Conditional sum of squares for starting values, then exact maximum likelihood (R's default). */
    CSS_ML,
    /** Exact maximum likelihood from zero starting values. */
    ML,
    /** Conditional sum of squares only (no likelihood; auto ARIMA's approximation for long series). */
    CSS
}
