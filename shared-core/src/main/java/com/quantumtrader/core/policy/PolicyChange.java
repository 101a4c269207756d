package com.quantumtrader.core.policy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One changed field of a policy write.
 *
 * @param path     dotted path of the field, e.g. {@code limits.NORMAL.min_confidence}
 * @param oldValue the value before, or null when the field was added
 * @param newValue the value after, or null when the field was removed
 */
public record PolicyChange(String path, JsonNode oldValue, JsonNode newValue) {
}
