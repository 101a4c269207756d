package com.quantumtrader.os.universe.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The active-universe rules on plain values: no store, no handler. */
class UniverseRulesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> POLICY = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT", "XRPUSDT",
            "ADAUSDT", "DOGEUSDT");

    private static UniverseState ranked(List<String> eligible, List<String> throttled, List<String> published) {
        return new UniverseState(new UniverseState.Ranking(T0, eligible), throttled, published);
    }

    @Test
    void withoutARankingThePolicyUniverseMinusTheThrottledSymbolsIsActive() {
        UniverseRules.Settlement settled = UniverseRules.settle(
                new UniverseState(null, List.of("ETHUSDT"), null), POLICY, "");

        assertThat(settled.changed()).isTrue();
        assertThat(settled.active()).containsExactly("BTCUSDT", "SOLUSDT", "BNBUSDT", "XRPUSDT", "ADAUSDT",
                "DOGEUSDT");
        assertThat(settled.reason()).isEqualTo("removed [ETHUSDT], added []; throttled [ETHUSDT]");
    }

    @Test
    void aRankingKeepsTheTopSixInThePolicyAndDoesNotReplaceAThrottledSymbol() {
        List<String> eligible = List.of("PEPEUSDT", "DOGEUSDT", "ADAUSDT", "XRPUSDT", "BNBUSDT", "SOLUSDT",
                "ETHUSDT", "BTCUSDT");

        UniverseRules.Settlement settled = UniverseRules.settle(ranked(eligible, List.of("ADAUSDT"), null), POLICY,
                "cause: ");

        // PEPEUSDT is not in the policy; the top six of the rest less throttled ADAUSDT; BTCUSDT (7th) stays out
        assertThat(settled.active()).containsExactly("DOGEUSDT", "XRPUSDT", "BNBUSDT", "SOLUSDT", "ETHUSDT");
        assertThat(settled.state().published()).isEqualTo(settled.active());
        assertThat(settled.reason()).isEqualTo("cause: removed [BTCUSDT, ADAUSDT], added []; throttled [ADAUSDT]");
    }

    @Test
    void aReorderingIsNoChangeButTheUniverseInForceIsRemembered() {
        List<String> published = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT", "XRPUSDT", "ADAUSDT");
        List<String> reordered = List.of("ADAUSDT", "XRPUSDT", "BNBUSDT", "SOLUSDT", "ETHUSDT", "BTCUSDT");

        UniverseRules.Settlement settled = UniverseRules.settle(ranked(reordered, List.of(), published), POLICY, "");
        UniverseRules.Settlement first = UniverseRules.settle(UniverseState.empty(), POLICY, "");

        assertThat(settled.changed()).isFalse();
        assertThat(first.changed()).isFalse();
        assertThat(first.state().published()).isEqualTo(POLICY);
    }

    @Test
    void onlyANewerRankingSupersedesTheOneInForce() {
        UniverseState state = ranked(POLICY, List.of(), null);

        assertThat(UniverseRules.supersedes(UniverseState.empty(), T0)).isTrue();
        assertThat(UniverseRules.supersedes(state, T0)).isFalse();
        assertThat(UniverseRules.supersedes(state, T0.minusSeconds(1))).isFalse();
        assertThat(UniverseRules.supersedes(state, T0.plusSeconds(1))).isTrue();
    }
}
