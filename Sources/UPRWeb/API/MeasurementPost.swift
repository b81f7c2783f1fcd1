import Foundation
import UPRDomain
import UPRStore

/// The body of `POST /api/v1/indicators/{id}/measurements`, read into the same `MeasurementInput` the page's form
/// makes, so both are checked by the same rules. `value` is a string (`"12.5"`, as typed) or a JSON number;
/// `breakdown` is dimension → category → number (`{"sex": {"female": 12, "male": 10}}`).
struct MeasurementPost: Decodable {
    /// A value sent as a string or as a number; numbers are read as the form reads what is typed.
    struct Text: Decodable {
        var text: String
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let string = try? container.decode(String.self) {
                text = string
            } else {
                text = try container.decode(Decimal.self).description
            }
        }
    }

    var value: Text?
    var date: String?
    var source: String?
    var unit: String?
    var evidenceLink: String?
    var breakdown: [String: [String: Text]]?
    var evidence: Evidence?

    /// An evidence file sent with the measurement: its name and its bytes in base64 (RFC 4648), checked as the
    /// page's upload is (by its first bytes, at most 5 MB).
    struct Evidence: Decodable {
        var fileName: String
        var content: String
    }

    /// The body's names for the fields the rules name (`dis-sex` is the form's name for the sex breakdown).
    static func field(_ inputField: String) -> String {
        if inputField.hasPrefix("dis-") { return "breakdown." + inputField.dropFirst(4) }
        return inputField == "link" ? "evidenceLink" : inputField
    }

    /// Reads the body into the form's input and the evidence file; a refusal names the field (`value`,
    /// `breakdown.sex`, `evidence`).
    static func read(_ data: Data) -> Result<(MeasurementInput, EvidenceFile?), MeasurementInput.Problem> {
        let post: MeasurementPost
        do {
            post = try JSONDecoder().decode(MeasurementPost.self, from: data)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            return .failure(.init(field: field.isEmpty ? "body" : field, messageKey: "api.error.type"))
        } catch {
            return .failure(.init(field: "body", messageKey: "api.error.body"))
        }
        var disaggregation: [DisaggregationDimension: String] = [:]
        for (name, categories) in post.breakdown ?? [:] {
            let field = "breakdown." + name
            guard let dimension = DisaggregationDimension(rawValue: name) else {
                return .failure(.init(field: field, messageKey: "measurement.error.undeclaredDimension"))
            }
            // Written as the form's text (`female = 12; male = 10`) for the form's rules, so a category may not hold
            // the characters that separate the parts there.
            var parts: [String] = []
            for (category, value) in categories.sorted(by: { $0.key < $1.key }) {
                guard !category.contains(where: { "=;\n".contains($0) }),
                    !value.text.contains(where: { ";\n".contains($0) })
                else { return .failure(.init(field: field, messageKey: "measurement.error.breakdown")) }
                parts.append("\(category) = \(value.text)")
            }
            disaggregation[dimension] = parts.joined(separator: "; ")
        }
        var file: EvidenceFile?
        if let evidence = post.evidence {
            guard let bytes = Data(base64Encoded: evidence.content, options: .ignoreUnknownCharacters) else {
                return .failure(.init(field: "evidence.content", messageKey: "api.error.base64"))
            }
            let name = evidence.fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init)
            switch EvidenceType.detect([UInt8](bytes), fileName: name ?? "") {
            case .success(let type):
                file = EvidenceFile(
                    fileName: String((name ?? "evidence").prefix(200)), type: type, content: [UInt8](bytes))
            case .failure(let problem):
                return .failure(.init(field: "evidence", messageKey: "measurement.error.file.\(problem.rawValue)"))
            }
        }
        return .success(
            (
                MeasurementInput(
                    value: post.value?.text ?? "", date: post.date ?? "", unit: post.unit ?? "",
                    source: post.source ?? "", disaggregation: disaggregation, link: post.evidenceLink ?? ""),
                file
            ))
    }
}
