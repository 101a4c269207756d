package com.quantumtrader.core.policy;

import com.quantumtrader.core.instrument.InstrumentCatalog;
import java.util.Set;

/**
 * The contracts a policy's {@code universe} may name: a symbol outside it is a typo or a contract that does not
 * exist, and a universe with it would trade nothing on it without saying so. By default the shipped instrument
 * catalog (the one source of instrument data); a caller with other instrument data passes its own set to
 * {@link PolicyValidator#problems(com.fasterxml.jackson.databind.JsonNode, Set)} (or opens its policy store with
 * it).
 */
public final class KnownSymbols {

    private static final Set<String> SHIPPED = InstrumentCatalog.bundled().perpetualSymbols();

    private KnownSymbols() {
    }

    /** Every perpetual of the shipped instrument catalog (a universe trades perpetuals only). */
    public static Set<String> shipped() {
        return SHIPPED;
    }
}
