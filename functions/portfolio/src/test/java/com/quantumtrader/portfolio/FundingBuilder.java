package com.quantumtrader.portfolio;

import com.quantumtrader.events.execution.FundingPaid;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Funding payments as the exchange reports them: the amount is computed the exchange's way, exactly
 * (-position x mark x rate), unless a test sets another one.
 */
final class FundingBuilder {

    private final String symbol;
    private final Instant fundingTime;
    private String rate = "0.0001";
    private String mark = "30000";
    private String position = "0.1";
    private String amount;
    private String asset = "USDT";

    private FundingBuilder(String symbol, Instant fundingTime) {
        this.symbol = symbol;
        this.fundingTime = fundingTime;
    }

    static FundingBuilder funding(String symbol, String fundingTime) {
        return new FundingBuilder(symbol, Instant.parse(fundingTime));
    }

    FundingBuilder rate(String value) {
        rate = value;
        return this;
    }

    FundingBuilder mark(String value) {
        mark = value;
        return this;
    }

    /** Signed: negative for a short. */
    FundingBuilder position(String value) {
        position = value;
        return this;
    }

    FundingBuilder amount(String value) {
        amount = value;
        return this;
    }

    FundingBuilder asset(String value) {
        asset = value;
        return this;
    }

    FundingPaid build() {
        BigDecimal quantity = new BigDecimal(position);
        BigDecimal price = new BigDecimal(mark);
        BigDecimal fundingRate = new BigDecimal(rate);
        BigDecimal cash = amount != null ? new BigDecimal(amount)
                : quantity.negate().multiply(price).multiply(fundingRate);
        return new FundingPaid(symbol, fundingTime, fundingRate, price, quantity, cash, asset);
    }
}
