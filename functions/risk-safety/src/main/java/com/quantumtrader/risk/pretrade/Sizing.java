package com.quantumtrader.risk.pretrade;

import java.math.BigDecimal;

/** The outcome of sizing: an approved quantity, or the rejection that left nothing to trade. */
record Sizing(BigDecimal quantity, Rejection rejection) {

    static Sizing approved(BigDecimal quantity) {
        return new Sizing(quantity, null);
    }

    static Sizing rejected(Rejection rejection) {
        return new Sizing(null, rejection);
    }

    boolean isApproved() {
        return rejection == null;
    }
}
