/// `{name}` placeholders in catalog values.
///
/// A placeholder is a brace-delimited name of ASCII letters, digits, `_` and `-`. Other braces are literal text.
/// Substitution is one pass: an argument value that itself contains `{…}` is inserted as it is.
public enum Placeholders {
    /// The placeholder names a template uses, e.g. `["count"]` for `"{count} recommendations"`.
    public static func names(in template: String) -> Set<String> {
        var names = Set<String>()
        scan(template) { piece in
            if case .placeholder(let name) = piece { names.insert(name) }
        }
        return names
    }

    /// Replaces each placeholder that has an argument; a placeholder without one stays visible as `{name}`.
    public static func fill(_ template: String, _ arguments: [String: String]) -> String {
        guard !arguments.isEmpty, template.contains("{") else { return template }
        var out = ""
        out.reserveCapacity(template.utf8.count)
        scan(template) { piece in
            switch piece {
            case .text(let text): out += text
            case .placeholder(let name): out += arguments[name] ?? "{\(name)}"
            }
        }
        return out
    }

    private enum Piece {
        case text(Substring)
        case placeholder(String)
    }

    private static func scan(_ template: String, _ visit: (Piece) -> Void) {
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(where: { !isNameCharacter($0) }), rest[close] == "}",
                close > afterOpen
            else {
                // Not a placeholder: keep the brace as text and look further.
                visit(.text(rest[...open]))
                rest = rest[afterOpen...]
                continue
            }
            if open > rest.startIndex { visit(.text(rest[..<open])) }
            visit(.placeholder(String(rest[afterOpen..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { visit(.text(rest)) }
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-")
    }
}
