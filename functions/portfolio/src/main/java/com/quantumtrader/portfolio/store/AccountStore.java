package com.quantumtrader.portfolio.store;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.portfolio.valuation.model.Account;
import com.quantumtrader.portfolio.valuation.model.DrawdownState;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The latest price per symbol and mark-to-market's drawdown memory, in portfolio's store; with the position book,
 * the whole {@link Account}.
 */
public final class AccountStore {

    private static final String MARKS = "marks";
    private static final String DRAWDOWN = "drawdown";

    private final KeyValueStore state;
    private final PositionStore positions;

    public AccountStore(KeyValueStore state, PositionStore positions) {
        this.state = state;
        this.positions = positions;
    }

    public void mark(String symbol, BigDecimal price) {
        state.hashPut(MARKS, symbol, price.toPlainString());
    }

    /** The ledger, the open positions and the marks, as stored now. */
    public Account account() {
        Map<String, BigDecimal> marks = new TreeMap<>();
        state.hashGetAll(MARKS).forEach((symbol, price) -> marks.put(symbol, new BigDecimal(price)));
        return new Account(positions.ledger(), positions.openPositions(), marks);
    }

    /** The drawdown memory; empty before the first mark. */
    public Optional<DrawdownState> drawdown() {
        return state.getJson(DRAWDOWN, DrawdownState.class);
    }

    public void save(DrawdownState drawdown) {
        state.putJson(DRAWDOWN, drawdown);
    }
}
