#!/usr/bin/env bash
# Deployment checks for template.yaml, all offline (no AWS account, no credentials, no Docker):
#   1. the AWS SAM CLI and cfn-lint in a venv of their own (made once, reused while the pins hold)
#   2. sam validate --lint, plus cfn-lint's informational checks
#   3. the real SAM translator run offline, cfn-lint on the CloudFormation it produces, and the
#      JSON the template holds as strings (dashboard body, schedule input)
#   4. statemachine/login-doctor.asl.json against DefinitionSubstitutions (when the file exists)
#   5. sam build (mvn clean install, tests skipped) in a throwaway copy, never the repo's target/;
#      deploy/ and deploy/steps/ (the functions' CodeUris) reach no node_modules, .venv or target
#   6. the built artifact: Java 21 classes, a class for every Handler, and every sample event read
#      by the project's own report parser and state model from that artifact
#   7. the step functions' artifact: no AWS SDK, events library, simulator, CLI, probe or picocli,
#      and every step function's init (SnapStart's, its whole evidence path on loopback) runs from
#      it; the size each function group ships
#   8. a second sam build with nothing changed: every artifact from SAM's cache (samconfig.toml's
#      cached = true), no Maven run, no shading warnings
#
# Usage: .ci/sam-checks.sh [--no-build] [--keep] [--require-handlers] [--without-node-python]
#   --no-build          stop after step 4
#   --keep              keep the throwaway copy and its .aws-sam/build (the path is printed)
#   --require-handlers  fail, not warn, when a Handler in the template has no class yet
#   --without-node-python  sam build with node, npm, python and python3 replaced by commands that
#                       fail: deploying must not need the tests' toolchain
# Environment: LOGIN_DOCTOR_SAM_VENV (default ~/.cache/login-doctor/sam-venv), JAVA_HOME (a JDK >= 21).
set -euo pipefail
cd "$(dirname "$0")/.."

# Pinned so that a lint result means the same thing on every machine; bump deliberately.
SAM_CLI_VERSION=1.170.0
CFN_LINT_VERSION=1.58.0
# Outside the repo on purpose: sam build copies the whole source folder before running Maven.
VENV=${LOGIN_DOCTOR_SAM_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/login-doctor/sam-venv}
ASL=statemachine/login-doctor.asl.json
export SAM_CLI_TELEMETRY=0

BUILD=1 KEEP=0 REQUIRE_HANDLERS=0 WITHOUT_NODE_PYTHON=0
for arg in "$@"; do
  case "$arg" in
    --without-node-python) WITHOUT_NODE_PYTHON=1 ;;
    --no-build) BUILD=0 ;;
    --keep) KEEP=1 ;;
    --require-handlers) REQUIRE_HANDLERS=1 ;;
    *) echo "unknown option: $arg (see the header of $0)" >&2; exit 2 ;;
  esac
done

