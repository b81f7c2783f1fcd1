import UPRDomain

/// The two stored keys of a record: its natural key (by paragraph when it has one) and its text key (always by
/// text), both shortened as stored (`StoredKey`).
struct RecordKeys: Sendable {
    var natural: String
    var text: String

    init(_ record: RecommendationRecord) {
        natural = StoredKey.of(record.naturalKey)
        text = StoredKey.of(record.textKey)
    }
}
