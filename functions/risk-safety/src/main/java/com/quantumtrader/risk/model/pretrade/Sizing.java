package com.quantumtrader.risk.model.pretrade;

import java.math.BigDecimal;

/** The outcome of sizing: an approved quantity, or the rejection that left nothing to trade. */
public record Sizing(BigDecimal quantity, Rejection rejection) {

    public static Sizing approved(BigDecimal quantity) {
        return new Sizing(quantity, null);
    }

    public static Sizing rejected(Rejection rejection) {
        return new Sizing(null, rejection);
    }

    public boolean isApproved() {
        return rejection == null;
    }
}
