package com.quantumtrader.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.events.EventJson;
import org.junit.jupiter.api.Test;

class PolicyDiffTest {

    private static JsonNode json(String text) {
        return EventJson.readTree(text.replace('\'', '"'));
    }

    @Test
    void listsEveryChangedLeafWithItsDottedPathInPathOrder() {
        JsonNode before = json("{'risk_mode':'NORMAL','limits':{'NORMAL':{'min_confidence':0.55,'max_open_positions':4}}}");
        JsonNode after = json("{'risk_mode':'SAFE','limits':{'NORMAL':{'min_confidence':0.6,'max_open_positions':4}}}");

        assertThat(PolicyDiff.between(before, after)).containsExactly(
                new PolicyChange("limits.NORMAL.min_confidence", json("0.55"), json("0.6")),
                new PolicyChange("risk_mode", EventJson.tree("NORMAL"), EventJson.tree("SAFE")));
    }

    @Test
    void treatsNumbersEqualInValueAsUnchanged() {
        assertThat(PolicyDiff.between(json("{'a':0.5,'b':[1.0]}"), json("{'a':0.50,'b':[1]}"))).isEmpty();
    }

    @Test
    void reportsAddedAndRemovedFieldsWithTheMissingSideNull() {
        assertThat(PolicyDiff.between(json("{'a':1}"), json("{'b':2}"))).containsExactly(
                new PolicyChange("a", json("1"), null),
                new PolicyChange("b", null, json("2")));
    }

    @Test
    void comparesArraysAsWholeValues() {
        assertThat(PolicyDiff.between(json("{'universe':['BTCUSDT']}"), json("{'universe':['BTCUSDT','ETHUSDT']}")))
                .containsExactly(new PolicyChange("universe", json("['BTCUSDT']"), json("['BTCUSDT','ETHUSDT']")));
    }
}
