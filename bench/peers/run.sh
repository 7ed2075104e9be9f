#!/usr/bin/env bash
# run.sh: hpgo beside its C++ and Go peers and the machine's read bandwidth,
# in one table.
#
#   bench/peers/run.sh                      # defaults below
#   COUNT=5 DURATION=300ms bench/peers/run.sh --tiers avx512,avx2,purego
#
# It builds transform_reduce.cpp (build.sh: g++ -O3 -march=native, TBB +
# OpenMP; it installs libtbb-dev, and g++ if absent, through apt-get) and
# the hpgo command into a temporary directory, then runs
# `hpgo bench --peers --cpp-bin transform_reduce`: for every (kernel, type,
# n) it times, round-robin over COUNT rounds, hpgo under every policy, the
# plain Go loop, gonum, vek, the C++ peers (the binary, run once per round)
# and the read-bandwidth probe (on every worker for DRAM-sized inputs, on one
# goroutine over as many bytes for smaller ones) — so a drift in the
# machine's memory bandwidth hits all of them alike; each round starts one
# implementation further along, so that being timed first, on caches that
# hold other data, falls on each in turn — and prints everything
# as one table of medians followed by the issue's goal checks. Extra
# arguments go to `hpgo bench` (e.g. --tiers avx512,avx2,purego, --plot x.png),
# which runs in the caller's directory: relative paths there mean what they
# say. The C++ binary checks every result against a sequential reference
# and fails the run on a mismatch.
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

root=$(CDPATH='' cd -- "$(dirname -- "$0")/../.." && pwd)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "run.sh: building (g++ -O3 -march=native; go build)" >&2
"$root/bench/peers/build.sh" "$tmp/transform_reduce"
(cd "$root" && go build -o "$tmp/hpgo" ./cmd/hpgo)

echo "run.sh: $THREADS threads; $COUNT rounds; load average before the run: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')" >&2
GOMAXPROCS=$THREADS "$tmp/hpgo" bench --kernels "$KERNELS" --types "$TYPES" \
  --sizes "$SIZES" --peers --count "$COUNT" --duration "$DURATION" \
  --threads "$THREADS" --cpp-bin "$tmp/transform_reduce" "$@"
