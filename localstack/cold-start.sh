#!/usr/bin/env bash
# Cold-start benchmark (not a test): a fresh JVM per run, from JVM start to the first handled EventBridge event,
# for a domain handler behind Spring Cloud Function (FunctionInvoker + LambdaApplication, as deployed) and the same
# handler behind a plain aws-lambda-java-core RequestStreamHandler (com.quantumtrader.api.coldstart.PlainDomainHandler).
# Needs a Redis at REDIS_URL (default redis://127.0.0.1:6379) that may be flushed, and the Lambda jars:
#   ./mvnw -B -ntp -Plambda package -DskipTests -pl functions/ai-engine,functions/api -am
#   ./mvnw -B -ntp -pl functions/api test-compile
# Usage: localstack/cold-start.sh [runs] [handler] [domain-module] [event-file]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
handler=${2:-model_supervisor}
module=${3:-ai-engine}
event=${4:-localstack/events/trade.closed.json}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
export EVENT_BUS_NAME=${EVENT_BUS_NAME:-quantum-bus}
export AWS_REGION=${AWS_REGION:-eu-west-1}
# the handler publishes nothing for this event; the EventBridge client only needs a region and some credentials
export AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID:-AKIDEXAMPLE} AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY:-example}
export MAIN_CLASS=com.quantumtrader.core.lambda.LambdaApplication
export SPRING_CLOUD_FUNCTION_DEFINITION=$handler QT_HANDLER=$handler
cp="functions/$module/target/$module-lambda.jar:functions/api/target/classes:functions/api/target/test-classes"
redis_host=${REDIS_URL#redis://}; redis_port=${redis_host##*:}; redis_host=${redis_host%%:*}
flush() { printf 'FLUSHALL\r\n' | timeout 2 bash -c "exec 3<>/dev/tcp/$redis_host/$redis_port; cat >&3; head -c 5 <&3" >/dev/null; }
for i in $(seq "$runs"); do
  for invoker in org.springframework.cloud.function.adapter.aws.FunctionInvoker com.quantumtrader.api.coldstart.PlainDomainHandler; do
    flush  # a fresh idempotency store, so every run handles the event rather than skipping a duplicate
    java -cp "$cp" com.quantumtrader.api.coldstart.ColdStartProbe "$invoker" "$event" 2>&1 | grep '^COLD_START_MS' | cut -d' ' -f1-3
  done
done
