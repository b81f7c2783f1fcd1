#!/usr/bin/env bash
# Reruns every UPRText benchmark side by side with scikit-learn and rewrites benchmarks/text/RESULTS.md.
# Usage: bash benchmarks/text/run.sh   (from anywhere; needs ../shared/data next to the repo, python3, swift)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DATA=${UPR_SHARED_DATA:-$ROOT/../shared/data}
OUT=$ROOT/benchmarks/out/text
PKG=$OUT/bench-package
CSV=$DATA/upr-info/recommendations-sessions-01-16.csv
mkdir -p "$OUT" "$PKG/Sources/bench"

# A scratch package over the repo's own sources, so the benchmark never touches the main .build.
ln -sfn "$ROOT/Sources/UPRDomain" "$PKG/UPRDomain"
ln -sfn "$ROOT/Sources/UPRText" "$PKG/UPRText"
ln -sfn "$HERE/bench/main.swift" "$PKG/Sources/bench/main.swift"
cat > "$PKG/Package.swift" <<'SWIFT'
// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "uprtext-bench",
    platforms: [.macOS(.v13)],
    targets: [
        .target(name: "UPRDomain", path: "UPRDomain"),
        .target(name: "UPRText", dependencies: ["UPRDomain"], path: "UPRText", resources: [.copy("Model")]),
        .executableTarget(name: "bench", dependencies: ["UPRText", "UPRDomain"], path: "Sources/bench"),
    ]
)
SWIFT
swift build -c release --package-path "$PKG" 2>&1 | tail -1
BENCH=$PKG/.build/release/bench
python3 -c "import sklearn" 2>/dev/null || pip install scikit-learn
SK="python3 $HERE/sklearn_baseline.py --data $CSV --wg $DATA/wg-reports --out $OUT"

echo "== accuracy on the development split (train sessions 1-12, test 13-16)"
"$BENCH" evaluate "$CSV" > "$OUT/swift-evaluate.json"
$SK --parts classify > "$OUT/sklearn-classify.json"

echo "== training on all rows, three interleaved rounds"
for round in 1 2 3; do
    "$BENCH" train "$CSV" "$OUT/model-$round.uprtext" 1 > "$OUT/swift-train-$round.json"
    $SK --parts train > "$OUT/sklearn-train-$round.json"
done
cmp "$OUT/model-1.uprtext" "$OUT/model-2.uprtext" && cmp "$OUT/model-1.uprtext" "$OUT/model-3.uprtext" \
    && echo "training is deterministic: three identical model files"

echo "== all pairs >= 0.8 (recommendations, then plus Working Group texts)"
"$BENCH" pairs "$CSV" "$DATA/wg-reports" "$OUT" 0.8 > "$OUT/swift-pairs.json"
$SK --parts pairs --threshold 0.8 > "$OUT/sklearn-pairs.json"

echo "== one similar \"TEXT\" query on a 100,000-text corpus"
"$BENCH" query "$CSV" "$DATA/wg-reports" "$DATA/upr-info/raw" 500 > "$OUT/swift-query.json"

python3 "$HERE/summarize.py" "$OUT" > "$HERE/RESULTS.md"
cat "$HERE/RESULTS.md"
