package com.quantumtrader.portfolio.valuation.model;

import com.quantumtrader.portfolio.positions.model.Ledger;
import com.quantumtrader.portfolio.positions.model.Position;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The account as portfolio's store holds it, loaded once: the ledger, the open positions (one per symbol, ordered
 * by symbol) and the latest mark per symbol.
 */
public record Account(Ledger ledger, List<Position> openPositions, Map<String, BigDecimal> marks) {

    public Account {
        openPositions = List.copyOf(openPositions);
        marks = Map.copyOf(marks);
    }

    public Optional<Position> position(String symbol) {
        return openPositions.stream().filter(p -> p.symbol().equals(symbol)).findFirst();
    }

    /** The account with {@code symbol} marked at {@code price}. */
    public Account marked(String symbol, BigDecimal price) {
        Map<String, BigDecimal> next = new TreeMap<>(marks);
        next.put(symbol, price);
        return new Account(ledger, openPositions, next);
    }

    /** The account with {@code position} in place of the open position of its symbol. */
    public Account with(Position position) {
        List<Position> next = new ArrayList<>(openPositions);
        next.replaceAll(p -> p.symbol().equals(position.symbol()) ? position : p);
        return new Account(ledger, next, marks);
    }

    /** Equity = {@code startingEquity} + realised + unrealised at the marks. */
    public Valuation value(BigDecimal startingEquity) {
        return Valuation.of(startingEquity, ledger, openPositions, marks);
    }
}
