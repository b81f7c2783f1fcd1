import Foundation
import SQLKit
import UPRDomain
import UPRStore

/// The one way a measurement enters the record, whether typed on the indicator's page or posted to the API: the
/// same checks against the indicator (unit, dimensions, no future date), the same messages, stored as pending for
/// the administrator's review and audited under whoever entered it.
enum MeasurementEntry {
    /// The measurement checked against the indicator, or the problem of the field at fault.
    static func check(_ input: MeasurementInput, for indicator: Indicator) throws -> MeasurementInput.Valid {
        let today = CalendarDay(Timestamp.day(Date()))!
        switch input.validate(
            indicatorUnit: indicator.fields.unit, dimensions: Set(indicator.fields.dimensions), today: today)
        {
        case .success(let valid): return valid
        case .failure(let problem):
            throw FieldProblems([
                .init(field: problem.field, messageKey: problem.messageKey, arguments: ["unit": indicator.fields.unit])
            ])
        }
    }

    /// Stores a checked measurement, in the caller's transaction.
    static func add(
        _ valid: MeasurementInput.Valid, evidence: EvidenceFile?, to indicator: Indicator, userID: Int?, actor: String,
        on sql: any SQLDatabase
    ) async throws -> Int {
        try await MeasurementStore(sql).add(
            indicatorID: indicator.id, valid, evidence: evidence, userID: userID, actor: actor)
    }
}
