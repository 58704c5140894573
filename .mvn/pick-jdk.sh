# Sourced (POSIX sh) by ./mvnw, ./login-doctor, .ci/run and .ci/sam-checks.sh: one rule for which
# JDK runs the project, so no entry point depends on which `java` happens to be first on PATH.
#
#   pick_jdk NAME   exports JAVA_HOME (and puts its bin first on PATH) to a JDK >= 21, or prints one
#                   line saying what to install or set, prefixed with NAME, and returns 1.
#
# Order: $JAVA_HOME if it is a JDK >= 21; then the JDK behind `java` on PATH; then the usual install
# folders, preferring 21 (what Lambda runs), else the newest. LOGIN_DOCTOR_JDK_SEARCH_PATH (folders
# or globs separated by ':') replaces those folders; the tests use it to hide every JDK.

LOGIN_DOCTOR_MIN_JAVA=21

# The feature version of the JDK at $1 (25 for 25.0.1, 8 for 1.8.0), or nothing if it is not a JDK.
ld_jdk_version() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  if [ -f "$1/release" ]; then
    ld_v=$(sed -n 's/^JAVA_VERSION="\([0-9.]*\).*/\1/p' "$1/release")
  else
    ld_v=$("$1/bin/java" -version 2>&1 | sed -n 's/.* version "\([0-9.]*\).*/\1/p' | head -n 1)
  fi
  case "$ld_v" in 1.*) ld_v=${ld_v#1.} ;; esac
  ld_v=${ld_v%%.*}
  [ -n "$ld_v" ] && echo "$ld_v"
}

ld_describe() { if [ -n "$1" ]; then echo "Java $1"; else echo "not a JDK"; fi; }

ld_jdk_home_of_path_java() {
  ld_java=$(command -v java 2>/dev/null) || return 1
  ld_java=$(readlink -f "$ld_java" 2>/dev/null || echo "$ld_java")
  dirname "$(dirname "$ld_java")"
}

pick_jdk() {
  ld_name=${1:-login-doctor}
  ld_seen=""
  if [ -n "${JAVA_HOME:-}" ]; then
    ld_v=$(ld_jdk_version "$JAVA_HOME") || ld_v=""
    if [ "${ld_v:-0}" -ge "$LOGIN_DOCTOR_MIN_JAVA" ]; then ld_use_jdk "$JAVA_HOME"; return 0; fi
    ld_seen="JAVA_HOME=$JAVA_HOME is $(ld_describe "$ld_v")"
  fi
  if ld_home=$(ld_jdk_home_of_path_java); then
    ld_v=$(ld_jdk_version "$ld_home") || ld_v=""
    if [ "${ld_v:-0}" -ge "$LOGIN_DOCTOR_MIN_JAVA" ]; then ld_use_jdk "$ld_home"; return 0; fi
    ld_seen="${ld_seen:+$ld_seen; }java on PATH is $(ld_describe "$ld_v") ($ld_home)"
  fi
  ld_best="" ld_best_v=0
  ld_search=${LOGIN_DOCTOR_JDK_SEARCH_PATH-/usr/lib/jvm/*:/opt/java/*:$HOME/.sdkman/candidates/java/*:/Library/Java/JavaVirtualMachines/*/Contents/Home}
  ld_noglob=0
  case $- in *f*) ld_noglob=1; set +f ;; esac
  ld_ifs=$IFS
  IFS=:
  for ld_pattern in $ld_search; do
    IFS=''
    for ld_dir in $ld_pattern; do
      ld_v=$(ld_jdk_version "$ld_dir") || continue
      [ "$ld_v" -ge "$LOGIN_DOCTOR_MIN_JAVA" ] || continue
      if [ "$ld_v" -eq "$LOGIN_DOCTOR_MIN_JAVA" ]; then ld_best=$ld_dir; break 2; fi
      if [ "$ld_v" -gt "$ld_best_v" ]; then ld_best=$ld_dir ld_best_v=$ld_v; fi
    done
    IFS=:
  done
  IFS=$ld_ifs
  [ "$ld_noglob" = 0 ] || set -f
  if [ -n "$ld_best" ]; then ld_use_jdk "$ld_best"; return 0; fi
  echo "$ld_name: needs a JDK >= $LOGIN_DOCTOR_MIN_JAVA (${ld_seen:-no java found}); install one (e.g. Temurin 21 from https://adoptium.net) or set JAVA_HOME to it" >&2
  return 1
}

ld_use_jdk() {
  JAVA_HOME=$1
  PATH="$1/bin:$PATH"
  export JAVA_HOME PATH
}
