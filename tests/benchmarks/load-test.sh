#!/usr/bin/env bash
# Page load benchmark: publishes Release, imports the real 2018 CPES file (published) into a temporary SQLite
# database, then starts the app on 127.0.0.1 twice on that database, "uncached" (Caching__Enabled=false: the pages
# themselves) and "cached" (as deployed: output cache keyed by the data stamp), and measures each page with wrk beside
# a static file of about the same size served by the same Kestrel as the yardstick. In the cached run it also measures
# the pages as a signed-in administrator ("signed-in"), whom the output cache never serves, like a commissioner: every
# such request is computed, from what is held per data version and kind of viewer. Samples the app's VmRSS during
# each run and measures the overview page's weight as a browser downloads it.
#
#   tests/benchmarks/load-test.sh
#   PORT=5095 CPES_DATA_DIR=/path/to/cpes tests/benchmarks/load-test.sh
#   DATA_FILE=/tmp/synthetic-cpes-10x.csv.gz ORG=S0001 tests/benchmarks/load-test.sh   # synthetic data, see SyntheticData
#
# Client and server share the machine: compare the ratios within one run, not absolute figures across machines.
# Budgets (docs/performance.md): cached anonymous pages >= 60 % of the static file's req/s; uncached organisation
# results page p99 < 25 ms; signed-in organisation page p99 < 25 ms and <= 2 ms of CPU per request; server memory under load < 300 MB; overview page weight < 200 KB compressed (HTML plus
# the CSS and JavaScript it loads).
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"

port=${PORT:-5093}
data_dir=${CPES_DATA_DIR:-$repo/../shared/data/cpes}
file=${DATA_FILE:-$data_dir/cpes-2018-combined.csv.gz}
org=${ORG:-06P}
base=http://127.0.0.1:$port

if [ ! -f "$file" ]; then
  echo "load-test: $file not found (set CPES_DATA_DIR)" >&2
  exit 2
fi

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "load-test: wrk is missing (apt-get install -y wrk)" >&2
    exit 2
  fi
fi

if curl -s -o /dev/null "$base/" 2>/dev/null; then
  echo "load-test: something already listens on $base; choose another PORT" >&2
  exit 2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d /tmp/lcs-load-test.XXXXXX)
app_pid=
cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "publishing Release..."
timeout 900 dotnet publish src/LutonCancerSurvey.Web/LutonCancerSurvey.Web.csproj -c Release -o "$work/app" -v quiet -nologo >/dev/null

# Production settings, minus per-request log lines: they would measure the console, not the app. The throwaway
# database on this machine needs no encrypted keys (DataProtection__AllowUnencryptedKeys).
export ASPNETCORE_ENVIRONMENT=Production
export DataProtection__AllowUnencryptedKeys=true
export Logging__Json=false
export Serilog__MinimumLevel__Default=Warning
export ConnectionStrings__Survey="Data Source=$work/survey.db"
# Plain HTTP on 127.0.0.1, so the sign-in (HTTPS-only in Production) is allowed over it.
export Security__RequireHttps=false

echo "importing $(basename "$file")..."
(cd "$work/app" && timeout "${IMPORT_TIMEOUT:-900}" dotnet LutonCancerSurvey.Web.dll import "$file" --publish) >"$work/import.log" 2>&1 || {
  cat "$work/import.log" >&2; exit 1; }
grep -E 'rows in' "$work/import.log" || true
admin_email=load-test@example.nhs.uk
admin_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')Aa1!
(cd "$work/app" && LCS_ADMIN_PASSWORD=$admin_password timeout 120 dotnet LutonCancerSurvey.Web.dll create-admin --email "$admin_email") \
  >"$work/admin.log" 2>&1 || { cat "$work/admin.log" >&2; exit 1; }
echo "database: $(du -k "$work/survey.db" | cut -f1) kB ($(basename "$file"), $(stat -c %s "$file") bytes)"

