/**
 * ARIMA models: {@link io.demandcast.core.model.stat.arima.ArimaFamilies} registers the families
 * {@code auto_arima} (R's {@code forecast::auto.arima}) and {@code arima} (fixed orders, R's
 * {@code Arima}); {@link io.demandcast.core.model.stat.arima.AutoArima} and
 * {@link io.demandcast.core.model.stat.arima.ArimaModel} are usable on their own for one series.
 *
 * <p>Estimation follows R's {@code stats::arima}: the mean or drift is a regression coefficient
 * estimated jointly, CSS gives starting values, the exact likelihood comes from a Kalman filter on
 * the differenced series (stationary initial covariance, Chandrasekhar recursions), AR coefficients
 * are reparameterised to stay stationary and MA roots are reflected into invertibility. Reported
 * log-likelihood, AIC, AICc, BIC and the residual variance are R's definitions.
 */
package io.demandcast.core.model.stat.arima;
