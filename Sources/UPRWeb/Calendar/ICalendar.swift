import Foundation

/// An iCalendar document (RFC 5545) with the few properties calendar programs need: CRLF line ends, lines folded
/// at 75 octets (never inside a UTF-8 sequence), TEXT values escaped, times in UTC so no VTIMEZONE is needed.
struct ICalendar {
    struct Event {
        /// Stable per event, so a re-fetched feed updates events instead of duplicating them.
        var uid: String
        var stamp: Date
        /// A timed event (`start`, `end`) or an all-day one (`day`, `YYYY-MM-DD`).
        var start: Date?
        var end: Date?
        var day: String?
        var summary: String
        var description: String = ""
        var location: String = ""
        var url: String?
        var cancelled = false
    }

    var name: String
    var events: [Event]

    func render() -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//UPR Tracker//Meetings//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape(name),
        ]
        for event in events {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:" + Self.escape(event.uid))
            lines.append("DTSTAMP:" + Self.utc(event.stamp))
            if let day = event.day {
                let compact = day.replacingOccurrences(of: "-", with: "")
                lines.append("DTSTART;VALUE=DATE:" + compact)
                if let next = Self.nextDay(day) { lines.append("DTEND;VALUE=DATE:" + next) }
            } else if let start = event.start {
                lines.append("DTSTART:" + Self.utc(start))
                if let end = event.end { lines.append("DTEND:" + Self.utc(end)) }
            }
            lines.append("SUMMARY:" + Self.escape(event.summary))
            if !event.description.isEmpty { lines.append("DESCRIPTION:" + Self.escape(event.description)) }
            if !event.location.isEmpty { lines.append("LOCATION:" + Self.escape(event.location)) }
            if let url = event.url { lines.append("URL:" + url) }
            if event.cancelled { lines.append("STATUS:CANCELLED") }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newlines.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r\n", "\n", "\r": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// Folds a content line into lines of at most 75 octets, continuation lines starting with a space.
    static func fold(_ line: String) -> String {
        var lines: [String] = []
        var current = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            let limit = lines.isEmpty ? 75 : 74
            if octets + size > limit {
                lines.append(current)
                current = ""
                octets = 0
            }
            current.unicodeScalars.append(scalar)
            octets += size
        }
        lines.append(current)
        return lines.joined(separator: "\r\n ")
    }

    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0,
            c.second ?? 0)
    }

    /// The day after a `YYYY-MM-DD` day, compact (`YYYYMMDD`): the exclusive end of an all-day event.
    static func nextDay(_ day: String) -> String? {
        guard let date = try? Date.ISO8601FormatStyle().year().month().day().parse(day) else { return nil }
        return String(utc(date.addingTimeInterval(86_400)).prefix(8))
    }
}
