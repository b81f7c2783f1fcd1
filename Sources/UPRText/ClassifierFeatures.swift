import Foundation

/// The classifier's feature space: word 1-2 grams weighted by TF-IDF, plus the opening words.
///
/// UPR Info's action category is decided by the first verb ("with two opening verbs the second counts"), which
/// a bag of words cannot see, so the first three tokens and their prefixes are features of their own
/// ("^0 continue", "^01 continue and", "^2 strengthen"), added with a fixed weight after the TF-IDF part is
/// L2-normalised. Internally every feature is a 64-bit key over word ids, so vectorising hashes integers, not
/// strings; the model file stores the readable keys.
struct ClassifierFeatures: Sendable {
    /// Feature keys, sorted, so that a fit is deterministic.
    let keys: [String]
    /// Smoothed IDF per feature (sklearn's formula); 0 for opening-word features, which are binary.
    let idf: [Float]
    /// Weight of each opening-word feature.
    let leadWeight: Float
    /// Word → feature index of the word's unigram (the word's id in composite keys).
    private let wordIDs: [String: Int32]
    /// Composite key (bigram or opening words over word ids) → feature index.
    private let compositeIDs: [UInt64: Int32]

    /// Number of features.
    var count: Int { keys.count }

    init(keys: [String], idf: [Float], leadWeight: Float) {
        self.keys = keys
        self.idf = idf
        self.leadWeight = leadWeight
        var words: [String: Int32] = [:]
        for (index, key) in keys.enumerated() where !key.hasPrefix("^") && !key.contains(" ") {
            words[key] = Int32(index)
        }
        var composites: [UInt64: Int32] = [:]
        for (index, key) in keys.enumerated() {
            let parts = key.split(separator: " ").map(String.init)
            let kind: FeatureKind?
            let wordParts: ArraySlice<String>
            if key.hasPrefix("^") {
                kind = FeatureKind(leadTag: parts[0])
                wordParts = parts.dropFirst()
            } else {
                kind = parts.count == 2 ? .bigram : nil
                wordParts = parts[...]
            }
            guard let kind, wordParts.count == kind.arity else { continue }
            let ids = wordParts.compactMap { words[$0] }
            guard ids.count == kind.arity, let composite = kind.key(ids) else { continue }
            composites[composite] = Int32(index)
        }
        wordIDs = words
        compositeIDs = composites
    }

    /// Learns the vocabulary (features in at least `minDocumentFrequency` texts) and IDF, and returns it with
    /// the feature matrix of the same texts.
    static func fit(_ texts: [String], minDocumentFrequency: Int = 2, leadWeight: Float = 0.5)
        -> (features: ClassifierFeatures, matrix: SparseRows)
    {
        let tokenLists = Parallel.map(texts.count) { Tokenizer.tokens(texts[$0]) }
        // Provisional word ids in first-seen order: deterministic, and only used for counting.
        var provisional: [String: Int32] = [:]
        var words: [String] = []
        var wordFrequency: [Int32] = []
        var compositeFrequency: [UInt64: Int32] = [:]
        var seenWords: [Int32] = []
        var keysOfText: [UInt64] = []
        for tokens in tokenLists {
            var ids: [Int32] = []
            ids.reserveCapacity(tokens.count)
            for token in tokens {
                if let id = provisional[token] {
                    ids.append(id)
                } else {
                    let id = Int32(words.count)
                    provisional[token] = id
                    words.append(token)
                    wordFrequency.append(0)
                    ids.append(id)
                }
            }
            seenWords = ids
            seenWords.sort()
            var previous: Int32 = -1
            for id in seenWords where id != previous {
                wordFrequency[Int(id)] += 1
                previous = id
            }
            keysOfText.removeAll(keepingCapacity: true)
            forEachComposite(ids) { keysOfText.append($0) }
            keysOfText.sort()
            var previousKey = UInt64.max
            for key in keysOfText where key != previousKey {
                compositeFrequency[key, default: 0] += 1
                previousKey = key
            }
        }
        var kept: [(key: String, frequency: Int32)] = []
        for (id, word) in words.enumerated() where wordFrequency[id] >= minDocumentFrequency {
            kept.append((word, wordFrequency[id]))
        }
        for (key, frequency) in compositeFrequency where frequency >= minDocumentFrequency {
            kept.append((FeatureKind.describe(key, words: words), frequency))
        }
        kept.sort { $0.key < $1.key }
        let n = Double(texts.count)
        let idf = kept.map { entry -> Float in
            if entry.key.hasPrefix("^") { return 0 }
            // Rounded to Float once here, so training and a loaded model see the same numbers.
            return Float(log((1 + n) / (1 + Double(entry.frequency))) + 1)
        }
        let features = ClassifierFeatures(keys: kept.map(\.key), idf: idf, leadWeight: leadWeight)
        return (features, features.matrix(tokenLists: tokenLists))
    }

    /// Calls `body` with the composite keys (bigrams, opening words) of a text's word ids.
    private static func forEachComposite(_ ids: [Int32], _ body: (UInt64) -> Void) {
        for index in ids.indices.dropLast() {
            if let key = FeatureKind.bigram.key([ids[index], ids[index + 1]]) { body(key) }
        }
        if ids.count > 0, let key = FeatureKind.lead0.key([ids[0]]) { body(key) }
        if ids.count > 1 {
            if let key = FeatureKind.lead1.key([ids[1]]) { body(key) }
            if let key = FeatureKind.lead01.key([ids[0], ids[1]]) { body(key) }
        }
        if ids.count > 2 {
            if let key = FeatureKind.lead2.key([ids[2]]) { body(key) }
            if let key = FeatureKind.lead012.key([ids[0], ids[1], ids[2]]) { body(key) }
        }
    }

