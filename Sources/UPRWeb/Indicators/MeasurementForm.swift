import UPRDomain
import Vapor

/// The measurement form as posted (multipart, for the evidence file): the value, date and source, one breakdown
/// field per dimension (`female = 12; male = 10`), and evidence as a file or a link.
struct MeasurementForm: Content {
    var value: String?
    var date: String?
    var unit: String?
    var source: String?
    var sex: String?
    var age: String?
    var region: String?
    var disability: String?
    var residence: String?
    var ethnicity: String?
    var link: String?
    var evidence: File?

    var input: MeasurementInput {
        var breakdown: [DisaggregationDimension: String] = [:]
        let typed: [(DisaggregationDimension, String?)] = [
            (.sex, sex), (.age, age), (.region, region), (.disability, disability), (.residence, residence),
            (.ethnicity, ethnicity),
        ]
        for (dimension, text) in typed { if let text { breakdown[dimension] = text } }
        return MeasurementInput(
            value: value ?? "", date: date ?? "", unit: unit ?? "", source: source ?? "", disaggregation: breakdown,
            link: link ?? "")
    }
}

/// The review form: accept or reject, why, and the version that was read.
struct ReviewForm: Content {
    var decision: String?
    var comment: String?
    var version: Int?
}
