package com.quantumtrader.local.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.quantumtrader.core.ml.ModelManifest;
import com.quantumtrader.core.ml.registry.FileModelRegistry;
import com.quantumtrader.core.ml.registry.ModelReference;
import com.quantumtrader.core.ml.registry.ModelRegistryException;
import com.quantumtrader.events.EventJson;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the {@code models} commands print, over the file registry. */
final class ModelRegistryView {

    private final FileModelRegistry registry;

    ModelRegistryView(FileModelRegistry registry) {
        this.registry = registry;
    }

    FileModelRegistry registry() {
        return registry;
    }

    void list(PrintWriter out) {
        List<ModelManifest> manifests = registry.list();
        if (manifests.isEmpty()) {
            out.println("no models in " + registry.dir());
            return;
        }
        Map<String, String> champions = registry.champions();
        out.printf("%-28s %-8s %-20s %-20s %s%n", "MODEL", "KIND", "FEATURES", "CHAMPION OF", "METRICS");
        for (ModelManifest manifest : manifests) {
            String slots = champions.entrySet().stream().filter(e -> e.getValue().equals(manifest.reference()))
                    .map(Map.Entry::getKey).sorted().collect(Collectors.joining(","));
            out.printf("%-28s %-8s %-20s %-20s %s%n", manifest.reference(), manifest.kind(),
                    manifest.featureSpec().id(), slots.isEmpty() ? "-" : slots, metrics(manifest));
        }
    }

    void show(String model, PrintWriter out) throws JsonProcessingException {
        ModelManifest manifest = resolve(model);
        out.println(EventJson.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(manifest));
    }

    void promote(String slot, String model, PrintWriter out) {
        ModelReference reference = ModelReference.parse(model);
        String previous = registry.champion(slot).orElse(null);
        registry.promote(slot, reference.id(), reference.version());
        out.println(reference + " is now the champion of slot '" + slot + "'"
                + (previous == null || previous.equals(reference.toString()) ? "" : " (" + previous
                + " is a challenger again)"));
    }

    /** {@code id@version}, or the newest version of {@code id}. */
    ModelManifest resolve(String model) {
        if (model.contains("@")) {
            ModelReference reference = ModelReference.parse(model);
            return registry.manifest(reference.id(), reference.version()).orElseThrow(
                    () -> new ModelRegistryException("no model " + reference + " in " + registry.dir()));
        }
        ModelReference.requireSafeId(model);
        return registry.list().stream().filter(m -> m.id().equals(model))
                .max(Comparator.comparingInt(ModelManifest::version))
                .orElseThrow(() -> new ModelRegistryException("no model with id '" + model + "' in "
                        + registry.dir()));
    }

    private static String metrics(ModelManifest manifest) {
        return manifest.metrics().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + String.format(java.util.Locale.ROOT, "%.4f", e.getValue()))
                .collect(Collectors.joining(" "));
    }
}
