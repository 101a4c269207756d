package com.quantumtrader.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventType;
import com.quantumtrader.events.Route;
import com.quantumtrader.events.RoutingTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;
import software.amazon.event.ruler.Machine;

/** What the synthesized CloudFormation template promises, read back from the template itself. */
class QuantumTraderStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RoutingTable ROUTING = RoutingTable.standard();
    private static final List<ScheduledJob> JOBS = ScheduledJob.discover();

    private static Template template;
    private static JsonNode resources;

    @BeforeAll
    static void synthesizeOnce() throws Exception {
        template = CdkSynthesis.synthesize();
        resources = JSON.valueToTree(template.toJSON()).path("Resources");
    }

    @Test
    void every_routing_entry_has_exactly_one_rule_with_exactly_its_pattern() {
        List<String> described = new ArrayList<>();
        for (JsonNode rule : ofType("AWS::Events::Rule")) {
            String description = rule.path("Properties").path("Description").asText();
            if (description.startsWith("route ")) {
                described.add(description.substring("route ".length()));
            }
        }
        assertThat(described).containsExactlyInAnyOrderElementsOf(
                ROUTING.routes().stream().map(Route::handler).toList());

        for (Route route : ROUTING.routes()) {
            assertThat(patternOf(route)).as("pattern of %s", route.handler()).isEqualTo(route.pattern());
        }
    }

    @Test
    void each_rule_pattern_matches_its_own_events_and_no_other_catalog_event() throws Exception {
        for (Route route : ROUTING.routes()) {
            Machine machine = new Machine();
            machine.addRule(route.handler(), patternOf(route).toString());
            Set<String> matched = new TreeSet<>();
            for (EventType<?> type : EventCatalog.all()) {
                if (!machine.rulesForJSONEvent(sampleEvent(type)).isEmpty()) {
                    matched.add(type.name());
                }
            }
            Set<String> expected = new TreeSet<>();
            route.pattern().path("detail-type").forEach(name -> expected.add(name.asText()));
            assertThat(matched).as("catalog events matched by the rule of %s", route.handler()).isEqualTo(expected);
        }
    }

    @Test
    void the_execution_domain_is_queued_for_the_service_and_every_other_route_invokes_its_own_alias() {
        String queue = logicalId("AWS::SQS::Queue", "ExecutionQueue");
        Set<String> lambdaTargets = new HashSet<>();
        for (Route route : ROUTING.routes()) {
            JsonNode target = ruleOf(route).path("Properties").path("Targets").get(0);
            if (route.domain() == Domain.EXECUTION) {
                assertThat(target.path("Arn").path("Fn::GetAtt").get(0).asText()).as(route.handler())
                        .isEqualTo(queue);
            } else {
                String alias = target.path("Arn").path("Ref").asText();
                assertThat(resources.path(alias).path("Type").asText()).as(route.handler())
                        .isEqualTo("AWS::Lambda::Alias");
                assertThat(resources.path(alias).path("Properties").path("Name").asText())
                        .isEqualTo(QuantumTraderStack.ALIAS);
                lambdaTargets.add(alias);
            }
        }
        long lambdaRoutes = ROUTING.routes().stream().filter(r -> r.domain() != Domain.EXECUTION).count();
        assertThat(lambdaTargets).hasSize((int) lambdaRoutes);
    }

    @Test
    void every_rule_target_has_a_dead_letter_queue_and_a_bounded_retry_policy() {
        List<JsonNode> rules = ofType("AWS::Events::Rule");
        // + the emergency-stop notification
        assertThat(rules).hasSize(ROUTING.routes().size() + JOBS.size() + 1);
        for (JsonNode rule : rules) {
            for (JsonNode target : rule.path("Properties").path("Targets")) {
                String dlq = target.path("DeadLetterConfig").path("Arn").path("Fn::GetAtt").get(0).asText();
                assertThat(resources.path(dlq).path("Type").asText()).isEqualTo("AWS::SQS::Queue");
                assertThat(target.path("RetryPolicy").path("MaximumRetryAttempts").asInt())
                        .isEqualTo(QuantumTraderStack.RULE_RETRY_ATTEMPTS);
                assertThat(target.path("RetryPolicy").path("MaximumEventAgeInSeconds").asInt())
                        .isEqualTo(2 * 3600);
            }
        }
    }

    @Test
    void the_domains_periodic_jobs_are_read_from_the_modules_themselves() {
        assertThat(JOBS).extracting(ScheduledJob::name)
                .contains("portfolio_performance", "balance_allocation", "liquidity_ranking", "stuck_trade_watch")
                .doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(ROUTING.routes().stream().map(Route::handler).toList());
        assertThat(JOBS).noneMatch(job -> job.domain() == QuantumTraderStack.QUEUED_DOMAIN);
    }

    @Test
    void every_periodic_job_has_one_schedule_at_its_period_invoking_its_own_function() {
        Map<String, String> expressions = new java.util.TreeMap<>();
        for (JsonNode rule : ofType("AWS::Events::Rule")) {
            JsonNode properties = rule.path("Properties");
            if (properties.has("ScheduleExpression")) {
                expressions.put(properties.path("Description").asText(), properties.path("ScheduleExpression").asText());
                assertThat(properties.has("EventBusName")).as("a schedule fires on the default bus").isFalse();
            }
        }
        Map<String, String> expected = new java.util.TreeMap<>();
        JOBS.forEach(job -> expected.put(QuantumTraderStack.scheduleDescription(job.name()), rate(job.rateMinutes())));
        assertThat(expressions).isEqualTo(expected);
        assertThat(expressions)
                .containsEntry("schedule portfolio_performance", "rate(1 hour)")
                .containsEntry("schedule liquidity_ranking", "rate(1 day)")
                .containsEntry("schedule stuck_trade_watch", "rate(1 minute)");

        for (ScheduledJob job : JOBS) {
            JsonNode rule = ofType("AWS::Events::Rule").stream()
                    .filter(r -> r.path("Properties").path("Description").asText()
                            .equals(QuantumTraderStack.scheduleDescription(job.name())))
                    .findFirst().orElseThrow();
            JsonNode targets = rule.path("Properties").path("Targets");
            assertThat(targets).hasSize(1);
            String alias = targets.get(0).path("Arn").path("Ref").asText();
            assertThat(resources.path(alias).path("Type").asText()).isEqualTo("AWS::Lambda::Alias");
            assertThat(resources.path(alias).path("Properties").path("Name").asText()).isEqualTo(QuantumTraderStack.ALIAS);
            String function = resources.path(alias).path("Properties").path("FunctionName").path("Ref").asText();
            JsonNode variables = resources.path(function).path("Properties").path("Environment").path("Variables");
            assertThat(variables.path("SPRING_CLOUD_FUNCTION_DEFINITION").asText()).isEqualTo(job.name());
            assertThat(variables.path("MAIN_CLASS").asText()).isEqualTo(QuantumTraderStack.LAMBDA_MAIN_CLASS);
            String dlq = targets.get(0).path("DeadLetterConfig").path("Arn").path("Fn::GetAtt").get(0).asText();
            assertThat(dlq).startsWith(QuantumTraderStack.pascal(job.domain().id()) + "DeadLetters");
        }
    }

    @Test
    void only_the_signal_function_primes_the_model_driven_champion_at_snapstart() {
        Map<String, String> slotsByDefinition = new java.util.TreeMap<>();
        for (JsonNode function : ofType("AWS::Lambda::Function")) {
            JsonNode variables = function.path("Properties").path("Environment").path("Variables");
            if (variables.has(QuantumTraderStack.MODEL_SLOTS_VARIABLE)) {
                slotsByDefinition.put(variables.path("SPRING_CLOUD_FUNCTION_DEFINITION").asText(),
                        variables.path(QuantumTraderStack.MODEL_SLOTS_VARIABLE).asText());
            }
        }
        assertThat(slotsByDefinition).containsExactly(Map.entry("signal_orchestrator", "model_driven"));
    }

    @Test
    void the_execution_queue_redrives_to_its_dead_letter_queue() {
        JsonNode redrive = resources.path(logicalId("AWS::SQS::Queue", "ExecutionQueue"))
                .path("Properties").path("RedrivePolicy");
        assertThat(redrive.path("maxReceiveCount").asInt()).isEqualTo(QuantumTraderStack.EXECUTION_MAX_RECEIVES);
        assertThat(redrive.path("deadLetterTargetArn").path("Fn::GetAtt").get(0).asText())
                .isEqualTo(logicalId("AWS::SQS::Queue", "ExecutionDeadLetters"));
    }

    @Test
    void every_function_uses_snapstart_on_published_versions_behind_an_alias_and_names_its_definition() {
        List<JsonNode> functions = ofType("AWS::Lambda::Function");
        long lambdaRoutes = ROUTING.routes().stream().filter(r -> r.domain() != Domain.EXECUTION).count();
        assertThat(functions).hasSize((int) lambdaRoutes + JOBS.size() + QuantumTraderStack.API_ROUTE_GROUPS.size());
        assertThat(ofType("AWS::Lambda::Alias")).hasSize(functions.size());
        Set<String> definitions = new HashSet<>();
        for (JsonNode function : functions) {
            JsonNode properties = function.path("Properties");
            assertThat(properties.path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
            assertThat(properties.path("Runtime").asText()).isEqualTo("java21");
            assertThat(properties.path("VpcConfig").path("SubnetIds").size()).isEqualTo(2);
            JsonNode variables = properties.path("Environment").path("Variables");
            assertThat(variables.has("REDIS_URL")).isTrue();
            String definition;
            if (variables.has("SPRING_CLOUD_FUNCTION_DEFINITION")) {
                definition = variables.path("SPRING_CLOUD_FUNCTION_DEFINITION").asText();
            } else if (variables.has(QuantumTraderStack.HANDLER_VARIABLE)) {
                definition = variables.path(QuantumTraderStack.HANDLER_VARIABLE).asText();
            } else {
                definition = "api:" + variables.path("API_ROUTES").asText();
            }
            // only the read model publishes nothing: every other function may put events on the bus
            assertThat(variables.has("EVENT_BUS_NAME")).as(definition)
                    .isEqualTo(!definition.equals("trading_projection"));
            definitions.add(definition);
        }
        assertThat(definitions).hasSize(functions.size()); // no two functions serve the same definition
    }

    @Test
    void the_trading_read_model_is_its_own_api_lambda_that_may_not_publish() {
        Route projection = ROUTING.require("trading_projection");
        assertThat(projection.module()).isEqualTo("api");
        String alias = ruleOf(projection).path("Properties").path("Targets").get(0).path("Arn").path("Ref").asText();
        String function = resources.path(alias).path("Properties").path("FunctionName").path("Ref").asText();
        JsonNode properties = resources.path(function).path("Properties");

        assertThat(properties.path("Handler").asText()).isEqualTo("com.quantumtrader.api.lambda.TradingProjectionHandler::handleRequest");
        assertThat(properties.path("Code").toString()).as("the api module's code, not core OS's")
                .isEqualTo(codeOfApiUrlFunction());
        assertThat(properties.path("Environment").path("Variables").path("QT_HANDLER").asText())
                .isEqualTo("trading_projection");
        String role = properties.path("Role").path("Fn::GetAtt").get(0).asText();
        List<String> actions = new ArrayList<>();
        for (JsonNode policy : ofType("AWS::IAM::Policy")) {
            boolean attached = false;
            for (JsonNode attachedRole : policy.path("Properties").path("Roles")) {
                attached |= attachedRole.path("Ref").asText().equals(role);
            }
            if (attached) {
                policy.path("Properties").path("PolicyDocument").path("Statement").forEach(statement -> {
                    JsonNode action = statement.path("Action");
                    if (action.isArray()) {
                        action.forEach(a -> actions.add(a.asText()));
                    } else {
                        actions.add(action.asText());
                    }
                });
            }
        }
        assertThat(actions).as("its only grants: dead-lettering a failed delivery, connecting to the cache")
                .containsOnly("sqs:SendMessage", "elasticache:Connect");
        String dlq = ruleOf(projection).path("Properties").path("Targets").get(0).path("DeadLetterConfig")
                .path("Arn").path("Fn::GetAtt").get(0).asText();
        assertThat(dlq).startsWith("CoreOsDeadLetters");
    }

    private static String codeOfApiUrlFunction() {
        return ofType("AWS::Lambda::Function").stream()
                .filter(f -> f.path("Properties").path("Environment").path("Variables").has("API_ROUTES"))
                .findFirst().orElseThrow().path("Properties").path("Code").toString();
    }

    @Test
    void every_api_lambda_handler_names_a_class_of_the_api_module() {
        // the handler is a string in the template: a moved or renamed class would only fail at the first invocation
        Path apiSources = Path.of("..", "functions", "api", "src", "main", "java");
        List<String> apiHandlers = new ArrayList<>();
        for (JsonNode function : ofType("AWS::Lambda::Function")) {
            String handler = function.path("Properties").path("Handler").asText();
            if (handler.startsWith("com.quantumtrader.api.")) {
                apiHandlers.add(handler);
                String className = handler.substring(0, handler.indexOf("::"));
                assertThat(apiSources.resolve(className.replace('.', '/') + ".java")).as(handler).isRegularFile();
            }
        }
        assertThat(apiHandlers).as("the three URL functions and the trading read model")
                .hasSize(QuantumTraderStack.API_ROUTE_GROUPS.size() + 1);
    }

    @Test
    void the_three_function_urls_require_iam_auth() {
        List<JsonNode> urls = ofType("AWS::Lambda::Url");
        assertThat(urls).hasSize(3);
        for (JsonNode url : urls) {
            assertThat(url.path("Properties").path("AuthType").asText()).isEqualTo("AWS_IAM");
            assertThat(url.path("Properties").path("Qualifier").asText()).isEqualTo(QuantumTraderStack.ALIAS);
        }
        template.hasResourceProperties("AWS::Lambda::Function", Map.of("Environment",
                Map.of("Variables", Map.of("API_ROUTES", "admin"))));
    }

    @Test
    void the_execution_service_never_runs_two_tasks() {
        List<JsonNode> services = ofType("AWS::ECS::Service");
        assertThat(services).hasSize(1);
        JsonNode properties = services.get(0).path("Properties");
        assertThat(properties.path("DesiredCount").asInt()).isEqualTo(1);
        assertThat(properties.path("DeploymentConfiguration").path("MaximumPercent").asInt()).isEqualTo(100);
        assertThat(properties.path("DeploymentConfiguration").path("MinimumHealthyPercent").asInt()).isZero();
        assertThat(properties.path("LaunchType").asText()).isEqualTo("FARGATE");
    }

    @Test
    void the_exchange_keys_reach_the_container_from_secrets_manager_only() {
        JsonNode container = ofType("AWS::ECS::TaskDefinition").get(0).path("Properties")
                .path("ContainerDefinitions").get(0);
        Set<String> secrets = new TreeSet<>();
        container.path("Secrets").forEach(secret -> secrets.add(secret.path("Name").asText()));
        assertThat(secrets).containsExactly("BINANCE_API_KEY", "BINANCE_API_SECRET");
        container.path("Environment").forEach(variable ->
                assertThat(variable.path("Name").asText()).doesNotContain("KEY", "SECRET"));
        Map<String, JsonNode> environment = new java.util.TreeMap<>();
        container.path("Environment").forEach(variable -> environment.put(variable.path("Name").asText(),
                variable.path("Value")));
        assertThat(environment.get("EXECUTION_INTAKE").asText()).as("it polls the execution queue").isEqualTo("sqs");
        assertThat(environment.get("EXECUTION_EXCHANGE").asText()).as("it trades on Binance").isEqualTo("binance");
        assertThat(environment).containsKeys("EXECUTION_QUEUE_URL", "REDIS_URL", "EVENT_BUS_NAME", "BINANCE_NETWORK");
    }

    @Test
    void no_iam_policy_statement_allows_every_action() {
        List<String> actions = new ArrayList<>();
        resources.forEach(resource -> {
            JsonNode properties = resource.path("Properties");
            List<JsonNode> documents = new ArrayList<>();
            documents.add(properties.path("PolicyDocument"));
            documents.add(properties.path("AssumeRolePolicyDocument"));
            properties.path("Policies").forEach(policy -> documents.add(policy.path("PolicyDocument")));
            for (JsonNode document : documents) {
                for (JsonNode statement : document.path("Statement")) {
                    JsonNode action = statement.path("Action");
                    if (action.isArray()) {
                        action.forEach(a -> actions.add(a.asText()));
                    } else if (!action.isMissingNode()) {
                        actions.add(action.asText());
                    }
                }
            }
        });
        assertThat(actions).isNotEmpty();
        assertThat(actions).noneMatch(action -> action.equals("*") || action.endsWith(":*"));
        assertThat(ofType("AWS::IAM::Role")).allSatisfy(role ->
                assertThat(role.path("Properties").path("Policies").isMissingNode()).isTrue());
    }

    @Test
    void only_the_lambdas_and_the_execution_service_reach_the_cache() {
        String cacheGroup = logicalId("AWS::EC2::SecurityGroup", "CacheSecurityGroup");
        Set<String> sources = new TreeSet<>();
        for (JsonNode ingress : ofType("AWS::EC2::SecurityGroupIngress")) {
            JsonNode properties = ingress.path("Properties");
            if (properties.path("GroupId").path("Fn::GetAtt").get(0).asText().equals(cacheGroup)) {
                sources.add(properties.path("SourceSecurityGroupId").path("Fn::GetAtt").get(0).asText());
                assertThat(properties.path("FromPort").asInt()).isEqualTo(6379);
                assertThat(properties.path("ToPort").asInt()).isEqualTo(6380);
            }
        }
        assertThat(sources).containsExactlyInAnyOrder(logicalId("AWS::EC2::SecurityGroup", "LambdaSecurityGroup"),
                logicalId("AWS::EC2::SecurityGroup", "ExecutionServiceSecurityGroup"));
        assertThat(resources.path(cacheGroup).path("Properties").has("SecurityGroupIngress")).isFalse();
        template.hasResourceProperties("AWS::ElastiCache::ServerlessCache", Map.of("Engine", "valkey"));
        assertThat(ofType("AWS::EC2::NatGateway")).isEmpty();
    }

    @Test
    void alarms_watch_every_dead_letter_queue_every_function_and_emergency_stops_notify_operators() {
        Set<String> watchedQueues = new HashSet<>();
        Set<String> watchedFunctions = new HashSet<>();
        for (JsonNode alarm : ofType("AWS::CloudWatch::Alarm")) {
            JsonNode properties = alarm.path("Properties");
            assertThat(properties.path("AlarmActions")).hasSize(1);
            for (JsonNode dimension : properties.path("Dimensions")) {
                JsonNode value = dimension.path("Value");
                switch (dimension.path("Name").asText()) {
                    case "QueueName" -> watchedQueues.add(value.path("Fn::GetAtt").get(0).asText());
                    case "FunctionName" -> watchedFunctions.add(value.path("Ref").asText());
                    default -> { }
                }
            }
        }
        Set<String> deadLetterQueues = new HashSet<>();
        resources.fieldNames().forEachRemaining(id -> {
            if (resources.path(id).path("Type").asText().equals("AWS::SQS::Queue") && id.contains("DeadLetters")) {
                deadLetterQueues.add(id);
            }
        });
        assertThat(watchedQueues).isEqualTo(deadLetterQueues);
        assertThat(watchedFunctions).hasSize(ofType("AWS::Lambda::Function").size());

        JsonNode emergency = ofType("AWS::Events::Rule").stream()
                .filter(rule -> rule.path("Properties").path("Description").asText().startsWith("notify operators"))
                .findFirst().orElseThrow();
        assertThat(emergency.path("Properties").path("EventPattern").path("detail-type").get(0).asText())
                .isEqualTo(EventCatalog.SAFETY_EMERGENCY_TRIGGERED.name());
        String topic = emergency.path("Properties").path("Targets").get(0).path("Arn").path("Ref").asText();
        assertThat(resources.path(topic).path("Type").asText()).isEqualTo("AWS::SNS::Topic");
    }

    @Test
    void asynchronous_retries_are_configured_on_the_alias_the_rules_invoke_not_on_latest() {
        List<JsonNode> configs = ofType("AWS::Lambda::EventInvokeConfig");
        assertThat(configs).hasSize(ofType("AWS::Lambda::Function").size());
        for (JsonNode config : configs) {
            JsonNode properties = config.path("Properties");
            // the alias's name, read from its ARN: arn:aws:lambda:region:account:function:name:ALIAS
            JsonNode qualifier = properties.path("Qualifier").path("Fn::Select");
            assertThat(qualifier.get(0).asInt()).isEqualTo(7);
            String alias = qualifier.get(1).path("Fn::Split").get(1).path("Ref").asText();
            assertThat(resources.path(alias).path("Type").asText()).isEqualTo("AWS::Lambda::Alias");
            assertThat(resources.path(alias).path("Properties").path("Name").asText())
                    .isEqualTo(QuantumTraderStack.ALIAS);
            assertThat(properties.path("MaximumRetryAttempts").asInt())
                    .isEqualTo(QuantumTraderStack.ASYNC_RETRY_ATTEMPTS);
            assertThat(properties.path("MaximumEventAgeInSeconds").asInt()).isEqualTo(3600);
        }
    }

    @Test
    void the_execution_service_may_only_reach_https_and_the_cache() {
        String serviceGroup = logicalId("AWS::EC2::SecurityGroup", "ExecutionServiceSecurityGroup");
        List<String> egress = new ArrayList<>();
        resources.path(serviceGroup).path("Properties").path("SecurityGroupEgress").forEach(rule ->
                egress.add(rule.path("CidrIp").asText() + ":" + rule.path("FromPort").asInt() + "-"
                        + rule.path("ToPort").asInt()));
        for (JsonNode rule : ofType("AWS::EC2::SecurityGroupEgress")) {
            JsonNode properties = rule.path("Properties");
            if (properties.path("GroupId").path("Fn::GetAtt").get(0).asText().equals(serviceGroup)) {
                egress.add(properties.path("DestinationSecurityGroupId").path("Fn::GetAtt").get(0).asText() + ":"
                        + properties.path("FromPort").asInt() + "-" + properties.path("ToPort").asInt());
            }
        }
        assertThat(egress).containsExactlyInAnyOrder("0.0.0.0/0:443-443",
                logicalId("AWS::EC2::SecurityGroup", "CacheSecurityGroup") + ":6379-6380");
    }

    @Test
    void the_execution_container_is_health_checked_through_its_own_health_endpoint() {
        JsonNode container = ofType("AWS::ECS::TaskDefinition").get(0).path("Properties")
                .path("ContainerDefinitions").get(0);
        List<String> command = new ArrayList<>();
        container.path("HealthCheck").path("Command").forEach(part -> command.add(part.asText()));
        assertThat(command).startsWith("CMD", "java").contains(QuantumTraderStack.HEALTH_PROBE_CLASS)
                .endsWith("http://127.0.0.1:" + QuantumTraderStack.EXECUTION_HEALTH_PORT + "/health");
        assertThat(container.path("HealthCheck").path("StartPeriod").asInt()).isPositive();
        Map<String, String> environment = new java.util.TreeMap<>();
        container.path("Environment").forEach(variable -> environment.put(variable.path("Name").asText(),
                variable.path("Value").asText()));
        assertThat(environment).containsEntry("HEALTH_PORT",
                Integer.toString(QuantumTraderStack.EXECUTION_HEALTH_PORT));
    }

    @Test
    void the_cache_authenticates_every_client_with_iam_and_no_password_exists() throws Exception {
        JsonNode user = ofType("AWS::ElastiCache::User").get(0).path("Properties");
        assertThat(user.path("AuthenticationMode").path("Type").asText()).isEqualTo("iam");
        assertThat(user.path("UserName").asText()).isEqualTo(user.path("UserId").asText());
        assertThat(user.path("AccessString").asText()).contains("-@dangerous");
        assertThat(ofType("AWS::ElastiCache::UserGroup")).hasSize(1);
        JsonNode cache = ofType("AWS::ElastiCache::ServerlessCache").get(0).path("Properties");
        assertThat(cache.path("UserGroupId").isMissingNode()).as("the cache is bound to the user group").isFalse();
        assertThat(JSON.writeValueAsString(resources)).doesNotContain("Passwords", "NoPasswordRequired");

        for (JsonNode function : ofType("AWS::Lambda::Function")) {
            JsonNode variables = function.path("Properties").path("Environment").path("Variables");
            assertThat(variables.path("REDIS_IAM_USER").asText()).isEqualTo(QuantumTraderStack.CACHE_USER);
            assertThat(variables.has("REDIS_IAM_CACHE_NAME")).isTrue();
        }
        List<String> connectors = new ArrayList<>();
        for (JsonNode policy : ofType("AWS::IAM::Policy")) {
            for (JsonNode statement : policy.path("Properties").path("PolicyDocument").path("Statement")) {
                if (statement.path("Action").asText().equals("elasticache:Connect")) {
                    assertThat(statement.path("Resource")).hasSize(2);
                    policy.path("Properties").path("Roles").forEach(role -> connectors.add(role.path("Ref").asText()));
                }
            }
        }
        // every function's role and the execution task's role
        assertThat(connectors).hasSize(ofType("AWS::Lambda::Function").size() + 1);
    }

    /** CloudFormation's rate expression: the largest whole unit, singular for one. */
    private static String rate(long minutes) {
        if (minutes % (24 * 60) == 0) {
            return unit(minutes / (24 * 60), "day");
        }
        return minutes % 60 == 0 ? unit(minutes / 60, "hour") : unit(minutes, "minute");
    }

    private static String unit(long count, String unit) {
        return "rate(" + count + " " + unit + (count == 1 ? "" : "s") + ")";
    }

    private static JsonNode ruleOf(Route route) {
        return ofType("AWS::Events::Rule").stream()
                .filter(rule -> rule.path("Properties").path("Description").asText()
                        .equals(QuantumTraderStack.routeDescription(route.handler())))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no rule for " + route.handler()));
    }

    private static JsonNode patternOf(Route route) {
        return ruleOf(route).path("Properties").path("EventPattern");
    }

    private static List<JsonNode> ofType(String type) {
        List<JsonNode> found = new ArrayList<>();
        resources.forEach(resource -> {
            if (resource.path("Type").asText().equals(type)) {
                found.add(resource);
            }
        });
        return found;
    }

    /** The logical id of the one resource of that type whose id starts with the construct id. */
    private static String logicalId(String type, String constructId) {
        List<String> ids = new ArrayList<>();
        resources.fieldNames().forEachRemaining(id -> {
            if (id.startsWith(constructId) && id.length() == constructId.length() + 8
                    && resources.path(id).path("Type").asText().equals(type)) {
                ids.add(id);
            }
        });
        assertThat(ids).as("%s %s", type, constructId).hasSize(1);
        return ids.get(0);
    }

    /** An EventBridge envelope as the bus delivers it, for an event of that catalog type. */
    private static String sampleEvent(EventType<?> type) {
        return JSON.createObjectNode()
                .put("version", "0")
                .put("id", "6a7e8feb-b491-4cf7-a9f1-bf3703467718")
                .put("detail-type", type.name())
                .put("source", type.producer().source())
                .put("account", "111122223333")
                .put("time", "2025-01-01T00:00:00Z")
                .put("region", "us-east-1")
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("resources", JSON.createArrayNode())
                .set("detail", JSON.createObjectNode().put("event_name", type.name()))
                .toString();
    }
}
