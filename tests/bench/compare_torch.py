#!/usr/bin/python3
"""attnviz's gpt2-small-shaped forward against PyTorch's, in one run, as a Markdown table.

    tests/bench/compare_torch.py [--twice] [NAME=]BENCH_MODEL [[NAME=]BENCH_MODEL ...]

Each BENCH_MODEL is a build's bench_model, or a command running it, for instance
    native=build/release/tests/bench/bench_model
    packaged=build/package/tests/bench/bench_model
    "baseline=env GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX2 build/package/tests/bench/bench_model"
(the package preset builds it with -DATTNVIZ_BUILD_TESTS=ON; masking AVX2 makes the dynamic
linker pick the baseline core). PyTorch runs tests/fixtures/make_model_fixtures.py --bench --json
(Debian's python3-torch; install libopenblas0-pthread so it uses OpenBLAS). The programs run one
after the other, PyTorch first (and again last with --twice, keeping the faster). The first table
gives median wall milliseconds per forward with the ratio PyTorch / attnviz (above 1: attnviz is
faster); the second one-thread CPU milliseconds, which a busy machine disturbs less. Run by hand;
no test runs Python.
"""
import json
import os
import pathlib
import shlex
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures" / "make_model_fixtures.py"
SIZES, THREADS = [32, 128, 512], [1, 2]


def torch_times():
    # torch.set_num_threads() does not reach OpenBLAS's own pthread pool, which starts one thread
    # per core: its "one thread" run used two cores (CPU time twice the wall time). Each thread
    # count therefore runs in its own process with OPENBLAS_NUM_THREADS set to it.
    times, result = {}, None
    for t in THREADS:
        env = dict(os.environ, OPENBLAS_NUM_THREADS=str(t))
        out = subprocess.run([sys.executable, str(FIXTURES), "--bench", "--json"], check=True,
                             capture_output=True, text=True, env=env).stdout
        result = json.loads(out)
        times.update({(kind, t, n): result[kind + "_ms"][str(t)][str(n)]
                      for kind in ("wall", "cpu") for n in SIZES})
    return result, times


def attnviz_times(command):
    out = subprocess.run(shlex.split(command) + ["--benchmark_format=json", "--benchmark_repetitions=3",
                          "--benchmark_report_aggregates_only=true",
                          "--benchmark_min_time=0.01"],
                         check=True, capture_output=True, text=True).stdout
    times = {}
    for b in json.loads(out)["benchmarks"]:
        if b.get("aggregate_name") != "median":
            continue
        # "BM_Gpt2SmallForward/N:32/threads:1/real_time_median"
        fields = dict(part.split(":") for part in b["run_name"].split("/")[1:] if ":" in part)
        t, n = int(fields["threads"]), int(fields["N"])
        times["wall", t, n], times["cpu", t, n] = b["real_time"], b["cpu_time"]
    return times


def main(args):
    twice = "--twice" in args
    args = [a for a in args if a != "--twice"]
    if not args:
        sys.exit(__doc__)
    builds = [(a.split("=", 1) if "=" in a else (os.path.basename(a), a)) for a in args]
    info, torch_first = torch_times()
    measured = [(name, attnviz_times(path)) for name, path in builds]
    torch = torch_first
    if twice:
        _, torch_last = torch_times()
        torch = {key: min(torch_first[key], torch_last[key]) for key in torch_first}
    print(f"PyTorch {info['torch']} ({info['blas']}), OPENBLAS_CORETYPE="
          f"{os.environ.get('OPENBLAS_CORETYPE', '(unset)')}; load average "
          f"{os.getloadavg()[0]:.1f}")
    print()
    for kind, threads in (("wall", THREADS), ("cpu", [1])):
        print(f"{kind} time, median ms per forward (× = PyTorch / attnviz)")
        print()
        print("| threads | N | PyTorch | " + " | ".join(f"attnviz {name}" for name, _ in measured)
              + " |")
        print("|" + "---|" * (3 + len(measured)))
        for t in threads:
            for n in SIZES:
                key = (kind, t, n)
                cells = [f"{times[key]:.1f} ({torch[key] / times[key]:.2f}×)"
                         for _, times in measured]
                print(f"| {t} | {n} | {torch[key]:.1f} | " + " | ".join(cells) + " |")
        print()


if __name__ == "__main__":
    main(sys.argv[1:])
