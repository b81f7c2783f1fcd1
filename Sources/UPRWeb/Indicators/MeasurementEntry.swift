import Foundation
import UPRDomain
import UPRStore

/// The checks a measurement passes before it enters the record, whether typed on the indicator's page or posted to
/// the API: the same rules against the indicator (unit, dimensions, no future date) and the same messages. Both then
/// store it with `MeasurementStore.add`, as pending for the administrator's review, audited under whoever entered it.
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
}
