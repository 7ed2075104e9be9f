#!/usr/bin/env bash
# build.sh OUT: builds transform_reduce.cpp (the C++ peers: TBB's
# std::transform_reduce under par_unseq and an OpenMP parallel for simd
# reduction) with g++ -O3 -march=native into the binary OUT, installing
# what is missing first (g++, libtbb-dev through apt-get; root or sudo).
# run.sh calls it; CI calls it to check the peers' results at small sizes.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: build.sh OUT" >&2
  exit 2
fi
out=$1
here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "build.sh: need root (or sudo) to run: $*" >&2; return 1
  fi
}

apt_install() {
  echo "build.sh: installing $*" >&2
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y --no-install-recommends "$@" >&2 ||
    { as_root apt-get update >&2 && as_root apt-get install -y --no-install-recommends "$@" >&2; }
}

command -v g++ >/dev/null || apt_install g++
if ! printf '#include <tbb/global_control.h>\n#include <execution>\nint main(){}\n' |
  g++ -std=c++17 -x c++ -fsyntax-only - 2>/dev/null; then
  apt_install libtbb-dev
fi

g++ -O3 -march=native -std=c++17 -fopenmp -Wall -Wextra \
  -o "$out" "$here/transform_reduce.cpp" -ltbb
