package com.quantumtrader.ai.strategies;

import com.quantumtrader.core.ml.calibration.PlattScaling;

/**
 * The built-in rules' default Platt parameters (confidence = 1 / (1 + exp(a x score + b))), fitted by code, never
 * set by hand: each rule, with its default parameters, replayed bar by bar over the training window's klines
 * through the Strategy SPI, every intent labelled 1 when its target traded before its stop (a bar touching both
 * counts as the stop), 0 otherwise, and Platt scaling (shared-core {@code core.ml.calibration}) fitted on
 * (score, label).
 *
 * <p>Provenance: training window 2022-01-01T00:00Z .. 2025-01-01T00:00Z, 1h klines of BTCUSDT and ETHUSDT
 * ({@code binance_spot_BTCUSDT_1h_2022-01-01_2024-12-31.csv}, {@code binance_spot_ETHUSDT_1h_2022-01-01_2024-12-31.csv}
 * of the sprint's market data), 2025 left untouched. Command (from the repository root, after packaging
 * functions/local):
 * <pre>
 * java -jar functions/local/target/quantum-local.jar calibrate \
 *   --data binance_spot_BTCUSDT_1h_2022-01-01_2024-12-31.csv,binance_spot_ETHUSDT_1h_2022-01-01_2024-12-31.csv \
 *   --strategy ma_crossover,ma_crossover_defensive,mean_reversion
 * </pre>
 * Its output, pasted below: labelled intents, share that reached the target first, and the in-sample log loss
 * against a constant base-rate forecast. The rules' scores carry little information (log loss barely below the
 * base rate), so the confidences stay close to each rule's base rate: that is what the data say about them.
 * <ul>
 *   <li>ma_crossover: 2067 intents (BTCUSDT 1044, ETHUSDT 1023), target first 0.4185, log loss 0.67974 (base rate
 *       0.67980)</li>
 *   <li>ma_crossover_defensive: 1931 intents (998, 933), target first 0.4148, log loss 0.67854 (0.67856)</li>
 *   <li>mean_reversion: 82 intents (44, 38), target first 0.2439, log loss 0.55257 (0.55554)</li>
 * </ul>
 */
final class FittedCalibrations {

    static final PlattScaling MA_CROSSOVER = new PlattScaling(-0.26953194386670626, 0.3551444222109052);
    static final PlattScaling MA_CROSSOVER_DEFENSIVE = new PlattScaling(-0.17163373691303324, 0.3605638398991603);
    static final PlattScaling MEAN_REVERSION = new PlattScaling(0.2995984518581746, 0.12077216193405023);

    private FittedCalibrations() {
    }
}
