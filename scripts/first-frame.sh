#!/usr/bin/env bash
# Time from starting the reader to its first frame, as a user sees it: starts newsdesk in a
# detached tmux session and polls the screen until the article list appears.
#
#   scripts/first-frame.sh DIR [RUNS]
#
# The first run of a corpus is cold (read and indexed, then cached); later runs are warm. The
# cache goes to a folder of the script's own (FIRST_FRAME_CACHE, default /tmp/newsdesk-first-frame).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?corpus folder}
runs=${2:-3}
command -v tmux >/dev/null || { echo "needs tmux: apt-get install -y tmux" >&2; exit 1; }
cargo build --release --quiet
for _ in $(seq "$runs"); do
  tmux kill-session -t nd-first-frame 2>/dev/null || true
  start=$(date +%s.%N)
  tmux new-session -d -s nd-first-frame -x 200 -y 60 \
    "NEWSDESK_CACHE_DIR='${FIRST_FRAME_CACHE:-/tmp/newsdesk-first-frame}' target/release/newsdesk -q '$dir'"
  # Poll finely for a second (warm starts), then coarsely: each poll runs a tmux client, which
  # would otherwise take CPU from a cold load.
  polls=0
  until tmux capture-pane -p -t nd-first-frame 2>/dev/null | grep -q ' Articles '; do
    polls=$((polls + 1))
    if ((polls < 100)); then sleep 0.01; else sleep 0.1; fi
  done
  end=$(date +%s.%N)
  peak=$(grep VmHWM "/proc/$(pgrep -f "^target/release/newsdesk -q $dir")/status" | awk '{print $2/1024}')
  tmux send-keys -t nd-first-frame q
  printf 'first frame %.2f s, peak memory %.0f MB\n' "$(echo "$end - $start" | bc)" "$peak"
  sleep 0.5
done
