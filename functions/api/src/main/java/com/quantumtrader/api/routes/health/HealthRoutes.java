package com.quantumtrader.api.routes.health;

import com.quantumtrader.api.http.ApiResponse;
import com.quantumtrader.api.http.HttpRoute;
import com.quantumtrader.core.health.HealthChecker;
import com.quantumtrader.core.health.HealthReport;
import com.quantumtrader.core.health.HealthStatus;
import java.util.List;

/** {@code GET /health}: the aggregated report; 200 while the platform works (even degraded), 503 when it is down. */
public final class HealthRoutes {

    private final HealthChecker checker;

    public HealthRoutes(HealthChecker checker) {
        this.checker = checker;
    }

    public List<HttpRoute> routes() {
        return List.of(new HttpRoute("GET", "/health", (request, variables) -> report()));
    }

    private ApiResponse report() {
        HealthReport report = checker.report();
        return ApiResponse.json(report.status() == HealthStatus.DOWN ? 503 : 200, report)
                .withHeader("Cache-Control", "no-store");
    }
}
