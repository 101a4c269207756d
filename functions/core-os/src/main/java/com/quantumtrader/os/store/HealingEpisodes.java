package com.quantumtrader.os.store;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.os.healing.model.Episode;
import java.util.Optional;

/** The drift healer's current episode per strategy, under {@code healing:<strategy id>}. */
public final class HealingEpisodes {

    private final KeyValueStore state;

    public HealingEpisodes(KeyValueStore state) {
        this.state = state;
    }

    public Optional<Episode> load(String strategyId) {
        return state.get(key(strategyId)).map(json -> EventJson.read(json, Episode.class));
    }

    public void save(String strategyId, Episode episode) {
        state.put(key(strategyId), EventJson.write(episode));
    }

    static String key(String strategyId) {
        return "healing:" + strategyId;
    }
}
