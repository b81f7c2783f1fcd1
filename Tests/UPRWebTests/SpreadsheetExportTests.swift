import Foundation
import Testing
import UPRDomain
import UPRSpreadsheet
import UPRStore
import UPRWeb
import VaporTesting

/// The spreadsheets beside the JSON (issue 17, part 6): the indicators with their measurements and an assessment
/// round with every stakeholder side by side, as CSV and XLSX from their pages and from the API, each seen as the
/// page shows it to the reader, read back with the module's own readers.
@Suite struct SpreadsheetExportTests {
    static let formula = #"=HYPERLINK("https://evil.example/","Click")"#

    /// A GET as a browser (its cookie), with a token, in a language.
    func get(
        _ app: Application, _ path: String, as browser: Browser? = nil, token: String? = nil, language: String? = nil
    ) async throws -> TestingHTTPResponse {
        var headers = browser?.headers() ?? HTTPHeaders()
        if let token { headers.add(name: .authorization, value: "Bearer \(token)") }
        if let language { headers.add(name: .acceptLanguage, value: language) }
        var result: TestingHTTPResponse?
        try await app.testing().test(.GET, path, headers: headers) { result = $0 }
        return result!
    }

    func issue(_ app: Application, _ organisation: Int, _ scopes: Set<APIScope>) async throws -> String {
        try await APITokenIssuer.issue(
            organisationID: organisation, name: "sheet reader \(organisation) \(APIScope.text(scopes))",
            scopes: scopes, expiresOn: nil, today: CalendarDay(Timestamp.day(Date()))!, actor: "test",
            on: try app.sql()
        ).secret
    }

    /// The file's grid, read as its content type says.
    func grid(_ response: TestingHTTPResponse, sourceLocation: SourceLocation = #_sourceLocation) throws -> SheetGrid {
        #expect(response.status == .ok, "\(response.body.string.prefix(300))", sourceLocation: sourceLocation)
        let data = Data(buffer: response.body)
        switch response.headers.contentType?.subType {
        case "csv": return try WorkbookReader.csvGrid(data)
        case "vnd.openxmlformats-officedocument.spreadsheetml.sheet":
            return try WorkbookReader.firstSheet(in: data) { $0 }
        default:
            Issue.record("not a spreadsheet: \(String(describing: response.headers.contentType))")
            return SheetGrid(rows: [])
        }
    }

    /// The rows below the header (its last row: `headerRows` after the title), as arrays of `width` cells.
    func body(_ grid: SheetGrid, headerRows: Int) -> [[String]] {
        let width = (grid.rows.flatMap(\.cells.keys).max() ?? -1) + 1
        return grid.rows.dropFirst(1 + headerRows).map { row in (0..<width).map { row.cells[$0] ?? "" } }
    }

    /// A published indicator with an accepted (its source formula-like), a rejected and a pending measurement, and
    /// an indicator that tracks a recommendation but no published plan entry, so the public does not see it.
    func indicators(_ app: Application) async throws -> (fixture: IndicatorFixture, hidden: Int) {
        let fixture = try await IndicatorFixture.make(app)
        let sql = try app.sql()
        let measurements = MeasurementStore(sql)
        let today = CalendarDay("2026-01-01")!
        for (value, date, decision, source) in [
            ("20", "2018-12-31", MeasurementStatus.accepted, Self.formula), ("99", "2019-12-31", .rejected, "Draft"),
            ("30.5", "2020-12-31", .pending, "Supreme Court"),
        ] {
            let valid = try MeasurementInput(
                value: value, date: date, unit: "", source: source,
                disaggregation: decision == .accepted ? [.sex: "female = 12; male = 8"] : [:],
                link: decision == .accepted ? "https://court.gov.mn/stats" : ""
            ).validate(indicatorUnit: "decisions", dimensions: [.sex, .region], today: today).get()
            let id = try await measurements.add(
                indicatorID: fixture.indicator, valid, evidence: nil, userID: nil, actor: "test")
            if decision != .pending {
                try await measurements.review(id, version: 1, decision: decision, comment: "ok", userID: 1, actor: "t")
            }
        }
        var fields = IndicatorFields()
        fields.title = "Shelters for victims of domestic violence"
        fields.unit = "shelters"
        fields.recommendationIDs = [try await recommendationID(app, paragraph: "108.103")]
        fields.responsibleOrganisationID = fixture.ministry
        let hidden = try await IndicatorStore(sql).create(fields, userID: nil, actor: "test")
        return (fixture, hidden)
    }

