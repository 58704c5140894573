#!/usr/bin/env bash
# Installs the engines the tests start by themselves, from the package registries only:
#   node_modules/  aws-local-stepfunctions (runs the ASL), asl-validator, node@22 (the Node they need),
#                  jsforce and @aws-sdk/client-lambda (the Node reporter snippet of docs/INTEGRATIONS.md)
#   .venv/         moto's server (DynamoDB, EventBridge, Step Functions, Secrets Manager),
#                  simple-salesforce and boto3 (the Python reporter snippet)
# Each is skipped while a marker named by the hash of its requirement files is there, so a repeated
# build costs nothing and a changed pin re-installs. The marker is named by the hash (not one file
# holding it) so that work trees sharing one node_modules/.venv with different pins each see whether
# theirs were installed instead of re-installing in turn. Run by Maven in generate-test-resources.
set -euo pipefail
cd "$(dirname "$0")/../../.."

requirements_hash() { cat "$@" | sha256sum | cut -d' ' -f1; }

node_hash=$(requirements_hash package.json package-lock.json)
if [ ! -e "node_modules/.installed-sha256-$node_hash" ] || [ ! -x node_modules/.bin/node ]; then
  command -v npm >/dev/null || { echo "the tests need npm (Node.js) on PATH to install their tools" >&2; exit 1; }
  npm ci --no-audit --no-fund --loglevel=error
  node_version=$(node_modules/.bin/node --version)
  case "$node_version" in
    v2[2-9].*|v[3-9][0-9].*) ;;
    *) echo "node_modules/.bin/node is $node_version; aws-local-stepfunctions needs >= 22" >&2; exit 1 ;;
  esac
  touch "node_modules/.installed-sha256-$node_hash"   # npm ci emptied node_modules, older markers with it
fi

python_hash=$(requirements_hash requirements-test.txt)
if [ ! -e ".venv/.installed-sha256-$python_hash" ] || [ ! -x .venv/bin/moto_server ]; then
  command -v python3 >/dev/null || { echo "the tests need python3 (with venv) on PATH to install their tools" >&2; exit 1; }
  python3 -m venv .venv
  rm -f .venv/.installed-sha256-*   # pip only adds: another pin set's marker may no longer hold
  .venv/bin/pip install --quiet --disable-pip-version-check -r requirements-test.txt
  touch ".venv/.installed-sha256-$python_hash"
fi
