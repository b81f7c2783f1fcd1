/// One choice of a `<select>`, a radio group or a checkbox list, as every form's view model carries it.
struct SelectOption: Encodable, Sendable {
    var value: String
    var label: String
    var selected: Bool
}

extension SelectOption {
    /// The `<option>` elements of a list, escaped, for the pages whose menus are long or rendered often (Leaf's loop
    /// costs a few microseconds an option; the plan page shows three menus on every request).
    static func html(_ options: [SelectOption]) -> SafeHTML {
        var out = SafeHTML.Builder(capacity: options.count * 64)
        for option in options {
            out.raw("<option value=\"")
            out.text(option.value)
            out.raw(option.selected ? "\" selected>" : "\">")
            out.text(option.label)
            out.raw("</option>")
        }
        return out.html
    }
}
