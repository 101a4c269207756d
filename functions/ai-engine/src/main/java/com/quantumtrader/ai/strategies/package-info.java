/**
 * The built-in strategies, each behind the public Strategy SPI and registered in
 * {@code META-INF/services/com.quantumtrader.ai.spi.StrategyFactory} like a user's would be: the trend rule
 * ({@code ma_crossover}, its drawdown variant {@code ma_crossover_defensive}) and a mean-reversion rule
 * ({@code mean_reversion}). Pure decisions over a ta4j series: no store, clock or runtime types. Their confidence is
 * a Platt scaling of their raw score whose default parameters were fitted by {@code quantum-local calibrate} (see
 * {@link com.quantumtrader.ai.strategies.FittedCalibrations}).
 */
package com.quantumtrader.ai.strategies;
