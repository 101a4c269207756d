package com.quantumtrader.local.policy;

import com.quantumtrader.core.policy.*;
import com.quantumtrader.risk.policy.*;
import com.quantumtrader.execution.policy.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.events.EventJson;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A universe may only name contracts of the instrument list the validator is given. */
class UnknownUniverseSymbolTest {

    private static ObjectNode defaultsWithUniverse(String... symbols) {
        ObjectNode policy = (ObjectNode) EventJson.tree(PolicyDefaults.load());
        var universe = policy.putArray("universe");
        for (String symbol : symbols) {
            universe.add(symbol);
        }
        return policy;
    }

    @Test
    void rejectsAUniverseSymbolNoKnownContractHas() {
        // BTCUSD (coin-margined spelling) passes the pattern but is no USD-M contract: it would trade nothing
        ObjectNode policy = defaultsWithUniverse("BTCUSDT", "BTCUSD");

        assertThat(PolicyValidator.problems(policy)).containsExactly(
                "universe[1]: unknown symbol BTCUSD, not a contract of the instrument list");
        assertThatThrownBy(() -> PolicyValidator.validate(policy)).isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("universe[1]: unknown symbol BTCUSD");
    }

    @Test
    void acceptsEveryShippedContract() {
        ObjectNode policy = defaultsWithUniverse(KnownSymbols.shipped().toArray(String[]::new));

        assertThat(PolicyValidator.problems(policy)).isEmpty();
    }

    @Test
    void checksAgainstTheInstrumentListTheCallerGives() {
        ObjectNode policy = defaultsWithUniverse("BTCUSDT", "ETHUSDT", "WIFUSDT");

        assertThat(PolicyValidator.problems(policy, Set.of("BTCUSDT", "ETHUSDT", "WIFUSDT"))).isEmpty();
        assertThat(PolicyValidator.problems(policy, Set.of("BTCUSDT"))).containsExactly(
                "universe[1]: unknown symbol ETHUSDT, not a contract of the instrument list",
                "universe[2]: unknown symbol WIFUSDT, not a contract of the instrument list");
    }

    @Test
    void leavesAMalformedSymbolToTheSchemaMessage() {
        ObjectNode policy = defaultsWithUniverse("BTCUSDT", "btc-usdt");

        assertThat(PolicyValidator.problems(policy)).singleElement().asString().startsWith("universe[1]: ")
                .doesNotContain("unknown symbol");
    }
}
