import UPRDomain

/// Which mechanism's records a list asks for: one mechanism (`cedaw`, `upr`, `special-procedures`), or every treaty
/// body at once, which is how a secretariat most often asks ("what did the committees say?").
public enum MechanismFilter: Sendable, Hashable, Codable {
    case one(Mechanism)
    case treatyBodies

    /// The parameter's value for every treaty body.
    public static let treatyBodiesValue = "treaty-bodies"

    /// Every filter, in the order the menus offer them: the UPR, all treaty bodies then each, special procedures.
    public static var all: [MechanismFilter] {
        [.one(.upr), .treatyBodies] + Mechanism.allCases.filter(\.isTreatyBody).map { .one($0) }
            + [.one(.specialProcedures)]
    }

    /// Every value the parameter accepts, in the menus' order.
    public static var allValues: [String] { all.map(\.value) }

    /// Reads a parameter value: a mechanism's code in any case (`cedaw`, `CEDAW`), or `treaty-bodies`.
    public init?(parameter raw: String) {
        let value = raw.lowercased()
        if value == Self.treatyBodiesValue {
            self = .treatyBodies
        } else if let mechanism = Mechanism(rawValue: value) {
            self = .one(mechanism)
        } else {
            return nil
        }
    }

    /// The parameter's value.
    public var value: String {
        switch self {
        case .one(let mechanism): mechanism.rawValue
        case .treatyBodies: Self.treatyBodiesValue
        }
    }

    /// The stored mechanism codes this filter matches.
    public var mechanisms: [Mechanism] {
        switch self {
        case .one(let mechanism): [mechanism]
        case .treatyBodies: Mechanism.allCases.filter(\.isTreatyBody)
        }
    }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let filter = MechanismFilter(parameter: raw) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a mechanism: \(raw)"))
        }
        self = filter
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
