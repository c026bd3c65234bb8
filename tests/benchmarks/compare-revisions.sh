#!/usr/bin/env bash
# Before/after benchmark of the pages a change touches: publishes two revisions of the app (Release), imports the real
# 2018 CPES file (published) into a database for each, starts both on 127.0.0.1 at once with the output cache off (so
# the pages themselves are measured), and measures each page with wrk, alternating between the two apps round by round
# so that both see the same machine. Each app's static file is measured in the same rounds as the yardstick.
#
#   tests/benchmarks/compare-revisions.sh BEFORE [AFTER]          # AFTER defaults to the working tree's HEAD
#   ROUNDS=5 DURATION=10 PAGES="/organisations/06P/questions/59" tests/benchmarks/compare-revisions.sh 68508ea
#
# Reported per page: each revision's median req/s, p50 and p99 over the rounds, its req/s as a share of its own static
# file's, the after/before ratio of req/s, and the first request's time after start-up (the cold cost: estimates held
# per data version are computed then). Client and servers share the machine: read the ratios, not absolute figures.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"

if [ $# -lt 1 ]; then
  echo "usage: $0 BEFORE_REVISION [AFTER_REVISION]" >&2
  exit 2
fi
before_rev=$(git rev-parse --verify "$1^{commit}")
after_rev=$(git rev-parse --verify "${2:-HEAD}^{commit}")
data_dir=${CPES_DATA_DIR:-$repo/../shared/data/cpes}
file=${DATA_FILE:-$data_dir/cpes-2018-combined.csv.gz}
port_before=${PORT:-5097}
port_after=$((port_before + 1))
rounds=${ROUNDS:-3}
duration=${DURATION:-8}
read -r -a pages <<<"${PAGES:-/organisations/06P/questions/59 /organisations/06P/questions/58 /organisations/RC9/questions/22?basis=unadjusted}"

if [ ! -f "$file" ]; then echo "compare-revisions: $file not found (set CPES_DATA_DIR)" >&2; exit 2; fi
file=$(realpath "$file") # the imports run from each publish folder
if ! command -v wrk >/dev/null 2>&1; then echo "compare-revisions: wrk is missing (apt-get install -y wrk)" >&2; exit 2; fi
for port in "$port_before" "$port_after"; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; then
    echo "compare-revisions: something already listens on port $port; choose another PORT" >&2; exit 2
  fi
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d /tmp/lcs-compare.XXXXXX)
declare -A pid
cleanup() {
  for side in before after; do
    if [ -n "${pid[$side]:-}" ]; then kill "${pid[$side]}" 2>/dev/null || true; wait "${pid[$side]}" 2>/dev/null || true; fi
  done
  for side in before after; do
    [ -d "$work/src-$side" ] && git worktree remove --force "$work/src-$side" >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

export ASPNETCORE_ENVIRONMENT=Production DataProtection__AllowUnencryptedKeys=true Logging__Json=false Serilog__MinimumLevel__Default=Warning

prepare() {
  local side=$1 rev=$2
  echo "$side: $(git log -1 --format='%h %s' "$rev" | cut -c1-100)"
  git worktree add --detach "$work/src-$side" "$rev" >"$work/worktree-$side.log" 2>&1 || { cat "$work/worktree-$side.log" >&2; exit 1; }
  echo "  publishing Release..."
  timeout 900 dotnet publish "$work/src-$side/src/LutonCancerSurvey.Web/LutonCancerSurvey.Web.csproj" -c Release \
    -o "$work/app-$side" -v quiet -nologo >"$work/publish-$side.log" 2>&1 || { cat "$work/publish-$side.log" >&2; exit 1; }
  echo "  importing $(basename "$file")..."
  (cd "$work/app-$side" && ConnectionStrings__Survey="Data Source=$work/$side.db" \
    timeout 900 dotnet LutonCancerSurvey.Web.dll import "$file" --publish) >"$work/import-$side.log" 2>&1 || {
    cat "$work/import-$side.log" >&2; exit 1; }
}

start() {
  local side=$1 port=$2
  (cd "$work/app-$side" && exec env ConnectionStrings__Survey="Data Source=$work/$side.db" Caching__Enabled=false \
    ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet LutonCancerSurvey.Web.dll) >"$work/app-$side.log" 2>&1 &
  pid[$side]=$!
  for _ in $(seq 1 60); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/health" && return 0
    kill -0 "${pid[$side]}" 2>/dev/null || { cat "$work/app-$side.log" >&2; exit 1; }
    sleep 1
  done
  echo "$side did not become healthy" >&2; cat "$work/app-$side.log" >&2; exit 1
}

prepare before "$before_rev"
prepare after "$after_rev"
start before "$port_before"
start after "$port_after"
static_url=/favicon.ico
# The yardstick: the site stylesheet as each app serves it (its fingerprinted name differs between revisions).
for side in before after; do
  port=port_$side
  css=$(curl -s "http://127.0.0.1:${!port}/" | grep -oE 'href="/css/site[^"]*"' | head -1 | sed -E 's/^href="([^"]+)"$/\1/' || true)
  declare "static_$side=${css:-$static_url}"
done

# wrk prints latencies as 812.00us, 1.23ms or 1.02s.
to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }' <<<"$1"; }
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) { print "?"; exit } print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

