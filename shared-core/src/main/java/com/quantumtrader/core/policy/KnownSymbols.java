package com.quantumtrader.core.policy;

import java.util.Set;
import java.util.TreeSet;

/**
 * The contracts a policy's {@code universe} may name: a symbol outside it is a typo or a contract that does not
 * exist, and a universe with it would trade nothing on it without saying so. For now the list the platform ships
 * (Binance USD-M perpetuals the simulated exchange, the backtests and the examples use); the instrument catalog
 * replaces {@link #shipped()} as the one source, and any caller may pass its own set to
 * {@link PolicyValidator#problems(com.fasterxml.jackson.databind.JsonNode, Set)}.
 */
public final class KnownSymbols {

    private static final Set<String> SHIPPED = Set.copyOf(new TreeSet<>(Set.of(
            "BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT", "XRPUSDT", "ADAUSDT", "DOGEUSDT", "AVAXUSDT", "DOTUSDT",
            "LINKUSDT", "LTCUSDT", "TRXUSDT", "NEARUSDT", "UNIUSDT", "XLMUSDT", "FILUSDT", "ATOMUSDT", "ETCUSDT",
            "BCHUSDT", "APTUSDT", "ARBUSDT", "OPUSDT", "SUIUSDT", "1000PEPEUSDT")));

    private KnownSymbols() {
    }

    /** The shipped list. */
    public static Set<String> shipped() {
        return SHIPPED;
    }
}
