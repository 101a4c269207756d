package com.quantumtrader.api.routes.admin;

import com.quantumtrader.api.http.ApiRequest;
import com.quantumtrader.api.http.ApiResponse;
import com.quantumtrader.api.http.HttpRoute;
import com.quantumtrader.api.http.Problem;
import com.quantumtrader.api.http.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.policy.PolicyConflictException;
import com.quantumtrader.core.policy.PolicyDocument;
import com.quantumtrader.core.policy.PolicyStore;
import com.quantumtrader.core.policy.PolicyValidationException;
import com.quantumtrader.core.policy.PolicyValidator;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.os.OperatorCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's routes: read the policy, change it with a JSON merge patch against an expected version, read its
 * audit history, and send the safety commands. Every change carries the caller's identity: the policy store writes
 * it into the audit entry, the command event carries it to risk & safety.
 */
public final class AdminRoutes {

    static final int DEFAULT_AUDIT_ENTRIES = 50;
    static final int MAX_REASON_LENGTH = 500;

    private final PolicyStore policy;
    private final OperatorCommands commands;

    public AdminRoutes(PolicyStore policy, OperatorCommands commands) {
        this.policy = policy;
        this.commands = commands;
    }

    public List<HttpRoute> routes() {
        return List.of(
                new HttpRoute("GET", "/admin/policy", (request, variables) -> document(200, policy.document())),
                new HttpRoute("PATCH", "/admin/policy", (request, variables) -> patch(request)),
                new HttpRoute("GET", "/admin/policy/audit", (request, variables) ->
                        ApiResponse.json(200, Map.of("entries", policy.history(auditLimit(request))))),
                new HttpRoute("POST", "/admin/emergency-stop", (request, variables) ->
                        command(request, OperatorCommand.Kind.EMERGENCY_STOP)),
                new HttpRoute("POST", "/admin/emergency-stop/reset", (request, variables) ->
                        command(request, OperatorCommand.Kind.EMERGENCY_RESET)),
                new HttpRoute("POST", "/admin/circuit-breaker/reset", (request, variables) ->
                        command(request, OperatorCommand.Kind.CIRCUIT_BREAKER_RESET)));
    }

    private ApiResponse patch(ApiRequest request) {
        String contentType = request.header("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/merge-patch+json") && !contentType.startsWith("application/json")) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "send the patch as application/merge-patch+json (RFC 7396), got '" + contentType + "'"));
        }
        long expectedVersion = expectedVersion(request);
        JsonNode mergePatch = json(request.body());
        try {
            return document(200, policy.patch(mergePatch, expectedVersion, request.actor()));
        } catch (PolicyConflictException e) {
            throw new ProblemException(Problem.of(409, "policy-version-conflict", "Policy version conflict",
                    e.getMessage())
                    .with("expected_version", e.expectedVersion())
                    .with("current_version", e.currentVersion()));
        } catch (PolicyValidationException e) {
            throw new ProblemException(Problem.of(400, "invalid-policy", "Invalid policy",
                    "the patched policy is invalid (" + e.problems().size() + " problems); nothing was changed")
                    .with("errors", e.problems()));
        }
    }

    /** From {@code ?expected_version=N} or {@code If-Match: "N"}; required, so no write is blind. */
    private static long expectedVersion(ApiRequest request) {
        Optional<String> text = request.queryParameter("expected_version")
                .or(() -> request.header("if-match").map(tag -> tag.replace("W/", "").replace("\"", "").trim()));
        if (text.isEmpty()) {
            throw new ProblemException(Problem.of(428, "expected-version-required", "Expected version required",
                    "name the policy version the patch applies to: ?expected_version=N or If-Match: \"N\""));
        }
        try {
            long version = Long.parseLong(text.get());
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ProblemException(Problem.of(400, "invalid-parameter", "Invalid parameter",
                "expected_version must be a positive integer, got '" + text.get() + "'")
                .with("parameter", "expected_version"));
    }

    private ApiResponse command(ApiRequest request, OperatorCommand.Kind kind) {
        JsonNode body = request.body().isBlank() ? EventJson.mapper().createObjectNode() : json(request.body());
        String reason = body.path("reason").asText("").trim();
        if (reason.isEmpty() || reason.length() > MAX_REASON_LENGTH) {
            throw new ProblemException(Problem.of(400, "invalid-body", "Invalid body",
                    "a command needs a \"reason\" of 1.." + MAX_REASON_LENGTH + " characters")
                    .with("errors", List.of("reason: required, 1.." + MAX_REASON_LENGTH + " characters")));
        }
        BusEvent event = commands.send(kind, reason, request.actor());
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("command", kind.name());
        accepted.put("command_id", event.envelope().payload().path("command_id").asText());
        accepted.put("event_id", event.eventId());
        accepted.put("trace_id", event.traceId());
        accepted.put("requested_by", request.actor());
        accepted.put("status", "sent to risk_safety, which carries it out and audits it");
        return ApiResponse.json(202, accepted);
    }

    private static ApiResponse document(int status, PolicyDocument document) {
        return ApiResponse.json(status, document).withHeader("ETag", "\"" + document.version() + "\"");
    }

    private static int auditLimit(ApiRequest request) {
        String text = request.queryParameter("limit").orElse(Integer.toString(DEFAULT_AUDIT_ENTRIES));
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= PolicyStore.AUDIT_CAPACITY) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ProblemException(Problem.of(400, "invalid-parameter", "Invalid parameter",
                "limit must be an integer 1.." + PolicyStore.AUDIT_CAPACITY + ", got '" + text + "'")
                .with("parameter", "limit"));
    }

    /** Strict: a key given twice or text after the object is refused, never silently resolved. */
    private static JsonNode json(String body) {
        JsonNode node;
        try {
            node = PolicyValidator.readStrictly(body, "the body");
        } catch (PolicyValidationException e) {
            throw ProblemException.badRequest(String.join("; ", e.problems()));
        }
        if (!node.isObject()) {
            throw ProblemException.badRequest("the body must be a JSON object");
        }
        return node;
    }
}
