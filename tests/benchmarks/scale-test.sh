#!/usr/bin/env bash
# Scale benchmark on SYNTHETIC data: generates the CPES combined layout at 1x and 10x the real file's size
# (SyntheticData/generate.py, into a temp folder, never into the repository), imports each into a fresh SQLite
# database, and measures import time, database size and the uncached organisation results page and API
# (sequential latency over 20 requests, then wrk -t2 -c16 -d10s). Budget: 10x page p99 <= 1.5x the 1x figure;
# import time grows linearly or better.
#
#   tests/benchmarks/scale-test.sh                 # publishes Release first
#   APP_DIR=/tmp/published tests/benchmarks/scale-test.sh
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
port=${PORT:-5094}
base=http://127.0.0.1:$port
scales=${SCALES:-1 10}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d /tmp/lcs-scale-test.XXXXXX)
app_pid=
cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

app=${APP_DIR:-}
if [ -z "$app" ]; then
  echo "publishing Release..."
  timeout 900 dotnet publish src/LutonCancerSurvey.Web/LutonCancerSurvey.Web.csproj -c Release -o "$work/app" -v quiet -nologo >/dev/null
  app=$work/app
fi

export ASPNETCORE_ENVIRONMENT=Production DataProtection__AllowUnencryptedKeys=true Logging__Json=false Serilog__MinimumLevel__Default=Warning Caching__Enabled=false
to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }' <<<"$1"; }

declare -a lines
for scale in $scales; do
  file=$work/synthetic-cpes-${scale}x.csv.gz
  db=$work/survey-${scale}x.db
  python3 tests/benchmarks/SyntheticData/generate.py --scale "$scale" --out "$file"
  export ConnectionStrings__Survey="Data Source=$db"
  start=$(date +%s.%N)
  (cd "$app" && timeout "${IMPORT_TIMEOUT:-1800}" dotnet LutonCancerSurvey.Web.dll import "$file" --publish) >"$work/import-$scale.log" 2>&1 || {
    cat "$work/import-$scale.log" >&2; exit 1; }
  whole=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
  summary=$(grep -oE '[0-9,]+ rows in [0-9.]+ s' "$work/import-$scale.log" | head -1)
  size_mb=$(du -m "$db" | cut -f1)

  (cd "$app" && ASPNETCORE_URLS=$base exec dotnet LutonCancerSurvey.Web.dll) >"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 60); do curl -fs -o /dev/null "$base/health" && break; sleep 1; done
  for url in /organisations/S0001 /api/v1/organisations/S0001/results; do
    timeout 20 wrk -t2 -c16 -d10s "$base$url" >/dev/null 2>&1 || true   # JIT tiering settles within a few thousand requests
    seq_ms=$(for _ in $(seq 1 20); do curl -s -o /dev/null -w '%{time_total}\n' "$base$url"; done | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] * 1000 }')
    out=$(timeout 30 wrk -t2 -c16 -d10s --latency "$base$url" 2>&1) || true
    rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
    lines+=("$(printf '%-5s %-38s %-30s %9s %7s %12s %7s %8s %8s' "${scale}x" "$url" "$summary" "$whole" "$size_mb" "$seq_ms" "$rps" "$p50" "$p99")")
  done
  kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=
  if [ -n "${KEEP_DIR:-}" ]; then mv "$db" "$KEEP_DIR/"; fi
  rm -f "$db" "$db-wal" "$db-shm" "$file"
done

echo
printf '%-5s %-38s %-30s %9s %7s %12s %7s %8s %8s\n' scale url "import (summary line)" "whole s" "db MB" "seq p50 ms" "req/s" "p50 ms" "p99 ms"
printf '%s\n' "${lines[@]}"