# The content root is the working directory, so start the app from the publish folder (wwwroot, appsettings).
# Extra environment (e.g. Caching__Enabled=false) is passed as arguments: start_app VAR=value ...
start_app() {
  (cd "$work/app" && exec env "$@" ASPNETCORE_URLS=$base dotnet LutonCancerSurvey.Web.dll) >"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 60); do
    curl -fs -o /dev/null "$base/health" && break
    kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
    sleep 1
  done
  curl -fs -o /dev/null "$base/health" || { echo "the app did not become healthy" >&2; cat "$work/app.log" >&2; exit 1; }
}
# Signs the administrator in through the sign-in form and prints its cookies (sign-in and antiforgery) as a Cookie
# header's value, as a browser sends them back: without the antiforgery cookie every page would mint a new one.
signed_in_cookie() {
  local jar=$work/cookies.txt token
  rm -f "$jar"
  token=$(curl -s -c "$jar" -b "$jar" "$base/account/sign-in" \
    | grep -oE 'name="__RequestVerificationToken"[^>]*value="[^"]+"' | head -1 | sed -E 's/.*value="([^"]+)"$/\1/')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Email=$admin_email" --data-urlencode "Password=$admin_password" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/account/sign-in"
  awk '$6 ~ /^lcs\./ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar"
}
stop_app() {
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=
}

pages=(
  "/"
  "/organisations/$org"
  "/organisations/$org?year=2018&tumour=breast&basis=unadjusted"
  "/organisations/$org/questions/59"
  "/api/v1/organisations/$org/results"
)

# wrk prints latencies as 812.00us, 1.23ms or 1.02s.
to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }' <<<"$1"; }

# The app's resident memory (VmRSS, kB), sampled every 0.2 s while wrk runs; the maximum is reported.
rss_max_kb=0
sample_rss() {
  while kill -0 "$app_pid" 2>/dev/null; do
    awk '/^VmRSS:/ { print $2 }' "/proc/$app_pid/status" 2>/dev/null || true
    sleep 0.2
  done
}

# The app's CPU time (user + system, in clock ticks) from /proc/<pid>/stat.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$app_pid/stat"; }
ticks_per_s=$(getconf CLK_TCK)

# measure MODE URL [CONNECTIONS] [ACCEPT_ENCODING] [COOKIE]: wrk for DURATION s; records req/s, p50, p99 and the app's CPU
# milliseconds per request (its CPU time over the run divided by the requests served).
declare -A rps p50 p99 status bytes rss cpu
measure() {
  local mode=$1 url=$2 connections=${3:-16} encoding=${4:-} cookie=${5:-} out key="$1 $2" before after requests
  local header=()
  if [ -n "$encoding" ]; then header=(-H "Accept-Encoding: $encoding"); fi
  if [ -n "$cookie" ]; then header+=(-H "Cookie: $cookie"); fi
  status[$key]=$(curl -s -o /dev/null -w '%{http_code}' "${header[@]}" "$base$url")
  bytes[$key]=$(curl -s -o /dev/null -w '%{size_download}' "${header[@]}" "$base$url")
  before=$(cpu_ticks)
  out=$(timeout 30 wrk -t2 -c"$connections" -d${DURATION:-10}s --latency "${header[@]}" "$base$url" 2>&1) || true
  after=$(cpu_ticks)
  requests=$(awk '/requests in/ { print $1 }' <<<"$out")
  cpu[$key]=$(awk -v t=$((after - before)) -v hz="$ticks_per_s" -v n="${requests:-0}" 'BEGIN { printf "%.2f", (n > 0 ? 1000 * t / hz / n : 0) }')
  rps[$key]=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
  p50[$key]=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  p99[$key]=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  if grep -q 'Non-2xx' <<<"$out"; then
    echo "  $mode $url: $(grep 'Non-2xx' <<<"$out" | sed 's/^ *//')"
  fi
}

