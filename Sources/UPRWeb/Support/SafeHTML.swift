import LeafKit

/// Markup that may go into a page as it is. Only `SafeHTML.Builder` makes it, and the builder takes markup only as
/// string literals and escapes every piece of text, so no text from a person or an import reaches a page unescaped
/// through Swift. Templates emit it with `#html(…)` (`HTMLTag`), which recognises it by a seal that no other value
/// in a template's data carries: a plain `String` cannot pass for it (issue 12).
///
/// A literal with interpolations builds one too: `"<a href=\"\(href)\">"` escapes `href` (a `String`), writes an
/// `Int` in decimal and puts a `SafeHTML` in as it is; nothing else can be interpolated.
struct SafeHTML: Sendable, Hashable {
    /// The markup, for a response body or a test. Reading it is safe; only the builder makes a value.
    let markup: String

    private init(markup: String) { self.markup = markup }

    static let empty = SafeHTML(markup: "")

    var isEmpty: Bool { markup.isEmpty }

    /// Text made safe for HTML element content and quoted attribute values. Escapes the same five characters as
    /// Leaf's `#()`, byte by byte (all five are ASCII, so UTF-8 text passes through untouched).
    struct Builder: StringInterpolationProtocol {
        private var bytes: [UInt8] = []

        init(capacity: Int) { bytes.reserveCapacity(capacity) }

        init(literalCapacity: Int, interpolationCount: Int) {
            self.init(capacity: literalCapacity + interpolationCount * 16)
        }

        /// Appends markup written in the source: a literal, never a value computed at run time.
        mutating func raw(_ markup: StaticString) {
            markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        /// Appends text, escaped: element content or the value of a quoted attribute (a URL, an id, a colour).
        mutating func text(_ text: String) {
            var text = text
            text.withUTF8 { utf8 in
                var start = 0
                for (index, byte) in utf8.enumerated() {
                    let replacement: StaticString
                    switch byte {
                    case UInt8(ascii: "&"): replacement = "&amp;"
                    case UInt8(ascii: "<"): replacement = "&lt;"
                    case UInt8(ascii: ">"): replacement = "&gt;"
                    case UInt8(ascii: "\""): replacement = "&quot;"
                    case UInt8(ascii: "'"): replacement = "&#39;"
                    default: continue
                    }
                    bytes.append(contentsOf: utf8[start..<index])
                    raw(replacement)
                    start = index + 1
                }
                bytes.append(contentsOf: utf8[start...])
            }
        }

        /// Appends an integer in decimal (an id in a URL, a coordinate, a count).
        mutating func number(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

        /// Appends markup already made safe.
        mutating func append(_ html: SafeHTML) { bytes.append(contentsOf: html.markup.utf8) }

        mutating func appendLiteral(_ literal: StaticString) { raw(literal) }
        mutating func appendInterpolation(_ value: String) { text(value) }
        mutating func appendInterpolation(_ value: Int) { number(value) }
        mutating func appendInterpolation(_ html: SafeHTML) { append(html) }

        var html: SafeHTML { SafeHTML(markup: String(decoding: bytes, as: UTF8.self)) }
    }
}

extension SafeHTML: ExpressibleByStringInterpolation {
    init(stringLiteral markup: StaticString) {
        var out = Builder(capacity: markup.utf8CodeUnitCount)
        out.raw(markup)
        self = out.html
    }

    init(stringInterpolation: Builder) { self = stringInterpolation.html }
}

extension SafeHTML: Encodable {
    private enum CodingKeys: String, CodingKey { case markup, seal }

    /// Drawn once per process and never written into a page, so a template value that carries it was made here.
    private static let seal = (0..<2).map { _ in String(UInt64.random(in: .min ... .max), radix: 16) }.joined(
        separator: "-")

    /// As Leaf's data: a dictionary of the markup and the seal (`HTMLTag` checks it).
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(markup, forKey: .markup)
        try container.encode(Self.seal, forKey: .seal)
    }

    /// The markup of a template value that is an encoded `SafeHTML`; nil for anything else (a string, a number, a
    /// dictionary without this process's seal).
    static func markup(sealedIn data: LeafData) -> String? {
        guard let fields = data.dictionary, fields.count == 2,
            let seal = fields[CodingKeys.seal.rawValue], seal.celf == .string, seal.string == Self.seal,
            let markup = fields[CodingKeys.markup.rawValue], markup.celf == .string
        else { return nil }
        return markup.string
    }
}
