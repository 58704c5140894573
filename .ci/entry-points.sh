#!/usr/bin/env bash
# The entry points as a newcomer meets them, on this machine's JDKs:
#   1. no JDK >= 21 to be found: ./mvnw, ./login-doctor and .ci/run each stop within a few seconds
#      with one line on stderr saying what to install; plain mvn on an older Java (what sam build
#      runs) prints that line on stderr too, and ./mvnw with JAVA_HOME at that older JDK still
#      builds on a JDK >= 21 (both when this machine has an older JDK to try them with)
#   2. the README's first command exactly as written, without JAVA_HOME and with an older `java`
#      first on PATH, under a throwaway HOME: it builds, the demo passes, ~/.login-doctor is untouched
#   3. the README's sim + diagnose example, taken from README.md (so a drifting README fails here),
#      on a free port and in a temporary folder
#
# Usage: .ci/entry-points.sh      (after a build is not needed: step 2 builds)
# Run by .ci/run. The JDKs are hidden with LOGIN_DOCTOR_JDK_SEARCH_PATH and a fake `java` 17 on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
# shellcheck source=../.mvn/pick-jdk.sh
. .mvn/pick-jdk.sh

tmp=$(mktemp -d "${TMPDIR:-/tmp}/login-doctor-entry.XXXXXX")
sim_pid=""
cleanup() { [ -z "$sim_pid" ] || kill -- "-$sim_pid" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
failures=0
pass() { echo "  ok    $1"; }
fail() { echo "  FAIL  $1"; failures=$((failures + 1)); }

# A `java` 17 that is no JDK we could use: first on PATH in every check below, whatever this machine has.
mkdir -p "$tmp/old-java/bin"
printf '#!/bin/sh\necho '\''openjdk version "17.0.1" 2021-10-19'\'' >&2\n' > "$tmp/old-java/bin/java"
cp "$tmp/old-java/bin/java" "$tmp/old-java/bin/javac"
chmod +x "$tmp/old-java/bin/java" "$tmp/old-java/bin/javac"
OLD_FIRST="$tmp/old-java/bin:$PATH"

echo "== 1. no JDK >= 21 anywhere: every entry point says so in one line"
expect_one_line() { # name, then the command
  local name=$1; shift
  local start=$SECONDS rc=0
  env -u JAVA_HOME PATH="$OLD_FIRST" LOGIN_DOCTOR_JDK_SEARCH_PATH="$tmp/none" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
  local lines; lines=$(wc -l <"$tmp/err")
  if [ "$rc" != 0 ] && [ "$lines" = 1 ] && grep -q "needs a JDK >= 21" "$tmp/err" && [ $((SECONDS - start)) -le 3 ]; then
    pass "$name: exit $rc in $((SECONDS - start)) s: $(cat "$tmp/err")"
  else
    fail "$name: exit $rc, $lines line(s) on stderr in $((SECONDS - start)) s:"; sed 's/^/        /' "$tmp/err" "$tmp/out" | head -20
  fi
}
expect_one_line "./mvnw" ./mvnw -q -B -o validate
expect_one_line "./login-doctor" ./login-doctor --version
expect_one_line ".ci/run" .ci/run

# Plain mvn on a real older JDK: the line must be on stderr, the only stream sam build shows.
older=""
for d in /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
  v=$(ld_jdk_version "$d" 2>/dev/null) || continue
  if [ "$v" -ge 11 ] && [ "$v" -lt 21 ]; then older=$d; break; fi
done
if [ -n "$older" ] && command -v mvn >/dev/null; then
  rc=0
  env JAVA_HOME="$older" PATH="$older/bin:$PATH" mvn -q -B validate >"$tmp/out" 2>"$tmp/err" || rc=$?
  if [ "$rc" != 0 ] && grep -q "login-doctor: needs a JDK >= 21 to build, but Maven runs on Java" "$tmp/err"; then
    pass "mvn on Java $(ld_jdk_version "$older"): exit $rc, stderr: $(grep -m1 needs "$tmp/err")"
  else
    fail "mvn on Java $(ld_jdk_version "$older"): exit $rc, stderr:"; sed 's/^/        /' "$tmp/err" | head -10
  fi
else
  echo "  skip  plain mvn on an older JDK (no JDK < 21 or no mvn on this machine)"
fi
# JAVA_HOME left pointing at an older JDK (a common shell profile): ./mvnw still builds on a JDK >= 21,
# so classes compiled earlier by a newer JDK are never run by the older one (a class-version error).
if [ -n "$older" ]; then
  rc=0
  env JAVA_HOME="$older" PATH="$older/bin:$PATH" ./mvnw -q -B -o validate >"$tmp/out" 2>"$tmp/err" || rc=$?
  if [ "$rc" = 0 ]; then pass "./mvnw with JAVA_HOME=$older builds on a JDK >= 21"; else fail "./mvnw with JAVA_HOME=$older: exit $rc"; fi
fi

echo "== 2. the README's first command, as written, without JAVA_HOME, an older java first on PATH"
first=$(grep -m1 -E '^\./mvnw .*package.*&& \./login-doctor demo$' README.md) || { fail "README.md has no './mvnw ... package ... && ./login-doctor demo' line"; first=""; }
if [ -n "$first" ]; then
  mkdir -p "$tmp/home"
  real_before=$(find "$HOME/.login-doctor" -type f -exec sha256sum {} + 2>/dev/null | sort || true)
  rc=0
  # A throwaway HOME, but the machine's Maven repository and wrapper (nothing to download again).
  env -u JAVA_HOME -u LOGIN_DOCTOR_HOME HOME="$tmp/home" PATH="$OLD_FIRST" MAVEN_USER_HOME="$HOME/.m2" \
    MAVEN_ARGS="-Dmaven.repo.local=$HOME/.m2/repository" bash -c "$first" >"$tmp/out" 2>"$tmp/err" || rc=$?
  if [ "$rc" = 0 ] && grep -qE '^([0-9]+) of \1 diagnosed right' "$tmp/out"; then
    pass "$first: $(grep -E 'diagnosed right' "$tmp/out" | cut -c1-60)..."
  else
    fail "$first: exit $rc"; tail -20 "$tmp/out" "$tmp/err" | sed 's/^/        /'
  fi
  if [ -e "$tmp/home/.login-doctor" ]; then fail "the demo wrote under \$HOME/.login-doctor"; else pass "the demo left \$HOME/.login-doctor alone"; fi
  real_after=$(find "$HOME/.login-doctor" -type f -exec sha256sum {} + 2>/dev/null | sort || true)
  [ "$real_before" = "$real_after" ] && pass "the real ~/.login-doctor is unchanged" || fail "the real ~/.login-doctor changed"
fi

echo "== 3. the README's sim + diagnose example, as a script"
# The fenced block that starts the sim, from README.md; /tmp and the port are swapped for private ones.
example=$(awk '/^```/ { if (inside) { if (block ~ /login-doctor sim --port [0-9]/) { print block; exit } inside = 0; block = "" } else { inside = 1 } next }
               inside { block = block $0 "\n" }' README.md)
if [ -z "$example" ] || ! grep -q "login-doctor diagnose" <<<"$example"; then
  fail "README.md has no fenced block with login-doctor sim and diagnose"
else
  port=""
  for _ in $(seq 50); do
    candidate=$((20000 + RANDOM % 30000))
    if ! (: </dev/tcp/127.0.0.1/$candidate) 2>/dev/null; then port=$candidate; break; fi
  done
  readme_port=$(grep -oE -- '--port [0-9]+' <<<"$example" | head -1 | cut -d' ' -f2)
  mkdir -p "$tmp/ex"
  script=$(sed -e "s#/tmp/#$tmp/ex/#g" -e "s#\\b$readme_port\\b#$port#g" <<<"$example")
  printf '%s\n' "$script" | sed 's/^/        /'
  rc=0
  # A session of its own, so that a failing example leaves no sim behind: the cleanup stops the group.
  (cd "$repo" && exec env -u LOGIN_DOCTOR_HOME HOME="$tmp/home" setsid bash -e -c "$script") >"$tmp/out" 2>"$tmp/err" &
  sim_pid=$!
  wait "$sim_pid" || rc=$?
  kill -- "-$sim_pid" 2>/dev/null || true
  sim_pid=""
  scenario=$(grep -oE -- '--scenario [a-z-]+' <<<"$example" | head -1 | cut -d' ' -f2)
  if [ "$rc" = 0 ] && grep -q "^Cause: " "$tmp/out"; then
    pass "the example ran: $(grep '^Cause: ' "$tmp/out") (scenario $scenario)"
  else
    fail "the example: exit $rc"; tail -20 "$tmp/out" "$tmp/err" | sed 's/^/        /'
  fi
  if grep -qi "exception\|^\s*at " "$tmp/err"; then fail "a stack trace on stderr"; fi
fi

echo
if [ "$failures" -gt 0 ]; then echo "$failures check(s) failed"; exit 1; fi
echo "every entry point behaved"
