import Foundation
import FoundationXML
import Testing
import UPRDomain
import UPRStore
import UPRWeb
import VaporTesting

/// The dashboard's charts: well-formed SVG whose numbers are the database's, published data only for the public,
/// and the perspective chosen.
@Suite struct DashboardTests {
    /// The numbers each chart's segments carry (`<title>label: status N</title>`), by bar and status label.
    final class SegmentCollector: NSObject, XMLParserDelegate {
        var svgCount = 0
        var titles: [String] = []
        var inTitle = false
        var text = ""
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if name == "svg" { svgCount += 1 }
            if name == "title" {
                inTitle = true
                text = ""
            }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { if inTitle { text += string } }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "title" {
                titles.append(text)
                inTitle = false
            }
        }
    }

    /// The SVGs of a page, each parsed on its own as XML.
    func charts(_ html: String) throws -> [SegmentCollector] {
        var out: [SegmentCollector] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg"),
            let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex)
        {
            let svg = String(rest[start.lowerBound..<end.upperBound])
            let parser = XMLParser(data: Data(svg.utf8))
            let collector = SegmentCollector()
            parser.delegate = collector
            #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
            out.append(collector)
            rest = rest[end.upperBound...]
        }
        return out
    }

    @Test(arguments: TestDatabase.allCases)
    func chartNumbersAreTheDatabases(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let sql = try app.sql()
            let round = try #require(try await AssessmentStore(sql).rounds(closedOnly: true).first)
            // The government's view: per recommendation the most cautious status its organisations gave.
            let rows = try await sql.raw(
                """
                SELECT r.response, MIN(CASE a.status WHEN 'not-started' THEN 1 WHEN 'partial' THEN 2
                       WHEN 'full' THEN 3 ELSE 9 END) AS rank
                FROM assessments a JOIN organisations o ON o.id = a.organisation_id
                JOIN recommendations r ON r.id = a.recommendation_id
                WHERE a.round_id = \(bind: round.id) AND o.kind IN ('ministry', 'government-agency', 'parliament')
                GROUP BY r.id, r.response
                """
            ).all()
            var supportedPartial = 0
            var supportedNotStarted = 0
            for row in rows where try row.decode(column: "response", as: String.self) == "supported" {
                switch try row.decode(column: "rank", as: Int.self) {
                case 2: supportedPartial += 1
                case 1: supportedNotStarted += 1
                default: break
                }
            }
            #expect(supportedPartial > 0 && supportedNotStarted > 0)
            let page = try await Browser.anonymous.get(app, "/dashboard?state=Mongolia&perspective=government")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.utf8.count < 100_000)
            let svgs = try charts(html)
            #expect(svgs.count == 4)  // three breakdowns and the timeline
            let response = try #require(
                svgs.last { $0.titles.first == "Implementation of supported and noted recommendations" })
            #expect(response.titles.contains("Supported: Partially implemented \(supportedPartial)"))
            #expect(response.titles.contains("Supported: Not started \(supportedNotStarted)"))
            // The table beside it has the same numbers.
            #expect(html.contains("data-label=\"Partially implemented\">\(supportedPartial)</td>"))
            // Every supported recommendation of the state is in the "supported" bar, assessed or not.
            let supported = try await app.count(
                "recommendations",
                where: "WHERE response = 'supported' AND state_id = (SELECT id FROM states WHERE name = 'Mongolia')")
            #expect(response.titles.contains { $0.hasPrefix("Supported: Not assessed ") })
            #expect(html.contains("n = \(supported)<"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func thePublicSeesClosedRoundsOnly(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let rounds = try await AssessmentStore(try app.sql()).rounds()
            let open = try #require(rounds.first { $0.status == .open })
            let closed = try #require(rounds.first { $0.status == .closed })
            let anonymous = try await Browser.anonymous.get(app, "/dashboard?round=\(open.id)").body.string
            #expect(!anonymous.contains(open.title))
            #expect(anonymous.contains(closed.title))
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            let member = try await cso.get(app, "/dashboard?round=\(open.id)").body.string
            #expect(member.contains("value=\"\(open.id)\" selected"))
            // The timeline: review 5 May 2015, mid-term report 30 months on, next review 54 months on.
            #expect(anonymous.contains("5 November 2017"))
            #expect(anonymous.contains("5 November 2019"))
        }
    }

    @Test func reviewCalendar() {
        let review = Date(timeIntervalSince1970: 1_430_784_000)  // 2015-05-05
        #expect(Timestamp.day(ReviewCalendar.midTermReport(after: review)) == "2017-11-05")
        #expect(Timestamp.day(ReviewCalendar.nextReview(after: review)) == "2019-11-05")
    }
}

/// Indicator progress on the dashboard and in the mid-term report: baseline 10, target 50, an accepted 30 is half
/// way; a pending measurement does not count.
@Suite struct IndicatorProgressTests {
    @Test(arguments: TestDatabase.allCases)
    func progressFromBaselineToTarget(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let sql = try app.sql()
            let fixture = try await IndicatorFixture.make(app)
            let store = MeasurementStore(sql)
            let accepted = try await store.add(
                indicatorID: fixture.indicator,
                try MeasurementInput(value: "30", date: "2018-12-31", unit: "")
                    .validate(indicatorUnit: "decisions", dimensions: [], today: CalendarDay("2026-01-01")!).get(),
                evidence: nil, userID: nil, actor: "test")
            try await store.review(accepted, version: 1, decision: .accepted, comment: "", userID: 1, actor: "test")
            _ = try await store.add(
                indicatorID: fixture.indicator,
                try MeasurementInput(value: "49", date: "2019-12-31", unit: "")
                    .validate(indicatorUnit: "decisions", dimensions: [], today: CalendarDay("2026-01-01")!).get(),
                evidence: nil, userID: nil, actor: "test")
            let html = try await Browser.anonymous.get(app, "/dashboard?state=Mongolia").body.string
            #expect(html.contains("<title>Discrimination complaints decided by courts: Achieved 50%</title>"))
            #expect(html.contains("30 / 50 by 2030-12-31"))
            #expect(!html.contains("49 decisions"))
            let report = String(
                decoding: try #require(
                    try await MidTermReportFile.make(
                        state: "Mongolia", format: .html, language: .en, publishedOnly: true, on: sql)),
                as: UTF8.self)
            #expect(report.contains("<th scope=\"row\">Discrimination complaints decided by courts</th>"))
            #expect(report.contains("<td>30 decisions (2018-12-31)</td><td>50 decisions (2030-12-31)</td><td>50%</td>"))
        }
    }
}
