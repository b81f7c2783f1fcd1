/// Reads a JSON array of any length one element at a time, from bytes handed over in chunks, holding no more than
/// the element being read and the chunk it arrived in.
///
/// A 400 MB export cannot be decoded whole: `JSONSerialization` would hold the bytes and every object of them at
/// once, several gigabytes. Here the caller appends a chunk, takes the elements it completes, and appends the next;
/// the bytes of elements already returned are dropped at the next `append`. A scan that resumes where the last one
/// stopped finds where an element ends (tracking nesting and strings, so a `]` inside a text is no end), and only
/// then is the element parsed, so every byte is scanned once and parsed once.
///
/// Faults say which element they are in and what was expected: a file cut off in the middle of element 2,041
/// names element 2,041 and the field it stopped in, instead of trapping or waiting forever for more bytes.
public struct JSONArrayStream: Sendable {
    /// What `next()` found.
    public enum Event: Sendable, Equatable {
        /// The next element of the array.
        case element(JSONValue)
        /// The bytes appended so far end before the next element does: append more, or `finish()`.
        case needsInput
        /// The array is closed and nothing but white space follows it.
        case end
    }

    private enum Phase: Sendable {
        /// Before the `[` (a byte order mark and white space may come first).
        case beforeArray
        /// Just after `[`: an element or `]`.
        case afterOpening
        /// After `,`: an element must follow.
        case afterComma
        /// Inside an element, scanning for its end.
        case inElement
        /// After an element: `,` or `]`.
        case afterElement
        /// After the closing `]`: only white space may follow.
        case afterArray
    }

    /// How large one element may be; a larger one is a damaged file, not a record (a UHRI record is a few KB).
    public let maximumElementSize: Int
    /// How deeply objects and arrays may nest inside an element.
    public let maximumDepth: Int
    /// What messages call an element: "record" for an export of records.
    public let elementNoun: String

    private var buffer: [UInt8] = []
    /// Where the unread bytes start; bytes before it are dropped at the next `append`.
    private var head = 0
    /// Bytes dropped from the front of the buffer so far, so that faults give offsets in the whole input.
    private var dropped = 0
    private var phase = Phase.beforeArray
    private var finished = false

    // The resumable scan of the element being read.
    private var elementStart = 0
    private var scan = Scan()

    /// Elements returned so far; the element being read is number `elementCount + 1`.
    public private(set) var elementCount = 0
    /// The most bytes the stream has held at once: the measure of its memory, whatever the file's size.
    public private(set) var peakBufferedByteCount = 0

    /// Bytes held now: the unfinished element and what follows it.
    public var bufferedByteCount: Int { buffer.count - head }

    /// A stream that refuses elements over `maximumElementSize` bytes and nesting deeper than `maximumDepth`, and
    /// calls its elements `elementNoun` in messages.
    public init(maximumElementSize: Int = 16 << 20, maximumDepth: Int = 64, elementNoun: String = "element") {
        self.maximumElementSize = maximumElementSize
        self.maximumDepth = maximumDepth
        self.elementNoun = elementNoun
    }

    /// Hands the stream the file's next bytes.
    public mutating func append(_ bytes: some Collection<UInt8>) {
        if head > 0 {
            // Only the unfinished element is kept: it is at most `maximumElementSize`, and usually a few KB.
            buffer.removeSubrange(0..<head)
            elementStart -= head
            scan.index -= head
            dropped += head
            head = 0
        }
        buffer.append(contentsOf: bytes)
        peakBufferedByteCount = max(peakBufferedByteCount, buffer.count)
    }

    /// Says that the file has ended: `next()` then reads what is left and reports a truncated array as such.
    public mutating func finish() { finished = true }

