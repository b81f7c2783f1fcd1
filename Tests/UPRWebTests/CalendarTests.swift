import Foundation
import Testing
import UPRStore
import VaporTesting

@testable import UPRWeb

/// The calendar feeds, parsed back with a real iCalendar parser (Python's `icalendar`).
@Suite struct CalendarTests {
    /// Parses `ics` with `icalendar` and returns one line per event: UID, DTSTART, DTEND, SUMMARY, LOCATION.
    func parse(_ ics: String) throws -> [String] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("feed-\(UUID().uuidString).ics")
        try Data(ics.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import sys, icalendar
            data = open(sys.argv[1], 'rb').read()
            assert b'\\r\\n' in data and all(len(l) <= 75 for l in data.split(b'\\r\\n')), 'lines'
            cal = icalendar.Calendar.from_ical(data)
            for e in cal.walk('VEVENT'):
                def v(name):
                    p = e.get(name)
                    if p is None: return ''
                    return p.dt.isoformat() if hasattr(p, 'dt') else str(p)
                print('|'.join([v('UID'), v('DTSTART'), v('DTEND'), v('SUMMARY'), v('LOCATION'), v('STATUS')]))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestSetupError(
                "icalendar refused the feed (pip install icalendar): " + String(decoding: err, as: UTF8.self))
        }
        return String(decoding: out, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test(arguments: TestDatabase.allCases)
    func publicAndPersonalFeeds(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            // A plan entry makes Mongolia a state the tracker follows up.
            _ = try await IndicatorFixture.make(app)
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            // A long title with every character TEXT must escape, and Cyrillic to fold across multi-byte sequences.
            let title =
                "Хүний эрхийн ажлын хэсэг; justice, rights\\law – a long title that must be folded over several lines"
            let open = try await scheduleMeeting(app, cso, title: title, isPublic: true)
            let closed = try await scheduleMeeting(app, cso, title: "Closed preparation")
            let response = try await Browser.anonymous.get(app, "/calendar/public.ics")
            #expect(response.status == .ok)
            #expect(response.headers.first(name: .contentType) == "text/calendar; charset=utf-8")
            let events = try parse(response.body.string)
            let host = app.settings.publicHost
            // The demo's public meetings are there too; this test's public meeting appears once, exactly so.
            #expect(
                events.filter { $0.hasPrefix("meeting-\(open)@") } == [
                    "meeting-\(open)@\(host)|2026-12-10T02:00:00+00:00|2026-12-10T04:30:00+00:00|\(title)|Ministry of Justice, room 2|"
                ])
            #expect(events.count == Set(events.map { $0.split(separator: "|")[0] }).count, "UIDs are unique")
            // Mongolia is followed up (it has plan entries): its mid-term report and next review, counted from its
            // review of 5 May 2015, are all-day deadlines.
            #expect(
                events.contains {
                    $0.hasPrefix("midterm-") && $0.contains("|2017-11-05|2017-11-06|Mid-term report due: Mongolia|")
                },
                "\(events)")
            #expect(
                events.contains {
                    $0.hasPrefix("next-review-")
                        && $0.contains("|2019-11-05|2019-11-06|Next Universal Periodic Review: Mongolia|")
                })
            #expect(!response.body.string.contains("Closed preparation"))
            _ = closed

            // The focal point's ministry is invited to both; their action item's due date is an all-day event.
            let focal = try await userID(app, "focal@demo.upr")
            let version = try await meetingVersion(app, closed)
            _ = try await cso.post(
                app, "/meetings/\(closed)/action",
                [
                    ("actionTitle", "Send the draft bill"), ("ownerUserID", String(focal)), ("dueDate", "2027-03-31"),
                    ("version", String(version)),
                ])
            let owner = try await Browser.signIn(app, email: "focal@demo.upr")
            let page = try await owner.post(app, "/account/calendar", [])
            #expect(page.status == .ok)
            let url = try #require(
                page.body.string.firstMatch(of: /\/calendar\/[A-Za-z0-9_-]+\.ics/).map { String($0.output) })
            #expect(try await app.count("calendar_tokens") == 1)
            let stored = try await app.sql().raw("SELECT token_hash FROM calendar_tokens").first()!
                .decode(column: "token_hash", as: String.self)
            #expect(!url.contains(stored), "only the hash is stored")
            let personal = try await Browser.anonymous.get(app, url)
            #expect(personal.status == .ok)
            let mine = try parse(personal.body.string).sorted()
            #expect(mine.filter { $0.contains("Send the draft bill") }.count == 1)
            #expect(mine.contains { $0.hasPrefix("meeting-\(open)@") })
            #expect(mine.contains { $0.hasPrefix("meeting-\(closed)@") && $0.contains("|Closed preparation|") })
            #expect(
                mine.contains {
                    $0.hasPrefix("action-") && $0.contains("|2027-03-31|2027-04-01|Due: Send the draft bill|")
                }, "\(mine)")
            // The same events keep their UIDs on the next fetch.
            #expect(try parse(try await Browser.anonymous.get(app, url).body.string).sorted() == mine)

            // A new address replaces the old one.
            _ = try await owner.post(app, "/account/calendar", [])
            #expect(try await Browser.anonymous.get(app, url).status == .notFound)
            #expect(try await app.count("audit_log", where: "WHERE action = 'calendar-token'") == 2)
        }
    }

    @Test func foldingAndEscaping() throws {
        #expect(ICalendar.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
        let folded = ICalendar.fold("SUMMARY:" + String(repeating: "ж", count: 60))
        for line in folded.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == "SUMMARY:" + String(repeating: "ж", count: 60))
    }
}
