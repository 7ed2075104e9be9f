// transform_reduce.cpp: the C++ peers of hpgo's reduction benchmarks.
//
// For Sum, SumSquares, Dot, Min and Max over float and double it times
//   - cpp-tbb: the C++17 parallel algorithms, std::transform_reduce /
//     std::reduce with std::execution::par_unseq (libstdc++'s PSTL on TBB);
//   - cpp-omp: a hand-written OpenMP loop,
//     `#pragma omp parallel for simd reduction(+:s)` (min:/max: for Min/Max),
//     on the same number of threads.
// Each (kernel, type, n, impl) is timed as the median of --reps repetitions;
// one repetition runs the call enough times to take at least --min-ms.
// Then (unless --check 0) its result is checked against a sequential,
// compensated fold (see agrees); a mismatch ends the run with status 1.
//
// It prints tab-separated rows, one per measurement:
//   kernel  type  n  impl  ns_per_op  GB/s
// which `hpgo bench --cpp FILE` merges with the Go side into one table.
//
// Build: g++ -O3 -march=native -std=c++17 -fopenmp transform_reduce.cpp -ltbb
#include <algorithm>
#include <chrono>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <execution>
#include <functional>
#include <limits>
#include <new>
#include <numeric>
#include <string>
#include <vector>

#include <omp.h>
#include <sys/wait.h>
#include <unistd.h>
#include <tbb/global_control.h>
#include <tbb/task_arena.h>