    @Test(arguments: TestDatabase.allCases)
    func indicatorsFromThePageAsThePageShowsThem(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let (fixture, hidden) = try await indicators(app)
            let today = Timestamp.day(Date())

            let csv = try await get(app, "/indicators/export.csv?state=Mongolia")
            #expect(csv.headers.contentType?.description == "text/csv; charset=utf-8")
            #expect(
                csv.headers.first(name: .contentDisposition)
                    == "attachment; filename=\"indicators-mongolia-\(today).csv\"")
            #expect(csv.body.string.hasPrefix("\u{FEFF}"))
            // A formula-like source is text: behind an apostrophe in the CSV, an inline string in the XLSX.
            #expect(csv.body.string.contains("'" + Self.formula.replacingOccurrences(of: "\"", with: "\"\"")))
            let publicCSV = try grid(csv)
            #expect(publicCSV.rows[0].cells[0] == "Indicators with measurements – Mongolia")
            #expect(
                (0..<16).map { publicCSV.rows[1].cells[$0] ?? "" } == [
                    "Indicator ID", "Title", "Recommendation(s) / plan entry", "Responsible organisation",
                    "Data partners", "Unit", "Baseline – Value", "Baseline – Date", "Target – Value", "Target – Date",
                    "Measurement – Date", "Measurement – Value", "Measurement – Breakdown", "Measurement – Source",
                    "Measurement – Status", "Measurement – Evidence",
                ])
            let accepted = [
                String(fixture.indicator), "Discrimination complaints decided by courts", "108.42",
                "Ministry of Justice and Home Affairs", "UN Resident Coordinator's Office", "decisions", "10",
                "2016-12-31", "50", "2030-12-31", "2018-12-31", "20", "Sex: female = 12; male = 8", Self.formula,
                "Accepted", "https://court.gov.mn/stats",
            ]
            #expect(body(publicCSV, headerRows: 1) == [accepted])

            let xlsx = try await get(app, "/indicators/export.xlsx?state=Mongolia")
            #expect(
                xlsx.headers.contentType?.description
                    == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(
                xlsx.headers.first(name: .contentDisposition)
                    == "attachment; filename=\"indicators-mongolia-\(today).xlsx\"")
            let publicXLSX = try grid(xlsx)
            #expect(publicXLSX.rows[1].cells[6] == "Baseline" && publicXLSX.rows[2].cells[6] == "Value")
            #expect(publicXLSX.rows[1].cells[10] == "Measurement" && publicXLSX.rows[2].cells[13] == "Source")
            #expect(body(publicXLSX, headerRows: 2) == [accepted])

            // Signed in (any account, as on the pages): the indicator no published entry tracks, and the rejected
            // and pending measurements, oldest first.
            let observer = try await Browser.signIn(app, email: "observer@demo.upr")
            let rows = body(
                try grid(try await get(app, "/indicators/export.xlsx?state=Mongolia", as: observer)), headerRows: 2)
            #expect(rows.count == 4)
            let own = rows.filter { $0[0] == String(fixture.indicator) }
            #expect(own.map { $0[10] } == ["2018-12-31", "2019-12-31", "2020-12-31"])
            #expect(own.map { $0[11] } == ["20", "99", "30.5"])
            #expect(own.map { $0[14] } == ["Accepted", "Rejected", "Awaiting review"])
            let shelters = try #require(rows.first { $0[0] == String(hidden) })
            #expect(shelters[1] == "Shelters for victims of domestic violence" && shelters[2] == "108.103")
            let measured = shelters[10...].contains { !$0.isEmpty }
            #expect(!measured)

            // The same filters as the list: a kind no indicator has gives the header only.
            #expect(
                body(try grid(try await get(app, "/indicators/export.csv?state=Mongolia&kind=process")), headerRows: 1)
                    .isEmpty)

            // Mongolian headings in a Mongolian request.
            let mongolian = try grid(try await get(app, "/indicators/export.csv?state=Mongolia", language: "mn"))
            #expect(mongolian.rows[1].cells[0] == "Шалгуур үзүүлэлтийн дугаар")
            // Without a state, the file's name is the same in every language.
            let everywhere = try await get(app, "/indicators/export.xlsx", language: "mn")
            #expect(
                everywhere.headers.first(name: .contentDisposition)
                    == "attachment; filename=\"indicators-all-states-\(today).xlsx\"")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func indicatorsThroughTheAPI(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let (fixture, _) = try await indicators(app)
            let schema = try JSONSchemaValidator(
                openAPI: Data(buffer: try await get(app, "/api/v1/openapi.json").body))
            let writer = try await issue(app, fixture.ministry, [.measurementsWrite])
            let foreign = try await organisationID(app, "Ministry of Foreign Affairs")
            let other = try await issue(app, foreign, [.read])
            let reader = try await issue(app, fixture.ministry, [.read])
            for format in ["csv", "xlsx"] {
                let path = "/api/v1/indicators.\(format)"
                let media =
                    format == "csv" ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                // The document describes the answer's content type.
                #expect(
                    try schema.responseSchema(path: path, status: "200", mediaType: media)["type"] as? String
                        == "string")
                let headerRows = format == "csv" ? 1 : 2
                for (token, count) in [(nil, 1), (writer, 1), (other, 4), (reader, 4)] as [(String?, Int)] {
                    let response = try await get(app, path + "?state=Mongolia", token: token)
                    #expect(response.headers.contentType?.description.hasPrefix(media) == true)
                    #expect(body(try grid(response), headerRows: headerRows).count == count, "\(path) \(token ?? "-")")
                }
                let refused = try await get(app, path + "?state=Mongolia", token: "upr_no-such-token")
                #expect(refused.status == .unauthorized)
                #expect(refused.headers.contentType?.subType == "problem+json")
                let errors = schema.validate(
                    try JSONSerialization.jsonObject(with: Data(buffer: refused.body)),
                    against: try schema.responseSchema(path: path, status: "401", mediaType: "application/problem+json")
                )
                #expect(errors.isEmpty, "\(errors)")
            }
        }
    }

    /// A round of Mongolia's second cycle, open, with the ministry's and a CSO's assessment of 108.103.
    func round(_ app: Application) async throws -> (round: Int, ministry: Int, cso: Int) {
        let sql = try app.sql()
        let store = AssessmentStore(sql)
        let round = try await store.createRound(
            stateName: "Mongolia", cycle: 2, title: "Annual assessment 2019", heldOn: "2019-12-12", actor: "test")
        let recommendation = try await recommendationID(app, paragraph: "108.103")
        let ministry = try await organisationID(app, "Ministry of Justice and Home Affairs")
        let cso = try #require(try await AccountStore(sql).user(email: "cso@demo.upr")?.organisationID)
        _ = try await store.save(
            round: round, recommendation: recommendation, organisationID: ministry,
            input: AssessmentInput(
                status: .full, justification: "The revised law was adopted.",
                evidenceURL: "https://www.legalinfo.mn/law/details/12063"),
            version: 0, userID: nil, actor: "test")
        _ = try await store.save(
            round: round, recommendation: recommendation, organisationID: cso,
            input: AssessmentInput(status: .partial, justification: "Shelters in two provinces only.", evidenceURL: ""),
            version: 0, userID: nil, actor: "test")
        return (round, ministry, cso)
    }

    @Test(arguments: TestDatabase.allCases)
    func aRoundWithEveryStakeholderSideBySide(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let (id, _, csoID) = try await round(app)
            let sql = try app.sql()
            let csoName = try #require(try await OrganisationStore(sql).organisation(csoID)?.name)
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            let other = try await issue(app, try await organisationID(app, "Ministry of Foreign Affairs"), [.read])
            let writer = try await issue(app, csoID, [.assessmentsWrite])

            // Open, it is work in progress: not for the public, nor for a token without read.
            #expect(try await get(app, "/assessments/\(id)/export.csv").status == .notFound)
            for token in [nil, writer] {
                let refused = try await get(app, "/api/v1/rounds/\(id)/assessments.xlsx", token: token)
                #expect(refused.status == .notFound)
                #expect(refused.headers.contentType?.subType == "problem+json")
            }

            let xlsx = try await get(app, "/assessments/\(id)/export.xlsx", as: cso)
            #expect(
                xlsx.headers.first(name: .contentDisposition)
                    == "attachment; filename=\"assessments-mongolia-2019-12-12.xlsx\"")
            let sheet = try grid(xlsx)
            #expect(sheet.rows[0].cells[0] == "Annual assessment 2019 – Mongolia")
            let groups = sheet.rows[1].cells
            let ministryColumn = try #require(
                groups.first { $0.value == "Ministry of Justice and Home Affairs (Government)" }?.key)
            let csoColumn = try #require(groups.first { $0.value == "\(csoName) (Civil society)" }?.key)
            #expect(ministryColumn < csoColumn)
            #expect(sheet.rows[2].cells[ministryColumn] == "Progress")
            #expect(sheet.rows[2].cells[ministryColumn + 1] == "Comment")
            #expect(sheet.rows[2].cells[ministryColumn + 2] == "Evidence")
            let rows = body(sheet, headerRows: 2)
            let line = try #require(rows.first { $0[1] == "108.103" })
            #expect(line[ministryColumn + 1] == "The revised law was adopted.")
            #expect(line[ministryColumn + 2] == "https://www.legalinfo.mn/law/details/12063")
            #expect(line[csoColumn + 1] == "Shelters in two provinces only.")
            #expect(line[ministryColumn] == "Fully implemented" && line[csoColumn] == "Partially implemented")
            #expect(line[6] == "Assessments differ")
            // Every recommendation of the round is a row, assessed or not.
            let overview = try await RoundOverview.load(
                round: try #require(try await AssessmentStore(sql).round(id)), on: sql)
            #expect(rows.count == overview.inScope)

            // A token with read sees the open round as a signed-in person; the CSV is the same table flattened.
            let csv = try grid(try await get(app, "/api/v1/rounds/\(id)/assessments.csv", token: other))
            #expect(csv.rows[1].cells[ministryColumn] == "Ministry of Justice and Home Affairs (Government) – Progress")
            #expect(body(csv, headerRows: 1) == rows)

            // Closed, it is public.
            let version = try #require(try await AssessmentStore(sql).round(id)).version
            try await AssessmentStore(sql).closeRound(id, version: version, actor: "test")
            #expect(body(try grid(try await get(app, "/assessments/\(id)/export.csv")), headerRows: 1) == rows)
            #expect(body(try grid(try await get(app, "/api/v1/rounds/\(id)/assessments.csv")), headerRows: 1) == rows)

            // Unknown rounds.
            #expect(try await get(app, "/assessments/424242/export.xlsx").status == .notFound)
            let unknown = try await get(app, "/api/v1/rounds/424242/assessments.csv", token: other)
            #expect(unknown.status == .notFound)
            let schema = try JSONSchemaValidator(
                openAPI: Data(buffer: try await get(app, "/api/v1/openapi.json").body))
            let errors = schema.validate(
                try JSONSerialization.jsonObject(with: Data(buffer: unknown.body)),
                against: try schema.responseSchema(
                    path: "/api/v1/rounds/{id}/assessments.csv", status: "404", mediaType: "application/problem+json"))
            #expect(errors.isEmpty, "\(errors)")
            #expect(
                try schema.responseSchema(
                    path: "/api/v1/rounds/{id}/assessments.xlsx", status: "200",
                    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")["type"] as? String
                    == "string")
        }
    }

    /// Both pages say "Download: CSV · Excel (XLSX)", in English and in Mongolian, with links to their files.
    @Test(arguments: TestDatabase.allCases)
    func thePagesLinkTheirSpreadsheets(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let closed = try #require(try await AssessmentStore(try app.sql()).rounds(closedOnly: true).first)
            for (language, download) in [("en", "Download:"), ("mn", "Татах:")] {
                let list = try await get(app, "/indicators?state=Mongolia", language: language).body.string
                #expect(list.contains(download))
                #expect(list.contains(#"href="/indicators/export.csv?state=Mongolia" download"#))
                #expect(list.contains(#"href="/indicators/export.xlsx?state=Mongolia" download"#))
                let page = try await get(app, "/assessments/\(closed.id)", language: language).body.string
                #expect(page.contains(download))
                #expect(page.contains(#"href="/assessments/\#(closed.id)/export.csv" download"#))
                #expect(page.contains(#"href="/assessments/\#(closed.id)/export.xlsx" download"#))
            }
            let english = try await get(app, "/indicators").body.string
            #expect(
                english.contains(
                    #"aria-label="Download the indicators with their measurements as Excel (XLSX)">Excel (XLSX)</a>"#))
            // The closed demo round downloads for the public.
            #expect(try await get(app, "/assessments/\(closed.id)/export.xlsx").status == .ok)
        }
    }
}
