/// The files accepted as evidence of a measurement, recognised by their first bytes, not by the name a browser sends.
public enum EvidenceType: String, Sendable, CaseIterable, Hashable {
    case pdf, png, jpeg, xlsx, docx, csv

    /// 5 MB: a scanned report or a statistical table, not a database dump.
    public static let maximumSize = 5 * 1024 * 1024

    public var contentType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .csv: "text/csv; charset=utf-8"
        }
    }

    public enum Problem: String, Error, Sendable, Equatable {
        case empty, tooLarge, type
    }

    /// What `bytes` are. XLSX and DOCX are both ZIP packages, told apart by the part names inside; CSV has no
    /// signature, so it must be named `.csv` and be UTF-8 text without control bytes.
    public static func detect(_ bytes: [UInt8], fileName: String) -> Result<EvidenceType, Problem> {
        guard !bytes.isEmpty else { return .failure(.empty) }
        guard bytes.count <= maximumSize else { return .failure(.tooLarge) }
        func starts(_ prefix: [UInt8]) -> Bool {
            bytes.count >= prefix.count && Array(bytes.prefix(prefix.count)) == prefix
        }
        if starts(Array("%PDF-".utf8)) { return .success(.pdf) }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .success(.png) }
        if starts([0xFF, 0xD8, 0xFF]) { return .success(.jpeg) }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            if contains(bytes, "word/") { return .success(.docx) }
            if contains(bytes, "xl/") { return .success(.xlsx) }
            return .failure(.type)
        }
        if fileName.lowercased().hasSuffix(".csv"), String(validating: bytes, as: UTF8.self) != nil,
            !bytes.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D })
        {
            return .success(.csv)
        }
        return .failure(.type)
    }

    /// Whether the ZIP's local headers name a part starting with `prefix` (names are stored uncompressed).
    static func contains(_ bytes: [UInt8], _ prefix: String) -> Bool {
        let needle = Array(prefix.utf8)
        guard bytes.count >= needle.count else { return false }
        var index = 0
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] && Array(bytes[index..<index + needle.count]) == needle { return true }
            index += 1
        }
        return false
    }
}
