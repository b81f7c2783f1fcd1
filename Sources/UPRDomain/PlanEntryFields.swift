/// What the working group writes in a plan entry: the annex 8.1 columns and the plan's scheduling.
public struct PlanEntryFields: Sendable, Equatable, Codable {
    public var goal: String = ""
    public var expectedAction: String = ""
    public var indicators: String = ""
    public var leadOrganisationID: Int?
    public var supporterIDs: [Int] = []
    public var otherMechanismsNational: String = ""
    public var otherMechanismsInternational: String = ""
    public var linkedRecommendationIDs: [Int] = []
    public var startDate: String?
    public var dueDate: String?
    public var priority: Priority?
    public var csoActivities: String = ""

    public init() {}

    /// The fields as text, for the audit log and the conflict page.
    public var asText: [String: String?] {
        [
            "goal": goal, "expectedAction": expectedAction, "indicators": indicators,
            "leadOrganisation": leadOrganisationID.map(String.init),
            "supporters": supporterIDs.map(String.init).joined(separator: ","),
            "otherMechanismsNational": otherMechanismsNational,
            "otherMechanismsInternational": otherMechanismsInternational,
            "linkedRecommendations": linkedRecommendationIDs.map(String.init).joined(separator: ","),
            "startDate": startDate, "dueDate": dueDate, "priority": priority?.rawValue, "csoActivities": csoActivities,
        ]
    }

    /// Problems a person can fix, each naming the form field.
    public func problems() -> [(field: String, messageKey: String)] {
        var out: [(String, String)] = []
        for (field, value) in [("startDate", startDate), ("dueDate", dueDate)] {
            if let value, !Self.isDay(value) { out.append((field, "form.error.date")) }
        }
        if let start = startDate, let due = dueDate, Self.isDay(start), Self.isDay(due), due < start {
            out.append(("dueDate", "plan.error.dueBeforeStart"))
        }
        let limits: [(String, String, Int)] = [
            ("goal", goal, 5_000), ("expectedAction", expectedAction, 5_000), ("indicators", indicators, 5_000),
            ("otherMechanismsNational", otherMechanismsNational, 5_000),
            ("otherMechanismsInternational", otherMechanismsInternational, 5_000),
            ("csoActivities", csoActivities, 5_000),
        ]
        for (field, value, limit) in limits where value.count > limit { out.append((field, "form.error.tooLong")) }
        return out
    }

    /// `YYYY-MM-DD` with a real month and day (years 1900–2100).
    public static func isDay(_ text: String) -> Bool { CalendarDay(text) != nil }
}
