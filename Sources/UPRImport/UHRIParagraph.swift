/// The paragraph number a UHRI text starts with: `186.28 Continue its efforts …` is paragraph 186.28 of its report.
enum UHRIParagraph {
    /// The number and the text after it; no number when the text starts with none.
    ///
    /// A number is digits with inner dots (`186.28`, `84.1.`) or digits with a closing dot (`25. The Committee`),
    /// followed by white space. Digits alone (`2030 Agenda …`) are a number in the sentence, not a paragraph.
    static func split(_ text: String) -> (paragraph: String?, text: String) {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var sawDigit = false
        var dots = 0
        var lastWasDot = false
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if ("0"..."9").contains(scalar) {
                sawDigit = true
                lastWasDot = false
            } else if scalar == ".", sawDigit, !lastWasDot {
                dots += 1
                lastWasDot = true
            } else {
                break
            }
            index = scalars.index(after: index)
        }
        guard sawDigit, dots > 0, index < scalars.endIndex, scalars[index].properties.isWhitespace else {
            return (nil, text)
        }
        var number = String(scalars[scalars.startIndex..<index])
        if number.hasSuffix(".") { number.removeLast() }
        let rest = String(scalars[index...]).trimmedWhitespace()
        guard !rest.isEmpty else { return (nil, text) }
        return (number, rest)
    }
}
