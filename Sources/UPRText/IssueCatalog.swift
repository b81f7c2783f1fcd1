import UPRDomain

/// The 54 UPR Info issues in a fixed order, with a fast case-insensitive lookup.
enum IssueCatalog {
    /// Issue names in `UPRInfoIssue.all` order: label `i` of the classifier is `names[i]`.
    static let names: [String] = UPRInfoIssue.all.map(\.name)

    private static let indexByLowercasedName: [String: Int] = Dictionary(
        uniqueKeysWithValues: names.enumerated().map { ($0.element.lowercased(), $0.offset) })

    /// The label index of an issue name (case- and surrounding-space-insensitive), or nil.
    static func index(of name: String) -> Int? {
        indexByLowercasedName[name.trimmingCharacters(in: .whitespaces).lowercased()]
    }
}