declare -A cold status
echo "first request after start-up (cold), then warming up..."
# The overview and results page first, so that "cold" is the question page's own first cost, not the app's first page.
for side in before after; do
  port=port_$side
  curl -s -o /dev/null "http://127.0.0.1:${!port}/" && curl -s -o /dev/null "http://127.0.0.1:${!port}/organisations/06P"
done
for url in "${pages[@]}"; do
  for side in before after; do
    port=port_$side
    read -r code seconds < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "http://127.0.0.1:${!port}$url")
    status["$side $url"]=$code
    cold["$side $url"]=$(awk -v s="$seconds" 'BEGIN { printf "%.1f", s * 1000 }')
  done
done
for side in before after; do
  port=port_$side; static=static_$side
  for url in "${pages[@]}" "${!static}"; do
    timeout 15 wrk -t2 -c16 -d5s "http://127.0.0.1:${!port}$url" >/dev/null 2>&1 || true
  done
done

: >"$work/samples.tsv"
for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds (wrk -t2 -c16 -d${duration}s per page and app)..."
  for url in "${pages[@]}" static; do
    # Alternate which app goes first, so neither always follows the other's load.
    if [ $((round % 2)) -eq 1 ]; then order=(before after); else order=(after before); fi
    for side in "${order[@]}"; do
      port=port_$side; static=static_$side
      target=$url; [ "$url" = static ] && target=${!static}
      out=$(timeout $((duration + 20)) wrk -t2 -c16 -d"${duration}"s --latency "http://127.0.0.1:${!port}$target" 2>&1) || true
      if grep -q 'Non-2xx' <<<"$out"; then echo "  $side $target: $(grep 'Non-2xx' <<<"$out" | sed 's/^ *//')"; fi
      if ! grep -q '^Requests/sec:' <<<"$out"; then
        echo "  $side $target: wrk gave no result in round $round; the sample is left out" >&2
        continue
      fi
      printf '%s\t%s\t%s\t%s\t%s\n' "$side" "$url" \
        "$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")" \
        "$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")" \
        "$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")" >>"$work/samples.tsv"
    done
  done
done

stat_of() { awk -F'\t' -v s="$1" -v u="$2" -v c="$3" '$1 == s && $2 == u { print $c }' "$work/samples.tsv" | median; }
echo
echo "$(nproc) cores shared by wrk and both apps; output cache off; $rounds rounds of ${duration}s, medians shown"
echo "before: $(git log -1 --format='%h %s' "$before_rev" | cut -c1-90)"
echo "after:  $(git log -1 --format='%h %s' "$after_rev" | cut -c1-90)"
printf '%-52s %-7s %6s %8s %8s %8s %10s %9s %10s\n' "page" "side" "status" "req/s" "p50 ms" "p99 ms" "vs static" "cold ms" "after/bef"
for url in "${pages[@]}" static; do
  for side in before after; do
    rps=$(stat_of "$side" "$url" 3)
    static_rps=$(stat_of "$side" static 3)
    share=$(awk -v a="$rps" -v b="$static_rps" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')
    ratio=
    if [ "$side" = after ]; then
      ratio=$(awk -v a="$rps" -v b="$(stat_of before "$url" 3)" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
    fi
    printf '%-52s %-7s %6s %8s %8s %8s %10s %9s %10s\n' "$url" "$side" "${status[$side $url]:-200}" "$rps" \
      "$(stat_of "$side" "$url" 4)" "$(stat_of "$side" "$url" 5)" "$share" "${cold[$side $url]:--}" "$ratio"
  done
done
