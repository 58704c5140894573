#!/usr/bin/env bash
# Times each handler's cold path the way Lambda runs it — a fresh JVM loads the handler class,
# calls its no-argument constructor, handles one event from events/ — against a bare JVM started
# from the same jar with a trivial main. Prints a Markdown table of medians over N runs.
#
#   ./mvnw -q -B package -DskipTests && bash bench/cold-path.sh [N]
#
# Environment: RUNS (default 11, or the first argument), JAVA_HOME (else .mvn/pick-jdk.sh's choice), BENCH_JAVA_OPTS (default: the flags Lambda's java21 runtime starts the JVM with),
# BENCH_CASES (space-separated case names; default all), BENCH_EXTRA_OPTS (appended),
# BENCH_APPCDS=1 (each case, bare included, first runs once to dump a dynamic AppCDS archive of
# the classes it loaded, then is timed with it). Wall and CPU (user+sys) come from bench/rusage.py (wait4); each run's output is checked,
# so a handler that fails is reported as a failure rather than timed.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-${RUNS:-11}}
# shellcheck source=../.mvn/pick-jdk.sh
. .mvn/pick-jdk.sh
pick_jdk bench/cold-path.sh || exit 1
JAVA="$JAVA_HOME/bin/java"
# What Lambda's java21 bootstrap passes (besides -XX:MaxHeapSize): C1 only, serial GC, default CDS.
JAVA_OPTS=${BENCH_JAVA_OPTS:--XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto}
EXTRA_OPTS=${BENCH_EXTRA_OPTS:-}
JAR=target/login-doctor-cli.jar
CLASSES=target/test-classes
[ -f "$JAR" ] && [ -f "$CLASSES/dev/logindoctor/aws/ColdPath.class" ] || {
  echo "build first: ./mvnw -q -B package -DskipTests (the shaded jar and the test classes)" >&2; exit 1; }
[ -z "$(find target/classes -newer "$JAR" -name '*.class' | head -1)" ] || {
  echo "$JAR is older than target/classes: rebuild it with ./mvnw -q -B package -DskipTests" >&2; exit 1; }
# ColdPath (and the Lambda context it hands over) go in a jar of their own: AppCDS (BENCH_EXTRA_OPTS) refuses directories on the class path.
(cd "$CLASSES" && "$JAVA_HOME/bin/jar" cf ../cold-path.jar dev/logindoctor/aws/ColdPath*.class dev/logindoctor/aws/TestContext*.class)
CP="$JAR:target/cold-path.jar"

# The environment the template gives the functions; nothing here reaches AWS.
export AWS_REGION=us-east-1 AWS_LAMBDA_FUNCTION_NAME=cold-path-bench
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench
export SECRET_PREFIX=login-doctor/ TRUST_URL=https://api.status.salesforce.com
export STATE_MACHINE_ARN=arn:aws:states:us-east-1:123456789012:stateMachine:LoginDoctorDiagnosis
export TABLE_NAME=bench-diagnoses EVENT_BUS_NAME=default

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A report whose credential secret lies outside SECRET_PREFIX: fully parsed, then refused.
sed 's#"login-doctor/integrations/#"elsewhere/integrations/#' events/intake-direct.json >"$tmp/intake-refused.json"

# name | handler class (or "bare") | event (JSON or file) | text the output must contain | extra environment
cases=(
  "bare|bare|{}|{}"
  "intake-refused|dev.logindoctor.aws.IntakeHandler|$tmp/intake-refused.json|\"error\":\"InvalidReport\""
  "step-report-only|dev.logindoctor.aws.StepHandler|events/step-state.json|\"lastVerdict\":\"RULED_OUT\"|STEP=CheckConnectedAppApproval"
)

