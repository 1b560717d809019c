#!/usr/bin/env bash
# Scan of the signed-in application with Debian's wapiti, on loopback only:
#   apt-get install wapiti && mvn -B package -DskipTests && scans/wapiti.sh
# Signs up an account, hands wapiti its session cookie, keeps it away from /logout, and leaves out the modules
# that call an outside server (ssrf, xxe) or download databases (nikto, wapp). Report: target/scans/wapiti/;
# results: docs/security.md.
set -euo pipefail
source "$(dirname "$0")/launch.sh"
OUT="${REPO}/target/scans/wapiti"
mkdir -p "$OUT"
USER_NAME="scan$(date +%s)"
PASSWORD="wapiti scans the signed-in app"
FORM="$(curl -fsS -c "$OUT/jar" "$BASE/register")"
VIEW_STATE="$(sed -n 's/.*name="jakarta.faces.ViewState"[^>]*value="\([^"]*\)".*/\1/p' <<<"$FORM")"
TOKEN="$(sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' <<<"$FORM")"
curl -fsS -o /dev/null -b "$OUT/jar" -c "$OUT/jar" -d "register=register&signUp=Sign+up&jakarta.faces.ViewState=$VIEW_STATE&csrf_token=$TOKEN&username=$USER_NAME&password=${PASSWORD// /+}&confirmation=${PASSWORD// /+}" "$BASE/register"
SESSION="$(awk '$6 == "JSESSIONID" { print $7 }' "$OUT/jar")"
[ -n "$SESSION" ] || { echo "sign-up gave no session" >&2; exit 1; }
cat > "$OUT/cookies.json" <<JSON
{"127.0.0.1": {"/": {"JSESSIONID": {"value": "$SESSION", "version": 0, "expires": null, "secure": false, "port": null}}}}
JSON
curl -fsS "$BASE/profile" -b "JSESSIONID=$SESSION" | grep -q "Welcome, $USER_NAME"
# Debian's wapiti 3.0.4 builds its --exclude patterns with a regex flag that Python 3.11 refuses, and its wapp and
# nikto modules download their databases from the internet when loaded, even unused: run it with the first fixed
# and the downloads turned off, and with a dead proxy for anything but loopback.
wapiti() {
    HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 NO_PROXY=127.0.0.1 /usr/bin/python3 - "$@" <<'PY'
import re, sys
import wapitiCore.net.crawler as crawler
from wapitiCore.attack import mod_nikto, mod_wapp
crawler.wildcard_translate = lambda pattern: re.compile(
    "(?ms)" + "".join(".*" if char == "*" else re.escape(char) for char in pattern) + r"\Z")
mod_nikto.mod_nikto.update = lambda self: None
mod_wapp.mod_wapp.update = lambda self: None
from wapitiCore.main.wapiti import wapiti_main
sys.argv[0] = "wapiti"
wapiti_main()
PY
}
wapiti -u "$BASE/" --scope folder -c "$OUT/cookies.json" -x "$BASE/logout" \
    -s "$BASE/login" -s "$BASE/login?error" -s "$BASE/register" -s "$BASE/sign-out" -s "$BASE/health" \
    -m "backup,blindsql,cookieflags,crlf,csp,csrf,exec,file,htaccess,http_headers,methods,permanentxss,redirect,shellshock,sql,xss" \
    --flush-session --max-scan-time 600 --max-attack-time 120 -f json -o "$OUT/report.json" -v 1 2>&1 | tee "$OUT/wapiti.txt"
curl -fsS "$BASE/profile" -b "JSESSIONID=$SESSION" | grep -q "Welcome, $USER_NAME" \
    || echo "note: the session ended during the scan" >&2
python3 - "$OUT/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
found = [(kind, item.get("level") or 0, item.get("method"), item.get("path"), item.get("info"))
         for section in ("vulnerabilities", "anomalies") for kind, items in report.get(section, {}).items()
         for item in items]
for kind, level, method, path, info in found:
    print(f"level {level}: {kind}: {method} {path}: {info}")
above_low = [f for f in found if f[1] >= 2]
print(f"wapiti: {len(found)} findings, {len(above_low)} above low")
sys.exit(1 if above_low else 0)
PY
