package com.quantumtrader.local;

import com.quantumtrader.core.instrument.Instrument;
import com.quantumtrader.core.instrument.InstrumentCatalog;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.risk.policy.RiskPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The instruments of a paper run or backtest and the checks that every symbol of the run can be traded, before a
 * single bar is played: a run that could not trade a symbol stops with exit code 2 naming it, instead of replaying
 * a silent empty year.
 */
final class RunInstruments {

    static final String FRESH_DOWNLOAD = "pass --exchange-info FILE with a current download of "
            + "https://fapi.binance.com/fapi/v1/exchangeInfo";

    private RunInstruments() {
    }

    /** {@code --exchange-info FILE}, or the shipped snapshot. A bad file is an IllegalArgumentException naming it. */
    static InstrumentCatalog load(Optional<Path> exchangeInfo) {
        return exchangeInfo.map(InstrumentCatalog::fromFile).orElseGet(InstrumentCatalog::bundled);
    }

    /**
     * @throws IllegalArgumentException naming every symbol without instrument data, every delivery contract and
     *                                  every contract that is not TRADING
     */
    static void requireTradable(InstrumentCatalog instruments, Collection<String> symbols) {
        List<String> problems = new ArrayList<>();
        for (String symbol : symbols) {
            Optional<Instrument> instrument = instruments.find(symbol);
            if (instrument.isEmpty()) {
                problems.add("no instrument data for " + symbol + " in " + instruments.source());
            } else {
                instrument.get().whyNotTradable().ifPresent(problems::add);
            }
        }
        if (!problems.isEmpty()) {
            boolean missing = problems.stream().anyMatch(p -> p.startsWith("no instrument data"));
            throw new IllegalArgumentException(String.join("; ", problems) + (missing ? " (" + FRESH_DOWNLOAD + ")"
                    : ""));
        }
    }

    /** The policy with the run's symbols as its universe: the default when no policy file is given. */
    static Policy withUniverse(Policy policy, Collection<String> symbols) {
        return policy.with("universe", List.copyOf(symbols));
    }

    /**
     * @throws IllegalArgumentException naming each symbol of the run that the policy's universe leaves out or marks
     *                                  not tradable
     */
    static void requireInUniverse(Policy policy, Collection<String> symbols, String policySource) {
        List<String> problems = new ArrayList<>();
        for (String symbol : symbols) {
            if (!policy.universe().contains(symbol)) {
                problems.add(symbol + " is not in the universe " + policy.universe() + " of " + policySource);
            } else if (!RiskPolicy.of(policy).symbolLimits(symbol).isTradable()) {
                problems.add(symbol + " is marked not tradable in " + policySource);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the run could not trade: " + String.join("; ", problems));
        }
    }
}
