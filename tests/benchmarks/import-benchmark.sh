#!/usr/bin/env bash
# Import benchmark: the real 2018 CPES file (361,868 rows) into a fresh SQLite database, against sqlite3's own
# `.import` of the same rows as a yardstick. Prints median seconds, rows/s and the importer/sqlite3 ratio.
#
#   tests/benchmarks/import-benchmark.sh            # 3 runs each
#   RUNS=5 tests/benchmarks/import-benchmark.sh
#   CPES_DATA_DIR=/path/to/cpes tests/benchmarks/import-benchmark.sh
#
# Needs: the .NET SDK, sqlite3 (installed with apt-get when missing and running as root), and
# cpes-2018-combined.csv.gz in $CPES_DATA_DIR (default: ../shared/data/cpes beside the repository).
# Budget (docs/performance.md): import under 15 s and within 3x of sqlite3 .import.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"

runs=${RUNS:-3}
per_run_limit=${RUN_TIMEOUT:-300}   # seconds; a run that takes longer is a failure, not a figure
data_dir=${CPES_DATA_DIR:-$repo/../shared/data/cpes}
file=$data_dir/cpes-2018-combined.csv.gz
dll=$repo/src/LutonCancerSurvey.Web/bin/Release/net10.0/LutonCancerSurvey.Web.dll

if [ ! -f "$file" ]; then
  echo "import-benchmark: $file not found (set CPES_DATA_DIR)" >&2
  exit 2
fi

if ! command -v sqlite3 >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null
  else
    echo "import-benchmark: sqlite3 is missing (apt-get install -y sqlite3)" >&2
    exit 2
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "building Release..."
timeout 600 dotnet build src/LutonCancerSurvey.Web/LutonCancerSurvey.Web.csproj -c Release -v quiet -nologo >/dev/null

work=$(mktemp -d /tmp/lcs-import-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

declare -a summary_s command_s sqlite_s sqlite_import_s
rows=0

for i in $(seq 1 "$runs"); do
  # (a) the product's importer, as an operator runs it. A fresh database each time: the app migrates and loads its
  # built-in seed first, which the whole-command time includes and the summary line's time does not.
  db=$work/survey-$i.db
  log=$work/import-$i.log
  start=$(now)
  ConnectionStrings__Survey="Data Source=$db" \
  Logging__Json=false Serilog__MinimumLevel__Default=Warning \
    timeout "$per_run_limit" dotnet "$dll" import "$file" >"$log" 2>&1 || {
      echo "import run $i failed:" >&2; cat "$log" >&2; exit 1; }
  end=$(now)
  command_s+=("$(elapsed "$start" "$end")")
  line=$(grep -E '^ +[0-9,]+ rows in [0-9.]+ s' "$log" | head -1)
  rows=$(sed -E 's/^ +([0-9,]+) rows in.*/\1/' <<<"$line" | tr -d ,)
  summary_s+=("$(sed -E 's/.* rows in ([0-9.]+) s.*/\1/' <<<"$line")")

  # (b) yardstick: decompress, then sqlite3's CSV import into one table with no indexes and no checks.
  csv=$work/raw-$i.csv
  rawdb=$work/raw-$i.db
  start=$(now)
  zcat "$file" >"$csv"
  mid=$(now)
  timeout "$per_run_limit" sqlite3 "$rawdb" ".mode csv" ".import $csv raw"
  end=$(now)
  sqlite_s+=("$(elapsed "$start" "$end")")
  sqlite_import_s+=("$(elapsed "$mid" "$end")")
  raw_rows=$(sqlite3 "$rawdb" "select count(*) from raw")
  if [ "$raw_rows" != "$rows" ]; then
    echo "row counts differ: importer $rows, sqlite3 $raw_rows" >&2
    exit 1
  fi

  echo "run $i: importer ${summary_s[-1]} s (command ${command_s[-1]} s), sqlite3 zcat+.import ${sqlite_s[-1]} s (.import ${sqlite_import_s[-1]} s)"
  rm -f "$db" "$db"-* "$csv" "$rawdb"
done

m_summary=$(median "${summary_s[@]}")
m_command=$(median "${command_s[@]}")
m_sqlite=$(median "${sqlite_s[@]}")
m_sqlite_import=$(median "${sqlite_import_s[@]}")

echo
echo "$(basename "$file"): $rows rows, median of $runs runs on $(nproc) cores"
printf '%-44s %9s %12s %16s\n' "measure" "median s" "rows/s" "ratio to sqlite3"
printf '%-44s %9s %12s %16s\n' "importer (summary line: read, check, write)" "$m_summary" "$(rate "$rows" "$m_summary")" "$(ratio "$m_summary" "$m_sqlite")"
printf '%-44s %9s %12s %16s\n' "importer whole command (start, migrate, seed)" "$m_command" "$(rate "$rows" "$m_command")" "$(ratio "$m_command" "$m_sqlite")"
printf '%-44s %9s %12s %16s\n' "sqlite3 yardstick (zcat + .import)" "$m_sqlite" "$(rate "$rows" "$m_sqlite")" "1.00"
printf '%-44s %9s %12s %16s\n' "  of which sqlite3 .import alone" "$m_sqlite_import" "$(rate "$rows" "$m_sqlite_import")" "$(ratio "$m_sqlite_import" "$m_sqlite")"

status=0
if awk -v s="$m_summary" 'BEGIN { exit !(s >= 15) }'; then echo "over budget: import takes ${m_summary} s (budget < 15 s)"; status=1; fi
if awk -v a="$m_summary" -v b="$m_sqlite" 'BEGIN { exit !(a > 3 * b) }'; then echo "over budget: importer is more than 3x sqlite3 .import"; status=1; fi
exit "$status"