    /// The next element, `.needsInput` when the bytes so far do not complete one, or `.end` after the array.
    public mutating func next() throws(JSONStreamError) -> Event {
        while true {
            switch phase {
            case .beforeArray:
                if dropped + head == 0 {
                    // A byte order mark is not part of the JSON, but it may arrive split over two chunks.
                    let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
                    if !finished && !buffer.isEmpty && buffer.count < 3 && mark.starts(with: buffer) {
                        return .needsInput
                    }
                    if buffer.starts(with: mark) { head = 3 }
                }
                guard let byte = skipWhitespace() else {
                    guard finished else { return .needsInput }
                    throw error(
                        nil, dropped + buffer.count == 0 ? "the file is empty" : "the file holds only white space")
                }
                guard byte == UInt8(ascii: "[") else {
                    throw error(
                        nil, "expected a JSON array (“[”) at the start, found \(JSONValueParser.describe(byte))")
                }
                head += 1
                phase = .afterOpening
            case .afterOpening, .afterComma:
                guard let byte = skipWhitespace() else {
                    guard finished else { return .needsInput }
                    let after =
                        phase == .afterOpening ? "the opening “[”" : "the “,” after \(elementNoun) \(elementCount)"
                    let expected =
                        phase == .afterOpening
                        ? "the first \(elementNoun) or “]”" : "\(elementNoun) \(elementCount + 1)"
                    throw truncated(elementCount + 1, "the file ends after \(after); expected \(expected)")
                }
                if byte == UInt8(ascii: "]") && phase == .afterOpening {
                    head += 1
                    phase = .afterArray
                    continue
                }
                // `[1,]` and `[1,,2]`: JSON has no empty elements.
                if byte == UInt8(ascii: "]") || byte == UInt8(ascii: ",") {
                    throw error(
                        elementCount + 1,
                        "expected a value (a string, a number, an object, an array, true, false or null), found "
                            + JSONValueParser.describe(byte))
                }
                startElement(first: byte)
            case .inElement:
                guard try scanElement() else {
                    guard finished else { return .needsInput }
                    throw truncatedElement()
                }
                let value = try parseElement()
                elementCount += 1
                phase = .afterElement
                return .element(value)
            case .afterElement:
                guard let byte = skipWhitespace() else {
                    guard finished else { return .needsInput }
                    throw truncated(
                        elementCount, "the file ends after \(elementNoun) \(elementCount); expected “,” or “]”")
                }
                switch byte {
                case UInt8(ascii: ","): phase = .afterComma
                case UInt8(ascii: "]"): phase = .afterArray
                default:
                    throw error(
                        elementCount,
                        "expected “,” or “]” after \(elementNoun) \(elementCount), found \(JSONValueParser.describe(byte))"
                    )
                }
                head += 1
            case .afterArray:
                if let byte = skipWhitespace() {
                    throw error(
                        elementCount,
                        "text after the end of the array: expected nothing, found \(JSONValueParser.describe(byte))")
                }
                return finished ? .end : .needsInput
            }
        }
    }

    // MARK: - Scanning

    /// The first byte at or after `head` that is not white space, with `head` moved to it; nil when none has come.
    private mutating func skipWhitespace() -> UInt8? {
        while head < buffer.count {
            switch buffer[head] {
            case 0x20, 0x09, 0x0A, 0x0D: head += 1
            default: return buffer[head]
            }
        }
        return nil
    }

    private mutating func startElement(first: UInt8) {
        phase = .inElement
        elementStart = head
        scan = Scan(
            index: head,
            isScalar: first != UInt8(ascii: "{") && first != UInt8(ascii: "[") && first != UInt8(ascii: "\""))
    }

    /// Where the scan of the element being read stopped, and what it was inside of there.
    private struct Scan: Sendable {
        /// The next byte to look at.
        var index = 0
        /// Open objects and arrays.
        var nesting = 0
        var inString = false
        var escaped = false
        /// A number, `true`, `false` or `null`, which ends at a delimiter rather than a bracket or quote.
        var isScalar = false
    }

