#!/usr/bin/env bash
# The performance benchmark: every number issue 12 tracks, side by side, into target/bench/results.json.
#
#   ./mvnw -q -B package -DskipTests && bash bench/run.sh
#
# - round trips: RoundTripBench, the local engine over the simulated org behind LatencyProxy at 0 ms
#   and BENCH_LATENCY_MS (400) per request; also the org and token requests per diagnosis;
# - cold starts: ColdStartBench, every handler in a fresh JVM with Lambda's java21 flags under AWS's
#   runtime interface client (vs a trivial Map -> Map handler) and after a SnapStart-style init;
# - storms: StormBench, 1,000 identical reports through IntakeHandler, StartExecution calls counted;
# - artifacts: what sam build ships each function group (deploy/: target/classes + the runtime jars;
#   deploy/steps/: the steps' own build), built here the same way, zipped as SAM uploads it; the
#   cold starts run from these folders (class path DIR:DIR/lib/*, as Lambda's /var/task);
# - redaction: RedactionBench, the JSON round trip of the state StepRunner.run makes for HeldSecrets;
# - http: FirstHttpRequestBench, a fresh JVM's first request on the JDK's HttpClient vs HttpURLConnection.
# Environment: BENCH_RUNS (5 cold starts per case), BENCH_LATENCY_MS (400), BENCH_REPEATS (best of 3
# diagnoses), BENCH_ALL_STEPS=1 (every step's cold start, not a representative five), BENCH_CASES
# (cold starts of the named cases only, e.g. step-CheckUsername,record), BENCH_ONLY
# (roundtrips, storm, coldstart, redaction or http: that part alone, merged into the last results), JAVA_HOME.
# Needs moto (.venv/bin/moto_server, installed by ./mvnw test-compile). Runs in about 7 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
# JAVA_HOME if it is 21 or newer, else the newest JDK >= 21 in /usr/lib/jvm (the classes are Java 21).
version_of() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}'; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(version_of "$JAVA_HOME")" -lt 21 ] 2>/dev/null; then
  JAVA_HOME=""
  for jdk in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    v=$(version_of "${jdk%/}")
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then JAVA_HOME=${jdk%/}; break; fi
  done
fi
[ -n "$JAVA_HOME" ] || { echo "no JDK >= 21 found: set JAVA_HOME" >&2; exit 1; }
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
JAR=target/login-doctor.jar
[ -f "$JAR" ] && [ -d target/test-classes/dev/logindoctor/bench ] || {
  echo "build first: ./mvnw -q -B package -DskipTests" >&2; exit 1; }
[ -z "$(find target/classes -newer "$JAR" -name '*.class' | head -1)" ] || {
  echo "$JAR is older than target/classes: rebuild it with ./mvnw -q -B package -DskipTests" >&2; exit 1; }
mkdir -p target/bench
mvn_offline() { ./mvnw -o -q -B "$@" >/dev/null 2>&1 || ./mvnw -q -B "$@" >/dev/null; }
# The test class path (the runtime interface client, moto's SDK clients for set-up), offline when it can be.
mvn_offline dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test

# What sam build ships (deploy/README.md): target/classes, then the runtime jars in lib/.
ART=target/bench/artifacts
rm -rf "$ART" && mkdir -p "$ART/functions/lib" "$ART/steps"
cp -r target/classes/. "$ART/functions/"
mvn_offline dependency:copy-dependencies -DincludeScope=runtime -Dmdep.prependGroupId=true -DoutputDirectory="$ART/functions/lib"
# deploy/steps/ in a scratch copy, links followed, as SAM copies a CodeUri (its target/ stays out of deploy/).
mkdir -p "$ART/steps-build" && cp -rL deploy/steps/. "$ART/steps-build/"
mvn_offline -f "$ART/steps-build/pom.xml" clean install
mvn_offline -f "$ART/steps-build/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -Dmdep.prependGroupId=true
cp -r "$ART/steps-build/target/classes/." "$ART/steps/" && cp -r "$ART/steps-build/target/dependency" "$ART/steps/lib"
FUNCTIONS_CP="$ART/functions:$ART/functions/lib/*"
STEPS_CP="$ART/steps:$ART/steps/lib/*"
TEST_CP=target/classes:target/test-classes:$(cat target/bench/classpath.txt)
RIC_CP=$(tr ':' '\n' <target/bench/classpath.txt | grep -E 'aws-lambda-java-(runtime-interface-client|serialization)' | paste -sd:)
# The benchmark's own classes go to the child JVMs in a jar of their own, the same for every case.
"$JAVA_HOME/bin/jar" cf target/bench/support.jar -C target/test-classes dev/logindoctor/bench \
  $(cd target/test-classes && ls dev/logindoctor/aws/ColdPath*.class dev/logindoctor/aws/TestContext*.class | sed 's#^#-C target/test-classes #')
