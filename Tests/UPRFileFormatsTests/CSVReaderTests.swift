import Foundation
import Testing
import UPRFileFormats

@Suite("CSV reader")
struct CSVReaderTests {
    private func records(_ text: String) throws(CSVError) -> [[String]] {
        var reader = CSVReader(bytes: Array(text.utf8))
        return try reader.readAll()
    }

    @Test("records end at CR, LF or CRLF, mixed in one file")
    func lineEnds() throws {
        #expect(try records("a,b\rc,d\ne,f\r\ng,h") == [["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]])
        #expect(try records("a,b\r\n") == [["a", "b"]])
        #expect(try records("a,b\r") == [["a", "b"]])
    }

    @Test("quoted fields hold delimiters, every kind of line break and doubled quotes")
    func quoting() throws {
        let text = "\"x, y\",\"line 1\rline 2\r\nline 3\nend\",\"say \"\"hi\"\"\"\r\nnext,\"\"\r"
        #expect(
            try records(text) == [["x, y", "line 1\rline 2\r\nline 3\nend", "say \"hi\""], ["next", ""]])
    }

    @Test("lenient where RFC 4180 is silent, like Python's csv module")
    func lenient() throws {
        // A quote inside an unquoted field is a character; text after a closing quote is kept.
        #expect(try records("ab\"c,d") == [["ab\"c", "d"]])
        #expect(try records("\"ab\"c,d") == [["abc", "d"]])
        #expect(try records(" \"ab\",c") == [[" \"ab\"", "c"]])
    }

    @Test("empty fields and blank lines")
    func emptyFields() throws {
        #expect(try records(",,\r") == [["", "", ""]])
        #expect(try records("a,\r\rb") == [["a", ""], [], ["b"]])
        #expect(try records("\"\"\r") == [[""]])
        #expect(try records("") == [])
    }

    @Test("record and line numbers count blank lines and line breaks inside quotes")
    func numbering() throws {
        var reader = CSVReader(bytes: Array("h\r\"a\rb\"\r\rc".utf8))
        _ = try reader.nextRecord()
        #expect((reader.recordNumber, reader.recordLine) == (1, 1))
        #expect(try reader.nextRecord() == ["a\rb"])
        #expect((reader.recordNumber, reader.recordLine) == (2, 2))
        #expect(try reader.nextRecord() == [])
        #expect(try reader.nextRecord() == ["c"])
        #expect((reader.recordNumber, reader.recordLine) == (4, 5))
        #expect(try reader.nextRecord() == nil)
    }

    @Test("a quoted field that never closes is an error naming the record, line and field")
    func unterminated() {
        #expect(throws: CSVError(record: 2, line: 2, field: 1, message: unclosed)) {
            try records("h1,h2\rx,\"never closed\r\rmore")
        }
        #expect(throws: CSVError(record: 1, line: 1, field: 0, message: unclosed)) { try records("\"") }
        #expect(throws: CSVError(record: 1, line: 1, field: 0, message: unclosed)) { try records("\"ab\"\"") }
    }

    @Test("ignored fields are checked for syntax but come back empty")
    func ignoredFields() throws {
        var reader = CSVReader(bytes: Array("a,\"b\"\"x\",c,d\r1,2,3,4\r".utf8))
        reader.ignoreFields([1, 3, 9])
        #expect(try reader.readAll() == [["a", "", "c", ""], ["1", "", "3", ""]])
        var broken = CSVReader(bytes: Array("a,\"never closed".utf8))
        broken.ignoreFields([1])
        #expect(throws: CSVError(record: 1, line: 1, field: 1, message: unclosed)) { try broken.readAll() }
    }

    @Test("another delimiter")
    func delimiter() throws {
        var reader = CSVReader(bytes: Array("a;b,c\r\"x;y\";z".utf8), delimiter: UInt8(ascii: ";"))
        #expect(try reader.readAll() == [["a", "b,c"], ["x;y", "z"]])
    }

    @Test("multi-byte UTF-8 survives field splitting")
    func unicode() throws {
        #expect(try records("Équité,“q”,Felsöszölnök\r") == [["Équité", "“q”", "Felsöszölnök"]])
    }

    @Test("a UTF-8 byte order mark is not part of the first field")
    func byteOrderMark() throws {
        var reader = CSVReader(bytes: [0xEF, 0xBB, 0xBF] + Array("Recommendation,Response\r\nx,y".utf8))
        #expect(try reader.readAll() == [["Recommendation", "Response"], ["x", "y"]])
    }

    @Test("embedded line breaks of each kind stay inside a quoted field and the next record starts after it")
    func embeddedNewlines() throws {
        for lineEnd in ["\r", "\n", "\r\n"] {
            let text = "a,b\(lineEnd)\"first\(lineEnd)second\",\"\"\"q\"\"\"\(lineEnd)c,d"
            #expect(
                try records(text) == [["a", "b"], ["first\(lineEnd)second", "\"q\""], ["c", "d"]],
                "\(Array(lineEnd.utf8))")
        }
    }

    private var unclosed: String { "quoted field is not closed before the end of the file (the file may be truncated)" }
}
