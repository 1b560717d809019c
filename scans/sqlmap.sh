#!/usr/bin/env bash
# SQL injection scan of the two forms, with Debian's sqlmap, on loopback only:
#   apt-get install sqlmap && mvn -B package -DskipTests && scans/sqlmap.sh
# The forms carry an anti-CSRF token (docs/decisions/008): sqlmap keeps the cookie and refreshes the field.
# Exits non-zero if sqlmap calls any parameter injectable. Output: target/scans/sqlmap/; results: docs/security.md.
set -euo pipefail
source "$(dirname "$0")/launch.sh"
OUT="${REPO}/target/scans/sqlmap"
mkdir -p "$OUT"
status=0
for page in login register; do
    sqlmap -u "$BASE/$page" --forms --batch --flush-session --threads 1 --disable-coloring --csrf-token=csrf_token --csrf-url="$BASE/$page" \
        --output-dir "$OUT" 2>&1 | tee "$OUT/$page.txt"
    if grep -Eiq "is vulnerable|sqlmap identified the following injection point" "$OUT/$page.txt"; then
        echo "INJECTABLE: /$page" >&2
        status=1
    fi
done
echo "sqlmap: $(cat "$OUT"/login.txt "$OUT"/register.txt | grep -c 'do not appear to be injectable') forms with nothing injectable"
exit $status