# Each mode is a fresh start of the app on the same database: "cached" as deployed, "uncached" with the output cache
# switched off (Caching__Enabled=false), so the second measures the pages themselves.
run_mode() {
  local mode=$1; shift
  start_app "$@"
  if [ -z "${static_url:-}" ]; then
    # Yardstick: the static file under wwwroot (no source maps or images) closest in size to the overview HTML.
    overview_bytes=$(curl -s -o /dev/null -w '%{size_download}' "$base/")
    static_path=$(cd "$work/app/wwwroot" && find css js lib -type f \( -name '*.css' -o -name '*.js' \) -printf '%s %p\n' \
      | awk -v t="$overview_bytes" '{ d = $1 - t; if (d < 0) d = -d; print d, $2 }' | sort -n | head -1 | cut -d' ' -f2)
    static_url=/$static_path
    static_bytes=$(curl -s -o /dev/null -w '%{size_download}' "$base$static_url")
  fi
  echo "$mode: warming up..."
  for url in "${pages[@]}" "$static_url"; do
    for _ in 1 2 3; do curl -s -o /dev/null "$base$url"; done
    timeout 15 wrk -t2 -c16 -d5s "$base$url" >/dev/null 2>&1 || true   # JIT tiering settles within a few thousand requests
  done
  echo "$mode: measuring (wrk -t2 -c16 -d${DURATION:-10}s each)..."
  sample_rss >"$work/rss-$mode.txt" &
  local sampler=$!
  measure "$mode" "$static_url"
  for url in "${pages[@]}"; do
    measure "$mode" "$url"
  done
  if [ "$mode" = uncached ]; then
    # As many connections as cores: the page's own latency, without 16 requests queueing for 2 cores.
    measure "uncached-c2" "/organisations/$org" 2
  else
    # As browsers ask: compressed pages (stored compressed by the output cache) against the static file as
    # MapStaticAssets serves it, pre-compressed.
    measure "cached-br" "$static_url" 16 "br, gzip"
    for url in "${pages[@]}"; do
      measure "cached-br" "$url" 16 "br, gzip"
    done
    cookie=$(signed_in_cookie)
    if [ -z "$cookie" ]; then echo "load-test: the administrator could not sign in" >&2; exit 1; fi
    echo "signed-in: warming up..."
    for url in "${pages[@]}"; do
      # Longer than the anonymous warm-up: this process has so far served only stored pages, and the signed-in
      # path reaches its steady speed (tiered JIT) after about 20 s of requests.
      timeout 20 wrk -t2 -c16 -d10s -H "Cookie: $cookie" "$base$url" >/dev/null 2>&1 || true
    done
    for url in "${pages[@]}"; do
      measure "signed-in" "$url" 16 "" "$cookie"
    done
  fi
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  rss[$mode]=$(sort -n "$work/rss-$mode.txt" | tail -1)
  if [ "${MODE_KEEP:-}" != "$mode" ]; then stop_app; fi
}

run_mode uncached Caching__Enabled=false
MODE_KEEP=cached run_mode cached Caching__Enabled=true

