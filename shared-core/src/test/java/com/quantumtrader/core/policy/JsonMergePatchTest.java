package com.quantumtrader.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.events.EventJson;
import org.junit.jupiter.api.Test;

class JsonMergePatchTest {

    private static JsonNode json(String text) {
        return EventJson.readTree(text.replace('\'', '"'));
    }

    private static JsonNode merge(String target, String patch) {
        return JsonMergePatch.apply(json(target), json(patch));
    }

    @Test
    void replacesAPatchedMemberAndKeepsTheOthers() {
        assertThat(merge("{'a':'b','c':'d'}", "{'a':'z'}")).isEqualTo(json("{'a':'z','c':'d'}"));
    }

    @Test
    void removesAMemberPatchedWithNull() {
        assertThat(merge("{'a':'b','c':'d'}", "{'c':null}")).isEqualTo(json("{'a':'b'}"));
    }

    @Test
    void mergesNestedObjectsMemberByMember() {
        assertThat(merge("{'limits':{'SAFE':{'x':1,'y':2}}}", "{'limits':{'SAFE':{'y':3}}}"))
                .isEqualTo(json("{'limits':{'SAFE':{'x':1,'y':3}}}"));
    }

    @Test
    void replacesArraysWhole() {
        assertThat(merge("{'universe':['BTCUSDT','ETHUSDT']}", "{'universe':['SOLUSDT']}"))
                .isEqualTo(json("{'universe':['SOLUSDT']}"));
    }

    @Test
    void addsAMemberThatWasMissing() {
        assertThat(merge("{'a':1}", "{'b':{'c':null,'d':2}}")).isEqualTo(json("{'a':1,'b':{'d':2}}"));
    }

    @Test
    void aNonObjectPatchReplacesTheWholeTarget() {
        assertThat(merge("{'a':1}", "['x']")).isEqualTo(json("['x']"));
        assertThat(merge("['x']", "{'a':1}")).isEqualTo(json("{'a':1}"));
    }

    @Test
    void leavesItsInputsUnchanged() {
        JsonNode target = json("{'a':{'b':1}}");
        JsonNode patch = json("{'a':{'b':2}}");

        JsonMergePatch.apply(target, patch);

        assertThat(target).isEqualTo(json("{'a':{'b':1}}"));
        assertThat(patch).isEqualTo(json("{'a':{'b':2}}"));
    }
}
