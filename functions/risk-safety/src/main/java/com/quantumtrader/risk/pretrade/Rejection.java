package com.quantumtrader.risk.pretrade;

/** Why a check refused a signal: the limit it applies and the value that hit it, both as text for the event. */
record Rejection(RejectReason reason, String limit, String value, String message) {
}
