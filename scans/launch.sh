#!/usr/bin/env bash
# Sourced by the scan scripts: starts target/gatehouse.jar on 127.0.0.1:$SCAN_PORT in a fresh directory under
# target/scans/, waits for its first 200, and stops it when the script exits. Build it first: mvn -B package -DskipTests
set -euo pipefail
SCAN_PORT="${SCAN_PORT:-28190}"
BASE="http://127.0.0.1:${SCAN_PORT}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="$(mktemp -d "${REPO}/target/scans/run-XXXX" 2>/dev/null || { mkdir -p "${REPO}/target/scans"; mktemp -d "${REPO}/target/scans/run-XXXX"; })"
(cd "$RUN_DIR" && GATEHOUSE_PORT="$SCAN_PORT" exec java -jar "${REPO}/target/gatehouse.jar" >server.log 2>&1) &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 900); do
    if curl -fs -o /dev/null "$BASE/"; then break; fi
    sleep 0.1
done
curl -fsS -o /dev/null "$BASE/" || { echo "gatehouse did not start; see $RUN_DIR/server.log" >&2; exit 1; }
