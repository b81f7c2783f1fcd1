/// The body that made a recommendation: the UPR itself, a treaty body, or the special procedures.
public enum Mechanism: String, Sendable, Codable, CaseIterable, Hashable {
    case upr
    case cat, ccpr, cescr, cedaw, crc, cerd, crpd, cmw, ced
    /// The Subcommittee on Prevention of Torture (OPCAT), a treaty body of its own beside the CAT.
    case spt
    case specialProcedures = "special-procedures"

    public var isTreatyBody: Bool { self != .upr && self != .specialProcedures }

    /// Short name shown in tables; the full name comes from the localization layer (`mechanism.<raw>`).
    public var abbreviation: String {
        switch self {
        case .upr: "UPR"
        case .specialProcedures: "SP"
        default: rawValue.uppercased()
        }
    }
}
