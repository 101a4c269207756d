package com.quantumtrader.ai.strategy.model;

import java.math.BigDecimal;

/**
 * Chooses between the trend strategy and its defensive variant by the account's drawdown, with hysteresis so a
 * drawdown hovering at one level does not flip the strategy back and forth.
 * <ul>
 *   <li>trend -> defensive when drawdown >= {@value #DEFENSIVE_ENTER_SHARE} x the policy's {@code drawdown_alert}
 *       (5 % with the default 10 % alert): cut back well before risk's drawdown guard trips;</li>
 *   <li>defensive -> trend when drawdown <= {@value #DEFENSIVE_EXIT_SHARE} x {@code drawdown_alert} (2 % by
 *       default): the account has mostly recovered.</li>
 * </ul>
 */
public final class DrawdownSwitch {

    static final double DEFENSIVE_ENTER_SHARE = 0.5;
    static final double DEFENSIVE_EXIT_SHARE = 0.2;

    private DrawdownSwitch() {
    }

    /** The variant to run next and why it changed; {@code reason} is null when it stays the same. */
    public record Choice(StrategyProfile next, String reason) {
    }

    public static Choice choose(StrategyProfile current, BigDecimal drawdown, BigDecimal drawdownAlert) {
        BigDecimal enter = drawdownAlert.multiply(BigDecimal.valueOf(DEFENSIVE_ENTER_SHARE));
        BigDecimal exit = drawdownAlert.multiply(BigDecimal.valueOf(DEFENSIVE_EXIT_SHARE));
        if (current != Strategies.DEFENSIVE && drawdown.compareTo(enter) >= 0) {
            return new Choice(Strategies.DEFENSIVE, "drawdown " + drawdown.toPlainString() + " >= "
                    + enter.stripTrailingZeros().toPlainString());
        }
        if (current == Strategies.DEFENSIVE && drawdown.compareTo(exit) <= 0) {
            return new Choice(Strategies.TREND, "drawdown " + drawdown.toPlainString() + " <= "
                    + exit.stripTrailingZeros().toPlainString());
        }
        return new Choice(current, null);
    }
}
