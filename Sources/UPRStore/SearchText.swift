/// Turns what a person types into a full-text query each engine accepts safely. People type quotes, hyphens,
/// apostrophes and operators; none of that may reach FTS5's query grammar unescaped (it would be a syntax error),
/// and PostgreSQL's `websearch_to_tsquery` already accepts any input.
public enum SearchText {
    /// Words PostgreSQL's english configuration drops; dropping them for FTS5 too keeps both engines' hits alike.
    static let stopWords: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at", "be",
        "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "did", "do", "does",
        "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he",
        "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
        "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once",
        "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so",
        "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these",
        "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what",
        "when", "where", "which", "while", "who", "whom", "why", "will", "with", "you", "your", "yours", "yourself",
        "yourselves",
    ]

    enum Part: Equatable {
        case term(String, negated: Bool)
        case phrase([String], negated: Bool)
        case or
    }

    /// Splits input into terms, quoted phrases, `OR` and `-negations`, in the style of web search boxes.
    static func parse(_ input: String) -> [Part] {
        var parts: [Part] = []
        var index = input.startIndex
        while index < input.endIndex {
            let char = input[index]
            if char.isWhitespace {
                index = input.index(after: index)
                continue
            }
            var negated = false
            var start = index
            if char == "-" {
                negated = true
                start = input.index(after: index)
                if start == input.endIndex { break }
            }
            if input[start] == "\"" {
                let open = input.index(after: start)
                let close = input[open...].firstIndex(of: "\"") ?? input.endIndex
                let words = words(in: String(input[open..<close]))
                if !words.isEmpty { parts.append(.phrase(words, negated: negated)) }
                index = close < input.endIndex ? input.index(after: close) : close
                continue
            }
            let end = input[start...].firstIndex(where: \.isWhitespace) ?? input.endIndex
            let token = String(input[start..<end])
            index = end
            if token == "OR" && !negated {
                parts.append(.or)
                continue
            }
            // "women's" or "non-discrimination" are several words to the tokenizer: keep them together as a phrase.
            let tokenWords = words(in: token)
            if tokenWords.count == 1 {
                parts.append(.term(tokenWords[0], negated: negated))
            } else if tokenWords.count > 1 {
                parts.append(.phrase(tokenWords, negated: negated))
            }
        }
        return parts
    }

    /// Lower-cased runs of letters and digits.
    static func words(in text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// An FTS5 MATCH expression, or nil when nothing searchable is left (only stop words or punctuation).
    public static func fts5(_ input: String) -> String? {
        var out: [String] = []
        var pendingOr = false
        func append(_ expression: String, negated: Bool) {
            if negated {
                // FTS5's NOT is binary: a negation with nothing before it cannot be expressed, so it is dropped.
                if !out.isEmpty { out.append("NOT " + expression) }
            } else if pendingOr {
                out.append("OR " + expression)
            } else {
                out.append(expression)
            }
            pendingOr = false
        }
        for part in parse(input) {
            switch part {
            case .or:
                pendingOr = !out.isEmpty
            case .term(let word, let negated):
                if stopWords.contains(word) { continue }
                append("\"\(word)\"", negated: negated)
            case .phrase(let words, let negated):
                let kept = words.count > 1 ? words : words.filter { !stopWords.contains($0) }
                guard !kept.isEmpty else { continue }
                append("\"" + kept.joined(separator: " ") + "\"", negated: negated)
            }
        }
        return out.isEmpty ? nil : out.joined(separator: " ")
    }
}
