package com.quantumtrader.api.routes.trading;

import com.quantumtrader.api.http.ApiRequest;
import com.quantumtrader.api.http.ApiResponse;
import com.quantumtrader.api.http.HttpRoute;
import com.quantumtrader.api.http.Problem;
import com.quantumtrader.api.http.ProblemException;
import com.quantumtrader.api.readmodel.TradingView;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The read-only trading routes, served from the {@link TradingView}. */
public final class TradingRoutes {

    static final int DEFAULT_TRADES = 50;

    private final TradingView view;

    public TradingRoutes(TradingView view) {
        this.view = view;
    }

    public List<HttpRoute> routes() {
        return List.of(
                new HttpRoute("GET", "/trading/positions", (request, variables) ->
                        ApiResponse.json(200, Map.of("positions", view.openPositions()))),
                new HttpRoute("GET", "/trading/orders", (request, variables) ->
                        ApiResponse.json(200, Map.of("orders", view.openOrders()))),
                new HttpRoute("GET", "/trading/trades", (request, variables) ->
                        ApiResponse.json(200, Map.of("trades", view.recentTrades(limit(request))))),
                new HttpRoute("GET", "/trading/performance", (request, variables) -> view.performance()
                        .map(snapshot -> ApiResponse.json(200, snapshot))
                        .orElseThrow(() -> new ProblemException(Problem.of(404, "no-performance-yet",
                                "No performance snapshot yet", "portfolio has not published one since the API started")))),
                new HttpRoute("GET", "/trading/traces/{trace_id}", (request, variables) -> {
                    String traceId = variables.get("trace_id");
                    List<JsonNode> events = view.trace(traceId).orElseThrow(() -> new ProblemException(Problem.of(
                            404, "unknown-trace", "Unknown trace", "no event of trace " + traceId
                                    + " among the last " + TradingView.TRACES + " traces")));
                    return ApiResponse.json(200, Map.of("trace_id", traceId, "events", events));
                }));
    }

    private static int limit(ApiRequest request) {
        String text = request.queryParameter("limit").orElse(Integer.toString(DEFAULT_TRADES));
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= TradingView.RECENT_TRADES) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ProblemException(Problem.of(400, "invalid-parameter", "Invalid parameter",
                "limit must be an integer 1.." + TradingView.RECENT_TRADES + ", got '" + text + "'")
                .with("parameter", "limit"));
    }
}