    /// Scans on from where the last scan stopped; true when the element's end is in the buffer (it is then at
    /// `scan.index`, exclusive).
    private mutating func scanElement() throws(JSONStreamError) -> Bool {
        var state = scan
        let finished = finished
        let found = buffer.withUnsafeBufferPointer { bytes in Self.scanBytes(bytes, &state, finished: finished) }
        scan = state
        if !found && scan.index - elementStart > maximumElementSize {
            throw JSONStreamError(
                element: elementCount + 1, offset: dropped + elementStart,
                message:
                    "\(elementNoun) \(elementCount + 1) is larger than \(Self.size(maximumElementSize)), the limit for "
                    + "one \(elementNoun) (is the file damaged?)")
        }
        return found
    }

    private static func scanBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ state: inout Scan, finished: Bool) -> Bool {
        var index = state.index
        let count = bytes.count
        defer { state.index = index }
        if state.isScalar {
            while index < count {
                switch bytes[index] {
                case UInt8(ascii: ","), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D: return true
                default: index += 1
                }
            }
            // At the end of the file a scalar ends with it.
            return finished
        }
        while index < count {
            let byte = bytes[index]
            index += 1
            if state.inString {
                if state.escaped {
                    state.escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    state.escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    state.inString = false
                    if state.nesting == 0 { return true }
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                state.inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                state.nesting += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                state.nesting -= 1
                if state.nesting <= 0 { return true }
            default: break
            }
        }
        return false
    }

    // MARK: - Parsing

    private mutating func parseElement() throws(JSONStreamError) -> JSONValue {
        let start = elementStart
        let end = scan.index
        head = end
        let result: Result<JSONValue, JSONValueParser.Fault> = buffer.withUnsafeBufferPointer { bytes in
            do throws(JSONValueParser.Fault) {
                return .success(
                    try JSONValueParser.parse(
                        UnsafeBufferPointer(rebasing: bytes[start..<end]), maximumDepth: maximumDepth))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let value): return value
        case .failure(let fault) where fault.found == nil && finished && end == buffer.count:
            // A number at the very end of the file, cut short (`[-`): the truncation, not a syntax error.
            throw truncation(fault, element: elementCount + 1, start: start)
        case .failure(let fault):
            throw JSONStreamError(
                element: elementCount + 1, key: fault.key, offset: dropped + start + fault.index,
                message: fault.message)
        }
    }

    /// The fault of an element the file stops inside: parsing what arrived says what was expected where it stops.
    private func truncatedElement() -> JSONStreamError {
        let start = elementStart
        let end = buffer.count
        let fault: JSONValueParser.Fault? = buffer.withUnsafeBufferPointer { bytes in
            do throws(JSONValueParser.Fault) {
                _ = try JSONValueParser.parse(
                    UnsafeBufferPointer(rebasing: bytes[start..<end]), maximumDepth: maximumDepth)
                return nil
            } catch {
                return error
            }
        }
        let number = elementCount + 1
        guard let fault else { return truncated(number, "the file ends inside \(elementNoun) \(number)") }
        // A fault before the end is a syntax error the scan could not see; at the end, it is the truncation.
        if fault.found != nil {
            return JSONStreamError(
                element: number, key: fault.key, offset: dropped + start + fault.index, message: fault.message)
        }
        return truncation(fault, element: number, start: start)
    }

    private func truncation(_ fault: JSONValueParser.Fault, element: Int, start: Int) -> JSONStreamError {
        let field = fault.key.map { " in “\($0)”" } ?? ""
        return JSONStreamError(
            element: element, key: fault.key, offset: dropped + start + fault.index,
            message: "the file ends inside \(elementNoun) \(element)\(field) (is the file cut short?): " + fault.message
        )
    }

    private func truncated(_ element: Int, _ message: String) -> JSONStreamError {
        JSONStreamError(
            element: element, offset: dropped + buffer.count, message: message + " (is the file cut short?)")
    }

    private static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MB" : bytes >= 1 << 10 ? "\(bytes >> 10) KB" : "\(bytes) bytes"
    }

    private func error(_ element: Int?, _ message: String) -> JSONStreamError {
        JSONStreamError(element: element, offset: dropped + head, message: message)
    }
}
