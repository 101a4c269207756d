/**
 * The Strategy SPI: what a quant implements to add a strategy to the AI engine, in the engine's own jar or in a jar
 * of their own ({@code --strategies-jar FILE} locally, the Lambda's class path in AWS).
 * <ul>
 *   <li>{@link com.quantumtrader.ai.spi.StrategyFactory} — found with {@link java.util.ServiceLoader} (a line in
 *       {@code META-INF/services/com.quantumtrader.ai.spi.StrategyFactory}); names the strategy, declares its
 *       parameters and how much history it needs, and creates one {@link com.quantumtrader.ai.spi.Strategy} per
 *       symbol.</li>
 *   <li>{@link com.quantumtrader.ai.spi.Strategy} — decides on a closed bar of that symbol's series: a
 *       {@link com.quantumtrader.ai.spi.TradeIntent} or nothing.</li>
 * </ul>
 * The engine owns the bar series, sizing (risk sizes every order) and everything that reaches the bus; a strategy
 * owns only its decision. See the AI engine's README for a complete worked example.
 */
package com.quantumtrader.ai.spi;
