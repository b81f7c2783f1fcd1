import Foundation
import UPRDomain

/// Which review a thematic list belongs to: the state under review, the session and the cycle.
///
/// The page header says it ("UPR of Slovenia (3rd Cycle - 34th Session)", "UPR of Egypt - Second Cycle"); what the
/// header leaves out is taken from the file name (`slovenia-cycle2-session20.docx`).
public struct ThematicListReview: Sendable, Hashable {
    /// The state under review as the header (or file name) gives it.
    public var stateUnderReview: String
    /// The Working Group session, when known.
    public var session: Int?
    /// The UPR cycle, when known.
    public var cycle: Int?

    /// Creates a review.
    public init(stateUnderReview: String, session: Int?, cycle: Int?) {
        self.stateUnderReview = stateUnderReview
        self.session = session
        self.cycle = cycle
    }

    private static let ordinals = ["first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6]

    /// Reads the review from the page headers' paragraphs, falling back to the file name.
    public init(headerParagraphs: [String], fileName: String) {
        var state: String?
        var session: Int?
        var cycle: Int?
        // Header paragraphs put the title, "Thematic list of recommendations" and the page number in tab stops.
        let segments = headerParagraphs.flatMap { $0.split(whereSeparator: { $0 == "\t" || $0 == "\n" }) }
        for segment in segments {
            guard let range = segment.range(of: "UPR of ", options: .caseInsensitive) else { continue }
            let title = String(segment[range.upperBound...]).trimmingSpaces()
            let (name, details) = Self.splitTitle(title)
            if !name.isEmpty { state = name }
            session = Self.number(before: "session", in: details) ?? Self.number(after: "session", in: details)
            cycle = Self.number(before: "cycle", in: details) ?? Self.number(after: "cycle", in: details)
            break
        }
        let stem = (fileName as NSString).deletingPathExtension
        session = session ?? Self.number(after: "session", in: stem)
        cycle = cycle ?? Self.number(after: "cycle", in: stem) ?? session.flatMap(Cycle.of(session:))
        self.init(stateUnderReview: state ?? Self.stateName(fromFileStem: stem), session: session, cycle: cycle)
    }

    /// Splits "Bolivia (Plurinational State of) (3rd Cycle - 34th Session)" into the state and the part naming the
    /// cycle and session: the state ends at the last "(" or dash before the word "cycle" or "session".
    private static func splitTitle(_ title: String) -> (state: String, details: String) {
        let keyword = [
            title.range(of: "cycle", options: .caseInsensitive), title.range(of: "session", options: .caseInsensitive),
        ].compactMap { $0 }.min {
            $0.lowerBound < $1.lowerBound
        }
        guard let keyword else { return (title, "") }
        let head = title[..<keyword.lowerBound]
        let separators: [Character] = ["(", "-", "–", "—", ","]
        guard let cut = head.lastIndex(where: { separators.contains($0) }) else { return (title, title) }
        var state = String(head[..<cut]).trimmingSpaces()
        while let last = state.last, separators.contains(last) || last.isWhitespace { state.removeLast() }
        return (state, String(title[cut...]))
    }

    /// The number written just before `word`: "34th Session", "Second Cycle".
    private static func number(before word: String, in text: String) -> Int? {
        let words = Self.words(text)
        guard let index = words.firstIndex(where: { $0.lowercased().hasPrefix(word) }), index > 0 else { return nil }
        let previous = words[index - 1].lowercased()
        if let value = ordinals[previous] { return value }
        let digits = previous.prefix { $0.isNumber }
        let suffix = previous.dropFirst(digits.count)
        guard !digits.isEmpty, ["", "st", "nd", "rd", "th"].contains(String(suffix)) else { return nil }
        return Int(digits)
    }

    /// The number written just after `word`: "Session 34", "cycle2", "session20".
    private static func number(after word: String, in text: String) -> Int? {
        let lower = text.lowercased()
        var searchStart = lower.startIndex
        while let range = lower.range(of: word, range: searchStart..<lower.endIndex) {
            let rest = lower[range.upperBound...].drop { $0 == " " || $0 == "-" || $0 == "_" || $0 == "." }
            let digits = rest.prefix { $0.isNumber }
            if !digits.isEmpty, digits.count <= 4, let value = Int(digits) { return value }
            searchStart = range.upperBound
        }
        return nil
    }

    private static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    /// "slovenia-cycle2-session20" → "Slovenia"; "united-kingdom_cycle3" → "United Kingdom".
    private static func stateName(fromFileStem stem: String) -> String {
        let lower = stem.lowercased()
        var end = lower.endIndex
        for marker in ["cycle", "session", "upr", "thematic"] {
            if let range = lower.range(of: marker), range.lowerBound < end { end = range.lowerBound }
        }
        if let digit = lower.firstIndex(where: \.isNumber), digit < end { end = digit }
        let smallWords: Set<String> = ["of", "and", "the"]
        let words = lower[..<end].split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " || $0 == "." })
        let name = words.enumerated().map { index, word in
            index > 0 && smallWords.contains(String(word))
                ? String(word) : word.prefix(1).uppercased() + word.dropFirst()
        }
        return name.isEmpty ? stem : name.joined(separator: " ")
    }
}
