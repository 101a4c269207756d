#!/usr/bin/env bash
# Publishes one ai.signal.generated (fresh ids, so idempotency does not skip it) on the LocalStack bus and waits for
# the portfolio.position.opened of the same trace on the observer queue that deploy.sh created.
# Exit 0 when it arrives, 1 after the timeout (default 120 s).
set -euo pipefail
cd "$(dirname "$0")/.."
endpoint=${LOCALSTACK_ENDPOINT:-http://localhost:4566}
timeout=${1:-120}
export AWS_REGION=${AWS_REGION:-us-east-1} AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID:-test}
export AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY:-test}
aws() { command aws --endpoint-url "$endpoint" --output json "$@"; }
bus=quantum-trader-bus
observer=$(aws sqs get-queue-url --queue-name quantum-trader-observer | python3 -c 'import json,sys; print(json.load(sys.stdin)["QueueUrl"])')

entry=$(python3 - <<'PY'
import json, random, time
crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
def ulid():
    ms = int(time.time() * 1000)
    head = "".join(crockford[(ms >> (5 * i)) & 31] for i in reversed(range(10)))
    return head + "".join(random.choice(crockford) for _ in range(16))
event = json.load(open("localstack/events/ai.signal.generated.json"))
detail = event["detail"]
detail["event_id"], detail["trace_id"] = ulid(), ulid()
detail["occurred_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
detail["payload"]["signal_id"] = "sig-smoke-" + detail["event_id"]
print(json.dumps([{"Source": event["source"], "DetailType": event["detail-type"],
                   "Detail": json.dumps(detail), "EventBusName": "quantum-trader-bus"}]))
PY
)
trace=$(python3 -c 'import json,sys; print(json.loads(json.loads(sys.argv[1])[0]["Detail"])["trace_id"])' "$entry")
aws events put-events --entries "$entry" >/dev/null
echo "published ai.signal.generated trace $trace; waiting up to ${timeout}s for portfolio.position.opened"

deadline=$((SECONDS + timeout))
while (( SECONDS < deadline )); do
  messages=$(aws sqs receive-message --queue-url "$observer" --max-number-of-messages 10 --wait-time-seconds 10)
  found=$(python3 - "$trace" "$messages" <<'PY'
import json, sys
trace, raw = sys.argv[1], sys.argv[2]
for message in (json.loads(raw) if raw.strip() else {}).get("Messages", []):
    event = json.loads(message["Body"])
    print(event.get("detail-type"), event.get("detail", {}).get("trace_id"), file=sys.stderr)
    if event.get("detail-type") == "portfolio.position.opened" and event.get("detail", {}).get("trace_id") == trace:
        print("yes")
PY
)
  if [[ $found == yes* ]]; then
    echo "OK: portfolio.position.opened for trace $trace"
    exit 0
  fi
done
echo "FAILED: no portfolio.position.opened for trace $trace within ${timeout}s" >&2
exit 1
