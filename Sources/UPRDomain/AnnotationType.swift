/// What OHCHR's Universal Human Rights Index (UHRI) says an annotation is: a recommendation, or a concern or
/// observation the body recorded about the state.
///
/// A concern asks nothing of the state, so it is kept, shown and filterable but never counted as a recommendation:
/// the importer gives such a record the kind `RecordKind.concernObservation`, which every count leaves out.
public enum AnnotationType: String, Sendable, Codable, CaseIterable, Hashable {
    case recommendation
    case concernObservation = "concern-observation"

    /// Reads UHRI's `Type` column (`Recommendations`, `Concerns/Observations`) and the JSON's `AnnotationType`,
    /// singular or plural, in any capitalisation.
    public init?(parsing raw: String) {
        let words = raw.lowercased().split { !$0.isLetter }.map {
            $0.hasSuffix("s") ? String($0.dropLast()) : String($0)
        }
        switch words {
        case ["recommendation"]: self = .recommendation
        case ["concern"], ["observation"], ["concern", "observation"], ["concern", "and", "observation"]:
            self = .concernObservation
        default: return nil
        }
    }
}