SUMMARY=()
phase_start() { PHASE="$1"; PHASE_T0=$(date +%s.%N); echo "== $PHASE"; }
phase_end() {
  local secs; secs=$(awk -v a="$PHASE_T0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  SUMMARY+=("$(printf '%-52s %6ss  %s' "$PHASE" "$secs" "${1:-ok}")")
}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/login-doctor-sam.XXXXXX")
cleanup() { if [ "$KEEP" = 1 ]; then echo "kept: $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

# ---------------------------------------------------------------- 1. tools
phase_start "SAM CLI $SAM_CLI_VERSION + cfn-lint $CFN_LINT_VERSION venv"
PINS="aws-sam-cli==$SAM_CLI_VERSION cfn-lint==$CFN_LINT_VERSION"
if [ -x "$VENV/bin/sam" ] && [ "$(cat "$VENV/.login-doctor-pins" 2>/dev/null)" = "$PINS" ]; then
  phase_end "up to date ($VENV)"
else
  echo "installing $PINS into $VENV"
  mkdir -p "$(dirname "$VENV")"
  python3 -m venv --clear "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check --upgrade pip
  # shellcheck disable=SC2086 # PINS is a list of requirement specifiers
  "$VENV/bin/pip" install -q --disable-pip-version-check $PINS
  echo "$PINS" > "$VENV/.login-doctor-pins"
  phase_end "installed ($VENV)"
fi
"$VENV/bin/sam" --version
"$VENV/bin/cfn-lint" --version

# ---------------------------------------------------------------- 2. lint
phase_start "sam validate --lint"
"$VENV/bin/sam" validate --lint --template template.yaml
# Informational rules too (cfn-lint's I-checks); the template suppresses only E3724, with its reason.
"$VENV/bin/cfn-lint" --include-checks I -- template.yaml
phase_end

# ---------------------------------------------------------------- 3. real SAM transform, offline
phase_start "SAM translator (offline) + cfn-lint on its output"
cat > "$WORK/translate.py" <<'PY'
"""Runs the SAM translator the way `sam validate` does, with local paths replaced by fake S3
locations, but without asking IAM for managed policies (the template names them by ARN only)."""
import os
import sys

os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
from samcli.lib.translate.sam_template_validator import SamTemplateValidator  # noqa: E402
from samcli.yamlhelper import yaml_parse  # noqa: E402


class NoManagedPolicies:
    def load(self):
        return {}


src, out = sys.argv[1], sys.argv[2]
with open(src) as f:
    template = yaml_parse(f.read())
translated = SamTemplateValidator(template, NoManagedPolicies(), region="us-east-1").get_translated_template_if_valid()
with open(out, "w") as f:
    f.write(translated)

# JSON that CloudFormation only sees as strings: the dashboard body and the schedule's input.
import json  # noqa: E402
import re  # noqa: E402

for name, r in template["Resources"].items():
    body = r.get("Properties", {}).get("DashboardBody")
    if isinstance(body, dict) and "Fn::Sub" in body:
        body = body["Fn::Sub"] if isinstance(body["Fn::Sub"], str) else body["Fn::Sub"][0]
    if isinstance(body, str):
        json.loads(re.sub(r"\$\{[A-Za-z0-9:.]+\}", "x", body))
        print(f"  {name}: DashboardBody is valid JSON")
    for event in (r.get("Properties", {}).get("Events") or {}).values():
        if event.get("Type") == "ScheduleV2" and "Input" in event["Properties"]:
            json.loads(event["Properties"]["Input"])
            print(f"  {name}: ScheduleV2 Input is valid JSON")

resources = yaml_parse(translated)["Resources"]
kinds = {}
for r in resources.values():
    kinds[r["Type"]] = kinds.get(r["Type"], 0) + 1
print(f"  {len(resources)} CloudFormation resources:",
      ", ".join(f"{n} {t.split('::', 1)[1]}" for t, n in sorted(kinds.items())))
PY
"$VENV/bin/python" "$WORK/translate.py" template.yaml "$WORK/translated.yaml"
"$VENV/bin/cfn-lint" --include-checks I -- "$WORK/translated.yaml"
phase_end

# ---------------------------------------------------------------- 4. definition <-> substitutions
phase_start "state machine definition vs DefinitionSubstitutions"
cat > "$WORK/asl_check.py" <<'PY'
"""Every ${Name} in the definition must be substituted, every substitution used, and the step
placeholders should appear in the template's order (the contract's step order)."""
import json
import re
import sys

from samcli.yamlhelper import yaml_parse

template_path, asl_path = sys.argv[1], sys.argv[2]
with open(template_path) as f:
    template = yaml_parse(f.read())
machines = [r["Properties"] for r in template["Resources"].values() if r["Type"] == "AWS::Serverless::StateMachine"]
subs = list(machines[0].get("DefinitionSubstitutions", {}))
with open(asl_path) as f:
    text = f.read()
json.loads(text)  # a syntax error fails here, with its position
used = list(dict.fromkeys(re.findall(r"\$\{([A-Za-z0-9_]+)\}", text)))
problems = [f"{asl_path} uses ${{{n}}} but the template does not substitute it" for n in used if n not in subs]
problems += [f"the template substitutes {n} but {asl_path} never uses it" for n in subs if n not in used]
for p in problems:
    print("  FAIL", p)
steps_in_template = [n for n in subs if n.startswith("Check")]
steps_in_asl = [n for n in used if n.startswith("Check")]
if not problems and steps_in_asl != steps_in_template:
    print("  WARN step placeholders appear in a different order in the definition than in the template:")
    print("       definition:", " ".join(s.removesuffix("FunctionArn") for s in steps_in_asl))
    print("       template:  ", " ".join(s.removesuffix("FunctionArn") for s in steps_in_template))
print(f"  {len(used)} placeholders in the definition, {len(subs)} substitutions in the template")
sys.exit(1 if problems else 0)
PY
if [ -f "$ASL" ]; then
  tracked=$(git ls-files --error-unmatch "$ASL" >/dev/null 2>&1 && echo tracked || echo "untracked: a local stand-in")
  echo "  $ASL ($tracked)"
  "$VENV/bin/python" "$WORK/asl_check.py" template.yaml "$ASL"
  phase_end "checked ($tracked)"
else
  echo "  SKIP: $ASL is not here yet (it comes from branch aws); lint and translation do not need it"
  phase_end "skipped: no $ASL"
fi

if [ "$BUILD" = 0 ]; then
  echo; printf '%s\n' "${SUMMARY[@]}"
  exit 0
fi

# ---------------------------------------------------------------- 5. sam build
# sam build copies each CodeUri (deploy/: links to pom.xml and src, and a maven.config that skips
# the tests; deploy/steps/: the steps' own pom over the same src) and runs `mvn clean install` then
# `mvn dependency:copy-dependencies` there, then copies target/classes + the runtime jars per
# function. It needs mvn and a JDK >= 21.
# shellcheck source=../.mvn/pick-jdk.sh
. .mvn/pick-jdk.sh
pick_jdk .ci/sam-checks.sh || exit 1
echo "JAVA_HOME=$JAVA_HOME"
SYSTEM_MVN=$(command -v mvn 2>/dev/null || echo "a system mvn")
if [ -x mvnw ] && [ "${LOGIN_DOCTOR_SYSTEM_MVN:-0}" != 1 ]; then
  # Build with the project's own Maven (the wrapper's version, as .ci/run does), not whatever
  # mvn the machine has. SAM looks for `mvn` on PATH and runs it in its scratch copy of deploy/.
  mkdir -p "$WORK/bin"
  printf '#!/bin/sh\nexec "%s/src/mvnw" "$@"\n' "$WORK" > "$WORK/bin/mvn"
  chmod +x "$WORK/bin/mvn"
  export PATH="$WORK/bin:$PATH"
  echo "mvn: the project's ./mvnw (LOGIN_DOCTOR_SYSTEM_MVN=1 uses $SYSTEM_MVN instead)"
elif ! command -v mvn >/dev/null; then
  echo "no mvn on PATH and no ./mvnw: sam build needs Maven" >&2; exit 1
fi
if [ "$WITHOUT_NODE_PYTHON" = 1 ]; then
  # Deploying must not need the tests' toolchain: any node, npm or python the build calls fails loudly.
  mkdir -p "$WORK/hidden"
  for tool in node npm npx python python3; do
    printf '#!/bin/sh\necho "%s was called by the build, which must not need it" >&2\nexit 97\n' "$tool" > "$WORK/hidden/$tool"
    chmod +x "$WORK/hidden/$tool"
  done
  export PATH="$WORK/hidden:$PATH"
  echo "node, npm, npx, python, python3: hidden (each fails when called)"
fi

phase_start "copy the project (git-visible files only)"
# A copy keeps sam build away from the repo's target/ and from what git ignores (node_modules,
# venvs, .aws-sam): SAM copies the whole source folder into its scratch folder before Maven.
SRC="$WORK/src"
mkdir -p "$SRC"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git ls-files -z --cached --others --exclude-standard | tar --null -T - --ignore-failed-read -cf - 2>/dev/null | tar -xf - -C "$SRC"
else
  tar --exclude=./target --exclude=./.aws-sam --exclude=./node_modules --exclude='./.venv*' -cf - . | tar -xf - -C "$SRC"
fi
phase_end "$(du -sh "$SRC" | cut -f1)"

phase_start "what sam build copies: deploy/ (deploy/steps/ is inside it)"
# SAM copies CodeUri whole (it has no ignore file for Java); nothing the tests install may be in it.
stray=$(cd "$SRC" && find -L deploy \( -name node_modules -o -name .venv -o -name target -o -name .aws-sam \) -print)
[ -z "$stray" ] || { echo "  FAIL deploy/ reaches: $stray"; exit 1; }
phase_end "$(du -shL "$SRC/deploy" | cut -f1), no node_modules, .venv or target"

phase_start "sam build (tests skipped by deploy/.mvn/maven.config)"
( cd "$SRC" && "$VENV/bin/sam" build --build-dir "$SRC/.aws-sam/build" 2>&1 | tee "$WORK/sam-build.log" )
grep -q "Build Succeeded" "$WORK/sam-build.log" || { echo "  FAIL sam build"; exit 1; }
OUT="$SRC/.aws-sam/build"
phase_end "$(find "$OUT" -mindepth 1 -maxdepth 1 -type d | wc -l) function artifacts, $(du -sh "$OUT" | cut -f1)"

# ---------------------------------------------------------------- 6. the artifact
phase_start "built artifact: classes, handlers, sample events"
status="ok"
# Java 21 class files (major version 65), whatever JDK compiled them.
some_class=$(find "$OUT/IntakeFunction/dev" -name '*.class' -print -quit)
major=$(od -An -j6 -N2 -tu1 "$some_class" | awk '{ print $1 * 256 + $2 }')
echo "  class file major version $major (Java $((major - 44)))"
[ "$major" = 65 ] || { echo "  FAIL expected major version 65 (Java 21)"; exit 1; }

# Every Handler in the built template must name a class in its function's artifact.
missing=0 present=0
while IFS=' ' read -r fn handler; do
  class="$OUT/$fn/$(echo "${handler%%::*}" | tr . /).class"
  if [ -f "$class" ]; then present=$((present + 1)); else missing=$((missing + 1)); echo "  no class yet for $fn: ${handler%%::*}"; fi
done < <("$VENV/bin/python" - "$OUT/template.yaml" <<'PY'
import sys
from samcli.yamlhelper import yaml_parse
with open(sys.argv[1]) as f:
    resources = yaml_parse(f.read())["Resources"]
for name, r in resources.items():
    if r["Type"] == "AWS::Serverless::Function":
        print(r["Properties"]["CodeUri"], r["Properties"]["Handler"])
PY
)
echo "  handlers: $present found, $missing missing"
# Only what runs on Lambda: no test classes, no command-line parser.
if [ -n "$(find "$OUT/IntakeFunction" \( -name '*Test.class' -o -name 'picocli*.jar' \) -print -quit)" ]; then
  echo "  FAIL test classes or picocli in the function artifact"; exit 1
fi
if [ "$missing" -gt 0 ]; then
  if [ "$REQUIRE_HANDLERS" = 1 ]; then echo "  FAIL --require-handlers"; exit 1; fi
  status="$missing handler classes not written yet"
fi

# The sample events, read by the project's own parser and state model from the built artifact.
cat > "$WORK/EventsCheck.java" <<'JAVA'
import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.engine.DiagnosisState;
import dev.logindoctor.engine.FailureReportParser;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.Cause;
import dev.logindoctor.model.FailureReport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A report for every cause, each sample's report accepted as the intake would, states readable. */
public class EventsCheck {
    public static void main(String[] args) throws Exception {
        Path events = Path.of(args[0]);
        String prefix = args[1];
        FailureReportParser parser = new FailureReportParser(Clock.systemUTC());
        List<String> problems = new ArrayList<>();
        int parsed = 0;
        for (Cause cause : Cause.values()) {
            Path file = events.resolve("reports/" + cause.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".json");
            if (!Files.exists(file)) {
                problems.add("no sample report for " + cause + " (" + file + ")");
                continue;
            }
            parsed += report(parser, file, Files.readString(file), prefix, problems);
        }
        Path direct = events.resolve("intake-direct.json");
        parsed += report(parser, direct, Files.readString(direct), prefix, problems);
        Path url = events.resolve("intake-function-url.json");
        parsed += report(parser, url, Json.MAPPER.readTree(url.toFile()).path("body").asText(), prefix, problems);
        for (String name : List.of("step-state.json", "record.json")) {
            Path file = events.resolve(name);
            DiagnosisState state = Json.MAPPER.readValue(file.toFile(), DiagnosisState.class);
            JsonNode report = Json.MAPPER.readTree(file.toFile()).get("report");
            parsed += report(parser, file, Json.MAPPER.writeValueAsString(report), prefix, problems);
            if (state.startedAt() == null) {
                problems.add(file + ": startedAt is missing");
            }
            if (name.equals("record.json") && state.confirmed().isEmpty()) {
                problems.add(file + ": no CONFIRMED finding (the state machine reaches Record on one)");
            }
        }
        problems.forEach(p -> System.out.println("  FAIL " + p));
        System.out.println("  " + parsed + " sample reports accepted by FailureReportParser, 2 states read as DiagnosisState");
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    private static int report(FailureReportParser parser, Path file, String json, String prefix, List<String> problems) {
        try {
            FailureReport r = parser.parse(json);
            for (String ref : new String[] {r.credentialSecret(), r.diagnosticsSecret()}) {
                if (ref != null && !ref.startsWith(prefix)) {
                    problems.add(file + ": secret reference " + ref + " is outside the prefix " + prefix);
                }
            }
            return 1;
        } catch (RuntimeException e) {
            problems.add(file + ": " + e.getMessage());
            return 0;
        }
    }
}
JAVA
# The template's SecretPrefix default: the samples must reference secrets under it.
prefix=$("$VENV/bin/python" -c 'import sys; from samcli.yamlhelper import yaml_parse; print(yaml_parse(open(sys.argv[1]).read())["Parameters"]["SecretPrefix"]["Default"])' template.yaml)
java -cp "$OUT/IntakeFunction:$OUT/IntakeFunction/lib/*" "$WORK/EventsCheck.java" events "$prefix"
phase_end "$status"

# ---------------------------------------------------------------- 7. the steps' artifact
phase_start "step functions' artifact: contents, every step's init, sizes"
# Every StepHandler function, with the variables Lambda gives it (!Ref parameters at their defaults).
"$VENV/bin/python" - "$OUT/template.yaml" template.yaml >"$WORK/step-functions.txt" <<'PY'
import sys
from samcli.yamlhelper import yaml_parse
with open(sys.argv[1]) as f:
    resources = yaml_parse(f.read())["Resources"]
with open(sys.argv[2]) as f:
    source = yaml_parse(f.read())
defaults = {k: str(v.get("Default", "")) for k, v in source["Parameters"].items()}
env = {k: defaults.get(v["Ref"]) if isinstance(v, dict) else v
       for k, v in source["Globals"]["Function"]["Environment"]["Variables"].items()}
for name, r in resources.items():
    p = r["Properties"] if r["Type"] == "AWS::Serverless::Function" else None
    if p and p["Handler"].startswith("dev.logindoctor.aws.StepHandler::"):
        own = {k: defaults.get(v["Ref"]) if isinstance(v, dict) else v for k, v in p["Environment"]["Variables"].items()}
        print(p["CodeUri"], p["Handler"].split("::")[0], " ".join(f"{k}={v}" for k, v in {**env, **own}.items()))
PY
[ -s "$WORK/step-functions.txt" ] || { echo "  FAIL no StepHandler function in the built template"; exit 1; }
# What a step must not carry, as class-file paths inside the artifact (its classes and lib/*.jar).
FORBIDDEN='^(software/amazon/|com/amazonaws/services/lambda/runtime/events/|picocli/|org/slf4j/|org/reactivestreams/|dev/logindoctor/(sim|cli|probe)/)'
cat > "$WORK/StepInit.java" <<'JAVA'
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code StepInit HANDLER [DIR STEP]...}: with no pairs, Lambda's init of this function (its class
 * path, its environment): the handler's no-argument constructor. With pairs, each function's init
 * from its own folder alone (DIR and DIR/lib/*.jar over the JDK's classes, a class loader each), the
 * handler built for STEP with Lambda's evidence sources, as the no-argument constructor builds it.
 */
public class StepInit {
    public static void main(String[] args) throws Exception {
        if (args.length == 1) {
            Class.forName(args[0]).getConstructor().newInstance();
            System.out.println("  " + System.getenv("STEP") + ": " + args[0] + "() ran on the function's class path and environment");
            return;
        }
        for (int i = 1; i + 1 < args.length; i += 2) {
            Path dir = Path.of(args[i]);
            List<URL> path = new ArrayList<>(List.of(dir.toUri().toURL()));
            try (Stream<Path> jars = Files.list(dir.resolve("lib"))) {
                for (Path jar : jars.sorted().toList()) {
                    path.add(jar.toUri().toURL());
                }
            }
            try (URLClassLoader artifact = new URLClassLoader(path.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
                Object sources = artifact.loadClass("dev.logindoctor.aws.LambdaEvidenceSources").getMethod("shared").invoke(null);
                artifact.loadClass(args[0]).getConstructor(String.class, artifact.loadClass("dev.logindoctor.engine.EvidenceSources"))
                        .newInstance(args[i + 1], sources);
            }
        }
        System.out.println("  " + (args.length - 1) / 2 + " step functions initialised, each from its own folder alone");
    }
}
JAVA
"$JAVA_HOME/bin/javac" -d "$WORK/step-init" "$WORK/StepInit.java"
steps=0 pairs=()
while read -r fn handler vars; do
  dir="$OUT/$fn"
  found=$( { (cd "$dir" && find . -name '*.class' | sed 's#^\./##'); for j in "$dir"/lib/*.jar; do "$JAVA_HOME/bin/jar" tf "$j"; done; } | grep -E "$FORBIDDEN" | head -3 || true)
  [ -z "$found" ] || { echo "  FAIL $fn carries $found"; exit 1; }
  if [ "$steps" = 0 ]; then
    # The first exactly as Lambda starts it: its folder as class path, its variables, a SnapStart
    # init (an org-reading step runs its whole fetch against the loopback stand-in). No network.
    # shellcheck disable=SC2086 # vars is a list of NAME=value words
    env -i PATH="$PATH" AWS_LAMBDA_INITIALIZATION_TYPE=snap-start AWS_REGION=us-east-1 $vars \
      "$JAVA_HOME/bin/java" -XX:TieredStopAtLevel=1 -cp "$dir:$dir/lib/*:$WORK/step-init" StepInit "$handler" \
      || { echo "  FAIL $fn: its init does not run from its own artifact"; exit 1; }
  fi
  pairs+=("$dir" "$(sed -n 's/.*STEP=\([A-Za-z]*\).*/\1/p' <<<"$vars")")
  steps=$((steps + 1))
done <"$WORK/step-functions.txt"
# Every one the same way, in one JVM (a JVM per function took minutes): same variables, own folder.
# shellcheck disable=SC2046 # the first function's NAME=value words (STEP aside, the steps' variables are the same)
env -i PATH="$PATH" AWS_LAMBDA_INITIALIZATION_TYPE=snap-start AWS_REGION=us-east-1 $(head -1 "$WORK/step-functions.txt" | cut -d' ' -f3-) \
  "$JAVA_HOME/bin/java" -cp "$WORK/step-init" StepInit "$(head -1 "$WORK/step-functions.txt" | cut -d' ' -f2)" "${pairs[@]}" \
  || { echo "  FAIL a step function's init does not run from its own folder"; exit 1; }
java -cp "$OUT/$(head -1 "$WORK/step-functions.txt" | cut -d' ' -f1):$OUT/$(head -1 "$WORK/step-functions.txt" | cut -d' ' -f1)/lib/*" \
  "$WORK/EventsCheck.java" events "$prefix"
# The size each group ships: the zip SAM uploads (a deflated archive of the folder, as jar writes it).
size_of() { "$JAVA_HOME/bin/jar" --create --no-manifest --file "$WORK/$1.zip" -C "$OUT/$1" . && awk -v b="$(stat -c %s "$WORK/$1.zip")" 'BEGIN { printf "%.1f MB", b / 1048576 }'; }
sizes="steps ($steps functions) $(size_of "$(head -1 "$WORK/step-functions.txt" | cut -d' ' -f1)"), Intake/Record/Probe $(size_of IntakeFunction)"
echo "  zipped: $sizes"
phase_end "no SDK, sim, CLI or picocli; $steps inits ran; $sizes"

# ---------------------------------------------------------------- 8. a second, cached sam build
# samconfig.toml asks for cached builds (as `sam init` projects do): with nothing changed, the second
# build must reuse every artifact, run no Maven, and print no shading warnings.
phase_start "sam build again, nothing changed (samconfig.toml: cached = true)"
if ! ( cd "$SRC" && "$VENV/bin/sam" build --build-dir "$SRC/.aws-sam/build" > "$WORK/sam-build-2.log" 2>&1 ) \
    || ! grep -q "Build Succeeded" "$WORK/sam-build-2.log"; then
  echo "  FAIL second sam build:"; tail -20 "$WORK/sam-build-2.log"; exit 1
fi
grep -q "Valid cache found" "$WORK/sam-build-2.log" || { echo "  FAIL the second build did not use the cache"; exit 1; }
if grep -q "Cache is invalid\|JavaMavenWorkflow:MavenBuild" "$WORK/sam-build-2.log"; then
  echo "  FAIL the second build rebuilt something:"; grep "Cache is invalid\|JavaMavenWorkflow" "$WORK/sam-build-2.log"; exit 1
fi
# grep -c exits 1 when it counts nothing, which pipefail would turn into the script's exit.
overlaps=$({ grep -ci "overlapping" "$WORK/sam-build.log" "$WORK/sam-build-2.log" || true; } | awk -F: '{ n += $2 } END { print n + 0 }')
[ "$overlaps" = 0 ] || { echo "  FAIL $overlaps shading overlap warnings in the builds"; exit 1; }
phase_end "every artifact from the cache, no Maven run, no shading warnings"

echo; printf '%s\n' "${SUMMARY[@]}"
