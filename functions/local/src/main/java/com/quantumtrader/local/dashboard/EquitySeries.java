package com.quantumtrader.local.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.events.EventJson;
import java.util.ArrayList;
import java.util.List;

/**
 * The equity and drawdown curve from the portfolio's performance snapshots, bounded for a run of any length: when
 * it holds {@code capacity} points it keeps every other one and from then on takes every second snapshot (then every
 * fourth …), so the whole run stays in view at a coarser step. The latest snapshot is always the last point.
 * Values keep the exact decimal text the events carried. Not thread-safe: the feed guards it.
 */
final class EquitySeries {

    private final int capacity;
    private final List<ObjectNode> points = new ArrayList<>();
    private long stride = 1;
    private long seen;
    /** The newest snapshot when it fell between two kept points; shown as the last point until the next one. */
    private ObjectNode pending;

    EquitySeries(int capacity) {
        if (capacity < 4) {
            throw new IllegalArgumentException("capacity must be at least 4, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds the snapshot of a {@code portfolio.performance} payload and returns the point as the page draws it. */
    ObjectNode add(JsonNode performance) {
        ObjectNode point = EventJson.mapper().createObjectNode();
        point.put("t", performance.path("as_of").asText());
        point.set("equity", performance.path("equity"));
        point.set("peak_equity", performance.path("peak_equity"));
        point.set("drawdown", performance.path("drawdown"));
        point.set("open_positions", performance.path("open_positions"));
        if (seen++ % stride == 0) {
            points.add(point);
            pending = null;
            if (points.size() >= capacity) {
                thin();
            }
        } else {
            pending = point;
        }
        return point;
    }

    /** Oldest first; the latest snapshot last. */
    List<ObjectNode> points() {
        List<ObjectNode> all = new ArrayList<>(points);
        if (pending != null) {
            all.add(pending);
        }
        return all;
    }

    long stride() {
        return stride;
    }

    private void thin() {
        List<ObjectNode> kept = new ArrayList<>(points.size() / 2 + 1);
        for (int i = 0; i < points.size(); i += 2) {
            kept.add(points.get(i));
        }
        points.clear();
        points.addAll(kept);
        stride *= 2;
    }
}
