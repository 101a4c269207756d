package com.quantumtrader.api.routes.models;

import com.quantumtrader.api.http.ApiResponse;
import com.quantumtrader.api.http.HttpRoute;
import com.quantumtrader.api.http.Problem;
import com.quantumtrader.api.http.ProblemException;
import com.quantumtrader.core.ml.ModelManifest;
import com.quantumtrader.core.ml.ModelRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /models} (every slot's champion and challengers, every version's summary) and {@code GET /models/{id}}
 * (every version of one id with its whole manifest): read-only, from the model registry.
 */
public final class ModelRoutes {

    private final ModelRegistry registry;

    public ModelRoutes(ModelRegistry registry) {
        this.registry = registry;
    }

    public List<HttpRoute> routes() {
        return List.of(
                new HttpRoute("GET", "/models", (request, variables) -> ApiResponse.json(200, overview())),
                new HttpRoute("GET", "/models/{id}", (request, variables) -> ApiResponse.json(200,
                        versions(variables.get("id")))));
    }

    private Map<String, Object> overview() {
        Map<String, String> champions = registry.champions();
        Map<String, Object> slots = new TreeMap<>();
        champions.forEach((slot, champion) -> slots.put(slot, Map.of("champion", champion,
                "challengers", registry.challengers(slot))));
        List<Map<String, Object>> models = new ArrayList<>();
        for (ModelManifest manifest : registry.list()) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("model", manifest.reference());
            summary.put("kind", manifest.kind());
            summary.put("feature_spec", manifest.featureSpec().id());
            summary.put("metrics", manifest.metrics());
            summary.put("champion_of", slotsOf(manifest, champions));
            models.add(summary);
        }
        return Map.of("slots", slots, "models", models);
    }

    private Map<String, Object> versions(String id) {
        Map<String, String> champions = registry.champions();
        List<Map<String, Object>> versions = new ArrayList<>();
        for (ModelManifest manifest : registry.list()) {
            if (manifest.id().equals(id)) {
                versions.add(Map.of("manifest", manifest, "champion_of", slotsOf(manifest, champions)));
            }
        }
        if (versions.isEmpty()) {
            throw new ProblemException(Problem.of(404, "unknown-model", "Unknown model",
                    "no version of model '" + id + "' in the registry"));
        }
        return Map.of("id", id, "versions", versions);
    }

    private static List<String> slotsOf(ModelManifest manifest, Map<String, String> champions) {
        return champions.entrySet().stream().filter(e -> e.getValue().equals(manifest.reference()))
                .map(Map.Entry::getKey).sorted().toList();
    }
}
