#!/usr/bin/env python3
"""Writes RESULTS.md (to stdout) from the JSON and pair files run.sh leaves in benchmarks/out/text."""
import datetime, json, os, platform, statistics, subprocess, sys

OUT = sys.argv[1]
THRESHOLD = 0.8


def load(name):
    with open(os.path.join(OUT, name)) as f:
        return json.load(f)


def pairs(path):
    found = {}
    with open(path) as f:
        for line in f:
            a, b, s = line.split()
            found[(int(a), int(b))] = float(s)
    return found


def compare(swift_file, sklearn_file):
    """Pairs found by one side only, leaving out pairs within 1e-6 of the threshold."""
    a, b = pairs(swift_file), pairs(sklearn_file)
    near = lambda s: abs(s - THRESHOLD) <= 1e-6
    only_swift = [k for k in a if k not in b and not near(a[k])]
    only_sklearn = [k for k in b if k not in a and not near(b[k])]
    worst = max((abs(a[k] - b[k]) for k in a if k in b), default=0.0)
    return len(only_swift), len(only_sklearn), worst


def cpu_model():
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor()


def main():
    ev, sk = load("swift-evaluate.json"), load("sklearn-classify.json")["classify"]
    swift_train = [load(f"swift-train-{i}.json") for i in (1, 2, 3)]
    sk_train = [load(f"sklearn-train-{i}.json")["train"] for i in (1, 2, 3)]
    sp, kp, q = load("swift-pairs.json"), load("sklearn-pairs.json"), load("swift-query.json")
    nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    swift_wall = statistics.median(t["medianSeconds"] for t in swift_train)
    swift_command = statistics.median(t["commandSeconds"][0] for t in swift_train)
    swift_cpu = statistics.median(t["cpuSeconds"][0] for t in swift_train)
    sk_wall = statistics.median(t["seconds"] for t in sk_train)
    sk_cpu = statistics.median(t["cpuSeconds"] for t in sk_train)
    load_avg = open("/proc/loadavg").read().split()[:3]

    print("# UPRText benchmark results (issue 5)\n")
    print(f"- Date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC")
    print(f"- Machine: {nproc} cores (`nproc`), {cpu_model()} (`/proc/cpuinfo`), Linux {platform.release()}")
    print(f"- Load average at the end of the run: {' '.join(load_avg)} (the machine is shared with other builds;"
          " every comparison below ran in the same run, interleaved where repeated)")
    print("- Rerun: `bash benchmarks/text/run.sh` (writes this file; raw outputs in `benchmarks/out/text/`)\n")

    print("## Accuracy, development split (train sessions 1-12: "
          f"{ev.get('trainRows')} rows; test sessions 13-16: {ev['rows']} rows)\n")
    print("| metric | UPRText (Swift) | scikit-learn baseline | target |")
    print("| --- | --- | --- | --- |")
    rows = [("issues micro-F1", ev["issues"]["microF1"], sk["issues"]["microF1"], "≥ 0.862"),
            ("issues macro-F1", ev["issues"]["macroF1"], sk["issues"]["macroF1"], "≥ 0.744"),
            ("action category accuracy", ev["actionCategory"]["accuracy"], sk["actionCategory"]["accuracy"], "≥ 0.880"),
            ("action category macro-F1", ev["actionCategory"]["macroF1"], sk["actionCategory"]["macroF1"], "")]
    for name, a, b, target in rows:
        print(f"| {name} | **{a:.3f}** | {b:.3f} | {target} |")
    print("\nThe Swift figures are those of the saved model (quantized Int8 weights), read back from its bytes.\n")

    print("## Training on all 30,258 rows (median of 3 interleaved rounds)\n")
    print("| | UPRText (Swift) | scikit-learn | ratio |")
    print("| --- | --- | --- | --- |")
    print(f"| training from parsed rows, wall seconds | **{swift_wall:.2f}** | {sk_wall:.2f} "
          f"| **{sk_wall / swift_wall:.2f}x** |")
    print(f"| training from parsed rows, CPU seconds | {swift_cpu:.2f} | {sk_cpu:.2f} | {sk_cpu / swift_cpu:.2f}x |")
    print(f"| whole `upr train` (read CSV, train, write model), wall seconds | {swift_command:.2f} | | |")
    print("\nBoth sides start from rows already read (scikit-learn: vectoriser fit + one-vs-rest LinearSVC + action"
          " LinearSVC; Swift: features, 3 calibration folds and the final fit for every label, i.e. 4 fits per label,"
          " thresholds and confidences). Swift uses both cores; scikit-learn's liblinear one. Model file: "
          f"{swift_train[0]['modelBytes']:,} bytes, identical bytes in all three rounds.\n")

    print(f"## All pairs with cosine ≥ {THRESHOLD}\n")
    print("| corpus | documents | pairs (Swift / sklearn) | pairs differing | Swift join (median of 5) "
          "| sklearn chunked `X @ X.T` | speed-up | Swift vectorise + join | sklearn vectorise + join |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for key, label in [("pairsRecommendations", "29,304 recommendations"), ("pairsWithWG", "plus 39,191 WG texts")]:
        s, k = sp[key], kp[key]
        only_s, only_k, worst = compare(s["file"], k["file"])
        join = s["joinMedianSeconds"]
        print(f"| {label} | {s['documents']:,} | {s['pairs']:,} / {k['pairs']:,} | {only_s} + {only_k} "
              f"(max score difference {worst:.1e}) | **{join:.3f} s** | {k['joinSeconds']:.2f} s "
              f"| **{k['joinSeconds'] / join:.0f}x** | {s['vectoriseSeconds'] + join:.2f} s "
              f"| {k['vectoriseSeconds'] + k['joinSeconds']:.2f} s |")
    print(f"\nPeak memory of the Swift pairs run: {sp['peakMemoryMB']:.0f} MB "
          f"(sklearn process: {kp['pairsWithWG']['peakMemoryMB']:.0f} MB). Pair files: "
          "`benchmarks/out/text/{swift,sklearn}-pairs-{upr,all}.txt`, one `row row score` line per pair. "
          "Join CPU seconds (Swift, 2 threads): "
          f"{sp['pairsRecommendations']['joinCPUSeconds']:.2f} / {sp['pairsWithWG']['joinCPUSeconds']:.2f}; "
          f"sklearn: {kp['pairsRecommendations']['cpuSeconds']:.2f} / {kp['pairsWithWG']['cpuSeconds']:.2f}.\n")

    print(f"## One `similar \"TEXT\"` query on a {q['corpus']:,}-text corpus\n")
    print(f"{q['realTexts']:,} real texts (UPR Info export, Working Group texts, raw exports of sessions 1-13), "
          f"topped up to {q['corpus']:,} by repeating them; {q['queries']} queries (real recommendation texts), top 10.\n")
    print("| | median | p95 | max |")
    print("| --- | --- | --- | --- |")
    print(f"| wall ms | **{q['medianMs']:.2f}** | {q['p95Ms']:.2f} | {q['maxMs']:.2f} |")
    print(f"| thread CPU ms | {q['cpuMedianMs']:.2f} | {q['cpuP95Ms']:.2f} | {q['cpuMaxMs']:.2f} |")
    print(f"\nIndex build: {q['buildSeconds']:.2f} s; peak memory {q['peakMemoryMB']:.0f} MB (target < 1 GB). "
          "Wall-clock tails are time slices lost to other processes on the shared machine (see the load average);"
          " the thread CPU time is the cost of the query itself.")


if __name__ == "__main__":
    main()
