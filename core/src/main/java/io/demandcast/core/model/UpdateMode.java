package io.demandcast.core.model;

/** How {@link FittedModel#update} brings a fitted model up to newer actuals without a refit. */
public enum UpdateMode {
    /** The fitted parameters are kept and the model's state is filtered through the new actuals. */
    FILTER,
    /** Nothing estimated to keep, or no recursive state: the update forecasts exactly as a fit on the longer history. */
    REFORECAST
}
