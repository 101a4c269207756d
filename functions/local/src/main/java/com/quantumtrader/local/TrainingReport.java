package com.quantumtrader.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.core.ml.ModelManifest;
import com.quantumtrader.core.ml.training.ClassifierMetrics;
import com.quantumtrader.core.ml.training.TrainingOutcome;
import com.quantumtrader.events.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The training report: report.json and a self-contained report.html (inline SVG, no scripts, no external files).
 * Holds nothing that changes between runs of the same data, spec and seed (no wall-clock times, no Tribuo
 * provenance), so two runs give the same bytes.
 */
final class TrainingReport {

    private TrainingReport() {
    }

    static ObjectNode json(ModelManifest manifest, TrainingSpec spec, TrainingOutcome outcome,
                           List<SignalSimulation.Result> trading, List<String> notes) {
        ObjectNode root = EventJson.mapper().createObjectNode();
        root.put("model", manifest.reference());
        root.put("feature_spec", manifest.featureSpec().id());
        root.putPOJO("label", manifest.labelSpec());
        root.put("direction", spec.direction().name().toLowerCase(Locale.ROOT));
        root.put("trainer", spec.algorithm());
        root.putPOJO("hyperparameters", manifest.hyperparameters());
        root.put("train_from", spec.trainFrom().toString());
        root.put("train_to", spec.trainTo().toString());
        root.put("validate_from", spec.validateFrom().toString());
        root.put("validate_to", spec.validateTo().toString());
        root.put("data_fingerprint", manifest.dataFingerprint());
        root.put("training_rows", outcome.trainingRows());
        root.put("calibration", outcome.calibrator().kind());
        ArrayNode folds = root.putArray("folds");
        for (TrainingOutcome.FoldResult fold : outcome.folds()) {
            ObjectNode f = metrics(folds.addObject(), fold.metrics());
            f.put("fold", fold.number());
            f.put("test_from", fold.testFrom().toString());
            f.put("test_to", fold.testTo().toString());
            f.put("train_rows", fold.trainRows());
        }
        metrics(root.putObject("validation"), outcome.validationMetrics());
        ArrayNode warnings = root.putArray("warnings");
        outcome.warnings().forEach(warnings::add);
        ArrayNode simulation = root.putArray("trading_validation");
        for (SignalSimulation.Result r : trading) {
            ObjectNode row = simulation.addObject();
            row.put("strategy", r.name());
            number(row, "total_return", r.totalReturn());
            number(row, "max_drawdown", r.maxDrawdown());
            if (r.trades() >= 0) {
                row.put("trades", r.trades());
            } else {
                row.putNull("trades"); // the trend rule's count is in its own backtest report
            }
            number(row, "win_rate", r.winRate());
            number(row, "costs_fraction", r.costs());
        }
        ArrayNode noteArray = root.putArray("notes");
        notes.forEach(noteArray::add);
        return root;
    }

    private static ObjectNode metrics(ObjectNode node, ClassifierMetrics m) {
        node.put("rows", m.rows());
        number(node, "auc", m.auc());
        number(node, "log_loss", m.logLoss());
        number(node, "brier", m.brier());
        number(node, "hit_rate", m.hitRate());
        number(node, "base_rate", m.baseRate());
        ArrayNode bins = node.putArray("reliability");
        for (ClassifierMetrics.ReliabilityBin b : m.reliability()) {
            ObjectNode bin = bins.addObject();
            bin.put("from", b.from());
            bin.put("to", b.to());
            number(bin, "mean_predicted", b.meanPredicted());
            number(bin, "observed", b.observed());
            bin.put("count", b.count());
        }
        return node;
    }

