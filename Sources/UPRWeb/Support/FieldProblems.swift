import UPRStore

/// The fields a form is refused for, each with the key of its message: what `StoreError.invalid` says of one
/// field, for a form that checks several before writing and names every problem at once. `FormPost` hands them,
/// translated, to the form's `refused` page.
struct FieldProblems: Error, Sendable {
    struct Problem: Sendable {
        var field: String
        var messageKey: String
        var arguments: [String: String] = [:]
    }

    var problems: [Problem]

    init(_ problems: [Problem]) { self.problems = problems }

    /// The problems of a refusal: this, or the one field of `StoreError.invalid`; nil for any other error.
    init?(refusal error: any Error) {
        switch error {
        case let problems as FieldProblems: self = problems
        case StoreError.invalid(let field, let key): self.init([Problem(field: field, messageKey: key)])
        default: return nil
        }
    }
}
