#!/usr/bin/env bash
# Time and peak memory of `newsdesk list --format tsv` on generated corpora.
#
#   scripts/bench-list.sh [COUNT...]        (default: 10000 100000)
#
# Builds the release binary, generates each corpus once (deterministic: seed 1) under
# ${BENCH_DIR:-/tmp/newsdesk-bench}, then runs each measurement three times with
# /usr/bin/time -v and prints wall time, CPU time and peak resident memory: cold (--no-cache:
# every file read and, with --search, indexed) and warm (from the corpus cache, which the
# script keeps in its own folder). Generated corpora are never written inside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $# -gt 0 ]]; then counts=("$@"); else counts=(10000 100000); fi
dir=${BENCH_DIR:-/tmp/newsdesk-bench}
bin=target/release/newsdesk
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install -y time" >&2; exit 1; }
cargo build --release --quiet
mkdir -p "$dir"
printf '%-8s %-42s %9s %9s %9s\n' articles command wall_s cpu_s peak_MB
for n in "${counts[@]}"; do
  corpus=$dir/c$n
  if [[ ! -f $corpus/.complete ]]; then
    rm -rf "$corpus"
    "$bin" gen-corpus "$corpus" --count "$n" --seed 1 >/dev/null
    touch "$corpus/.complete"
  fi
  export NEWSDESK_CACHE_DIR=$dir/cache
  # Prime the cache for the warm runs.
  "$bin" list --format tsv --search kim -q "$corpus" >/dev/null
  for args in "list --format tsv --no-cache" "list --format tsv --search kim --no-cache" "list --format tsv" "list --format tsv --search kim"; do
    for run in 1 2 3; do
      # shellcheck disable=SC2086
      /usr/bin/time -v "$bin" $args -q "$corpus" >/dev/null 2>"$dir/time.txt"
      wall=$(awk -F': ' '/Elapsed/ {print $2}' "$dir/time.txt" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
      user=$(awk -F': ' '/User time/ {print $2}' "$dir/time.txt")
      sys=$(awk -F': ' '/System time/ {print $2}' "$dir/time.txt")
      rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$dir/time.txt")
      printf '%-8s %-42s %9.2f %9.2f %9.1f\n' "$n" "$args" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1024" | bc -l)"
    done
  done
done
