import Foundation
import UPRDomain
import Vapor

/// The body of `POST /api/v1/rounds/{id}/assessments`:
/// `{"recommendationId": 12, "status": "partial", "justification": "…", "evidenceLink": "https://…"}`,
/// read into the same `AssessmentInput` the page's form makes, so both are checked by the same rules.
struct AssessmentPost: Decodable, Sendable {
    var recommendationId: Int
    var status: String
    var justification: String?
    var evidenceLink: String?

    var recommendationID: Int { recommendationId }

    var input: AssessmentInput {
        AssessmentInput(
            status: ImplementationStatus(rawValue: status), justification: justification ?? "",
            evidenceURL: evidenceLink ?? "")
    }

    /// The body's names for the fields the rules name.
    static func field(_ inputField: String) -> String {
        switch inputField {
        case "evidenceURL": "evidenceLink"
        case "recommendation": "recommendationId"
        default: inputField
        }
    }

    /// Reads the body; what is not an object of the right types is refused naming the field (400 for the body, 422
    /// for a value), as is a status that is not one of the statuses.
    static func read(_ data: Data, _ request: Request) throws -> AssessmentPost {
        let post: AssessmentPost
        do {
            post = try JSONDecoder().decode(AssessmentPost.self, from: data)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw refusal(context.codingPath.map(\.stringValue).joined(separator: "."), "api.error.type", request)
        } catch DecodingError.keyNotFound(let key, _) {
            throw refusal(key.stringValue, "form.error.required", request)
        } catch {
            throw APIProblem(status: .badRequest, detail: request.t("api.error.body"), field: "body")
        }
        guard ImplementationStatus(rawValue: post.status) != nil else {
            throw refusal("status", "form.error.choice", request)
        }
        return post
    }

    private static func refusal(_ field: String, _ key: String, _ request: Request) -> APIProblem {
        guard !field.isEmpty else {
            return APIProblem(status: .badRequest, detail: request.t("api.error.body"), field: "body")
        }
        return APIProblem(status: .unprocessableEntity, detail: field + ": " + request.t(key), field: field)
    }
}
