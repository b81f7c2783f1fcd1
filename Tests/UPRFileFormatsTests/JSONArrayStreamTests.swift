import Foundation
import Testing
import UPRFileFormats

/// The streaming JSON reader: values exactly as JSON defines them, whatever the chunks, and faults that say where.
@Suite("JSON array stream")
struct JSONArrayStreamTests {
    /// Every element of `text` fed in chunks of `chunkSize` bytes.
    private func elements(_ text: String, chunkSize: Int = 1 << 16) throws(JSONStreamError) -> [JSONValue] {
        try elements(Array(text.utf8), chunkSize: chunkSize)
    }

    private func elements(_ bytes: [UInt8], chunkSize: Int) throws(JSONStreamError) -> [JSONValue] {
        var stream = JSONArrayStream()
        var out: [JSONValue] = []
        var start = 0
        repeat {
            let end = min(start + chunkSize, bytes.count)
            stream.append(bytes[start..<end])
            start = end
            if start == bytes.count { stream.finish() }
            while case .element(let value) = try stream.next() { out.append(value) }
        } while start < bytes.count
        #expect(try stream.next() == .end)
        return out
    }

    private func error(_ text: String) -> JSONStreamError? {
        do {
            _ = try elements(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("every kind of value, nested")
    func values() throws {
        let text = #"[null, true, false, -12.5e+3, 0, "text", [], {}, {"a": [1, {"b": null}], "c": "d"}]"#
        #expect(
            try elements(text) == [
                .null, .bool(true), .bool(false), .number("-12.5e+3"), .number("0"), .string("text"), .array([]),
                .object([:]), .object(["a": .array([.number("1"), .object(["b": .null])]), "c": .string("d")]),
            ])
    }

    @Test("string escapes, surrogate pairs, brackets and quotes inside strings, raw UTF-8")
    func strings() throws {
        let text = #"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u2014\ud83c\udf0d", "] } [ {", "Улаанбаатар ’", "\ud800x"]"#
        #expect(
            try elements(text) == [
                .string("a\"b\\c/d\u{8}\u{C}\n\r\t"), .string("é—🌍"), .string("] } [ {"), .string("Улаанбаатар ’"),
                .string("\u{FFFD}x"),
            ])
    }

    @Test("the same elements for every chunk size, a byte order mark split over chunks included")
    func everyChunkSize() throws {
        let text = "\u{FEFF} [ {\"k\": \"v \\\" ] }\", \"n\": [1, 2, {\"x\": -0.5}]} , 12 , \"s\" , true ]\n"
        let expected = try elements(text)
        #expect(expected.count == 4)
        for size in 1...12 { #expect(try elements(text, chunkSize: size) == expected, "chunk size \(size)") }
    }

    @Test("the stream holds only the unfinished element and the last chunk")
    func bounded() throws {
        let element = #"{"text": "\#(String(repeating: "x", count: 900))"}"#
        let text = "[" + Array(repeating: element, count: 2_000).joined(separator: ",") + "]"
        var stream = JSONArrayStream()
        var count = 0
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            stream.append(bytes[start..<min(start + 1_000, bytes.count)])
            start += 1_000
            while case .element = try stream.next() { count += 1 }
        }
        stream.finish()
        #expect(try stream.next() == .end)
        #expect(count == 2_000)
        #expect(stream.elementCount == 2_000)
        #expect(stream.peakBufferedByteCount <= 1_000 + element.utf8.count + 1)
    }

    @Test("a truncated array says which element it stops in, the member, and what was expected")
    func truncation() throws {
        let inString = try #require(error(#"[{"a": 1}, {"b": "unfinished"#))
        #expect(inString.element == 2)
        #expect(inString.key == "b")
        #expect(
            inString.message
                == "the file ends inside element 2 in “b” (is the file cut short?): expected the end of a string (a closing “\"”)"
        )
        #expect(
            error("[")?.message
                == "the file ends after the opening “[”; expected the first element or “]” (is the file cut short?)")
        #expect(
            error(#"[{"a": 1}"#)?.message
                == "the file ends after element 1; expected “,” or “]” (is the file cut short?)")
        #expect(error(#"[{"a": 1},"#)?.element == 2)
        #expect(error(#"[{"a": tru"#)?.message.hasSuffix("expected “true”") == true)
        #expect(error(#"[{"a": 1, "#)?.message.hasSuffix("expected a member name in double quotes") == true)
        #expect(
            error(#"[-"#)?.message
                == "the file ends inside element 1 (is the file cut short?): expected a digit in a number")
        #expect(error("")?.message == "the file is empty")
        #expect(error("  \n")?.message == "the file holds only white space")
    }

    @Test("syntax errors: what was expected and what was found, with the offset")
    func syntax() throws {
        let missingColon = try #require(error(#"[{"a" 1}]"#))
        #expect(missingColon.element == 1)
        #expect(missingColon.offset == 6)
        #expect(missingColon.message == "expected “:” after the member name “a”, found “1”")
        #expect(error(#"[1 2]"#)?.message == "expected “,” or “]” after element 1, found “2”")
        #expect(error(#"[01]"#)?.message == "expected the end of the value, found “1”")
        #expect(error(#"["\x"]"#)?.message == #"expected one of " \ / b f n r t u after “\”, found “x”"#)
        #expect(error(#"[{"a": 1]}]"#)?.message == "expected “,” or “}” after the value of “a”, found “]”")
        #expect(
            error(#"[1,]"#)?.message
                == "expected a value (a string, a number, an object, an array, true, false or null), found “]”")
        #expect(error(#"{"a": 1}"#)?.message == "expected a JSON array (“[”) at the start, found “{”")
        #expect(error(#"[] []"#)?.message == "text after the end of the array: expected nothing, found “[”")
    }

    @Test("nesting beyond the limit and an element beyond the size limit are refused")
    func limits() throws {
        let deep = "[" + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "]"
        #expect(error(deep)?.message.hasPrefix("expected at most 64 levels of nested objects and arrays") == true)
        var stream = JSONArrayStream(maximumElementSize: 100)
        stream.append(Array(("[\"" + String(repeating: "x", count: 200)).utf8))
        #expect(throws: JSONStreamError.self) { try stream.next() }
    }

    @Test("bytes that are not UTF-8 inside a string")
    func notUTF8() {
        var stream = JSONArrayStream()
        stream.append([UInt8(ascii: "["), UInt8(ascii: "\""), 0xE9, UInt8(ascii: "\""), UInt8(ascii: "]")])
        stream.finish()
        #expect(throws: JSONStreamError.self) { try stream.next() }
    }
}
