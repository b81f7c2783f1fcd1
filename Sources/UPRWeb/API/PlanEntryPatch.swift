import Foundation
import UPRDomain
import Vapor

/// The body of `PATCH /api/v1/plan-entries/{id}`: a JSON object with any of the entry's writable fields, named as
/// the API gives them. A field sent replaces the entry's; `null` empties an optional one; a field left out stays.
struct PlanEntryPatch: Sendable {
    private var changes: [@Sendable (inout PlanEntryFields) -> Void] = []

    /// The writable fields and what each holds.
    private enum Kind { case text, optionalText, optionalID, ids, priority }
    private static let fields: [String: Kind] = [
        "goal": .text, "expectedAction": .text, "indicators": .text, "csoActivities": .text,
        "otherMechanismsNational": .text, "otherMechanismsInternational": .text, "startDate": .optionalText,
        "dueDate": .optionalText, "leadOrganisationId": .optionalID, "supporterIds": .ids,
        "linkedRecommendationIds": .ids, "priority": .priority,
    ]

    /// The store's and the form's names for the body's (`leadOrganisationID` is `leadOrganisationId` here).
    static func field(_ storeField: String) -> String {
        switch storeField {
        case "leadOrganisationID": "leadOrganisationId"
        case "supporterIDs": "supporterIds"
        case "linkedRecommendations": "linkedRecommendationIds"
        default: storeField
        }
    }

    /// The fields with the patch applied.
    func applied(to fields: PlanEntryFields) -> PlanEntryFields {
        var out = fields
        for change in changes { change(&out) }
        return out
    }

    /// A JSON value, as far as the patch needs to tell them apart.
    private enum Value: Decodable {
        case null, bool
        case number(Double)
        case string(String)
        case array([Value])
        case object

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if (try? container.decode(Bool.self)) != nil {
                self = .bool
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else if let text = try? container.decode(String.self) {
                self = .string(text)
            } else if let list = try? container.decode([Value].self) {
                self = .array(list)
            } else {
                self = .object
            }
        }

        /// A whole number that is an id.
        var id: Int? {
            guard case .number(let number) = self, number == number.rounded(), abs(number) < 1e15 else { return nil }
            return Int(number)
        }

        var text: String? {
            guard case .string(let text) = self else { return nil }
            return text
        }
    }

    /// Reads the body; a refusal (400 for what is not a JSON object, 422 naming the field for a value) is thrown.
    static func read(_ data: Data, _ request: Request) throws -> PlanEntryPatch {
        guard let object = try? JSONDecoder().decode([String: Value].self, from: data) else {
            throw APIProblem(status: .badRequest, detail: request.t("api.error.body"), field: "body")
        }
        func refuse(_ name: String, _ key: String) -> APIProblem {
            APIProblem(status: .unprocessableEntity, detail: name + ": " + request.t(key), field: name)
        }
        guard !object.isEmpty else { throw refuse("body", "api.error.emptyPatch") }
        var patch = PlanEntryPatch()
        for name in object.keys.sorted() {
            guard let kind = fields[name] else { throw refuse(name, "api.error.unknownField") }
            let value = object[name]!
            var isNull = false
            if case .null = value { isNull = true }
            switch kind {
            case .text:
                guard let text = value.text else { throw refuse(name, "api.error.type") }
                let clean = text.trimmingCharacters(in: .whitespacesAndNewlines)
                patch.changes.append { fields in
                    switch name {
                    case "goal": fields.goal = clean
                    case "expectedAction": fields.expectedAction = clean
                    case "indicators": fields.indicators = clean
                    case "csoActivities": fields.csoActivities = clean
                    case "otherMechanismsNational": fields.otherMechanismsNational = clean
                    default: fields.otherMechanismsInternational = clean
                    }
                }
            case .optionalText:
                guard isNull || value.text != nil else { throw refuse(name, "api.error.type") }
                let text = value.text?.trimmingCharacters(in: .whitespaces)
                let day = text?.isEmpty == true ? nil : text
                patch.changes.append { fields in
                    if name == "startDate" { fields.startDate = day } else { fields.dueDate = day }
                }
            case .optionalID:
                guard isNull || value.id != nil else { throw refuse(name, "api.error.type") }
                let id = value.id
                patch.changes.append { $0.leadOrganisationID = id }
            case .ids:
                guard case .array(let list) = value, list.allSatisfy({ $0.id != nil }) else {
                    throw refuse(name, "api.error.type")
                }
                let ids = list.compactMap(\.id)
                patch.changes.append { fields in
                    if name == "supporterIds" {
                        fields.supporterIDs = ids
                    } else {
                        fields.linkedRecommendationIDs = ids
                    }
                }
            case .priority:
                if isNull {
                    patch.changes.append { $0.priority = nil }
                } else {
                    guard let priority = value.text.flatMap(Priority.init(rawValue:)) else {
                        throw refuse(name, "form.error.choice")
                    }
                    patch.changes.append { $0.priority = priority }
                }
            }
        }
        return patch
    }
}
