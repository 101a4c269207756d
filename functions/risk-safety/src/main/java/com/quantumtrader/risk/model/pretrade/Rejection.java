package com.quantumtrader.risk.model.pretrade;

/** Why a check refused a signal: the limit it applies and the value that hit it, both as text for the event. */
public record Rejection(RejectReason reason, String limit, String value, String message) implements RuleOutcome {
}
