package com.quantumtrader.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.Route;
import com.quantumtrader.events.RoutingTable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpoint;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.elasticache.CfnServerlessCache;
import software.amazon.awscdk.services.elasticache.CfnUser;
import software.amazon.awscdk.services.elasticache.CfnUserGroup;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.IRuleTarget;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.events.targets.SnsTopic;
import software.amazon.awscdk.services.events.targets.SnsTopicProps;
import software.amazon.awscdk.services.events.targets.SqsQueue;
import software.amazon.awscdk.services.events.targets.SqsQueueProps;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.FunctionUrl;
import software.amazon.awscdk.services.lambda.FunctionUrlAuthType;
import software.amazon.awscdk.services.lambda.FunctionUrlOptions;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * The whole platform in one stack. Routing comes from the events module's routing table, so every subscriber that
 * runs locally gets, in AWS, a rule with exactly its pattern: a Lambda (alias {@value #ALIAS}) for the domains that
 * react to events, the execution queue for the always-on execution service. Every periodic job of the domain
 * modules gets a Lambda of its own and a scheduled rule at the job's period.
 *
 * <p>No NAT gateway: the Lambdas sit in isolated subnets and reach EventBridge through an interface endpoint and the
 * cache directly; the Fargate task runs in a public subnet with a public IP (it must reach the exchange anyway)
 * behind a security group that accepts no inbound traffic.
 */
public final class QuantumTraderStack extends Stack {

    static final String ALIAS = "live";
    static final String DOMAIN_HANDLER = "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest";
    static final String API_HANDLER = "com.quantumtrader.api.lambda.FunctionUrlHandler::handleRequest";
    /** Lambda handler of the routes a module runs for a domain other than its own (the routing table's "module"). */
    /** Names the routing-table handler of such a function (its own definition, as the Spring ones name theirs). */
    static final String HANDLER_VARIABLE = "QT_HANDLER";
    static final Map<String, String> MODULE_HANDLERS = Map.of(
            LambdaArtifacts.API_MODULE, "com.quantumtrader.api.lambda.TradingProjectionHandler::handleRequest");
    /**
     * The handlers that serve models, with the strategy slots whose champions SnapStart priming loads before the
     * checkpoint (shared-core's DomainFunctionSnapStart reads {@value #MODEL_SLOTS_VARIABLE}): the AI engine's
     * signal function runs model_driven, whose default model is its slot's champion.
     */
    static final Map<String, String> MODEL_SLOTS = Map.of("signal_orchestrator", "model_driven");
    static final String MODEL_SLOTS_VARIABLE = "MODEL_SLOTS";
    static final String LAMBDA_MAIN_CLASS = "com.quantumtrader.core.lambda.LambdaApplication";
    /** Handlers of this domain are polled from {@link #executionQueue} by the always-on service, not run as Lambdas. */
    static final Domain QUEUED_DOMAIN = Domain.EXECUTION;
    static final List<String> API_ROUTE_GROUPS = List.of("health", "trading", "admin");

    /** EventBridge gives up on a target after this age or this many retries, then dead-letters the event. */
    static final Duration RULE_MAX_EVENT_AGE = Duration.hours(2);
    static final int RULE_RETRY_ATTEMPTS = 8;
    /** Lambda's own asynchronous retries of a handler that threw, before its dead-letter queue. */
    static final Duration ASYNC_MAX_EVENT_AGE = Duration.hours(1);
    static final int ASYNC_RETRY_ATTEMPTS = 2;
    static final int EXECUTION_MAX_RECEIVES = 5;
    /** The one cache user every function and the service authenticate as, with IAM tokens (no password exists). */
    static final String CACHE_USER = "quantum-trader";
    /** Every key and channel, every command but the dangerous ones (FLUSHALL, CONFIG, KEYS, DEBUG …). */
    static final String CACHE_ACCESS = "on ~* &* +@all -@dangerous";
    /** Port the execution service serves {@code GET /health} on inside its task (its HEALTH_PORT default). */
    static final int EXECUTION_HEALTH_PORT = 8080;
    static final String HEALTH_PROBE_CLASS = "com.quantumtrader.execution.adapter.container.HealthProbe";

    private final EventBus bus;
    private final Queue executionQueue;
    private final Map<String, Function> functions = new LinkedHashMap<>();
    private final Map<String, Alias> aliases = new LinkedHashMap<>();
    private final Map<Domain, Queue> deadLetterQueues = new EnumMap<>(Domain.class);
    private final Map<String, FunctionUrl> functionUrls = new LinkedHashMap<>();
    private PolicyStatement cacheConnect;

    public QuantumTraderStack(Construct scope, String id, StackProps props, RoutingTable routing,
                              LambdaArtifacts artifacts) {
        this(scope, id, props, routing, ScheduledJob.discover(), artifacts);
    }

    QuantumTraderStack(Construct scope, String id, StackProps props, RoutingTable routing, List<ScheduledJob> jobs,
                       LambdaArtifacts artifacts) {
        super(scope, id, props);

        Vpc vpc = Vpc.Builder.create(this, "Vpc")
                .maxAzs(2)
                .natGateways(0)
                .restrictDefaultSecurityGroup(false)
                .subnetConfiguration(List.of(
                        SubnetConfiguration.builder().name("public").subnetType(SubnetType.PUBLIC).cidrMask(24).build(),
                        SubnetConfiguration.builder().name("isolated").subnetType(SubnetType.PRIVATE_ISOLATED)
                                .cidrMask(24).build()))
                .build();
        SubnetSelection isolated = SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build();
        SecurityGroup lambdaGroup = securityGroup(vpc, "LambdaSecurityGroup", "Quantum Trader Lambdas", false);
        SecurityGroup serviceGroup = securityGroup(vpc, "ExecutionServiceSecurityGroup",
                "Quantum Trader execution service (no inbound; out: HTTPS and the cache)", false);
        SecurityGroup cacheGroup = securityGroup(vpc, "CacheSecurityGroup",
                "Valkey: only the Lambdas and the execution service", false);
        SecurityGroup endpointGroup = securityGroup(vpc, "EndpointSecurityGroup", "EventBridge endpoint", false);
        // ElastiCache Serverless listens on 6379 (primary) and 6380 (reader endpoint)
        cacheGroup.getConnections().allowFrom(lambdaGroup, Port.tcpRange(6379, 6380), "Lambdas to Valkey");
        cacheGroup.getConnections().allowFrom(serviceGroup, Port.tcpRange(6379, 6380), "execution service to Valkey");
        // the exchange, SQS, EventBridge, Secrets Manager, ECR and CloudWatch Logs all speak HTTPS on 443
        serviceGroup.addEgressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS: the exchange and AWS APIs");
        endpointGroup.getConnections().allowFrom(lambdaGroup, Port.tcp(443), "Lambdas to EventBridge");
        InterfaceVpcEndpoint.Builder.create(this, "EventBridgeEndpoint")
                .vpc(vpc)
                .service(InterfaceVpcEndpointAwsService.EVENTBRIDGE)
                .subnets(isolated)
                .securityGroups(List.of(endpointGroup))
                .open(false)
                .privateDnsEnabled(true)
                .build();

        // IAM authentication: an IAM-enabled user (user name = user id) in the cache's only user group; roles get
        // elasticache:Connect on the cache and that user, so no password is generated, stored or templated
        CfnUser cacheUser = CfnUser.Builder.create(this, "CacheUser")
                .engine("valkey")
                .userId(CACHE_USER)
                .userName(CACHE_USER)
                .accessString(CACHE_ACCESS)
                .authenticationMode(Map.of("Type", "iam"))
                .build();
        CfnUserGroup cacheUsers = CfnUserGroup.Builder.create(this, "CacheUserGroup")
                .engine("valkey")
                .userGroupId(Fn.join("-", List.of(getStackName().toLowerCase(Locale.ROOT), "users")))
                .userIds(List.of(cacheUser.getUserId()))
                .build();
        cacheUsers.addDependency(cacheUser);
        String cacheName = Fn.join("-", List.of(getStackName().toLowerCase(Locale.ROOT), "cache"));
        CfnServerlessCache cache = CfnServerlessCache.Builder.create(this, "Cache")
                .serverlessCacheName(cacheName)
                .userGroupId(cacheUsers.getUserGroupId())
                .engine("valkey")
                .majorEngineVersion("8")
                .description("Quantum Trader state, idempotency, policy (TLS and IAM authentication)")
                .securityGroupIds(List.of(cacheGroup.getSecurityGroupId()))
                .subnetIds(vpc.selectSubnets(isolated).getSubnetIds())
                .cacheUsageLimits(CfnServerlessCache.CacheUsageLimitsProperty.builder()
                        .dataStorage(CfnServerlessCache.DataStorageProperty.builder().maximum(1).unit("GB").build())
                        .ecpuPerSecond(CfnServerlessCache.ECPUPerSecondProperty.builder().maximum(5000).build())
                        .build())
                .build();
        cache.addDependency(cacheUsers);
        cacheConnect = PolicyStatement.Builder.create()
                .actions(List.of("elasticache:Connect"))
                .resources(List.of(cache.getAttrArn(), cacheUser.getAttrArn()))
                .build();
        // serverless caches only accept TLS: rediss://
        String redisUrl = Fn.join("", List.of("rediss://", cache.getAttrEndpointAddress(), ":",
                cache.getAttrEndpointPort()));

        bus = EventBus.Builder.create(this, "Bus").eventBusName(getStackName() + "-bus").build();
        Topic alerts = Topic.Builder.create(this, "Alerts").displayName("Quantum Trader alerts").build();
        SnsAction notify = new SnsAction(alerts);
        for (Domain domain : Domain.values()) {
            Queue dlq = Queue.Builder.create(this, pascal(domain.id()) + "DeadLetters")
                    .retentionPeriod(Duration.days(14))
                    .build();
            deadLetterQueues.put(domain, dlq);
            alarmOnMessages(dlq, pascal(domain.id()) + "DeadLettersAlarm",
                    "events for " + domain.id() + " that were dead-lettered", notify);
        }

        executionQueue = Queue.Builder.create(this, "ExecutionQueue")
                .visibilityTimeout(Duration.seconds(60))
                .retentionPeriod(Duration.days(4))
                .deadLetterQueue(DeadLetterQueue.builder().queue(deadLetterQueues.get(QUEUED_DOMAIN))
                        .maxReceiveCount(EXECUTION_MAX_RECEIVES).build())
                .build();

        Map<String, String> redis = Map.of("REDIS_URL", redisUrl, "REDIS_IAM_USER", CACHE_USER,
                "REDIS_IAM_CACHE_NAME", cacheName);
        Map<String, String> common = new LinkedHashMap<>(redis);
        common.put("EVENT_BUS_NAME", bus.getEventBusName());
        for (Route route : routing.routes()) {
            IRuleTarget target;
            Queue dlq = deadLetterQueues.get(route.domain());
            if (route.domain() == QUEUED_DOMAIN) {
                target = new SqsQueue(executionQueue, SqsQueueProps.builder()
                        .deadLetterQueue(dlq).maxEventAge(RULE_MAX_EVENT_AGE).retryAttempts(RULE_RETRY_ATTEMPTS).build());
            } else if (route.runsInDomainModule()) {
                Map<String, String> environment = new LinkedHashMap<>(common);
                environment.put("SPRING_CLOUD_FUNCTION_DEFINITION", route.handler());
                environment.put("MAIN_CLASS", LAMBDA_MAIN_CLASS);
                if (MODEL_SLOTS.containsKey(route.handler())) {
                    environment.put(MODEL_SLOTS_VARIABLE, MODEL_SLOTS.get(route.handler()));
                }
                Alias alias = function(route.handler(), "handler " + route.handler() + " of " + route.domain().id(),
                        artifacts.codeOf(route.module()), DOMAIN_HANDLER,
                        FunctionSizing.of(route.handler(), route.domain()), environment, dlq, vpc, isolated,
                        lambdaGroup, notify);
                bus.grantPutEventsTo(alias.getLambda());
                target = new LambdaFunction(alias, LambdaFunctionProps.builder()
                        .deadLetterQueue(dlq).maxEventAge(RULE_MAX_EVENT_AGE).retryAttempts(RULE_RETRY_ATTEMPTS).build());
            } else {
                // a read model another module keeps for the domain: it reads Redis and publishes nothing
                String handler = MODULE_HANDLERS.get(route.module());
                if (handler == null) {
                    throw new IllegalStateException("route " + route.handler() + " runs in module " + route.module()
                            + ", which has no Lambda handler class here (known: " + MODULE_HANDLERS.keySet() + ")");
                }
                Alias alias = function(route.handler(), "handler " + route.handler() + " of " + route.domain().id()
                        + " in " + route.module(), artifacts.codeOf(route.module()), handler,
                        FunctionSizing.of(route.handler(), route.domain()),
                        with(redis, HANDLER_VARIABLE, route.handler()), dlq, vpc,
                        isolated, lambdaGroup, notify);
                target = new LambdaFunction(alias, LambdaFunctionProps.builder()
                        .deadLetterQueue(dlq).maxEventAge(RULE_MAX_EVENT_AGE).retryAttempts(RULE_RETRY_ATTEMPTS).build());
            }
            Rule.Builder.create(this, "Route" + pascal(route.handler()))
                    .eventBus(bus)
                    .description(routeDescription(route.handler()))
                    .eventPattern(eventPattern(route))
                    .targets(List.of(target))
                    .build();
        }

        // scheduled rules fire on the account's default bus (a custom bus carries no schedules); each firing's
        // event id names it across the rule's and Lambda's retries, so a retried firing publishes nothing twice
        for (ScheduledJob job : jobs) {
            if (job.domain() == QUEUED_DOMAIN) {
                throw new IllegalStateException("periodic job " + job.name() + " of " + job.domain().id()
                        + ": that domain runs in the execution service, not as Lambdas; schedule it there");
            }
            Queue dlq = deadLetterQueues.get(job.domain());
            Map<String, String> environment = new LinkedHashMap<>(common);
            environment.put("SPRING_CLOUD_FUNCTION_DEFINITION", job.name());
            environment.put("MAIN_CLASS", LAMBDA_MAIN_CLASS);
            Alias alias = function(job.name(), "periodic job " + job.name() + " of " + job.domain().id(),
                    artifacts.codeOf(LambdaArtifacts.moduleOf(job.domain())), DOMAIN_HANDLER,
                    FunctionSizing.of(job.name(), job.domain()), environment, dlq, vpc, isolated, lambdaGroup, notify);
            bus.grantPutEventsTo(alias.getLambda());
            Rule.Builder.create(this, "Schedule" + pascal(job.name()))
                    .description(scheduleDescription(job.name()))
                    .schedule(Schedule.rate(Duration.minutes(job.rateMinutes())))
                    .targets(List.of(new LambdaFunction(alias, LambdaFunctionProps.builder()
                            .deadLetterQueue(dlq).maxEventAge(RULE_MAX_EVENT_AGE).retryAttempts(RULE_RETRY_ATTEMPTS)
                            .build())))
                    .build();
        }

        Queue apiDeadLetters = Queue.Builder.create(this, "ApiDeadLetters").retentionPeriod(Duration.days(14)).build();
        alarmOnMessages(apiDeadLetters, "ApiDeadLettersAlarm", "asynchronous API invocations that were dead-lettered",
                notify);
        for (String group : API_ROUTE_GROUPS) {
            Map<String, String> environment = new LinkedHashMap<>(common);
            environment.put("API_ROUTES", group);
            Alias alias = function("api_" + group, "the " + group + " function URL", artifacts.codeOf(
                    LambdaArtifacts.API_MODULE), API_HANDLER, FunctionSizing.API, environment, apiDeadLetters, vpc,
                    isolated, lambdaGroup, notify);
            if (group.equals("admin")) {
                bus.grantPutEventsTo(alias.getLambda()); // operator commands; health and trading only read
            }
            FunctionUrl url = alias.addFunctionUrl(FunctionUrlOptions.builder().authType(FunctionUrlAuthType.AWS_IAM)
                    .build());
            functionUrls.put(group, url);
            CfnOutput.Builder.create(this, pascal(group) + "Url").value(url.getUrl())
                    .description("the " + group + " function URL (AWS_IAM: sign requests with SigV4)").build();
        }

        executionService(vpc, serviceGroup, redis);

        // the emergency stop is the one event an operator must hear about at once, not at the next dashboard look
        Rule.Builder.create(this, "EmergencyStopNotification")
                .eventBus(bus)
                .description("notify operators: " + EventCatalog.SAFETY_EMERGENCY_TRIGGERED.name())
                .eventPattern(EventPattern.builder()
                        .source(List.of(EventCatalog.SAFETY_EMERGENCY_TRIGGERED.producer().source()))
                        .detailType(List.of(EventCatalog.SAFETY_EMERGENCY_TRIGGERED.name()))
                        .build())
                .targets(List.of(new SnsTopic(alerts, SnsTopicProps.builder()
                        .deadLetterQueue(deadLetterQueues.get(Domain.RISK_SAFETY))
                        .maxEventAge(RULE_MAX_EVENT_AGE).retryAttempts(RULE_RETRY_ATTEMPTS).build())))
                .build();

        CfnOutput.Builder.create(this, "BusName").value(bus.getEventBusName()).build();
        CfnOutput.Builder.create(this, "ExecutionQueueUrl").value(executionQueue.getQueueUrl()).build();
        CfnOutput.Builder.create(this, "AlertsTopic").value(alerts.getTopicArn())
                .description("subscribe an e-mail or pager to receive alarms and emergency stops").build();
    }

    static String routeDescription(String handler) {
        return "route " + handler;
    }

    static String scheduleDescription(String job) {
        return "schedule " + job;
    }

    Map<String, Function> functions() {
        return functions;
    }

    private static Map<String, String> with(Map<String, String> base, String name, String value) {
        Map<String, String> out = new LinkedHashMap<>(base);
        out.put(name, value);
        return out;
    }

    private void grantCacheConnect(IGrantable principal) {
        principal.getGrantPrincipal().addToPrincipalPolicy(cacheConnect);
    }

    private Alias function(String name, String description, software.amazon.awscdk.services.lambda.Code code,
                           String handler, FunctionSizing sizing, Map<String, String> environment, Queue deadLetters,
                           Vpc vpc, SubnetSelection subnets, SecurityGroup group, SnsAction notify) {
        String id = pascal(name);
        LogGroup logs = LogGroup.Builder.create(this, id + "Logs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Map<String, String> variables = new LinkedHashMap<>(environment);
        // C1 only: the cheapest cold start for short-lived handlers; SnapStart restores a JVM past its start-up
        variables.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        Function function = Function.Builder.create(this, id)
                .description("Quantum Trader " + description)
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(handler)
                .code(code)
                .memorySize(sizing.memoryMb())
                .timeout(Duration.seconds(sizing.timeoutSeconds()))
                .environment(variables)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .vpc(vpc)
                .vpcSubnets(subnets)
                .securityGroups(List.of(group))
                .logGroup(logs)
                .deadLetterQueue(deadLetters)
                .build();
        // rules invoke the alias, so its asynchronous retries are set on the alias (on the function they would
        // apply to $LATEST, which nothing invokes)
        Alias alias = Alias.Builder.create(this, id + "Alias")
                .aliasName(ALIAS)
                .version(function.getCurrentVersion())
                .retryAttempts(ASYNC_RETRY_ATTEMPTS)
                .maxEventAge(ASYNC_MAX_EVENT_AGE)
                .build();
        grantCacheConnect(function);
        functions.put(name, function);
        aliases.put(name, alias);
        Alarm.Builder.create(this, id + "ErrorsAlarm")
                .alarmDescription(name + " failed an invocation")
                .metric(function.metricErrors(MetricOptions.builder().period(Duration.minutes(5)).statistic("Sum")
                        .build()))
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build()
                .addAlarmAction(notify);
        return alias;
    }

    private void executionService(Vpc vpc, SecurityGroup group, Map<String, String> redis) {
        CfnParameter repository = CfnParameter.Builder.create(this, "ExecutionImageRepository")
                .type("String").defaultValue("quantum-trader-execution")
                .description("ECR repository of the execution service image").build();
        CfnParameter tag = CfnParameter.Builder.create(this, "ExecutionImageTag")
                .type("String").defaultValue("latest").description("tag of the execution service image").build();
        CfnParameter network = CfnParameter.Builder.create(this, "BinanceNetwork")
                .type("String").defaultValue("testnet").allowedValues(List.of("testnet", "mainnet"))
                .description("the exchange network the execution service trades on").build();

        // the operator puts the real keys with `aws secretsmanager put-secret-value`; generated values trade nothing
        Secret exchangeKeys = Secret.Builder.create(this, "ExchangeKeys")
                .description("Binance API key and secret of the execution service")
                .generateSecretString(SecretStringGenerator.builder()
                        .secretStringTemplate("{\"api_key\":\"set-me\"}")
                        .generateStringKey("api_secret")
                        .build())
                .build();

        Cluster cluster = Cluster.Builder.create(this, "Cluster").vpc(vpc).build();
        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(this, "ExecutionTask")
                .cpu(512)
                .memoryLimitMiB(1024)
                .build();
        LogGroup logs = LogGroup.Builder.create(this, "ExecutionLogs")
                .retention(RetentionDays.ONE_MONTH).removalPolicy(RemovalPolicy.DESTROY).build();
        task.addContainer("execution", ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromEcrRepository(
                        Repository.fromRepositoryName(this, "ExecutionRepository", repository.getValueAsString()),
                        tag.getValueAsString()))
                .environment(serviceEnvironment(redis, network.getValueAsString()))
                // the service's own /health (503 when down) through a JVM probe: the image has no curl
                .healthCheck(HealthCheck.builder()
                        .command(List.of("CMD", "java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx24m",
                                "-cp", "/app/classes", HEALTH_PROBE_CLASS,
                                "http://127.0.0.1:" + EXECUTION_HEALTH_PORT + "/health"))
                        .interval(Duration.seconds(30))
                        .timeout(Duration.seconds(10))
                        .retries(3)
                        // start-up reconciles with the exchange before it serves health
                        .startPeriod(Duration.seconds(120))
                        .build())
                .secrets(Map.of(
                        "BINANCE_API_KEY", software.amazon.awscdk.services.ecs.Secret.fromSecretsManager(
                                exchangeKeys, "api_key"),
                        "BINANCE_API_SECRET", software.amazon.awscdk.services.ecs.Secret.fromSecretsManager(
                                exchangeKeys, "api_secret")))
                .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder().logGroup(logs).streamPrefix("execution")
                        .build()))
                .build());
        executionQueue.grantConsumeMessages(task.getTaskRole());
        grantCacheConnect(task.getTaskRole());
        bus.grantPutEventsTo(task.getTaskRole());

        FargateService.Builder.create(this, "ExecutionService")
                .cluster(cluster)
                .taskDefinition(task)
                // exactly one task owns the exchange connection and the order book: a deployment stops the old
                // task before it starts the new one (a short gap) rather than ever running two
                .desiredCount(1)
                .maxHealthyPercent(100)
                .minHealthyPercent(0)
                .circuitBreaker(DeploymentCircuitBreaker.builder().rollback(true).build())
                .assignPublicIp(true)
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
                .securityGroups(List.of(group))
                .build();
    }

    private Map<String, String> serviceEnvironment(Map<String, String> redis, String network) {
        Map<String, String> environment = new LinkedHashMap<>(redis);
        // the service polls the queue the execution routes target (its default is Redis Streams)
        environment.put("EXECUTION_INTAKE", "sqs");
        // the deployed service trades on Binance (testnet unless the Network parameter says mainnet)
        environment.put("EXECUTION_EXCHANGE", "binance");
        environment.put("EVENT_BUS_NAME", bus.getEventBusName());
        environment.put("EXECUTION_QUEUE_URL", executionQueue.getQueueUrl());
        environment.put("BINANCE_NETWORK", network);
        environment.put("HEALTH_PORT", Integer.toString(EXECUTION_HEALTH_PORT));
        return environment;
    }

    private SecurityGroup securityGroup(Vpc vpc, String id, String description, boolean allowAllOutbound) {
        return SecurityGroup.Builder.create(this, id).vpc(vpc).description(description)
                .allowAllOutbound(allowAllOutbound).build();
    }

    private void alarmOnMessages(Queue queue, String id, String description, SnsAction notify) {
        Metric visible = queue.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                .period(Duration.minutes(5)).statistic("Maximum").build());
        Alarm.Builder.create(this, id)
                .alarmDescription(description)
                .metric(visible)
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build()
                .addAlarmAction(notify);
    }

    /**
     * The route's pattern as a rule's pattern. Only the keys the routing table uses are translated; any other key
     * fails the synthesis rather than being dropped, which would widen the rule.
     */
    static EventPattern eventPattern(Route route) {
        Set<String> supported = Set.of("source", "detail-type", "detail");
        List<String> unsupported = new ArrayList<>();
        route.pattern().fieldNames().forEachRemaining(name -> {
            if (!supported.contains(name)) {
                unsupported.add(name);
            }
        });
        if (!unsupported.isEmpty()) {
            throw new IllegalStateException("route " + route.handler() + ": pattern keys " + unsupported
                    + " are not translated to an EventBridge rule");
        }
        EventPattern.Builder pattern = EventPattern.builder();
        JsonNode source = route.pattern().get("source");
        if (source != null) {
            pattern.source(strings(source));
        }
        JsonNode detailType = route.pattern().get("detail-type");
        if (detailType != null) {
            pattern.detailType(strings(detailType));
        }
        JsonNode detail = route.pattern().get("detail");
        if (detail != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = EventJson.mapper().convertValue(detail, Map.class);
            pattern.detail(map);
        }
        return pattern.build();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    static String pascal(String snake) {
        StringBuilder out = new StringBuilder();
        for (String part : snake.split("[_.-]")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
