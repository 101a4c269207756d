package com.quantumtrader.risk.model.pretrade;

/** What one pre-trade rule says about a signal: it passes, or a {@link Rejection} names why not. */
public sealed interface RuleOutcome permits RuleOutcome.Pass, Rejection {

    /** The one passing outcome. */
    RuleOutcome PASS = new Pass();

    record Pass() implements RuleOutcome {
    }
}
