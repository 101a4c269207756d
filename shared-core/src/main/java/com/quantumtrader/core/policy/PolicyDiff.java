package com.quantumtrader.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The changed fields between two policy documents, as dotted paths in sorted order. Objects are compared member by
 * member; arrays and scalars as whole values; numbers by value, so 0.5 and 0.50 are the same.
 */
final class PolicyDiff {

    private PolicyDiff() {
    }

    static List<PolicyChange> between(JsonNode before, JsonNode after) {
        List<PolicyChange> changes = new ArrayList<>();
        collect("", before, after, changes);
        return List.copyOf(changes);
    }

    private static void collect(String path, JsonNode before, JsonNode after, List<PolicyChange> changes) {
        if (before != null && after != null && before.isObject() && after.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                collect(path.isEmpty() ? name : path + '.' + name, before.get(name), after.get(name), changes);
            }
        } else if (!sameValue(before, after)) {
            changes.add(new PolicyChange(path, before, after));
        }
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!sameValue(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
