import UPRDomain

/// A hash of every stored field of a record, so a re-import can skip records that did not change without reading
/// them back field by field. FNV-1a is enough: it detects change, it does not defend against an adversary.
enum RecordFingerprint {
    static func of(_ record: RecommendationRecord) -> String {
        var parts: [String] = [
            record.kind.rawValue, record.text, record.response.rawValue, record.responseSource ?? "",
            record.actionCategory.map { String($0.rawValue) } ?? "", record.mechanism.rawValue,
            record.paragraph ?? "", record.reportSymbol ?? "", record.regionalGroup ?? "",
        ]
        parts.append(record.recommendingStates.joined(separator: "\u{1F}"))
        parts.append(record.issues.sorted().joined(separator: "\u{1F}"))
        parts.append(record.themes.map { ($0.code ?? "") + " " + $0.name }.sorted().joined(separator: "\u{1F}"))
        parts.append(record.affectedPersons.sorted().joined(separator: "\u{1F}"))
        parts.append(record.sdgs.sorted().map(String.init).joined(separator: ","))
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "\u{1E}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
