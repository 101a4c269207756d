package com.quantumtrader.ai.spi;

import com.quantumtrader.events.Side;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A strategy's decision to open a position at the close of the bar it decided on. Not an order: risk decides
 * whether and how much (the one place that sizes), execution how.
 *
 * @param side       direction
 * @param confidence the calibrated probability, in [0, 1], that the trade reaches {@code target} before
 *                   {@code stop}; risk's {@code min_confidence} compares against it, so it must be a probability fitted
 *                   on data (Platt scaling of {@code score}, a model's calibrated output), never a hand-set number
 * @param score      the strategy's raw, uncalibrated strength of the same decision (any finite number, larger means
 *                   stronger): what a calibration is fitted on, logged beside the confidence
 * @param stop       protective stop, on the losing side of the bar's close, a multiple of the instrument's tick
 * @param target     take-profit, on the winning side of the close, a multiple of the instrument's tick
 * @param producedBy what decided it: a model version {@code id@version} or a rule id with its version
 *                   ({@code ma_crossover@v1}); signals carry it as {@code model_id}
 */
public record TradeIntent(Side side, double confidence, double score, BigDecimal stop, BigDecimal target,
                          String producedBy) {

    public TradeIntent {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(target, "target");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be a probability in [0, 1] but is " + confidence);
        }
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite but is " + score);
        }
        if (stop.signum() <= 0 || target.signum() <= 0) {
            throw new IllegalArgumentException("stop and target must be positive prices but are " + stop + " / "
                    + target);
        }
        if (producedBy == null || producedBy.isBlank()) {
            throw new IllegalArgumentException("producedBy must name the model version or rule that decided");
        }
    }

    /**
     * Why this intent cannot be traded from {@code reference} (the bar's close) on an instrument with tick
     * {@code tick}, or null when it can: stop and target on the right sides, both on the tick grid.
     */
    public String inconsistencyWith(BigDecimal reference, BigDecimal tick) {
        int sign = side.sign();
        if (reference.subtract(stop).signum() != sign || target.subtract(reference).signum() != sign) {
            return side + " needs stop " + (sign > 0 ? "below" : "above") + " and target " + (sign > 0 ? "above"
                    : "below") + " the close " + reference + " but has stop " + stop + " and target " + target;
        }
        if (stop.remainder(tick).signum() != 0 || target.remainder(tick).signum() != 0) {
            return "stop " + stop + " and target " + target + " must be multiples of the tick " + tick;
        }
        return null;
    }
}
