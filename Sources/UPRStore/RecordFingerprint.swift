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
        // UHRI's fields, only when the source has them, so that the hash of every other record stays what it was
        // and a re-import after the upgrade finds those records unchanged.
        if record.annotationID != nil || !record.sdgTargets.isEmpty || record.recommendingBody != nil {
            parts.append(record.annotationID.map { "\($0)" } ?? "")
            parts.append(record.recommendingBody ?? "")
            parts.append(record.sdgTargets.map(\.code).sorted().joined(separator: ","))
            parts.append(record.statesConcerned.joined(separator: "\u{1F}"))
            parts.append(record.regionsConcerned.joined(separator: "\u{1F}"))
            parts.append(record.positionAsGiven ?? "")
            parts.append(record.publicationDate.map { "\($0)" } ?? "")
            parts.append(record.indexedDate.map { "\($0)" } ?? "")
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "\u{1E}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
