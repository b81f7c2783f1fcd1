import UPRDomain
import UPRStore
import Vapor

/// The indicator form as posted, and the version that was read. `intent` is "preview" when the person asked for the
/// SMART check without saving.
struct IndicatorForm: Content {
    var title: String?
    var definition: String?
    var kind: String?
    var unit: String?
    var baselineValue: String?
    var baselineDate: String?
    var targetValue: String?
    var targetDate: String?
    var dataSource: String?
    var frequency: String?
    var dimensions: [String]?
    var responsibleOrganisationID: String?
    var dataPartnerIDs: [Int]?
    var recommendations: String?
    var planEntries: String?
    var version: Int?
    var intent: String?

    /// The fields as typed; numbers and references that cannot be read are refused naming their field.
    func fields() throws -> IndicatorFields {
        func clean(_ value: String?) -> String { (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        func optional(_ value: String?) -> String? {
            let text = clean(value)
            return text.isEmpty ? nil : text
        }
        func number(_ value: String?, _ field: String) throws -> Double? {
            guard let text = optional(value) else { return nil }
            switch DecimalInput.parse(text) {
            case .success(let number): return number
            case .failure(let problem):
                throw StoreError.invalid(field: field, messageKey: "measurement.error.\(problem.rawValue)")
            }
        }
        var fields = IndicatorFields()
        fields.title = clean(title)
        fields.definition = clean(definition)
        guard let kind = IndicatorKind(rawValue: clean(kind)) else {
            throw StoreError.invalid(field: "kind", messageKey: "form.error.choice")
        }
        fields.kind = kind
        fields.unit = clean(unit)
        fields.baselineValue = try number(baselineValue, "baselineValue")
        fields.baselineDate = optional(baselineDate)
        fields.targetValue = try number(targetValue, "targetValue")
        fields.targetDate = optional(targetDate)
        fields.dataSource = clean(dataSource)
        fields.frequency = clean(frequency)
        fields.dimensions = DisaggregationDimension.allCases.filter { (dimensions ?? []).contains($0.rawValue) }
        fields.responsibleOrganisationID = optional(responsibleOrganisationID).flatMap(Int.init)
        fields.dataPartnerIDs = dataPartnerIDs ?? []
        fields.recommendationIDs = try Self.ids(clean(recommendations), field: "recommendations")
        fields.planEntryIDs = try Self.ids(clean(planEntries), field: "planEntries")
        return fields
    }

    /// Ids typed as "#123" or "123", separated by commas, semicolons or spaces.
    static func ids(_ text: String, field: String) throws -> [Int] {
        try text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }).map { token in
            guard let id = Int(token.hasPrefix("#") ? token.dropFirst() : token[...]) else {
                throw StoreError.invalid(field: field, messageKey: "indicator.error.links")
            }
            return id
        }
    }
}
