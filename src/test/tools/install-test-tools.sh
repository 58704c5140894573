#!/usr/bin/env bash
# Installs the engines the tests start by themselves, from the package registries only:
#   node_modules/  aws-local-stepfunctions (runs the ASL), asl-validator, node@22 (the Node they need)
#   .venv/         moto's server (DynamoDB, EventBridge, Step Functions, Secrets Manager)
# Each is skipped while the hash of its requirement files matches the one recorded after the last
# install, so a repeated build costs nothing. Run by Maven in generate-test-resources.
set -euo pipefail
cd "$(dirname "$0")/../../.."

requirements_hash() { cat "$@" | sha256sum | cut -d' ' -f1; }

node_hash=$(requirements_hash package.json package-lock.json)
if [ "$(cat node_modules/.installed-hash 2>/dev/null)" != "$node_hash" ] || [ ! -x node_modules/.bin/node ]; then
  command -v npm >/dev/null || { echo "the tests need npm (Node.js) on PATH to install their tools" >&2; exit 1; }
  npm ci --no-audit --no-fund --loglevel=error
  node_version=$(node_modules/.bin/node --version)
  case "$node_version" in
    v2[2-9].*|v[3-9][0-9].*) ;;
    *) echo "node_modules/.bin/node is $node_version; aws-local-stepfunctions needs >= 22" >&2; exit 1 ;;
  esac
  echo "$node_hash" > node_modules/.installed-hash
fi

python_hash=$(requirements_hash requirements-test.txt)
if [ "$(cat .venv/.installed-hash 2>/dev/null)" != "$python_hash" ] || [ ! -x .venv/bin/moto_server ]; then
  command -v python3 >/dev/null || { echo "the tests need python3 (with venv) on PATH to install their tools" >&2; exit 1; }
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check -r requirements-test.txt
  echo "$python_hash" > .venv/.installed-hash
fi
