import Foundation
import UPRDomain
import UPRText

// Benchmark driver for UPRText (issue 5), built by benchmarks/text/run.sh in a scratch package. Each command
// prints one JSON object.
//   train DATA OUT [REPEAT]           train on all rows, write the model; median of REPEAT runs
//   evaluate DATA                     development split: train sessions 1-12, test 13-16
//   pairs DATA WGDIR OUTDIR [T]       all pairs >= T over the deduplicated recommendations, then plus WG texts
//   query DATA WGDIR RAWDIR [COUNT]   one `similar "TEXT"` query on a 100,000-text corpus, COUNT queries

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// CPU time of the calling thread, so a query's cost is not inflated by other work on a shared machine.
func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// CPU time (user + system, all threads) of this process so far.
func processCPUSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
        getrusage(RUSAGE_SELF, &usage)
    #endif
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

/// Peak resident memory of this process in MB (Linux `VmHWM`).
func peakMemoryMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Double(line.split(separator: " ")[1])! / 1024
    }
    return -1
}

func emit(_ object: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

func wgDocuments(_ directory: String) throws -> [(id: Int, text: String)] {
    var documents: [(id: Int, text: String)] = []
    for year in 2008...2014 {
        documents += SimilarityCorpus.rows(
            try CSVTable(contentsOf: URL(fileURLWithPath: "\(directory)/\(year)data.csv")))
    }
    return documents
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "train":
    // Times the three steps of `upr train` apart: reading the CSV, training (the figure comparable with the
    // scikit-learn pipeline, which starts from parsed rows), writing the model.
    let repeats = arguments.count > 3 ? Int(arguments[3])! : 1
    var load: [Double] = []
    var train: [Double] = []
    var cpu: [Double] = []
    var total: [Double] = []
    for _ in 0..<repeats {
        var rows: [LabelledRecommendation] = []
        var classifier: Classifier!
        let loadSeconds = try seconds {
            rows = try LabelledRecommendation.load(files: [URL(fileURLWithPath: arguments[1])])
        }
        let cpuTrainStart = processCPUSeconds()
        let trainSeconds = seconds { classifier = ClassifierTrainer.train(rows) }
        cpu.append(processCPUSeconds() - cpuTrainStart)
        let writeSeconds = try seconds { try classifier.write(to: URL(fileURLWithPath: arguments[2])) }
        load.append(loadSeconds)
        train.append(trainSeconds)
        total.append(loadSeconds + trainSeconds + writeSeconds)
    }
    let bytes = (try FileManager.default.attributesOfItem(atPath: arguments[2])[.size] as? Int) ?? -1
    emit([
        "trainSeconds": train, "medianSeconds": median(train), "cpuSeconds": cpu, "loadSeconds": load,
        "commandSeconds": total, "modelBytes": bytes,
    ])

case "evaluate":
    // evaluate DATA [LAST-TRAIN-SESSION LAST-TEST-SESSION [FOLDS]]: 12 16 is the development split; design
    // choices were made with 9 12 (train 1-9, validate 10-12).
    let url = URL(fileURLWithPath: arguments[1])
    let lastTrain = arguments.count > 2 ? Int(arguments[2])! : 12
    let lastTest = arguments.count > 3 ? Int(arguments[3])! : 16
    var options = TrainingOptions()
    if arguments.count > 4 { options.folds = Int(arguments[4])! }
    if arguments.count > 5 { options.tolerance = Double(arguments[5])! }
    print(
        try TextTool.evaluate(
            trainFiles: [url], testFiles: [url], trainSessions: 1...lastTrain,
            testSessions: (lastTrain + 1)...lastTest, json: true, options: options))

case "pairs":
    let threshold = arguments.count > 4 ? Double(arguments[4])! : 0.8
    let recommendations = SimilarityCorpus.uprInfoRecommendations(
        try CSVTable(contentsOf: URL(fileURLWithPath: arguments[1])))
    let wg = try wgDocuments(arguments[2])
    var result: [String: Any] = [:]
    for (name, documents) in [("pairsRecommendations", recommendations), ("pairsWithWG", recommendations + wg)] {
        // Ids are positions, as in the Python script's pair files.
        let texts = documents.enumerated().map { (id: $0.offset, text: $0.element.text) }
        var index: SimilarityIndex!
        let build = seconds { index = SimilarityIndex(texts) }
        var timings: [Double] = []
        var pairs: [SimilarPair] = []
        let cpuStart = processCPUSeconds()
        for _ in 0..<5 { timings.append(seconds { pairs = index.allPairs(threshold: threshold) }) }
        let cpu = (processCPUSeconds() - cpuStart) / 5
        var out = ""
        for pair in pairs { out += "\(pair.first) \(pair.second) \(String(format: "%.9f", pair.score))\n" }
        let file = "\(arguments[3])/swift-\(name == "pairsRecommendations" ? "pairs-upr" : "pairs-all").txt"
        try out.write(toFile: file, atomically: true, encoding: .utf8)
        result[name] = [
            "documents": documents.count, "pairs": pairs.count, "vectoriseSeconds": build,
            "joinSeconds": timings, "joinMedianSeconds": median(timings), "joinCPUSeconds": cpu, "file": file,
        ]
    }
    result["peakMemoryMB"] = peakMemoryMB()
    emit(result)

case "query":
    let count = arguments.count > 4 ? Int(arguments[4])! : 500
    let labelled = try CSVTable(contentsOf: URL(fileURLWithPath: arguments[1]))
    var texts = SimilarityCorpus.rows(labelled, textColumn: "Text").map(\.text)
    texts += try wgDocuments(arguments[2]).map(\.text)
    for file in try FileManager.default.contentsOfDirectory(atPath: arguments[3]).sorted() where file.hasSuffix(".csv")
    {
        let table = try CSVTable(contentsOf: URL(fileURLWithPath: "\(arguments[3])/\(file)"))
        texts += SimilarityCorpus.rows(table, textColumn: "Text").map(\.text)
    }
    let real = texts.count
    // Top up to 100,000 with repeats of the real texts: repeats lengthen posting lists, the hard case.
    var position = 0
    while texts.count < 100_000 {
        texts.append(texts[position])
        position += 1
    }
    var index: SimilarityIndex!
    let build = seconds { index = SimilarityIndex(texts.enumerated().map { (id: $0.offset, text: $0.element) }) }
    let queries = stride(from: 0, to: real, by: max(1, real / count)).prefix(count).map { texts[$0] }
    var timings: [Double] = []
    var cpu: [Double] = []
    var hits = 0
    for query in queries {
        let cpuStart = threadCPUSeconds()
        timings.append(seconds { hits += index.query(query, top: 10).count })
        cpu.append(threadCPUSeconds() - cpuStart)
    }
    let sorted = timings.sorted()
    let sortedCPU = cpu.sorted()
    emit([
        "corpus": texts.count, "realTexts": real, "buildSeconds": build, "queries": queries.count,
        "medianMs": median(timings) * 1000, "p95Ms": sorted[sorted.count * 95 / 100] * 1000,
        "maxMs": sorted.last! * 1000, "cpuMedianMs": median(cpu) * 1000,
        "cpuP95Ms": sortedCPU[sortedCPU.count * 95 / 100] * 1000, "cpuMaxMs": sortedCPU.last! * 1000,
        "peakMemoryMB": peakMemoryMB(),
    ])

default:
    print("usage: bench train|evaluate|pairs|query …")
}
