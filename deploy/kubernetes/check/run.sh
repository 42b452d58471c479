#!/usr/bin/env bash
# Renders the Kubernetes manifests and validates them offline (README, "Deploying to Kubernetes"): Node.js and npm only.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
npm ci --no-audit --no-fund --loglevel=error
node check.mjs
