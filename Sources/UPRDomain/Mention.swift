/// A mention written in a comment: `@` and an organisation's handle (its name in slug form,
/// `@ministry-of-justice-and-home-affairs`) or a person's e-mail address (`@someone@example.mn`). Typed in the text
/// so that mentioning works without JavaScript, and resolved on the server.
public struct Mention: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case person
        case organisation
    }
    /// What follows the `@`, as written (an e-mail address or an organisation handle), without trailing punctuation.
    public var handle: String
    public var kind: Kind
    /// Where the mention stands in the text, `@` included.
    public var range: Range<String.Index>

    /// The mentions of a text in order. A mention starts at the beginning of the text or after a space or an opening
    /// bracket, so an address written plainly ("write to info@example.mn") is not one.
    public static func find(in text: String) -> [Mention] {
        var found: [Mention] = []
        var index = text.startIndex
        var previous: Character? = nil
        while index < text.endIndex {
            let character = text[index]
            if character == "@", previous == nil || previous!.isWhitespace || "([{\"'«".contains(previous!) {
                let start = index
                var end = text.index(after: index)
                while end < text.endIndex, !text[end].isWhitespace, !",;()[]{}<>\"«»".contains(text[end]) {
                    end = text.index(after: end)
                }
                // A sentence may end right after a mention: its full stop, colon or question mark is not part of it.
                while end > text.index(after: start), ".:!?'".contains(text[text.index(before: end)]) {
                    end = text.index(before: end)
                }
                let handle = String(text[text.index(after: start)..<end])
                if !handle.isEmpty {
                    found.append(
                        Mention(
                            handle: handle, kind: handle.contains("@") ? .person : .organisation, range: start..<end))
                    previous = text[text.index(before: end)]
                    index = end
                    continue
                }
            }
            previous = character
            index = text.index(after: index)
        }
        return found
    }
}