echo "JVM: $("$JAVA" -version 2>&1 | head -1); load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

only=${BENCH_ONLY:-}
if [ -z "$only" ] || [ "$only" = roundtrips ]; then
  "$JAVA" -cp "$TEST_CP" dev.logindoctor.bench.RoundTripBench "${BENCH_LATENCY_MS:-400}" "${BENCH_REPEATS:-3}" >target/bench/roundtrips.json
fi
if [ -z "$only" ] || [ "$only" = storm ]; then
  "$JAVA" -cp "$TEST_CP" dev.logindoctor.bench.StormBench >target/bench/storm.json
fi
if [ -z "$only" ] || [ "$only" = redaction ]; then
  # The state's JSON round trip StepRunner.run makes for HeldSecrets on every step, with Lambda's flags.
  "$JAVA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$TEST_CP" dev.logindoctor.bench.RedactionBench >target/bench/redaction.json
fi
if [ -z "$only" ] || [ "$only" = http ]; then
  # The first HTTP request of a fresh JVM (Lambda's flags) on the JDK's HttpClient and on HttpURLConnection, 3 JVMs each.
  for client in httpclient urlconnection; do
    for i in 1 2 3; do
      "$JAVA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp target/test-classes dev.logindoctor.bench.FirstHttpRequestBench "$client"
    done | paste -sd, | sed "s/^/\"$client\": [/; s/$/]/"
  done | paste -sd, | sed 's/^/{"firstHttpRequestMs": {/; s/$/}}/' >target/bench/http.json
fi
if [ -z "$only" ] || [ "$only" = coldstart ]; then
  "$JAVA" -cp "$TEST_CP" -Dbench.runs="${BENCH_RUNS:-5}" -Dbench.classpath="$FUNCTIONS_CP" -Dbench.stepClasspath="$STEPS_CP" \
    -Dbench.ricClasspath="$RIC_CP" -Dbench.supportJar=target/bench/support.jar -Dbench.java="$JAVA" \
    -Dbench.allSteps="${BENCH_ALL_STEPS:-0}" -Dbench.cases="${BENCH_CASES:-}" \
    dev.logindoctor.bench.ColdStartBench >target/bench/coldstart.json
fi
# The size each group uploads: its folder zipped (deflate, as SAM's zip and jar both write it).
zipped_mb() { rm -f "$1.zip" && "$JAVA_HOME/bin/jar" --create --no-manifest --file "$1.zip" -C "$1" . \
  && awk -v b="$(stat -c %s "$1.zip")" 'BEGIN {printf "%.1f", b / 1048576}'; }
steps_mb=$(zipped_mb "$ART/steps") functions_mb=$(zipped_mb "$ART/functions")
printf '{"stepArtifactMB": %s, "artifacts": {"steps (deploy/steps/)": {"zippedMB": %s, "classes": %s, "jars": "%s"}, "intake, record, probe (deploy/)": {"zippedMB": %s, "classes": %s, "jars": "%s jars"}}}\n' \
  "$steps_mb" "$steps_mb" "$(find "$ART/steps" -name '*.class' | wc -l)" "$(ls "$ART/steps/lib" | paste -sd' ')" \
  "$functions_mb" "$(find "$ART/functions" -name '*.class' | wc -l)" "$(ls "$ART/functions/lib" | wc -l)" >target/bench/artifacts.json
"$JAVA" -cp "$TEST_CP" dev.logindoctor.bench.BenchResults target/bench/results.json \
  target/bench/roundtrips.json target/bench/coldstart.json target/bench/storm.json target/bench/artifacts.json \
  $(ls target/bench/redaction.json target/bench/http.json 2>/dev/null)
echo "written: target/bench/results.json" >&2
