#!/usr/bin/env bash
# Deploys the routing table to LocalStack with the AWS CLI: the bus, the execution queue (+ DLQ), an observer queue
# that receives every event (for the smoke test), and for every other route a Lambda from its domain's jar with a
# rule of exactly the route's pattern. ElastiCache and ECS are not in LocalStack's free edition: Redis and the
# execution service are compose services (docker-compose.yml). SnapStart, VPC and aliases are AWS-only.
# A route that names a "module" other than its domain's (the trading read model, run by functions/api) becomes a
# Lambda of that module's jar with its plain handler class, REDIS_URL only (it publishes nothing).
# Needs: aws CLI v2, python3, the Lambda jars (./mvnw -B -ntp -Plambda package -DskipTests).
# Not run against LocalStack yet (see README.md here): checked with bash -n and a dry run on a stub aws CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
endpoint=${LOCALSTACK_ENDPOINT:-http://localhost:4566}
export AWS_REGION=${AWS_REGION:-us-east-1} AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID:-test}
export AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY:-test}
aws() { command aws --endpoint-url "$endpoint" --output text "$@"; }
bus=quantum-trader-bus
account=000000000000
role=arn:aws:iam::$account:role/quantum-trader-lambda

for module in ai-engine risk-safety portfolio learning core-os api; do
  jar=functions/$module/target/$module-lambda.jar
  [[ -f $jar ]] || { echo "missing $jar: run ./mvnw -B -ntp -Plambda package -DskipTests" >&2; exit 1; }
done

aws events create-event-bus --name "$bus" >/dev/null 2>&1 || true
aws iam create-role --role-name quantum-trader-lambda --assume-role-policy-document \
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}' \
  >/dev/null 2>&1 || true

queue() { aws sqs create-queue --queue-name "$1" ${2:+--attributes "$2"} --query QueueUrl; }
queue_arn() { aws sqs get-queue-attributes --queue-url "$1" --attribute-names QueueArn --query Attributes.QueueArn; }
dlq_url=$(queue quantum-trader-execution-dlq)
dlq_arn=$(queue_arn "$dlq_url")
exec_url=$(queue quantum-trader-execution \
  "{\"RedrivePolicy\":\"{\\\"deadLetterTargetArn\\\":\\\"$dlq_arn\\\",\\\"maxReceiveCount\\\":\\\"5\\\"}\",\"VisibilityTimeout\":\"60\"}")
exec_arn=$(queue_arn "$exec_url")
observer_url=$(queue quantum-trader-observer)
observer_arn=$(queue_arn "$observer_url")
aws events put-rule --event-bus-name "$bus" --name observe-all \
  --event-pattern '{"source":[{"prefix":"quantum."}]}' >/dev/null
aws events put-targets --event-bus-name "$bus" --rule observe-all --targets "Id=observer,Arn=$observer_arn" >/dev/null

# one line per route: handler, domain, module, pattern JSON (tab-separated); the module defaults to the domain's
routes=$(mktemp)
trap 'rm -f "$routes"' EXIT
python3 - <<'PY' > "$routes"
import json
for r in json.load(open("events/src/main/resources/routing-table.json"))["routes"]:
    module = r.get("module", r["domain"].replace("_", "-"))
    print("\t".join([r["handler"], r["domain"], module, json.dumps(r["pattern"], separators=(",", ":"))]))
PY

while IFS=$'\t' read -r handler domain module pattern; do
  rule=route-${handler//_/-}
  aws events put-rule --event-bus-name "$bus" --name "$rule" --event-pattern "$pattern" >/dev/null
  if [[ $domain == execution ]]; then
    aws events put-targets --event-bus-name "$bus" --rule "$rule" \
      --targets "Id=execution,Arn=$exec_arn,DeadLetterConfig={Arn=$dlq_arn},RetryPolicy={MaximumRetryAttempts=8,MaximumEventAgeInSeconds=7200}" >/dev/null
    echo "route $handler -> execution queue"
    continue
  fi
  function=quantum-${handler//_/-}
  if [[ $module == "${domain//_/-}" ]]; then
    class=org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest
    env="Variables={SPRING_CLOUD_FUNCTION_DEFINITION=$handler,MAIN_CLASS=com.quantumtrader.core.lambda.LambdaApplication,REDIS_URL=redis://redis:6379,EVENT_BUS_NAME=$bus}"
  elif [[ $module == api ]]; then
    class=com.quantumtrader.api.lambda.TradingProjectionHandler::handleRequest
    env="Variables={QT_HANDLER=$handler,REDIS_URL=redis://redis:6379}"
  else
    echo "route $handler runs in module $module, which has no Lambda handler class here" >&2
    exit 1
  fi
  if aws lambda get-function --function-name "$function" >/dev/null 2>&1; then
    # configuration first (handler, environment), then the code, each once the previous update finished
    aws lambda update-function-configuration --function-name "$function" --handler "$class" \
      --environment "$env" >/dev/null
    aws lambda wait function-updated --function-name "$function"
    aws lambda update-function-code --function-name "$function" \
      --zip-file "fileb://functions/$module/target/$module-lambda.jar" >/dev/null
  else
    aws lambda create-function --function-name "$function" --runtime java21 --role "$role" \
      --handler "$class" --memory-size 1024 --timeout 30 --environment "$env" \
      --zip-file "fileb://functions/$module/target/$module-lambda.jar" >/dev/null
  fi
  arn=$(aws lambda get-function --function-name "$function" --query Configuration.FunctionArn)
  aws lambda add-permission --function-name "$function" --statement-id "$rule" --action lambda:InvokeFunction \
    --principal events.amazonaws.com >/dev/null 2>&1 || true
  aws events put-targets --event-bus-name "$bus" --rule "$rule" \
    --targets "Id=$function,Arn=$arn,DeadLetterConfig={Arn=$dlq_arn},RetryPolicy={MaximumRetryAttempts=8,MaximumEventAgeInSeconds=7200}" >/dev/null
  echo "route $handler -> lambda $function"
done < "$routes"
echo "deployed to $endpoint: bus $bus, execution queue $exec_url, observer queue $observer_url"
