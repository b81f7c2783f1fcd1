/// A column of the UPR Info database export, by the name its header row gives it.
public enum UPRInfoColumn: String, Sendable, CaseIterable, Hashable {
    case to = "To"
    case toRegionalGroup = "To-Rgrp"
    case toOrganisations = "To-Org"
    case text = "Text"
    case from = "From"
    case fromRegionalGroup = "From-Rgrp"
    case fromOrganisations = "From-Org"
    case response = "Response"
    case action = "Action"
    case issue = "Issue"
    case session = "Session"

    /// The columns without which a row cannot become a record.
    public static let required: [UPRInfoColumn] = [.to, .text, .from, .response, .session]

    /// The column a header cell names, ignoring case and surrounding white space.
    public init?(header: String) {
        let key = header.trimmedWhitespace().lowercased()
        guard let column = Self.allCases.first(where: { $0.rawValue.lowercased() == key }) else { return nil }
        self = column
    }
}
