/// What a person writes in an indicator: the OHCHR metadata sheet's fields and what the indicator tracks.
public struct IndicatorFields: Sendable, Equatable, Codable {
    public var title: String = ""
    public var definition: String = ""
    public var kind: IndicatorKind = .outcome
    public var unit: String = ""
    public var baselineValue: Double?
    public var baselineDate: String?
    public var targetValue: Double?
    public var targetDate: String?
    public var dataSource: String = ""
    public var frequency: String = ""
    public var dimensions: [DisaggregationDimension] = []
    public var responsibleOrganisationID: Int?
    public var dataPartnerIDs: [Int] = []
    public var recommendationIDs: [Int] = []
    public var planEntryIDs: [Int] = []

    public init() {}

    /// The fields as text, for the audit log and the conflict page.
    public var asText: [String: String?] {
        [
            "title": title, "definition": definition, "kind": kind.rawValue, "unit": unit,
            "baselineValue": baselineValue.map(Self.number), "baselineDate": baselineDate,
            "targetValue": targetValue.map(Self.number), "targetDate": targetDate, "dataSource": dataSource,
            "frequency": frequency, "dimensions": dimensions.map(\.rawValue).joined(separator: ","),
            "responsibleOrganisation": responsibleOrganisationID.map(String.init),
            "dataPartners": dataPartnerIDs.map(String.init).joined(separator: ","),
            "recommendations": recommendationIDs.map(String.init).joined(separator: ","),
            "planEntries": planEntryIDs.map(String.init).joined(separator: ","),
        ]
    }

    /// A number as the audit log and forms write it: no trailing `.0` on whole numbers.
    public static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// Problems a person can fix, each naming the form field. The SMART check is advice; these are rules.
    public func problems() -> [(field: String, messageKey: String)] {
        var out: [(String, String)] = []
        if title.isEmpty { out.append(("title", "form.error.required")) }
        for (field, value) in [("baselineDate", baselineDate), ("targetDate", targetDate)] {
            if let value, CalendarDay(value) == nil { out.append((field, "form.error.date")) }
        }
        let limits: [(String, String, Int)] = [
            ("title", title, 300), ("definition", definition, 5_000), ("unit", unit, 100),
            ("dataSource", dataSource, 1_000), ("frequency", frequency, 200),
        ]
        for (field, value, limit) in limits where value.count > limit { out.append((field, "form.error.tooLong")) }
        return out
    }

    /// The SMART check's view of these fields.
    public func draft(recommendationTexts: [String]) -> IndicatorDraft {
        IndicatorDraft(
            title: title, definition: definition, unit: unit, baselineValue: baselineValue,
            baselineDate: baselineDate.flatMap(CalendarDay.init), targetValue: targetValue,
            targetDate: targetDate.flatMap(CalendarDay.init), recommendationTexts: recommendationTexts,
            linkCount: recommendationIDs.count + planEntryIDs.count)
    }
}
