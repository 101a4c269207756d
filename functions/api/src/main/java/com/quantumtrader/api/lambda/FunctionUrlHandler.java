package com.quantumtrader.api.lambda;

import com.quantumtrader.api.http.ApiRequest;
import com.quantumtrader.api.http.ApiResponse;
import com.quantumtrader.api.routes.ApiRouter;
import com.quantumtrader.api.http.Problem;
import com.quantumtrader.api.routes.RouteGroup;
import com.quantumtrader.api.readmodel.TradingProjection;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quantumtrader.core.lambda.EventPublisher;
import com.quantumtrader.core.lambda.LambdaEnvironment;
import com.quantumtrader.core.lambda.SnapStartHooks;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Lambda behind the health, trading and admin function URLs (payload format 2.0, the API Gateway v2 HTTP event
 * shape). The URLs use {@code AWS_IAM} auth, so Lambda only sees signed requests; the caller's IAM principal
 * ({@code requestContext.authorizer.iam.userArn}) is the actor of every change. Each function serves the one route
 * group its {@value RouteGroup#VARIABLE} variable pins.
 */
public final class FunctionUrlHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** A path no group owns: priming routes it to exercise request, routing and problem rendering, and nothing else. */
    static final String PRIMING_PATH = "/snapstart/priming";

    private final Reopenable<ApiRuntime> runtime;

    /**
     * The Lambda runtime's constructor: wires the pinned route group from the environment, connects to Redis, and
     * registers the SnapStart hooks (prime, close Redis before the checkpoint, reopen it after the restore).
     */
    public FunctionUrlHandler() {
        this(System.getenv());
        hooks().register();
    }

    private FunctionUrlHandler(Map<String, String> environment) {
        this(pinned(environment), ApiRuntime.required(environment, LambdaEnvironment.REDIS_URL), Clock.systemUTC(),
                ApiRuntime.eventBridgePublisher(environment));
    }

    FunctionUrlHandler(Set<RouteGroup> groups, String redisUrl, Clock clock, EventPublisher publisher) {
        this.runtime = new Reopenable<>(() -> ApiRuntime.open(groups, redisUrl, clock, publisher));
        runtime.get();
    }

    /** Serves a router built by the caller (tests): nothing to close or reopen. */
    FunctionUrlHandler(ApiRouter router) {
        this.runtime = new Reopenable<>(() -> new ApiRuntime(router, null, () -> { }));
    }

    /** SnapStart's hooks of this function (registered by the Lambda constructor; tests call them directly). */
    SnapStartHooks hooks() {
        return new SnapStartHooks("function URL", this::prime, runtime::close, runtime::reopen);
    }

    boolean connected() {
        return runtime.isOpen();
    }

    private void prime() {
        APIGatewayV2HTTPEvent request = APIGatewayV2HTTPEvent.builder()
                .withRawPath(PRIMING_PATH)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET")
                                .withPath(PRIMING_PATH).build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withIam(APIGatewayV2HTTPEvent.RequestContext.IAM.builder()
                                        .withUserArn("snapstart-priming").build())
                                .build())
                        .build())
                .build();
        int status = handleRequest(request, null).getStatusCode();
        if (status != 404) {
            throw new IllegalStateException("priming request to " + PRIMING_PATH + " answered " + status + ", not 404");
        }
        TradingProjection.prime(); // the trading view's JSON path, on a scratch in-memory store
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String path = Optional.ofNullable(event.getRawPath()).orElse("/");
        Optional<String> actor = principal(event);
        ApiResponse response;
        if (actor.isEmpty()) {
            // unreachable behind AWS_IAM; refuse rather than act for nobody if the URL's auth was ever changed
            response = Problem.of(401, "unauthenticated", "Unauthenticated",
                    "the request carries no IAM principal; the function URL must use AWS_IAM auth").at(path).response();
        } else {
            response = runtime.get().router().handle(new ApiRequest(method(event), path,
                    orEmpty(event.getQueryStringParameters()), lowerCase(event.getHeaders()), body(event), actor.get()));
        }
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.put("Content-Type", response.contentType());
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(headers)
                .withBody(response.body())
                .withIsBase64Encoded(false)
                .build();
    }

    static Optional<String> principal(APIGatewayV2HTTPEvent event) {
        return Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getIam)
                .map(iam -> iam.getUserArn() != null ? iam.getUserArn() : iam.getUserId())
                .filter(principal -> !principal.isBlank());
    }

    private static String method(APIGatewayV2HTTPEvent event) {
        return Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2HTTPEvent.RequestContext::getHttp)
                .map(APIGatewayV2HTTPEvent.RequestContext.Http::getMethod)
                .orElse("GET");
    }

    private static String body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null || !event.getIsBase64Encoded()) {
            return body;
        }
        return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    private static Map<String, String> lowerCase(Map<String, String> headers) {
        Map<String, String> lower = new LinkedHashMap<>();
        orEmpty(headers).forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        return lower;
    }

    static Set<RouteGroup> pinned(Map<String, String> environment) {
        return Set.of(RouteGroup.fromId(environment.get(RouteGroup.VARIABLE)));
    }
}
