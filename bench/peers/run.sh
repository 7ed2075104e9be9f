#!/usr/bin/env bash
# run.sh: hpgo beside its C++ and Go peers and the machine's read bandwidth,
# in one table.
#
#   bench/peers/run.sh                      # defaults below
#   COUNT=5 DURATION=300ms bench/peers/run.sh --tiers avx512,avx2,purego
#
# It installs what is missing (libtbb-dev through apt-get; g++ if absent),
# builds transform_reduce.cpp (g++ -O3 -march=native, TBB + OpenMP) and the
# hpgo command into a temporary directory, then runs
# `hpgo bench --peers --cpp-bin transform_reduce`: for every (kernel, type,
# n) it times, round-robin over COUNT rounds, hpgo under every policy, the
# plain Go loop, gonum, vek, the C++ peers (the binary, run once per round)
# and, for DRAM-sized inputs, the read-bandwidth probe — so a drift in the
# machine's memory bandwidth hits all of them alike — and prints everything
# as one table of medians followed by the issue's goal checks. Extra
# arguments go to `hpgo bench` (e.g. --tiers avx512,avx2,purego, --plot x.png).
#
# Environment: THREADS (2), SIZES (4096,262144,4194304,67108864),
# KERNELS (sum,sumsquares,dot,min,max), TYPES (f32,f64), COUNT (5 rounds),
# DURATION (100ms: in each round, every implementation, Go or C++, is timed
# as the median of 5 batches of at least DURATION/4).
set -euo pipefail

THREADS=${THREADS:-2}
SIZES=${SIZES:-4096,262144,4194304,67108864}
KERNELS=${KERNELS:-sum,sumsquares,dot,min,max}
TYPES=${TYPES:-f32,f64}
COUNT=${COUNT:-5}
DURATION=${DURATION:-100ms}

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "run.sh: need root (or sudo) to run: $*" >&2; return 1
  fi
}

apt_install() {
  echo "run.sh: installing $*" >&2
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y --no-install-recommends "$@" >&2 ||
    { as_root apt-get update >&2 && as_root apt-get install -y --no-install-recommends "$@" >&2; }
}

command -v g++ >/dev/null || apt_install g++
if ! printf '#include <tbb/global_control.h>\n#include <execution>\nint main(){}\n' |
  g++ -std=c++17 -x c++ -fsyntax-only - 2>/dev/null; then
  apt_install libtbb-dev
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "run.sh: building (g++ -O3 -march=native; go build)" >&2
g++ -O3 -march=native -std=c++17 -fopenmp -o "$tmp/transform_reduce" \
  bench/peers/transform_reduce.cpp -ltbb
go build -o "$tmp/hpgo" ./cmd/hpgo

echo "run.sh: $THREADS threads; $COUNT rounds; load average before the run: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')" >&2
GOMAXPROCS=$THREADS "$tmp/hpgo" bench --kernels "$KERNELS" --types "$TYPES" \
  --sizes "$SIZES" --peers --count "$COUNT" --duration "$DURATION" \
  --threads "$THREADS" --cpp-bin "$tmp/transform_reduce" "$@"
