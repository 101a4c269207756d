package com.quantumtrader.risk.store;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.risk.model.governor.HealthReports;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The health reports the safety governor weighs: per system component and per model, when they arrived. */
public final class GovernorStore {

    private final KeyValueStore state;

    public GovernorStore(KeyValueStore state) {
        this.state = state;
    }

    public void reportSystem(String component, String issue, Instant at) {
        state.hashPut(RiskKeys.SYSTEM_HEALTH, component, at.toString() + "|" + issue);
    }

    public void reportModel(String modelId, Instant at) {
        state.hashPut(RiskKeys.MODEL_HEALTH, modelId, at.toString());
    }

    /** Every system report, and the report of {@code modelId} (null: none). */
    public HealthReports reports(String modelId) {
        Map<String, HealthReports.SystemReport> systems = new LinkedHashMap<>();
        state.hashGetAll(RiskKeys.SYSTEM_HEALTH).forEach((component, value) -> {
            String[] report = value.split("\\|", 2);
            systems.put(component, new HealthReports.SystemReport(Instant.parse(report[0]), report[1]));
        });
        Optional<Instant> modelDegradedAt = modelId == null ? Optional.empty()
                : state.hashGet(RiskKeys.MODEL_HEALTH, modelId).map(Instant::parse);
        return new HealthReports(systems, modelDegradedAt);
    }
}
