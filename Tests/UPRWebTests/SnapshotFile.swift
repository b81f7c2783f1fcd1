import Foundation

/// Snapshots of rendered pages, kept in `Tests/UPRWebTests/Snapshots` beside this file (read from the source tree,
/// not the bundle, so that recording writes the committed file). `UPR_RECORD_SNAPSHOTS=1` writes them anew.
enum SnapshotFile {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    static var recording: Bool { ProcessInfo.processInfo.environment["UPR_RECORD_SNAPSHOTS"] == "1" }

    /// Nil when `text` equals the snapshot `name` (or was just recorded); otherwise where they first differ, with
    /// the text written beside the snapshot as `name.actual` for a diff.
    static func compare(_ text: String, named name: String) throws -> String? {
        let url = directory.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return nil
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return "\(name): no snapshot (record with UPR_RECORD_SNAPSHOTS=1)"
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != text else { return nil }
        let actual = url.appendingPathExtension("actual")
        try? Data(text.utf8).write(to: actual)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line =
            zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        func excerpt(_ lines: [Substring]) -> String { line < lines.count ? String(lines[line].prefix(300)) : "(end)" }
        return "\(name) differs from line \(line + 1) (see \(actual.lastPathComponent)):\n  expected: "
            + excerpt(expectedLines) + "\n  actual:   " + excerpt(actualLines)
    }
}

/// A page's HTML with what changes from run to run replaced by placeholders: CSRF tokens, calendar-feed tokens,
/// dates and times (the demo's meetings and due dates are counted from today), and the horizontal positions in the
/// dashboard's timeline, whose scale runs to today. Checked by running the snapshots under `faketime` on another day.
enum SnapshotText {
    static func normalised(_ html: String) -> String {
        var text = timelinePositionsHidden(html)
        let replacements: [(String, String)] = [
            (#"name="_csrf" value="[^"]*""#, #"name="_csrf" value="CSRF""#),
            (#"/calendar/[A-Za-z0-9_-]{20,}\.ics"#, "/calendar/TOKEN.ics"),
            (#"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?)?"#, "DATE"),
            (
                #"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}"#,
                "DATE"
            ),
            (#"\d{4} оны \d{1,2} сарын \d{1,2}"#, "DATE"),
            (#"\b\d{1,2}:\d{2}\b"#, "TIME"),
        ]
        for (pattern, replacement) in replacements {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text
    }
}

extension SnapshotText {
    /// The timeline is the chart that marks today (`chart-today`); its x positions become `X`.
    fileprivate static func timelinePositionsHidden(_ html: String) -> String {
        guard let mark = html.range(of: "class=\"chart-today\""),
            let start = html[..<mark.lowerBound].range(of: "<svg", options: .backwards),
            let end = html[mark.upperBound...].range(of: "</svg>")
        else { return html }
        let chart = String(html[start.lowerBound..<end.upperBound]).replacingOccurrences(
            of: #"\b(x|cx|x1|x2)="[0-9.-]+""#, with: #"$1="X""#, options: .regularExpression)
        return String(html[..<start.lowerBound]) + chart + String(html[end.upperBound...])
    }
}