namespace {

using Clock = std::chrono::steady_clock;

// Results go through a volatile sink so that no call is optimised away.
volatile double g_sink;

template <class T>
const char* type_name();
template <>
const char* type_name<float>() { return "f32"; }
template <>
const char* type_name<double>() { return "f64"; }

// PageAllocator allocates page-aligned blocks, as Go's allocator gives
// large slices: glibc's malloc aligns to 16 bytes only, so every 64-byte
// load of the loops below would straddle two cache lines, which cost the
// dots at 256Ki a quarter of their speed against Go's page-aligned inputs.
template <class T>
struct PageAllocator {
  using value_type = T;
  PageAllocator() = default;
  template <class U>
  PageAllocator(const PageAllocator<U>&) {}
  T* allocate(std::size_t n) {
    std::size_t bytes = (n * sizeof(T) + 4095) / 4096 * 4096;
    void* p = std::aligned_alloc(4096, bytes == 0 ? 4096 : bytes);
    if (p == nullptr) throw std::bad_alloc();
    return static_cast<T*>(p);
  }
  void deallocate(T* p, std::size_t) { std::free(p); }
  template <class U>
  bool operator==(const PageAllocator<U>&) const { return true; }
  template <class U>
  bool operator!=(const PageAllocator<U>&) const { return false; }
};

template <class T>
using Input = std::vector<T, PageAllocator<T>>;

// Inputs: values in [0, 1] (a double just below 1 may round to a float 1)
// from a fixed linear congruential generator, so every sum stays finite and
// the run is repeatable; page-aligned, as Go's are.
template <class T>
Input<T> make_input(std::size_t n, std::uint64_t seed) {
  Input<T> v(n);
  std::uint64_t s = seed * 0x9E3779B97F4A7C15ull + 1;
  for (auto& x : v) {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    x = static_cast<T>(static_cast<double>(s >> 11) * 0x1.0p-53);
  }
  return v;
}

// ---- cpp-tbb: the standard parallel algorithms, par_unseq ----

template <class T>
T tbb_sum(const T* x, const T*, std::size_t n) {
  return std::reduce(std::execution::par_unseq, x, x + n, T(0));
}
template <class T>
T tbb_sumsq(const T* x, const T*, std::size_t n) {
  return std::transform_reduce(std::execution::par_unseq, x, x + n, T(0),
                               std::plus<T>(), [](T v) { return v * v; });
}
template <class T>
T tbb_dot(const T* x, const T* y, std::size_t n) {
  return std::transform_reduce(std::execution::par_unseq, x, x + n, y, T(0));
}
template <class T>
T tbb_min(const T* x, const T*, std::size_t n) {
  return std::reduce(std::execution::par_unseq, x, x + n,
                     std::numeric_limits<T>::infinity(),
                     [](T a, T b) { return a < b ? a : b; });
}
template <class T>
T tbb_max(const T* x, const T*, std::size_t n) {
  return std::reduce(std::execution::par_unseq, x, x + n,
                     -std::numeric_limits<T>::infinity(),
                     [](T a, T b) { return a > b ? a : b; });
}

// ---- cpp-omp: OpenMP parallel for simd reductions ----

template <class T>
T omp_sum(const T* x, const T*, std::size_t n) {
  T s = 0;
#pragma omp parallel for simd reduction(+ : s) schedule(static)
  for (std::size_t i = 0; i < n; i++) s += x[i];
  return s;
}
template <class T>
T omp_sumsq(const T* x, const T*, std::size_t n) {
  T s = 0;
#pragma omp parallel for simd reduction(+ : s) schedule(static)
  for (std::size_t i = 0; i < n; i++) s += x[i] * x[i];
  return s;
}
template <class T>
T omp_dot(const T* x, const T* y, std::size_t n) {
  T s = 0;
#pragma omp parallel for simd reduction(+ : s) schedule(static)
  for (std::size_t i = 0; i < n; i++) s += x[i] * y[i];
  return s;
}
template <class T>
T omp_min(const T* x, const T*, std::size_t n) {
  T m = std::numeric_limits<T>::infinity();
#pragma omp parallel for simd reduction(min : m) schedule(static)
  for (std::size_t i = 0; i < n; i++) m = x[i] < m ? x[i] : m;
  return m;
}
template <class T>
T omp_max(const T* x, const T*, std::size_t n) {
  T m = -std::numeric_limits<T>::infinity();
#pragma omp parallel for simd reduction(max : m) schedule(static)
  for (std::size_t i = 0; i < n; i++) m = x[i] > m ? x[i] : m;
  return m;
}

struct Options {
  std::vector<std::size_t> sizes{4096, 262144, 4194304, 67108864};
  int threads = 2;
  int reps = 11;
  double min_ms = 20;
  std::vector<std::string> kernels{"sum", "sumsquares", "dot", "min", "max"};
  std::vector<std::string> types{"f32", "f64"};
  std::vector<std::string> impls{"cpp-tbb", "cpp-omp"};
  bool check = true;
};

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find(',', start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// compensated returns the sum of term(i) for i < n in double with
// Neumaier's compensation: within a few units in the last place of the
// exact sum for these inputs (all terms >= 0), whatever n.
template <class F>
double compensated(std::size_t n, F term) {
  double s = 0, c = 0;
  for (std::size_t i = 0; i < n; i++) {
    double t = term(i), u = s + t;
    c += std::fabs(s) >= std::fabs(t) ? (s - u) + t : (t - u) + s;
    s = u;
  }
  return s + c;
}

// reference is kernel k over x (and y), sequentially: min and max exactly
// (the inputs hold no NaN), the sums compensated. A float's square or
// product is exact in double.
template <class T>
double reference(const std::string& k, const T* x, const T* y, std::size_t n) {
  if (k == "min") return *std::min_element(x, x + n);
  if (k == "max") return *std::max_element(x, x + n);
  if (k == "sum") return compensated(n, [x](std::size_t i) { return double(x[i]); });
  if (k == "sumsquares") {
    return compensated(n, [x](std::size_t i) { double a = x[i]; return a * a; });
  }
  return compensated(n, [x, y](std::size_t i) { return double(x[i]) * double(y[i]); });
}

// agrees reports whether got, kernel k's result over n inputs in [0, 1]
// on threads threads, is the reference want: exactly for min and max;
// within a relative 1e-9 for double sums; for float sums within a bound
// that grows with the length L = n/threads of each thread's chain:
// max(2e-5, 1.2e-3 (L/4Mi)^1.5). The float loops' error is a bias, not a
// random walk: in each SIMD lane's chain small terms round against a large
// partial sum, so it grows faster than L. Measured: at most 4.9e-5 up to
// 4Mi on 1-2 threads with 16-lane vectors; with 4-lane vectors
// (-march=x86-64, as 128-bit NEON would be) 1.5e-7 at 4Ki, 8.5e-6 at
// 256Ki, 4e-4 at 4Mi and 3e-3 at 16Mi; for 64Mi, OpenMP's loop came out
// 1.1e-3 low on 2 threads with 8-lane vectors, 3.0e-3 on one, 7.9e-3 on 2
// threads with 4-lane vectors and 2.2e-2 on one; TBB's within 2e-5
// everywhere, doubles within 2e-14. The bound is 2e-5 up to 256Ki per
// thread, where a tail of 15 elements left out (relative 6e-5 at 256Ki)
// fails it, 1.2e-3 at 4Mi, 2.7e-2 at 32Mi and 7.7e-2 at 64Mi.
template <class T>
bool agrees(const std::string& k, T got, double want, std::size_t n, int threads) {
  if (k == "min" || k == "max") return static_cast<double>(got) == want;
  double rel = 1e-9;
  if (sizeof(T) == 4) {
    double l = static_cast<double>(n) / threads / static_cast<double>(std::size_t{1} << 22);
    rel = std::max(2e-5, 1.2e-3 * std::pow(l, 1.5));
  }
  return std::fabs(static_cast<double>(got) - want) <= rel * std::fabs(want);
}

// time_kernel returns the median ns per call of f over reps repetitions.
template <class T, class F>
double time_kernel(F f, const T* x, const T* y, std::size_t n,
                   const Options& o) {
  // Warm up (threads, pages, caches) and size one repetition.
  std::size_t iters = 1;
  for (;;) {
    auto t0 = Clock::now();
    for (std::size_t i = 0; i < iters; i++) g_sink = f(x, y, n);
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0)
                    .count();
    if (ms >= o.min_ms) break;
    std::size_t next = ms <= 0 ? iters * 100
                               : static_cast<std::size_t>(iters * o.min_ms * 1.2 / ms) + 1;
    iters = std::min(std::max(next, iters * 2), iters * 100);
  }
  std::vector<double> ns(o.reps);
  for (int r = 0; r < o.reps; r++) {
    auto t0 = Clock::now();
    for (std::size_t i = 0; i < iters; i++) g_sink = f(x, y, n);
    ns[r] = std::chrono::duration<double, std::nano>(Clock::now() - t0).count() /
            static_cast<double>(iters);
  }
  std::sort(ns.begin(), ns.end());
  return ns[ns.size() / 2];
}

template <class T>
void run_type(const Options& o, const std::string& impl) {
  const char* tn = type_name<T>();
  if (!has(o.types, tn)) return;
  using Fn = T (*)(const T*, const T*, std::size_t);
  struct K {
    const char* name;
    Fn tbb, omp;
    int inputs;
  };
  const K kernels[] = {
      {"sum", tbb_sum<T>, omp_sum<T>, 1},
      {"sumsquares", tbb_sumsq<T>, omp_sumsq<T>, 1},
      {"dot", tbb_dot<T>, omp_dot<T>, 2},
      {"min", tbb_min<T>, omp_min<T>, 1},
      {"max", tbb_max<T>, omp_max<T>, 1},
  };
  for (std::size_t n : o.sizes) {
    Input<T> x = make_input<T>(n, 1), y = make_input<T>(n, 2);
    for (const K& k : kernels) {
      if (!has(o.kernels, k.name)) continue;
      Fn f = impl == "cpp-tbb" ? k.tbb : k.omp;
      double ns = time_kernel<T>(f, x.data(), y.data(), n, o);
      if (o.check) {
        T got = f(x.data(), y.data(), n);
        double want = reference<T>(k.name, x.data(), y.data(), n);
        if (!agrees<T>(k.name, got, want, n, o.threads)) {
          std::fprintf(stderr, "transform_reduce: %s %s %s n=%zu = %.17g, want %.17g\n",
                       impl.c_str(), k.name, tn, n, static_cast<double>(got), want);
          std::exit(1);
        }
      }
      double bytes = static_cast<double>(n) * sizeof(T) * k.inputs;
      std::printf("%s\t%s\t%zu\t%s\t%.1f\t%.3f\n", k.name, tn, n, impl.c_str(),
                  ns, bytes / ns);
      std::fflush(stdout);
    }
  }
}

[[noreturn]] void usage() {
  std::fprintf(stderr,
               "usage: transform_reduce [--threads N] [--reps N] [--min-ms MS]\n"
               "       [--sizes a,b,..] [--kernels sum,sumsquares,dot,min,max]\n"
               "       [--types f32,f64] [--impls cpp-tbb,cpp-omp] [--check 0|1]\n");
  std::exit(2);
}

// bad reports an invalid argument and exits with status 2.
[[noreturn]] void bad(const std::string& flag, const std::string& v, const char* want) {
  std::fprintf(stderr, "transform_reduce: %s %s: want %s\n", flag.c_str(), v.c_str(), want);
  std::exit(2);
}

// positive parses v as a positive integer (digits only), or calls bad.
unsigned long long positive(const std::string& flag, const std::string& v) {
  char* end = nullptr;
  errno = 0;
  unsigned long long n = std::strtoull(v.c_str(), &end, 10);
  if (v.empty() || !std::isdigit(static_cast<unsigned char>(v[0])) || *end != '\0' || errno != 0 || n == 0) {
    bad(flag, v, "a positive integer");
  }
  return n;
}

// names splits v and checks every name against known, or calls bad.
std::vector<std::string> names(const std::string& flag, const std::string& v,
                               const std::vector<std::string>& known, const char* want) {
  std::vector<std::string> out = split(v);
  if (out.empty()) bad(flag, v, want);
  for (const auto& s : out) {
    if (!has(known, s)) bad(flag, s, want);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  const Options defaults;
  for (int i = 1; i < argc; i++) {
    std::string a = argv[i];
    if (i + 1 >= argc) usage();
    std::string v = argv[++i];
    if (a == "--threads") {
      o.threads = static_cast<int>(std::min(positive(a, v), 1ull << 16));
    } else if (a == "--reps") {
      o.reps = static_cast<int>(std::min(positive(a, v), 1ull << 16));
    } else if (a == "--min-ms") {
      char* end = nullptr;
      o.min_ms = std::strtod(v.c_str(), &end);
      if (v.empty() || *end != '\0' || !(o.min_ms >= 0 && o.min_ms <= 60000)) {
        bad(a, v, "a number of milliseconds from 0 to 60000");
      }
    } else if (a == "--check") {
      if (v != "0" && v != "1") bad(a, v, "0 or 1");
      o.check = v == "1";
    } else if (a == "--sizes") {
      o.sizes.clear();
      for (auto& s : split(v)) o.sizes.push_back(positive(a, s));
      if (o.sizes.empty()) bad(a, v, "element counts such as 4096,67108864");
    } else if (a == "--kernels") {
      o.kernels = names(a, v, defaults.kernels, "sum, sumsquares, dot, min or max");
    } else if (a == "--types") {
      o.types = names(a, v, defaults.types, "f32 or f64");
    } else if (a == "--impls") {
      o.impls = names(a, v, defaults.impls, "cpp-tbb or cpp-omp");
    } else {
      usage();
    }
  }

  std::printf("# kernel\ttype\tn\timpl\tns_per_op\tGB/s\n");
  std::fflush(stdout);
  // Each impl runs in a child process of its own: a runtime's idle threads
  // (TBB's workers, OpenMP's spinning team) would otherwise compete with the
  // other runtime's threads for the cores.
  for (const std::string& impl : o.impls) {
    pid_t pid = fork();
    if (pid < 0) {
      std::perror("fork");
      return 1;
    }
    if (pid == 0) {
      // Both runtimes get the same number of threads.
      tbb::global_control tbb_threads(
          tbb::global_control::max_allowed_parallelism, o.threads);
      omp_set_num_threads(o.threads);
      // What the runtime really runs: an environment variable
      // (OMP_THREAD_LIMIT) or an affinity mask can cap it below o.threads,
      // which hpgo bench checks in this line.
      int team = 0;
      if (impl == "cpp-omp") {
#pragma omp parallel
#pragma omp single
        team = omp_get_num_threads();
      } else {
        // The arena's size counts the CPUs; global_control caps the
        // threads that join it.
        team = std::min(tbb::this_task_arena::max_concurrency(),
                        static_cast<int>(tbb::global_control::active_value(
                            tbb::global_control::max_allowed_parallelism)));
      }
      std::printf("# %s threads %d\n", impl.c_str(), team);
      run_type<float>(o, impl);
      run_type<double>(o, impl);
      std::fflush(stdout);
      _exit(0);
    }
    int status = 0;
    if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0) {
      std::fprintf(stderr, "%s run failed\n", impl.c_str());
      return 1;
    }
  }
  return 0;
}
