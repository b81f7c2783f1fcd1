#!/usr/bin/env python3
"""scikit-learn baseline for UPRText (issue 5), run side by side with the Swift side by run.sh.

Parts (choose with --parts, default all):
  classify  TF-IDF (word 1-2 grams, sublinear tf, min_df=2) + one-vs-rest LinearSVC(C=0.5) for the 54 issues
            and LinearSVC(C=0.5) for the action category; train on sessions 1-12, test on 13-16.
  train     the same pipeline fitted on all 30,258 rows, timed.
  pairs     all pairs with cosine >= threshold by chunked sparse X @ X.T, over the 29,304 recommendations
            (rows deduplicated by To, Session and white-space-normalised text) and over those plus the
            39,191 Working Group texts. The vectors replicate UPRText's similarity vectors exactly (tokeniser
            below, stop words read from Sources/UPRText/StopWords.swift, sublinear tf, smoothed idf, l2 norm),
            so the pair sets can be compared for identity. Pair files: one "row row score" line per pair.
Prints one JSON object with every figure.
"""
import argparse, csv, io, json, os, re, resource, sys, time, unicodedata

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import accuracy_score, f1_score
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import MultiLabelBinarizer
from sklearn.svm import LinearSVC

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def read_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def legacy_decode(data):
    """UPRText's LegacyTextDecoder: UTF-8, else Mac Roman if its quotes/dashes dominate, else Latin-1."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        mac = sum(data.count(bytes([b])) for b in range(0xD0, 0xD6))
        latin = data.count(b"\xcd") + data.count(b"\xee")
        return data.decode("mac_roman" if mac > latin else "latin-1")


def stop_words():
    source = open(os.path.join(ROOT, "Sources", "UPRText", "StopWords.swift"), encoding="utf-8").read()
    literal = source[source.index("Set<String> = ["):]  # the list itself, not the quotes in its comments
    return set(re.findall(r'"([a-z]+)"', literal[:literal.index("]")]))


STOP = None


def tokens(text):
    """UPRText's Tokenizer: NFKD per character, drop combining marks, lowercase; L/N/M runs of >= 2 make words."""
    out, current = [], []
    for ch in text:
        for d in unicodedata.normalize("NFKD", ch):
            if unicodedata.combining(d):
                continue
            for e in d.lower():
                if unicodedata.category(e)[0] in "LNM":
                    current.append(e)
                else:
                    if len(current) >= 2:
                        out.append("".join(current))
                    current = []
    if len(current) >= 2:
        out.append("".join(current))
    return [t for t in out if t not in STOP]


def issues_of(row):
    return [x for x in row["Issue"].split(",") if x]


def classify(rows):
    train = [r for r in rows if int(r["Session"]) <= 12]
    test = [r for r in rows if int(r["Session"]) > 12]
    mlb = MultiLabelBinarizer().fit([issues_of(r) for r in rows])
    vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
    xtr = vec.fit_transform([r["Text"] for r in train])
    xte = vec.transform([r["Text"] for r in test])
    ytr, yte = mlb.transform([issues_of(r) for r in train]), mlb.transform([issues_of(r) for r in test])
    pred = OneVsRestClassifier(LinearSVC(C=0.5)).fit(xtr, ytr).predict(xte)
    atr, ate = [r["Action"] for r in train], [r["Action"] for r in test]
    apred = LinearSVC(C=0.5).fit(xtr, atr).predict(xte)
    return {
        "issues": {"microF1": f1_score(yte, pred, average="micro"),
                   "macroF1": f1_score(yte, pred, average="macro", zero_division=0)},
        "actionCategory": {"accuracy": accuracy_score(ate, apred), "macroF1": f1_score(ate, apred, average="macro")},
        "trainRows": len(train), "testRows": len(test),
    }


def train_all(rows):
    start, cpu = time.perf_counter(), time.process_time()
    vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
    x = vec.fit_transform([r["Text"] for r in rows])
    y = MultiLabelBinarizer().fit_transform([issues_of(r) for r in rows])
    OneVsRestClassifier(LinearSVC(C=0.5)).fit(x, y)
    LinearSVC(C=0.5).fit(x, [r["Action"] for r in rows])
    return {"rows": len(rows), "seconds": time.perf_counter() - start, "cpuSeconds": time.process_time() - cpu}


def dedup_recommendations(rows):
    seen, texts = set(), []
    for r in rows:
        key = (r["To"], r["Session"], " ".join(r["Text"].split()))
        if key not in seen:
            seen.add(key)
            texts.append(r["Text"])
    return texts


def wg_texts(directory):
    texts = []
    for year in range(2008, 2015):
        data = open(os.path.join(directory, f"{year}data.csv"), "rb").read()
        texts += [r.get("text") or "" for r in csv.DictReader(io.StringIO(legacy_decode(data), newline=""))]
    return texts


def all_pairs(texts, threshold, out_path, chunk=1000):
    start = time.perf_counter()
    cpu = time.process_time()
    x = TfidfVectorizer(analyzer=tokens, sublinear_tf=True).fit_transform(texts).tocsr()
    vectorised = time.perf_counter()
    xt = x.T.tocsc()
    pairs = []
    for lo in range(0, x.shape[0], chunk):
        block = (x[lo:lo + chunk] @ xt).tocoo()
        keep = (block.data >= threshold) & (block.row + lo < block.col)
        pairs.append(np.stack([block.row[keep] + lo, block.col[keep], block.data[keep]], axis=1))
    joined = time.perf_counter()
    join_cpu = time.process_time() - cpu
    found = np.concatenate(pairs) if pairs else np.zeros((0, 3))
    found = found[np.lexsort((found[:, 1], found[:, 0]))]
    with open(out_path, "w") as f:
        for a, b, s in found:
            f.write(f"{int(a)} {int(b)} {s:.9f}\n")
    return {"documents": len(texts), "pairs": int(len(found)), "vectoriseSeconds": vectorised - start,
            "joinSeconds": joined - vectorised, "cpuSeconds": join_cpu, "file": out_path,
            "peakMemoryMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main():
    global STOP
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data", "upr-info",
                                                       "recommendations-sessions-01-16.csv"))
    parser.add_argument("--wg", default=os.path.join(ROOT, "..", "shared", "data", "wg-reports"))
    parser.add_argument("--out", default=os.path.join(ROOT, "benchmarks", "out"))
    parser.add_argument("--threshold", type=float, default=0.8)
    parser.add_argument("--parts", default="classify,train,pairs")
    args = parser.parse_args()
    STOP = stop_words()
    os.makedirs(args.out, exist_ok=True)
    rows = read_rows(args.data)
    parts = args.parts.split(",")
    result = {}
    if "classify" in parts:
        result["classify"] = classify(rows)
    if "train" in parts:
        result["train"] = train_all(rows)
    if "pairs" in parts:
        recs = dedup_recommendations(rows)
        result["pairsRecommendations"] = all_pairs(recs, args.threshold, os.path.join(args.out, "sklearn-pairs-upr.txt"))
        result["pairsWithWG"] = all_pairs(recs + wg_texts(args.wg), args.threshold,
                                          os.path.join(args.out, "sklearn-pairs-all.txt"))
    json.dump(result, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