echo
echo "$(nproc) cores shared by wrk and the app; static yardstick: $static_url ($static_bytes bytes; overview HTML $overview_bytes bytes)"
echo "connections: 16, except uncached-c2 (2); cached-br asks for 'Accept-Encoding: br, gzip'; CPU ms/req is the app's"
printf '%-11s %-62s %6s %8s %9s %9s %9s %11s %10s\n' "mode" "url" "status" "bytes" "req/s" "p50 ms" "p99 ms" "CPU ms/req" "vs static"
for mode in cached cached-br signed-in uncached uncached-c2; do
  for url in "${pages[@]}" "$static_url"; do
    key="$mode $url"
    [ -n "${rps[$key]:-}" ] || continue
    yardstick=${rps[${mode%%-*} $static_url]:-0}
    if [ "$mode" = cached-br ]; then yardstick=${rps[cached-br $static_url]:-0}; fi
    if [ "$mode" = signed-in ]; then yardstick=${rps[cached $static_url]:-0}; fi
    ratio=$(awk -v a="${rps[$key]:-0}" -v b="$yardstick" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
    printf '%-11s %-62s %6s %8s %9s %9s %9s %11s %10s\n' "$mode" "$url" "${status[$key]}" "${bytes[$key]}" "${rps[$key]:-?}" "${p50[$key]:-?}" "${p99[$key]:-?}" "${cpu[$key]:-?}" "$ratio"
  done
done
echo
for mode in cached uncached; do
  printf 'server memory under load, %-8s: max VmRSS %s MB\n' "$mode" "$(awk -v k="${rss[$mode]:-0}" 'BEGIN { printf "%.0f", k / 1024 }')"
done

# Page weight: the overview HTML plus every stylesheet and script it loads (and the modules those scripts import),
# as a browser with an empty cache downloads them, compressed where the server offers it.
echo
echo "overview page weight (curl --compressed):"
html=$work/overview.html
curl -s --compressed -o "$html" "$base/"
assets=$(grep -oE '<(link[^>]+rel="stylesheet"[^>]*|script[^>]+src="[^"]+"[^>]*)>' "$html" \
  | grep -oE '(href|src)="[^"]+"' | sed -E 's/^(href|src)="([^"]+)"$/\2/' | sed 's/&amp;/\&/g')
imports=
for asset in $assets; do
  case "$asset" in *.js*) ;; *) continue ;; esac
  dir=$(dirname "${asset%%\?*}")
  for rel in $(curl -s --compressed "$base$asset" | grep -oE "^import[^;]* from ['\"][^'\"]+['\"]" | grep -oE "['\"][^'\"]+['\"]$" | tr -d "'\""); do
    imports+=" $(realpath -ms --relative-to=/ "$dir/$rel" | sed 's|^|/|')"
  done
done
total=0
for url in / $assets $imports; do
  size=$(curl -s --compressed -o /dev/null -w '%{size_download}' "$base$url")
  encoding=$(curl -s --compressed -o /dev/null -D - "$base$url" | awk -F': ' 'tolower($1) == "content-encoding" { gsub(/\r/, "", $2); print $2 }')
  printf '  %8s bytes  %-5s %s\n' "$size" "${encoding:--}" "$url"
  total=$((total + size))
done
printf '  %8s bytes  total (%.1f KB)\n' "$total" "$(awk -v t="$total" 'BEGIN { print t / 1024 }')"

status_code=0
for mode in cached cached-br; do
  for url in "${pages[@]}"; do
    [ "${status[$mode $url]}" = 200 ] || continue
    if awk -v a="${rps[$mode $url]:-0}" -v b="${rps[$mode $static_url]:-0}" 'BEGIN { exit !(a < 0.6 * b) }'; then
      echo "budget missed: $mode $url serves ${rps[$mode $url]:-0} req/s, under 60 % of the static file's ${rps[$mode $static_url]:-0}"; status_code=1
    fi
  done
done
org_url=/organisations/$org
if awk -v p="${p99[uncached $org_url]:-999}" 'BEGIN { exit !(p >= 25) }'; then
  echo "budget missed: uncached $org_url p99 ${p99[uncached $org_url]} ms (budget < 25 ms)"; status_code=1
fi
if awk -v p="${p99[signed-in $org_url]:-999}" -v c="${cpu[signed-in $org_url]:-999}" 'BEGIN { exit !(p >= 25 || c > 2) }'; then
  echo "budget missed: signed-in $org_url p99 ${p99[signed-in $org_url]:-?} ms, ${cpu[signed-in $org_url]:-?} ms CPU/request (budget < 25 ms, <= 2 ms)"; status_code=1
fi
for mode in cached uncached; do
  if [ "${rss[$mode]:-0}" -ge $((300 * 1024)) ]; then echo "budget missed: $mode server memory ${rss[$mode]} kB (budget < 300 MB)"; status_code=1; fi
done
if [ "$total" -ge $((200 * 1024)) ]; then echo "budget missed: overview page weight $total bytes (budget < 200 KB)"; status_code=1; fi
exit "$status_code"
