import Foundation
import Testing
import UPRDemo
import UPRDomain
import UPRStore
import UPRWeb
import VaporTesting

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct IndicatorTests {
    /// The ministry's focal point writes an indicator for its plan entry: it is stored with its links, audited, and
    /// its SMART check shows on the page; "Check" only shows the checklist and stores nothing.
    @Test(arguments: TestDatabase.allCases)
    func createPreviewAndAudit(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let fixture = try await IndicatorFixture.make(app)
            let focal = try await Browser.signIn(app, email: "focal@demo.upr")
            let form: [(String, String)] = [
                ("title", "Birth registration"), ("definition", "Short"), ("kind", "outcome"), ("unit", "%"),
                ("baselineValue", "97,5"), ("baselineDate", "2015-12-31"), ("targetValue", "100"),
                ("targetDate", "2025-12-31"), ("responsibleOrganisationID", String(fixture.ministry)),
                ("planEntries", String(fixture.entry)), ("dimensions[]", "sex"), ("version", "0"),
            ]
            let before = try await app.count("indicators")
            let preview = try await focal.post(app, "/indicators", form + [("intent", "preview")])
            #expect(preview.status == .ok)
            #expect(preview.body.string.contains("SMART check"))
            #expect(preview.body.string.contains("Define what is measured in at least 40 characters."))
            #expect(try await app.count("indicators") == before)

            let created = try await focal.post(app, "/indicators", form)
            #expect(created.status == .seeOther)
            let path = try #require(created.headers.first(name: .location))
            let id = try #require(Int(path.split(separator: "/").last ?? ""))
            let stored = try #require(try await IndicatorStore(try app.sql()).indicator(id: id))
            #expect(stored.fields.baselineValue == 97.5)
            #expect(stored.fields.planEntryIDs == [fixture.entry])
            #expect(stored.fields.dimensions == [.sex])
            #expect(stored.smartPasses == false)
            let history = try await AuditLog.history(entity: .indicator, id: id, on: try app.sql())
            #expect(history.first?.action == "create")
            #expect(history.first?.changes["title"]?.after == "Birth registration")
            let page = try await focal.get(app, path)
            #expect(page.status == .ok)
            #expect(
                page.body.string.contains("1 of 5 criteria met.") || page.body.string.contains("of 5 criteria met."))
            // The entry's page links to it.
            let entryPage = try await Browser.anonymous.get(app, "/plan/entries/\(fixture.entry)")
            #expect(entryPage.body.string.contains(path))
        }
    }

    /// Two people edit the same indicator: the second sees the conflict page with both versions, nothing is lost.
    @Test(arguments: TestDatabase.allCases)
    func staleEditShowsTheConflict(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let fixture = try await IndicatorFixture.make(app)
            let admin = try await Browser.signIn(app, email: "admin@demo.upr")
            let focal = try await Browser.signIn(app, email: "focal@demo.upr")
            var base: [(String, String)] = [
                ("kind", "outcome"), ("unit", "decisions"), ("responsibleOrganisationID", String(fixture.ministry)),
                ("planEntries", String(fixture.entry)), ("version", "1"),
            ]
            let first = try await admin.post(
                app, "/indicators/\(fixture.indicator)", base + [("title", "Court decisions on discrimination")])
            #expect(first.status == .seeOther)
            base.append(("title", "Discrimination cases in court"))
            let second = try await focal.post(app, "/indicators/\(fixture.indicator)", base)
            #expect(second.status == .conflict)
            #expect(second.body.string.contains("Court decisions on discrimination"))
            #expect(second.body.string.contains("Discrimination cases in court"))
            let stored = try #require(try await IndicatorStore(try app.sql()).indicator(id: fixture.indicator))
            #expect(stored.fields.title == "Court decisions on discrimination")
            #expect(stored.version == 2)
        }
    }

    /// The ministry enters a measurement with a breakdown and a PDF; the administrator accepts it; the chart and
    /// its table show it, the SVG parses and its points are the stored numbers; the evidence downloads as a PDF.
    @Test(arguments: TestDatabase.allCases)
    func measurementReviewChartAndEvidence(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let fixture = try await IndicatorFixture.make(app)
            let focal = try await Browser.signIn(app, email: "focal@demo.upr")
            let pdf = Array("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n".utf8)
            let sent = try await focal.postMultipart(
                app, "/indicators/\(fixture.indicator)/measurements",
                [
                    ("value", "17,5"), ("date", "2019-12-31"), ("unit", "decisions"), ("source", "Supreme Court"),
                    ("sex", "female = 10; male = 7.5"),
                ],
                file: UploadPart(
                    name: "evidence", fileName: "court-report.pdf", contentType: "application/pdf", bytes: pdf))
            #expect(sent.status == .seeOther, "\(sent.body.string.prefix(2_000))")
            let store = MeasurementStore(try app.sql())
            let pending = try #require(
                try await store.measurements(indicatorID: fixture.indicator, acceptedOnly: false).first)
            #expect(pending.value == 17.5)
            #expect(pending.status == .pending)
            #expect(pending.breakdown == ["sex": ["female": 10, "male": 7.5]])
            #expect(pending.evidenceName == "court-report.pdf")

            // Pending: the public sees neither the value nor the evidence.
            let publicPage = try await Browser.anonymous.get(app, "/indicators/\(fixture.indicator)")
            #expect(publicPage.status == .ok)
            #expect(!publicPage.body.string.contains("17.5 decisions"))
            #expect(try await Browser.anonymous.get(app, "/measurements/\(pending.id)/evidence").status == .notFound)

            let admin = try await Browser.signIn(app, email: "admin@demo.upr")
            let noReason = try await admin.post(
                app, "/measurements/\(pending.id)/review", [("decision", "rejected"), ("version", "1")])
            #expect(noReason.status == .unprocessableEntity)
            let accepted = try await admin.post(
                app, "/measurements/\(pending.id)/review", [("decision", "accepted"), ("version", "1")])
            #expect(accepted.status == .seeOther)
            // A review made on the page as it was before: refused, the first review stands.
            let stale = try await admin.post(
                app, "/measurements/\(pending.id)/review",
                [("decision", "rejected"), ("comment", "late"), ("version", "1")])
            #expect(stale.status == .conflict)
            #expect(stale.body.string.contains("changed"))
            #expect(try await store.measurement(id: pending.id)?.status == .accepted)
            let audit = try await AuditLog.history(entity: .measurement, id: pending.id, on: try app.sql())
            #expect(audit.map(\.action) == ["accept", "create"])
            #expect(audit.first?.changes["status"] == AuditLog.FieldChange(before: "pending", after: "accepted"))

            let page = try await Browser.anonymous.get(app, "/indicators/\(fixture.indicator)").body.string
            #expect(page.contains("<td>17.5 decisions</td>"))
            let svg = try #require(Self.svg(in: page))
            let values = try Self.pointValues(svg)
            // Baseline, the measurement; then the dashed path from it to the target.
            #expect(values == [10, 17.5, 17.5, 50])
            #expect(svg.contains("role=\"img\""))
            #expect(
                svg.contains("aria-labelledby=\"chart-\(fixture.indicator)-title chart-\(fixture.indicator)-desc\""))

            let download = try await Browser.anonymous.get(app, "/measurements/\(pending.id)/evidence")
            #expect(download.status == .ok)
            #expect(download.headers.contentType?.serialize() == "application/pdf")
            #expect(
                download.headers.first(name: .contentDisposition)?.hasPrefix(
                    "attachment; filename=\"court-report.pdf\"") == true)
            #expect(Array(download.body.readableBytesView) == pdf)
        }
    }

    /// Bad uploads and bad values are refused with a message naming the field, and nothing is stored.
    @Test(arguments: TestDatabase.allCases)
    func badMeasurementsStoreNothing(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let fixture = try await IndicatorFixture.make(app)
            let focal = try await Browser.signIn(app, email: "focal@demo.upr")
            let good: [(String, String)] = [("value", "12"), ("date", "2019-12-31")]
            let exe = UploadPart(
                name: "evidence", fileName: "report.pdf", contentType: "application/pdf",
                bytes: [0x4D, 0x5A, 0x90, 0, 3])
            let huge = UploadPart(
                name: "evidence", fileName: "big.pdf", contentType: "application/pdf",
                bytes: Array("%PDF-".utf8) + [UInt8](repeating: 0x20, count: EvidenceType.maximumSize))
            let empty = UploadPart(name: "evidence", fileName: "empty.pdf", contentType: "application/pdf", bytes: [])
            let cases: [([(String, String)], UploadPart?, String)] = [
                (good, exe, "The evidence file must be a PDF, PNG, JPEG, XLSX, DOCX or CSV file"),
                (good, huge, "The evidence file is larger than 5 MB."),
                (good, empty, "The evidence file is empty."),
                ([("value", "1,234"), ("date", "2019-12-31")], nil, "This number can be read two ways"),
                ([("value", "12"), ("date", "2099-01-01")], nil, "cannot be in the future"),
                ([("value", "12"), ("date", "2019-12-31"), ("unit", "%")], nil, "The unit must be the indicator"),
                ([("value", "12"), ("date", "2019-12-31"), ("sex", "female = lots")], nil, "category = number"),
                (
                    [("value", "12"), ("date", "2019-12-31"), ("age", "0-17 = 3")], nil,
                    "does not declare this breakdown"
                ),
                ([("value", "12"), ("date", "2019-12-31"), ("link", "javascript:alert(1)")], nil, "http://"),
            ]
            for (fields, file, message) in cases {
                let response = try await focal.postMultipart(
                    app, "/indicators/\(fixture.indicator)/measurements", fields, file: file)
                #expect(response.status == .unprocessableEntity, "\(message)")
                #expect(response.body.string.contains(message), "\(message)")
                #expect(response.body.string.contains("href=\"#f-"), "the message links to its field")
            }
            #expect(try await app.count("measurements") == 0)
            #expect(try await app.count("measurement_evidence") == 0)
            #expect(try await app.count("audit_log", where: "WHERE entity = 'measurement'") == 0)
        }
    }

    /// The public sees an indicator only while a published plan entry tracks it, and only accepted measurements.
    @Test(arguments: TestDatabase.allCases)
    func publicSeesPublishedIndicatorsAndAcceptedMeasurements(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let fixture = try await IndicatorFixture.make(app, publish: false)
            let sql = try app.sql()
            #expect(try await Browser.anonymous.get(app, "/indicators/\(fixture.indicator)").status == .notFound)
            #expect(
                !(try await Browser.anonymous.get(app, "/indicators").body.string.contains("Discrimination complaints"))
            )
            let observer = try await Browser.signIn(app, email: "observer@demo.upr")
            #expect(try await observer.get(app, "/indicators").body.string.contains("Discrimination complaints"))

            try await PlanStore(sql).setStatus(fixture.entry, version: 1, status: .published, actor: "test")
            let measurements = MeasurementStore(sql)
            let today = CalendarDay("2026-01-01")!
            for (value, date, decision) in [
                ("20", "2018-12-31", MeasurementStatus.accepted), ("99", "2019-12-31", .rejected),
                ("30", "2020-12-31", .pending),
            ] {
                let valid = try MeasurementInput(value: value, date: date, unit: "")
                    .validate(indicatorUnit: "decisions", dimensions: [], today: today).get()
                let id = try await measurements.add(
                    indicatorID: fixture.indicator, valid, evidence: nil, userID: nil, actor: "test")
                if decision != .pending {
                    try await measurements.review(
                        id, version: 1, decision: decision, comment: "checked", userID: 1, actor: "test")
                }
            }
            let list = try await Browser.anonymous.get(app, "/indicators?state=Mongolia").body.string
            #expect(list.contains("Discrimination complaints"))
            #expect(list.contains("20 decisions (2018-12-31)"))
            let page = try await Browser.anonymous.get(app, "/indicators/\(fixture.indicator)").body.string
            #expect(page.contains("20 decisions"))
            #expect(!page.contains("99 decisions"))
            #expect(!page.contains("30 decisions"))
            #expect(try Self.pointValues(try #require(Self.svg(in: page))) == [10, 20, 20, 50])
            let signedIn = try await observer.get(app, "/indicators/\(fixture.indicator)").body.string
            #expect(signedIn.contains("99 decisions") && signedIn.contains("30 decisions"))

            // The plan matrix counts the entry's indicators and the SMART ones in its one query.
            let matrix = try await Browser.anonymous.get(app, "/plan?state=Mongolia").body.string
            #expect(matrix.contains("Indicators tracking these entries: 1; passing all five SMART criteria: 1."))
            #expect(matrix.contains("Indicators: 1, SMART: 1"))
            let page1 = try await PlanMatrix.page(.state("Mongolia"), includeDrafts: false, page: 1, per: 25, on: sql)
            #expect(page1.indicators == 1 && page1.smartIndicators == 1)
        }
    }

    /// The served demo's indicators: three on published plan entries the public sees, one on a recommendation only.
    @Test(arguments: TestDatabase.allCases)
    func demoIndicators(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let sql = try app.sql()
            try await DemoIndicators.load(on: sql)
            let store = IndicatorStore(sql)
            let all = try await store.list(IndicatorFilter(state: "Mongolia"), includeDrafts: true)
            #expect(all.count == 4)
            #expect(all.filter(\.smartPasses).count == 3)
            #expect(try await store.list(IndicatorFilter(), includeDrafts: false).count == 3)
            #expect(try await store.list(IndicatorFilter(kind: .structural), includeDrafts: true).count == 1)
            #expect(try await app.count("measurements", where: "WHERE status = 'pending'") == 1)
            let violence = try #require(all.first { $0.title.hasPrefix("Domestic violence") })
            #expect(violence.latestValue == 3_300)
            let page = try await Browser.anonymous.get(app, "/indicators/\(violence.id)")
            #expect(page.status == .ok)
            #expect(page.body.readableBytes < 100_000)
            #expect(
                try Self.pointValues(try #require(Self.svg(in: page.body.string))) == [
                    2_200, 2_650, 3_050, 3_300, 3_300, 4_000,
                ])
        }
    }

    static func svg(in page: String) -> String? {
        guard let start = page.range(of: "<svg"), let end = page.range(of: "</svg>") else { return nil }
        return String(page[start.lowerBound..<end.upperBound])
    }

    /// Parses the SVG as XML (so it must be well-formed) and returns the `data-value` of every point in order.
    static func pointValues(_ svg: String) throws -> [Double] {
        final class Collector: NSObject, XMLParserDelegate {
            var values: [Double] = []
            var titles = 0
            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                if name == "circle", let value = attributes["data-value"].flatMap(Double.init) { values.append(value) }
                if name == "title" { titles += 1 }
            }
        }
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else {
            throw TestSetupError("the SVG is not well-formed: \(String(describing: parser.parserError))")
        }
        #expect(collector.titles == collector.values.count + 1)
        return collector.values
    }
}
