#!/usr/bin/env bash
# CPU profile of one page, uncached: publishes Release, imports the real 2018 file into a temporary SQLite database,
# starts the app on 127.0.0.1 with the output cache off, and samples its threads with dotnet-trace while wrk requests
# the page over 2 connections (as many as cores, so the profile shows the page, not queueing). Prints the share of
# request time per part of the page (tests/benchmarks/profile-summary.py).
#
#   tests/benchmarks/profile-page.sh                       # /organisations/06P
#   URL=/organisations/06P/questions/59 tests/benchmarks/profile-page.sh
#   KEEP=/tmp/page.json tests/benchmarks/profile-page.sh   # keep the speedscope profile (open in speedscope.app)
#   SIGNED_IN=1 tests/benchmarks/profile-page.sh           # as a signed-in administrator, as load-test.sh signs in
#
# Needs wrk and dotnet-trace (installed as a global dotnet tool when missing).
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
port=${PORT:-5094}
url=${URL:-/organisations/06P}
data_dir=${CPES_DATA_DIR:-$repo/../shared/data/cpes}
file=${DATA_FILE:-$data_dir/cpes-2018-combined.csv.gz}
base=http://127.0.0.1:$port
[ -f "$file" ] || { echo "profile-page: $file not found (set CPES_DATA_DIR)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "profile-page: wrk is missing (apt-get install -y wrk)" >&2; exit 2; }
export PATH=$PATH:$HOME/.dotnet/tools DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v dotnet-trace >/dev/null || dotnet tool install -g dotnet-trace --version 10.0.750501 >/dev/null

work=$(mktemp -d /tmp/lcs-profile.XXXXXX)
app_pid=
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

timeout 900 dotnet publish src/LutonCancerSurvey.Web/LutonCancerSurvey.Web.csproj -c Release -o "$work/app" -v quiet -nologo >/dev/null
export ASPNETCORE_ENVIRONMENT=Production DataProtection__AllowUnencryptedKeys=true Logging__Json=false Serilog__MinimumLevel__Default=Warning
export ConnectionStrings__Survey="Data Source=$work/survey.db"
(cd "$work/app" && timeout 900 dotnet LutonCancerSurvey.Web.dll import "$file" --publish) >"$work/import.log" 2>&1 || {
  cat "$work/import.log" >&2; exit 1; }

(cd "$work/app" && exec env Caching__Enabled=false Security__RequireHttps=false ASPNETCORE_URLS=$base dotnet LutonCancerSurvey.Web.dll) >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 60); do curl -fs -o /dev/null "$base/health" && break; sleep 1; done
header=()
if [ -n "${SIGNED_IN:-}" ]; then
  email=profile@example.nhs.uk password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')Aa1! jar=$work/cookies.txt
  (cd "$work/app" && LCS_ADMIN_PASSWORD=$password timeout 120 dotnet LutonCancerSurvey.Web.dll create-admin --email "$email") >"$work/admin.log" 2>&1
  token=$(curl -s -c "$jar" -b "$jar" "$base/account/sign-in" \
    | grep -oE 'name="__RequestVerificationToken"[^>]*value="[^"]+"' | head -1 | sed -E 's/.*value="([^"]+)"$/\1/')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Email=$email" --data-urlencode "Password=$password" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/account/sign-in"
  header=(-H "Cookie: $(awk '$6 ~ /^lcs\./ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")")
fi
timeout 20 wrk -t1 -c2 -d5s "${header[@]}" "$base$url" >/dev/null 2>&1 || true   # warm up: JIT, EF query cache, SQLite page cache

timeout 60 dotnet-trace collect -p "$app_pid" --profile dotnet-sampled-thread-time --duration 00:00:00:15 \
  -o "$work/page.nettrace" >"$work/trace.log" 2>&1 &
tracer=$!
sleep 2
timeout 30 wrk -t1 -c2 -d12s --latency "${header[@]}" "$base$url" | grep -E '^Requests/sec|^ +(50|99)%'
wait "$tracer"
dotnet-trace convert "$work/page.nettrace" --format Speedscope -o "$work/page.json" >/dev/null
echo
echo "profile of $url (uncached, 2 connections${SIGNED_IN:+, signed in}):"
python3 "$repo/tests/benchmarks/profile-summary.py" "$work"/page*.json
if [ -n "${KEEP:-}" ]; then cp "$work"/page*.json "$KEEP"; echo "profile kept in $KEEP"; fi
