/// One choice of a `<select>`, a radio group or a checkbox list, as every form's view model carries it.
struct SelectOption: Encodable, Sendable {
    var value: String
    var label: String
    var selected: Bool
}
