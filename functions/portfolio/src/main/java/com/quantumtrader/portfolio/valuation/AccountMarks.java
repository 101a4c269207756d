package com.quantumtrader.portfolio.valuation;

import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.portfolio.positions.PositionBook;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** Latest price per symbol and the drawdown memory, in portfolio's store; values the account. */
public final class AccountMarks {

    private static final String MARKS = "marks";
    private static final String DRAWDOWN = "drawdown";

    private final KeyValueStore state;
    private final PositionBook book;

    public AccountMarks(KeyValueStore state, PositionBook book) {
        this.state = state;
        this.book = book;
    }

    void mark(String symbol, BigDecimal price) {
        state.hashPut(MARKS, symbol, price.toPlainString());
    }

    public Valuation value(Policy policy) {
        Map<String, BigDecimal> marks = new TreeMap<>();
        state.hashGetAll(MARKS).forEach((symbol, price) -> marks.put(symbol, new BigDecimal(price)));
        return Valuation.of(policy, book.ledger(), book.openPositions(), marks);
    }

    /** The equity peak so far (the policy's starting equity before any mark). */
    public BigDecimal peakEquity(Policy policy) {
        return drawdown(policy).peakEquity();
    }

    DrawdownState drawdown(Policy policy) {
        return state.getJson(DRAWDOWN, DrawdownState.class)
                .orElse(new DrawdownState(policy.accountEquity(), DrawdownState.AlertLevel.NONE));
    }

    void save(DrawdownState drawdown) {
        state.putJson(DRAWDOWN, drawdown);
    }
}