    /// The feature vector of `text`: sublinear TF-IDF over known n-grams, L2-normalised, plus opening words.
    func vector(_ text: String) -> (columns: [Int32], values: [Float]) {
        vector(tokens: Tokenizer.tokens(text))
    }

    /// The feature vector of an already tokenised text.
    func vector(tokens: [String]) -> (columns: [Int32], values: [Float]) {
        // Unknown words get id -1: no composite over them can be a feature (a bigram or opening phrase that
        // occurs in enough texts implies its words do too).
        let ids = tokens.map { wordIDs[$0] ?? -1 }
        var ngrams: [Int32] = ids.filter { $0 >= 0 }
        var leads: [Int32] = []
        for index in ids.indices.dropLast() where ids[index] >= 0 && ids[index + 1] >= 0 {
            if let key = FeatureKind.bigram.key([ids[index], ids[index + 1]]), let id = compositeIDs[key] {
                ngrams.append(id)
            }
        }
        let opening = Array(ids.prefix(3))
        for kind in FeatureKind.leads where opening.count > kind.leadPositions.last! {
            let parts = kind.leadPositions.map { opening[$0] }
            guard !parts.contains(-1), let key = kind.key(parts), let id = compositeIDs[key] else { continue }
            leads.append(id)
        }
        ngrams.sort()
        var columns: [Int32] = []
        var values: [Float] = []
        columns.reserveCapacity(ngrams.count + leads.count)
        values.reserveCapacity(ngrams.count + leads.count)
        var squaredNorm: Float = 0
        var index = 0
        while index < ngrams.count {
            var end = index + 1
            while end < ngrams.count && ngrams[end] == ngrams[index] { end += 1 }
            let id = ngrams[index]
            let value = (1 + Float(log(Double(end - index)))) * idf[Int(id)]
            columns.append(id)
            values.append(value)
            squaredNorm += value * value
            index = end
        }
        if squaredNorm > 0 {
            let scale = 1 / squaredNorm.squareRoot()
            for slot in values.indices { values[slot] *= scale }
        }
        guard !leads.isEmpty else { return (columns, values) }
        // Opening-word features are distinct keys from n-grams, so merging keeps columns unique.
        var merged = zip(columns, values).map { ($0, $1) } + leads.map { ($0, leadWeight) }
        merged.sort { $0.0 < $1.0 }
        return (merged.map(\.0), merged.map(\.1))
    }

    /// Feature vectors of many texts, computed on all cores, as CSR rows.
    func matrix(_ texts: [String]) -> SparseRows {
        matrix(tokenLists: Parallel.map(texts.count) { Tokenizer.tokens(texts[$0]) })
    }

    private func matrix(tokenLists: [[String]]) -> SparseRows {
        let vectors = Parallel.map(tokenLists.count) { vector(tokens: tokenLists[$0]) }
        var rows = SparseRows()
        let total = vectors.reduce(0) { $0 + $1.columns.count }
        rows.columns.reserveCapacity(total)
        rows.values.reserveCapacity(total)
        for vector in vectors { rows.append(columns: vector.columns, values: vector.values) }
        return rows
    }
}

/// The kinds of composite feature, with how each packs word ids into a 64-bit key (4-bit tag, 20 bits per id).
enum FeatureKind: UInt64, CaseIterable {
    case bigram = 1
    case lead0
    case lead1
    case lead2
    case lead01
    case lead012

    /// The opening-word kinds, in a fixed order.
    static let leads: [FeatureKind] = [.lead0, .lead1, .lead2, .lead01, .lead012]

    /// Number of word ids in the key.
    var arity: Int {
        switch self {
        case .lead0, .lead1, .lead2: 1
        case .bigram, .lead01: 2
        case .lead012: 3
        }
    }

    /// Token positions an opening-word kind reads.
    var leadPositions: [Int] {
        switch self {
        case .lead0: [0]
        case .lead1: [1]
        case .lead2: [2]
        case .lead01: [0, 1]
        case .lead012: [0, 1, 2]
        case .bigram: []
        }
    }

    /// The tag written before an opening-word key ("^01").
    var leadTag: String { "^" + leadPositions.map(String.init).joined() }

    init?(leadTag: String) {
        guard let kind = FeatureKind.leads.first(where: { $0.leadTag == leadTag }) else { return nil }
        self = kind
    }

    /// Packs ids; nil when an id does not fit in 20 bits (a vocabulary beyond a million words).
    func key(_ ids: [Int32]) -> UInt64? {
        var key = rawValue << 60
        for (slot, id) in ids.enumerated() {
            guard id >= 0, id < (1 << 20) else { return nil }
            key |= UInt64(id) << (40 - 20 * UInt64(slot))
        }
        return key
    }

    /// The readable key of a packed composite, using `words` for the ids.
    static func describe(_ key: UInt64, words: [String]) -> String {
        let kind = FeatureKind(rawValue: key >> 60)!
        let ids = (0..<kind.arity).map { Int((key >> (40 - 20 * UInt64($0))) & 0xFFFFF) }
        let phrase = ids.map { words[$0] }.joined(separator: " ")
        return kind == .bigram ? phrase : kind.leadTag + " " + phrase
    }
}
