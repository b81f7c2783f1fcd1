/// Where a measurement stands in the administrator's review. Only accepted measurements count publicly.
public enum MeasurementStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case pending
    case accepted
    case rejected

    public var labelKey: String { "measurementStatus.\(rawValue)" }
}