    /** Rounded to 6 decimals so the report reads well; NaN (undefined) as null. */
    private static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, new java.math.BigDecimal(value).setScale(6, java.math.RoundingMode.HALF_EVEN));
        } else {
            node.putNull(key);
        }
    }

    static void write(Path dir, ObjectNode json) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("report.json"),
                    EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
            Files.writeString(dir.resolve("report.html"), html(json));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the training report to " + dir, e);
        }
    }

    static String html(JsonNode r) {
        StringBuilder h = new StringBuilder();
        h.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>Training report ")
                .append(esc(r.path("model").asText())).append("</title><style>body{font-family:sans-serif;"
                        + "margin:2em;max-width:70em}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
                        + "padding:.3em .6em;text-align:right}th{background:#f3f3f3}.warn{color:#b00;font-weight:"
                        + "bold}</style></head><body>");
        h.append("<h1>Training report: ").append(esc(r.path("model").asText())).append("</h1>");
        h.append("<p>").append(esc(r.path("feature_spec").asText())).append(", label ")
                .append(esc(r.path("label").toString())).append(", direction ")
                .append(esc(r.path("direction").asText())).append(", trainer ").append(esc(r.path("trainer").asText()))
                .append(" ").append(esc(r.path("hyperparameters").toString())).append(", calibration ")
                .append(esc(r.path("calibration").asText())).append("</p>");
        h.append("<p>Training ").append(esc(r.path("train_from").asText())).append(" .. ")
                .append(esc(r.path("train_to").asText())).append(" (").append(r.path("training_rows").asInt())
                .append(" rows, labels closed before the cut-off); validation (out of sample) ")
                .append(esc(r.path("validate_from").asText())).append(" .. ")
                .append(esc(r.path("validate_to").asText())).append(". Data SHA-256 ")
                .append(esc(r.path("data_fingerprint").asText())).append("</p>");
        if (r.path("warnings").size() > 0) {
            h.append("<h2 class=\"warn\">Leak warnings</h2><ul>");
            r.path("warnings").forEach(w -> h.append("<li class=\"warn\">").append(esc(w.asText())).append("</li>"));
            h.append("</ul>");
        }
        h.append("<h2>Walk-forward folds (purged, embargoed; raw scores)</h2><table><tr><th>fold</th><th>test from"
                + "</th><th>test to</th><th>train rows</th><th>test rows</th><th>AUC</th><th>log loss</th>"
                + "<th>Brier</th><th>hit rate</th><th>base rate</th></tr>");
        r.path("folds").forEach(f -> h.append("<tr><td>").append(f.path("fold").asInt()).append("</td><td>")
                .append(esc(f.path("test_from").asText())).append("</td><td>").append(esc(f.path("test_to").asText()))
                .append("</td><td>").append(f.path("train_rows").asInt()).append("</td>")
                .append(metricCells(f)).append("</tr>"));
        h.append("</table>").append(aucBars(r.path("folds")));
        h.append("<h2>Validation (out of sample, calibrated)</h2><table><tr><th>rows</th><th>AUC</th><th>log loss"
                + "</th><th>Brier</th><th>hit rate</th><th>base rate</th></tr><tr><td>")
                .append(r.path("validation").path("rows").asInt()).append("</td>")
                .append(metricCells(r.path("validation"))).append("</tr></table>");
        h.append("<h3>Reliability</h3>").append(reliability(r.path("validation").path("reliability")));
        h.append("<h2>Trading the validation period (after fees, slippage, funding)</h2><table><tr><th>strategy"
                + "</th><th>total return</th><th>max drawdown</th><th>trades</th><th>win rate</th></tr>");
        r.path("trading_validation").forEach(t -> h.append("<tr><td style=\"text-align:left\">")
                .append(esc(t.path("strategy").asText())).append("</td><td>").append(pct(t.path("total_return")))
                .append("</td><td>").append(pct(t.path("max_drawdown"))).append("</td><td>")
                .append(t.path("trades").isNull() ? "see its report" : t.path("trades").asText()).append("</td><td>").append(pct(t.path("win_rate")))
                .append("</td></tr>"));
        h.append("</table><ul>");
        r.path("notes").forEach(n -> h.append("<li>").append(esc(n.asText())).append("</li>"));
        return h.append("</ul></body></html>\n").toString();
    }

    private static String metricCells(JsonNode m) {
        StringBuilder s = new StringBuilder();
        if (m.has("fold")) {
            s.append("<td>").append(m.path("rows").asInt()).append("</td>");
        }
        for (String key : List.of("auc", "log_loss", "brier", "hit_rate", "base_rate")) {
            s.append("<td>").append(m.path(key).isNull() ? "-" : String.format(Locale.ROOT, "%.4f",
                    m.path(key).asDouble())).append("</td>");
        }
        return s.toString();
    }

    private static String pct(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? "-"
                : String.format(Locale.ROOT, "%.2f %%", value.asDouble() * 100);
    }

    /** Fold AUCs as bars around 0.5. */
    private static String aucBars(JsonNode folds) {
        int w = 60 * Math.max(1, folds.size()) + 40;
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w
                + "\" height=\"170\"><line x1=\"30\" y1=\"80\" x2=\"" + w + "\" y2=\"80\" stroke=\"#999\"/>"
                + "<text x=\"0\" y=\"84\" font-size=\"10\">0.5</text>");
        int i = 0;
        for (JsonNode f : folds) {
            double auc = f.path("auc").isNull() ? 0.5 : f.path("auc").asDouble();
            double y = 80 - (auc - 0.5) * 300;
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"40\" height=\"%.1f\" fill=\"%s\"/>"
                            + "<text x=\"%d\" y=\"165\" font-size=\"10\">fold %d: %.3f</text>", 40 + 60 * i,
                    Math.min(y, 80), Math.abs(80 - y), auc >= 0.5 ? "#4a8" : "#c55", 36 + 60 * i,
                    f.path("fold").asInt(), auc));
            i++;
        }
        return s.append("</svg>").toString();
    }

    /** Predicted (x) against observed (y) frequency per decile, with the diagonal. */
    private static String reliability(JsonNode bins) {
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"260\" height=\"260\">"
                + "<rect x=\"30\" y=\"10\" width=\"220\" height=\"220\" fill=\"none\" stroke=\"#999\"/>"
                + "<line x1=\"30\" y1=\"230\" x2=\"250\" y2=\"10\" stroke=\"#bbb\" stroke-dasharray=\"4\"/>"
                + "<text x=\"30\" y=\"250\" font-size=\"10\">predicted 0 .. 1 (x), observed (y)</text>");
        StringBuilder path = new StringBuilder();
        for (JsonNode b : bins) {
            double x = 30 + 220 * b.path("mean_predicted").asDouble();
            double y = 230 - 220 * b.path("observed").asDouble();
            path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#36c\"><title>%d rows"
                    + "</title></circle>", x, y, b.path("count").asInt()));
        }
        return s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#36c\"/></svg>").toString();
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
