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
