/// How one organisation's status for a recommendation moved from one assessment round to a later one.
public enum StatusMovement: String, Sendable, Codable, Hashable, CaseIterable {
    case forward
    case back
    case same
    /// To or from "no data": there is no direction to tell.
    case changed
    /// Assessed in the later round only.
    case new
    /// Assessed in the earlier round only.
    case dropped

    public init?(from old: ImplementationStatus?, to new: ImplementationStatus?) {
        switch (old, new) {
        case (nil, nil): return nil
        case (nil, .some): self = .new
        case (.some, nil): self = .dropped
        case (.some(let old), .some(let new)):
            if old == new {
                self = .same
            } else if old == .noData || new == .noData {
                self = .changed
            } else {
                self = new.rank > old.rank ? .forward : .back
            }
        }
    }

    public var labelKey: String { "movement.\(rawValue)" }
}
