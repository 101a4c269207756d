package com.quantumtrader.execution.orders.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The checks an approved entry must pass that the exchange cannot make, as small named rules over a preloaded
 * {@link Entry}: protection on the right side of the price, one position per symbol. The first failing rule wins.
 * Pure: the order manager loads the snapshot and acts on the outcome.
 */
public final class EntryRules {

    public static final String INVALID_STOP = "INVALID_STOP";
    public static final String INVALID_TARGET = "INVALID_TARGET";
    public static final String POSITION_OPEN = "POSITION_OPEN";

    private static final List<Function<Entry, Optional<Refusal>>> RULES = List.of(
            EntryRules::stopOnTheLosingSide,
            EntryRules::targetOnTheWinningSide,
            EntryRules::onePositionPerSymbol);

    private EntryRules() {
    }

    /**
     * An entry as the rules see it.
     *
     * @param side            LONG or SHORT, as the approval names it
     * @param sign            +1 for a long, -1 for a short
     * @param referencePrice  the price the signal was priced at
     * @param stopPrice       the protective stop, on the tick grid
     * @param targetPrice     the take-profit, on the tick grid
     * @param symbolBusy      the symbol already has a position or another working entry
     */
    public record Entry(String symbol, String side, int sign, BigDecimal referencePrice, BigDecimal stopPrice,
                        BigDecimal targetPrice, boolean symbolBusy) {
    }

    /** Why an entry is refused: a code for {@code execution.order.failed} and a message saying what is wrong. */
    public record Refusal(String code, String message) {
    }

    /** The first rule the entry fails, or empty when it may go to the exchange. */
    public static Optional<Refusal> firstFailed(Entry entry) {
        for (Function<Entry, Optional<Refusal>> rule : RULES) {
            Optional<Refusal> refusal = rule.apply(entry);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    static Optional<Refusal> stopOnTheLosingSide(Entry entry) {
        if (entry.stopPrice().subtract(entry.referencePrice()).signum() * entry.sign() < 0) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(INVALID_STOP, "stop " + entry.stopPrice().toPlainString()
                + " is not on the losing side of the reference " + entry.referencePrice().toPlainString()
                + " for a " + entry.side()));
    }

    static Optional<Refusal> targetOnTheWinningSide(Entry entry) {
        if (entry.targetPrice().subtract(entry.referencePrice()).signum() * entry.sign() > 0) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(INVALID_TARGET, "target " + entry.targetPrice().toPlainString()
                + " is not on the winning side of the reference " + entry.referencePrice().toPlainString()
                + " for a " + entry.side()));
    }

    static Optional<Refusal> onePositionPerSymbol(Entry entry) {
        if (!entry.symbolBusy()) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(POSITION_OPEN, entry.symbol()
                + " already has a position or a working entry; one position per symbol"));
    }
}