# The SDK path, when moto's server is installed (the tests install it into .venv): Intake accepting a
# report builds its Step Functions client and starts an execution on moto (a duplicate after the
# first run: same name, same input). BENCH_MOTO=0 leaves it out.
if [ "${BENCH_MOTO:-1}" = 1 ] && [ -x .venv/bin/moto_server ]; then
  port=$((20000 + RANDOM % 20000))
  .venv/bin/moto_server -p "$port" >"$tmp/moto.log" 2>&1 &
  moto_pid=$!
  trap 'kill "$moto_pid" 2>/dev/null; rm -rf "$tmp"' EXIT
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
  export AWS_ENDPOINT_URL="http://127.0.0.1:$port"
  curl -sf -o /dev/null -X POST "$AWS_ENDPOINT_URL/" -H 'Content-Type: application/x-amz-json-1.0' \
    -H 'X-Amz-Target: AWSStepFunctions.CreateStateMachine' \
    -H 'Authorization: AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/states/aws4_request, SignedHeaders=host, Signature=0' \
    -d '{"name": "LoginDoctorDiagnosis", "definition": "{\"StartAt\": \"Done\", \"States\": {\"Done\": {\"Type\": \"Succeed\"}}}",
         "roleArn": "arn:aws:iam::123456789012:role/login-doctor-state-machine"}'
  cases+=("intake-accepted|dev.logindoctor.aws.IntakeHandler|events/intake-direct.json|\"executionArn\":\"arn:aws:states:")
  # The same as Lambda's SnapStart init runs it (the init is what gets snapshotted).
  cases+=("intake-accepted-snapstart-init|dev.logindoctor.aws.IntakeHandler|events/intake-direct.json|\"executionArn\":\"arn:aws:states:|AWS_LAMBDA_INITIALIZATION_TYPE=snap-start")
fi
wanted=${BENCH_CASES:-}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "JVM: $("$JAVA" -version 2>&1 | head -1); options: $JAVA_OPTS $EXTRA_OPTS${BENCH_APPCDS:+ + AppCDS per case}; runs: $RUNS; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| case | median wall (s) | median CPU user+sys (s) | CPU × bare | wall × bare | init (ms) | first handleRequest (ms) |"
echo "|---|---|---|---|---|---|---|"
bare_cpu="" bare_wall=""
for entry in "${cases[@]}"; do
  IFS='|' read -r name handler event expect case_env <<<"$entry"
  if [ -n "$wanted" ] && [ "$name" != bare ] && [[ " $wanted " != *" $name "* ]]; then continue; fi
  : >"$tmp/$name.times"
  case_opts="$EXTRA_OPTS"
  if [ "${BENCH_APPCDS:-}" = 1 ]; then
    env $case_env "$JAVA" $JAVA_OPTS $EXTRA_OPTS -XX:ArchiveClassesAtExit="$tmp/$name.jsa" -cp "$CP" dev.logindoctor.aws.ColdPath "$handler" "$event" >/dev/null 2>&1
    case_opts="$EXTRA_OPTS -XX:SharedArchiveFile=$tmp/$name.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
  env $case_env "$JAVA" $JAVA_OPTS $case_opts -cp "$CP" dev.logindoctor.aws.ColdPath "$handler" "$event" >/dev/null 2>&1 || true  # page cache
  for _ in $(seq "$RUNS"); do
    python3 bench/rusage.py "$tmp/time" \
      env $case_env "$JAVA" $JAVA_OPTS $case_opts -cp "$CP" dev.logindoctor.aws.ColdPath "$handler" "$event" >"$tmp/out" 2>"$tmp/err" || {
      echo "$name failed:" >&2; cat "$tmp/err" >&2; exit 1; }
    grep -qF -- "$expect" "$tmp/out" || { echo "$name: output lacks $expect:" >&2; cat "$tmp/out" >&2; exit 1; }
    phases=$(sed -n 's/^cold-path init-ms=\([0-9.]*\) handle-ms=\([0-9.]*\)$/\1 \2/p' "$tmp/err")
    echo "$(tail -1 "$tmp/time") ${phases:-0 0}" >>"$tmp/$name.times"
  done
  wall=$(awk '{print $1}' "$tmp/$name.times" | median)
  cpu=$(awk '{print $2 + $3}' "$tmp/$name.times" | median)
  init=$(awk '{print $4}' "$tmp/$name.times" | median)
  handle=$(awk '{print $5}' "$tmp/$name.times" | median)
  if [ "$name" = bare ]; then bare_cpu=$cpu bare_wall=$wall; fi
  awk -v n="$name" -v w="$wall" -v c="$cpu" -v bc="$bare_cpu" -v bw="$bare_wall" -v i="$init" -v h="$handle" \
    'BEGIN {printf "| %s | %.3f | %.3f | %.1f | %.1f | %.0f | %.0f |\n", n, w, c, c / bc, w / bw, i, h}'
done
