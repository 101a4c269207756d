package com.quantumtrader.api.routes;

import com.quantumtrader.api.routes.admin.AdminRoutes;
import com.quantumtrader.api.http.ApiRequest;
import com.quantumtrader.api.http.ApiResponse;
import com.quantumtrader.api.routes.health.HealthRoutes;
import com.quantumtrader.api.http.HttpRoute;
import com.quantumtrader.api.http.Problem;
import com.quantumtrader.api.http.ProblemException;
import com.quantumtrader.api.routes.models.ModelRoutes;
import com.quantumtrader.api.routes.trading.TradingRoutes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the route of a request among the groups this process serves and turns every failure into problem
 * details: 404 for a path outside them, 405 (with {@code Allow}) for a known path and another method, the route's
 * own problem for bad input, 500 without internals for anything unexpected.
 */
public final class ApiRouter {

    private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);

    private final Set<RouteGroup> groups;
    private final List<HttpRoute> routes;

    public ApiRouter(Set<RouteGroup> groups, List<HttpRoute> routes) {
        this.groups = Set.copyOf(groups);
        this.routes = List.copyOf(routes);
    }

    /** The routes of the given groups only. */
    public static ApiRouter serving(Set<RouteGroup> groups, ApiServices services) {
        List<HttpRoute> routes = new ArrayList<>();
        if (groups.contains(RouteGroup.HEALTH)) {
            routes.addAll(new HealthRoutes(services.health()).routes());
        }
        if (groups.contains(RouteGroup.TRADING)) {
            routes.addAll(new TradingRoutes(services.trading()).routes());
            routes.addAll(new ModelRoutes(services.models()).routes());
        }
        if (groups.contains(RouteGroup.ADMIN)) {
            routes.addAll(new AdminRoutes(services.policy(), services.commands()).routes());
        }
        return new ApiRouter(groups, routes);
    }

    public ApiResponse handle(ApiRequest request) {
        try {
            return dispatch(request);
        } catch (ProblemException e) {
            return e.problem().at(request.path()).response();
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", request.method(), request.path(), e);
            return Problem.of(500, "internal", "Internal error",
                    "the request could not be completed; the error is logged").at(request.path()).response();
        }
    }

    private ApiResponse dispatch(ApiRequest request) {
        if (groups.stream().noneMatch(group -> group.owns(request.path()))) {
            throw notFound(request);
        }
        Set<String> allowed = new TreeSet<>();
        for (HttpRoute route : routes) {
            Optional<Map<String, String>> variables = route.match(request.path());
            if (variables.isEmpty()) {
                continue;
            }
            if (route.method().equals(request.method())) {
                return route.action().apply(request, variables.get());
            }
            allowed.add(route.method());
        }
        if (allowed.isEmpty()) {
            throw notFound(request);
        }
        Problem problem = Problem.of(405, "method-not-allowed", "Method not allowed",
                request.method() + " is not allowed on " + request.path() + "; allowed: " + allowed);
        return problem.at(request.path()).response().withHeader("Allow", String.join(", ", allowed));
    }

    private static ProblemException notFound(ApiRequest request) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", "no route for " + request.path()));
    }
}
