/// One field of a record that someone else saved while this person was editing: their value beside this person's,
/// so that nothing typed is lost (the conflict part of every editing page).
struct ConflictField: Encodable, Sendable {
    var label: String
    var theirs: String
    var yours: String
}

extension ConflictField {
    /// The fields whose saved value differs from the typed one, in field order, labelled by `label(field)`.
    static func rows(theirs: [String: String?], yours: [String: String?], label: (String) -> String) -> [ConflictField]
    {
        yours.keys.sorted().compactMap { key in
            let a = (theirs[key] ?? nil) ?? ""
            let b = (yours[key] ?? nil) ?? ""
            return a == b ? nil : ConflictField(label: label(key), theirs: a, yours: b)
        }
    }
}
