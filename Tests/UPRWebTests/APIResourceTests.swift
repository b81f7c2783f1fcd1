import Foundation
import Testing
import UPRDomain
import UPRStore
import UPRWeb
import VaporTesting

/// The API's read endpoints with the pages' visibility, their ETags, the plan-entry update with `If-Match` and the
/// assessment POST (issue 17, parts 2, 3 and 5), and the rate limit over two instances; every answer held to the
/// OpenAPI document.
@Suite struct APIResourceTests: APIRequests {
    /// A draft plan entry of the justice group, for a recommendation next to the fixture's.
    func draftEntry(_ app: Application) async throws -> Int {
        var fields = PlanEntryFields()
        fields.goal = "Draft: a register of torture complaints"
        return try await PlanStore(try app.sql()).create(
            recommendationID: try #require(
                try await app.sql().raw(
                    """
                    SELECT r.id FROM recommendations r JOIN states s ON s.id = r.state_id
                    WHERE s.name = 'Mongolia' AND r.id NOT IN (SELECT recommendation_id FROM plan_entries)
                    ORDER BY r.id LIMIT 1
                    """
                ).first()?.decode(column: "id", as: Int.self)),
            workingGroupID: try await justiceGroupID(app), fields: fields, userID: nil, actor: "test")
    }

    /// The ids of a list answer's items.
    func ids(_ body: [String: Any]) -> [Int] {
        (body["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
    }

    @Test(arguments: TestDatabase.allCases)
    func readEndpointsShowWhatThePagesShow(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let schema = try await validator(app)
            let fixture = try await IndicatorFixture.make(app)
            let draft = try await draftEntry(app)
            let reader = try await issue(app, fixture.ministry, "Planning tool", [.read])
            let writer = try await issue(app, fixture.ministry, "Court statistics", [.measurementsWrite])
            let pending = try await post(
                app, "/api/v1/indicators/\(fixture.indicator)/measurements",
                #"{"value": "12", "date": "2018-12-31", "source": "Supreme Court"}"#, token: writer)
            #expect(pending.status == .created)

            // Plan entries: the public (and a token without read) sees the published one; a reader also the draft.
            let path = "/api/v1/plan-entries?state=Mongolia&per=200"
            for token in [nil, writer] {
                let body = try expectValid(try await get(app, path, token: token), schema, path: "/api/v1/plan-entries")
                #expect(ids(body).contains(fixture.entry))
                #expect(!ids(body).contains(draft))
            }
            let all = try expectValid(try await get(app, path, token: reader), schema, path: "/api/v1/plan-entries")
            #expect(ids(all).contains(draft) && ids(all).contains(fixture.entry))
            #expect(all["total"] as? Int == ids(all).count)
            let drafts = try expectValid(
                try await get(app, "/api/v1/plan-entries?state=Mongolia&status=draft", token: reader), schema,
                path: "/api/v1/plan-entries")
            #expect(ids(drafts).contains(draft) && !ids(drafts).contains(fixture.entry))
            #expect(try await get(app, "/api/v1/plan-entries/\(draft)", token: nil).status == .notFound)
            let entry = try expectValid(
                try await get(app, "/api/v1/plan-entries/\(fixture.entry)", token: nil), schema,
                path: "/api/v1/plan-entries/{id}")
            #expect(entry["goal"] as? String == "Anti-discrimination law")
            #expect(
                (entry["leadOrganisation"] as? [String: Any])?["name"] as? String
                    == "Ministry of Justice and Home Affairs")
            #expect(entry["status"] as? String == "published")
            try expectValid(
                try await get(app, "/api/v1/plan-entries/\(draft)", token: reader), schema,
                path: "/api/v1/plan-entries/{id}")

            // An ETag, and 304 for a program that already has this state.
            let tagged = try await get(app, "/api/v1/plan-entries/\(fixture.entry)", token: nil)
            let etag = try #require(tagged.headers.first(name: .eTag))
            let again = try await send(
                app, .GET, "/api/v1/plan-entries/\(fixture.entry)", token: nil, headers: ["If-None-Match": etag])
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)
            #expect(again.headers.first(name: .eTag) == etag)
            let other = try await send(
                app, .GET, "/api/v1/plan-entries/\(fixture.entry)", token: nil,
                headers: ["If-None-Match": "\"something-else\""])
            #expect(other.status == .ok)

            // Indicators: the names other systems rely on; measurements waiting for review only for a reader.
            let indicators = try expectValid(
                try await get(app, "/api/v1/indicators?state=Mongolia", token: nil), schema,
                path: "/api/v1/indicators")
            #expect(Set(indicators.keys) == ["items", "total", "page", "per"])
            let listed = try #require(
                (indicators["items"] as? [[String: Any]])?.first { $0["id"] as? Int == fixture.indicator })
            #expect(listed["title"] as? String == "Discrimination complaints decided by courts")
            #expect((listed["responsibleOrganisation"] as? [String: Any])?["id"] as? Int == fixture.ministry)
            #expect((listed["dataPartners"] as? [[String: Any]])?.first?["id"] as? Int == fixture.partner)
            #expect((listed["baseline"] as? [String: Any])?["value"] as? Double == 10)
            #expect((listed["target"] as? [String: Any])?["date"] as? String == "2030-12-31")
            #expect(listed["measurements"] == nil)
            let publicOne = try expectValid(
                try await get(app, "/api/v1/indicators/\(fixture.indicator)", token: nil), schema,
                path: "/api/v1/indicators/{id}")
            #expect((publicOne["measurements"] as? [Any])?.count == 0)
            let readOne = try expectValid(
                try await get(app, "/api/v1/indicators/\(fixture.indicator)", token: reader), schema,
                path: "/api/v1/indicators/{id}")
            let measurement = try #require((readOne["measurements"] as? [[String: Any]])?.first)
            #expect(measurement["status"] as? String == "pending")
            #expect(measurement["value"] as? Double == 12)
            #expect(measurement["source"] as? String == "Supreme Court")
            // A draft entry's indicator is not public.
            let hidden = try await IndicatorStore(try app.sql()).create(
                IndicatorFixture.fields(ministry: fixture.ministry, partner: fixture.partner, entry: draft),
                userID: nil, actor: "test")
            #expect(try await get(app, "/api/v1/indicators/\(hidden)", token: nil).status == .notFound)
            #expect(try await get(app, "/api/v1/indicators/\(hidden)", token: reader).status == .ok)

            // Rounds: the open one (the demo's 2017 assessment) only for a reader; each stakeholder side by side.
            let rounds = try expectValid(
                try await get(app, "/api/v1/rounds", token: nil), schema, path: "/api/v1/rounds")
            let publicRounds = rounds["items"] as? [[String: Any]] ?? []
            #expect(!publicRounds.isEmpty && publicRounds.allSatisfy { $0["status"] as? String == "closed" })
            let readRounds = try expectValid(
                try await get(app, "/api/v1/rounds?state=Mongolia", token: reader), schema, path: "/api/v1/rounds")
            let open = try #require(
                (readRounds["items"] as? [[String: Any]])?.first { $0["status"] as? String == "open" }?["id"] as? Int)
            #expect(try await get(app, "/api/v1/rounds/\(open)", token: nil).status == .notFound)
            let closed = try #require(publicRounds.first?["id"] as? Int)
            let round = try expectValid(
                try await get(app, "/api/v1/rounds/\(closed)", token: nil), schema, path: "/api/v1/rounds/{id}")
            let lines = try #require(round["recommendations"] as? [[String: Any]])
            #expect(lines.count == 30)
            let sideBySide = lines[0]["assessments"] as? [[String: Any]] ?? []
            #expect(sideBySide.count > 1)
            #expect(
                Set(sideBySide.compactMap { ($0["organisation"] as? [String: Any])?["id"] as? Int }).count
                    == sideBySide.count)
            #expect(
                round["assessmentCount"] as? Int == lines.reduce(0) { $0 + (($1["assessments"] as? [Any])?.count ?? 0) }
            )
            let assessmentID = try #require(sideBySide[0]["id"] as? Int)
            try expectValid(
                try await get(app, "/api/v1/assessments/\(assessmentID)", token: nil), schema,
                path: "/api/v1/assessments/{id}")

            // Meetings: the public sees the public ones; agreements and organisations for everyone.
            let publicMeetings = try expectValid(
                try await get(app, "/api/v1/meetings?per=200", token: nil), schema, path: "/api/v1/meetings")
            let readMeetings = try expectValid(
                try await get(app, "/api/v1/meetings?per=200", token: reader), schema, path: "/api/v1/meetings")
            #expect(
                (publicMeetings["items"] as? [[String: Any]])?.allSatisfy { $0["isPublic"] as? Bool == true } == true)
            #expect(ids(readMeetings).count > ids(publicMeetings).count)
            let privateMeeting = try #require(Set(ids(readMeetings)).subtracting(ids(publicMeetings)).first)
            #expect(try await get(app, "/api/v1/meetings/\(privateMeeting)", token: nil).status == .notFound)
            let meeting = try #require(ids(publicMeetings).first)
            try expectValid(
                try await get(app, "/api/v1/meetings/\(meeting)", token: nil), schema, path: "/api/v1/meetings/{id}")
            let agreements = try expectValid(
                try await get(app, "/api/v1/agreements", token: nil), schema, path: "/api/v1/agreements")
            let agreement = try expectValid(
                try await get(app, "/api/v1/agreements/\(try #require(ids(agreements).first))", token: nil), schema,
                path: "/api/v1/agreements/{id}")
            #expect((agreement["signatories"] as? [Any])?.isEmpty == false)
            #expect((agreement["commitments"] as? [Any])?.isEmpty == false)
            let ministries = try expectValid(
                try await get(app, "/api/v1/organisations?kind=ministry&per=200", token: nil), schema,
                path: "/api/v1/organisations")
            #expect(ids(ministries).contains(fixture.ministry))
            #expect(!ids(ministries).contains(fixture.partner))
            try expectValid(
                try await get(app, "/api/v1/organisations/\(fixture.ministry)", token: nil), schema,
                path: "/api/v1/organisations/{id}")

            // Paging, and values a parameter cannot take named in a 400.
            let first = try object(try await get(app, "/api/v1/organisations?per=2", token: nil))
            let second = try object(try await get(app, "/api/v1/organisations?per=2&page=2", token: nil))
            #expect(ids(first).count == 2 && ids(second).count == 2)
            #expect(Set(ids(first)).isDisjoint(with: ids(second)))
            #expect(second["page"] as? Int == 2 && second["per"] as? Int == 2)
            for (query, field) in [
                ("/api/v1/organisations?per=0", "per"), ("/api/v1/indicators?page=x", "page"),
                ("/api/v1/indicators?kind=bogus", "kind"), ("/api/v1/plan-entries?workingGroup=-3", "workingGroup"),
            ] {
                let refused = try await get(app, query, token: nil)
                #expect(refused.status == .badRequest, "\(query)")
                #expect(try object(refused)["field"] as? String == field, "\(query)")
            }
            #expect(try await get(app, "/api/v1/rounds/424242", token: nil).status == .notFound)
            #expect(try await get(app, "/api/v1/rounds", token: "upr_not-a-token").status == .unauthorized)
        }
    }

    /// The working group's system updates the entry it last read; a stale ETag, from this instance or another,
    /// is refused with the current one and never overwrites.
    @Test(arguments: TestDatabase.allCases)
    func aPlanEntryUpdateNeedsIfMatchAndNeverLosesAnUpdate(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let schema = try await validator(app)
            let fixture = try await IndicatorFixture.make(app)
            let groups = try await OrganisationStore(try app.sql()).workingGroups()
            let justice = try #require(groups.first { $0.cluster == .justice })
            let organisations = try await OrganisationStore(try app.sql()).organisations()
            let member = try #require(organisations.first { $0.kind == .cso && justice.memberIDs.contains($0.id) })
            let outsider = try #require(organisations.first { $0.kind == .cso && !justice.memberIDs.contains($0.id) })
            let group = try await issue(app, member.id, "Coalition tracker", [.planWrite, .read])
            let stranger = try await issue(app, outsider.id, "Other coalition", [.planWrite])
            let ministry = try await issue(app, fixture.ministry, "Ministry planning", [.planWrite])
            let readOnly = try await issue(app, member.id, "Coalition reader", [.read])
            let path = "/api/v1/plan-entries/\(fixture.entry)"
            let patch = #"{"goal": "An anti-discrimination law adopted by 2019", "priority": "high"}"#
            let read = try await get(app, path, token: nil)
            let etag = try #require(read.headers.first(name: .eTag))
            func update(_ app: Application, _ body: String, token: String?, ifMatch: String?) async throws
                -> TestingHTTPResponse
            {
                try await send(app, .PATCH, path, body, token: token, headers: ifMatch.map { ["If-Match": $0] } ?? [:])
            }
            func refused(_ response: TestingHTTPResponse, _ status: HTTPStatus, field: String? = nil) throws {
                try expectProblem(
                    response, status, field: field, schema, path: "/api/v1/plan-entries/{id}", method: "patch")
            }

            try refused(try await update(app, patch, token: nil, ifMatch: etag), .unauthorized)
            try refused(try await update(app, patch, token: readOnly, ifMatch: etag), .forbidden)
            try refused(try await update(app, patch, token: stranger, ifMatch: etag), .forbidden)
            // A ministry answers an entry; drafting it is the working group's.
            try refused(try await update(app, patch, token: ministry, ifMatch: etag), .forbidden)
            try refused(try await update(app, patch, token: group, ifMatch: nil), .preconditionRequired)
            try refused(try await update(app, patch, token: group, ifMatch: "W/" + etag), .preconditionFailed)
            try refused(
                try await update(app, #"{"dueDate": "2019-02-30"}"#, token: group, ifMatch: etag),
                .unprocessableEntity, field: "dueDate")
            try refused(
                try await update(app, #"{"leadOrganisationId": "Ministry"}"#, token: group, ifMatch: etag),
                .unprocessableEntity, field: "leadOrganisationId")
            try refused(
                try await update(app, #"{"status": "published"}"#, token: group, ifMatch: etag),
                .unprocessableEntity, field: "status")
            let notAnObject = try await update(app, "[1]", token: group, ifMatch: etag)
            try refused(notAnObject, .badRequest)
            #expect(try object(notAnObject)["field"] as? String == "body")
            #expect(try await PlanStore(try app.sql()).entry(id: fixture.entry)?.version == 2)

            let saved = try await update(app, patch, token: group, ifMatch: etag)
            let body = try expectValid(saved, schema, path: "/api/v1/plan-entries/{id}", method: "patch")
            #expect(body["goal"] as? String == "An anti-discrimination law adopted by 2019")
            #expect(body["priority"] as? String == "high")
            // Fields left out stay.
            #expect((body["leadOrganisation"] as? [String: Any])?["id"] as? Int == fixture.ministry)
            #expect(body["version"] as? Int == 3)
            let newTag = try #require(saved.headers.first(name: .eTag))
            #expect(newTag != etag)
            #expect(try await get(app, path, token: nil).headers.first(name: .eTag) == newTag)
            let audit = try await AuditLog.history(entity: .planEntry, id: fixture.entry, on: try app.sql())
            #expect(audit.first?.actor == "token Coalition tracker (\(member.name))")

            // The same ETag again: the entry moved on, so the update is refused with the current tag.
            let stale = try await update(app, #"{"goal": "Overwrite"}"#, token: group, ifMatch: etag)
            try refused(stale, .preconditionFailed, field: "If-Match")
            #expect(stale.headers.first(name: .eTag) == newTag)
            #expect((try object(stale)["detail"] as? String)?.contains("version 3") == true)

            // Two instances: B reads, A writes, B's update with what it read is refused.
            try await withSecondInstance(of: app) { second in
                let seen = try #require(try await get(second, path, token: group).headers.first(name: .eTag))
                let first = try await update(
                    app, #"{"csoActivities": "Monitoring court cases"}"#, token: group, ifMatch: seen)
                #expect(first.status == .ok)
                let late = try await update(
                    second, #"{"csoActivities": "Something else"}"#, token: group, ifMatch: seen)
                try refused(late, .preconditionFailed, field: "If-Match")
                #expect(late.headers.first(name: .eTag) == first.headers.first(name: .eTag))
            }
            let final = try #require(try await PlanStore(try app.sql()).entry(id: fixture.entry))
            #expect(final.fields.csoActivities == "Monitoring court cases")
            #expect(final.fields.goal == "An anti-discrimination law adopted by 2019")
            #expect(final.version == 4)
        }
    }

    /// A stakeholder's system records its own assessment in an open round, replaces it with `If-Match`, and a
    /// retried POST changes nothing.
    @Test(arguments: TestDatabase.allCases)
    func anOrganisationRecordsItsAssessmentThroughTheAPI(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let schema = try await validator(app)
            let fixture = try await IndicatorFixture.make(app)
            let round = try await AssessmentStore(try app.sql()).createRound(
                stateName: "Mongolia", cycle: nil, title: "Assessment by the systems", heldOn: "2026-12-01",
                actor: "test")
            let recommendation = try await recommendationID(app, paragraph: "108.42")
            let ministry = try await issue(app, fixture.ministry, "Ministry M&E", [.assessmentsWrite, .read])
            let observer = try await issue(app, fixture.partner, "UN office", [.assessmentsWrite])
            let noScope = try await issue(app, fixture.ministry, "Ministry reader", [.read])
            let path = "/api/v1/rounds/\(round)/assessments"
            let body = """
                {"recommendationId": \(recommendation), "status": "partial",
                 "justification": "The draft law is before parliament.", "evidenceLink": "https://example.org/law"}
                """
            func refused(_ response: TestingHTTPResponse, _ status: HTTPStatus, field: String? = nil) throws {
                try expectProblem(response, status, field: field, schema, path: "/api/v1/rounds/{id}/assessments")
            }
            try refused(try await post(app, path, body, token: nil), .unauthorized)
            try refused(try await post(app, path, body, token: noScope), .forbidden)
            // An observer's organisation reads; it does not assess.
            try refused(try await post(app, path, body, token: observer), .forbidden)
            try refused(
                try await post(app, path, body.replacingOccurrences(of: "partial", with: "halfway"), token: ministry),
                .unprocessableEntity, field: "status")
            try refused(
                try await post(
                    app, path, body.replacingOccurrences(of: "The draft law is before parliament.", with: ""),
                    token: ministry), .unprocessableEntity, field: "justification")
            try refused(
                try await post(app, path, #"{"status": "full", "justification": "Done"}"#, token: ministry),
                .unprocessableEntity, field: "recommendationId")
            try refused(try await post(app, "/api/v1/rounds/424242/assessments", body, token: ministry), .notFound)
            #expect(try await app.count("assessments", where: "WHERE round_id = \(round)") == 0)

            let created = try await post(app, path, body, token: ministry, key: "round-\(round)-108.42")
            let saved = try expectValid(
                created, schema, path: "/api/v1/rounds/{id}/assessments", status: .created, method: "post")
            let id = try #require(saved["id"] as? Int)
            #expect(created.headers.first(name: .location) == "/api/v1/assessments/\(id)")
            #expect(saved["status"] as? String == "partial")
            #expect((saved["organisation"] as? [String: Any])?["id"] as? Int == fixture.ministry)
            #expect(saved["evidenceLink"] as? String == "https://example.org/law")
            let replay = try await post(app, path, body, token: ministry, key: "round-\(round)-108.42")
            #expect(replay.status == .created)
            #expect(replay.body.string == created.body.string)
            #expect(try await app.count("assessments", where: "WHERE round_id = \(round)") == 1)
            let audit = try await AuditLog.history(entity: .assessment, id: id, on: try app.sql())
            #expect(audit.map(\.actor) == ["token Ministry M&E (Ministry of Justice and Home Affairs)"])

            // A second one without If-Match would overwrite what the program has not seen: 412 with the tag.
            let etag = try #require(created.headers.first(name: .eTag))
            let blind = try await post(
                app, path, body.replacingOccurrences(of: "partial", with: "full"), token: ministry)
            try refused(blind, .preconditionFailed, field: "If-Match")
            #expect(blind.headers.first(name: .eTag) == etag)
            let replaced = try await send(
                app, .POST, path, body.replacingOccurrences(of: "partial", with: "full"), token: ministry,
                headers: ["If-Match": etag])
            let after = try expectValid(replaced, schema, path: "/api/v1/rounds/{id}/assessments", method: "post")
            #expect(after["status"] as? String == "full")
            #expect(after["version"] as? Int == 2)
            let old = try await send(app, .POST, path, body, token: ministry, headers: ["If-Match": etag])
            try refused(old, .preconditionFailed, field: "If-Match")

            // The round, read by the ministry's system, shows it; the public does not see an open round.
            let read = try object(try await get(app, "/api/v1/rounds/\(round)", token: ministry))
            let line = try #require((read["recommendations"] as? [[String: Any]])?.first)
            #expect(line["recommendationId"] as? Int == recommendation)
            #expect((line["assessments"] as? [[String: Any]])?.first?["status"] as? String == "full")
            #expect(try await get(app, "/api/v1/assessments/\(id)", token: nil).status == .notFound)

            // A closed round takes no more.
            let closing = try #require(try await AssessmentStore(try app.sql()).round(round))
            try await AssessmentStore(try app.sql()).closeRound(round, version: closing.version, actor: "test")
            try refused(
                try await send(
                    app, .POST, path, body, token: ministry,
                    headers: ["If-Match": try #require(replaced.headers.first(name: .eTag))]),
                .unprocessableEntity, field: "round")
        }
    }

    /// A data partner sends the report a measurement comes from with it, in base64, checked as the page's upload.
    @Test(arguments: TestDatabase.allCases)
    func aMeasurementCarriesItsEvidenceFile(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let schema = try await validator(app)
            let fixture = try await IndicatorFixture.make(app)
            let partner = try await issue(app, fixture.partner, "UN data", [.measurementsWrite])
            let path = "/api/v1/indicators/\(fixture.indicator)/measurements"
            let pdf = Data("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".utf8)
            func body(_ name: String, _ content: String) -> String {
                #"{"value": 17, "date": "2020-12-31", "source": "UN RCO", "evidence": {"fileName": "\#(name)", "content": "\#(content)"}}"#
            }
            let created = try await post(
                app, path, body("reports/court-2020.pdf", pdf.base64EncodedString()), token: partner)
            let saved = try expectValid(
                created, schema, path: "/api/v1/indicators/{id}/measurements", status: .created, method: "post")
            let id = try #require(saved["id"] as? Int)
            let file = try #require(saved["evidenceFile"] as? [String: Any])
            #expect(file["name"] as? String == "court-2020.pdf")
            #expect(file["href"] as? String == "/measurements/\(id)/evidence")
            let stored = try #require(try await MeasurementStore(try app.sql()).evidence(measurementID: id))
            #expect(stored.content == pdf)
            #expect(stored.contentType == "application/pdf")

            for (content, name, field) in [
                ("not base64!", "a.pdf", "evidence.content"),
                (Data("plain words".utf8).base64EncodedString(), "notes.txt", "evidence"),
                ("", "empty.pdf", "evidence"),
            ] {
                try expectProblem(
                    try await post(app, path, body(name, content), token: partner), .unprocessableEntity, field: field,
                    schema)
            }
            #expect(try await app.count("measurement_evidence") == 1)
            #expect(try await app.count("measurements") == 1)
        }
    }

    /// A token's requests per minute are counted in the database: past the limit, every instance answers 429 with
    /// `Retry-After`; other tokens and the public are not held back.
    @Test(arguments: TestDatabase.allCases)
    func aTokenOverItsRateIsRefusedOnEveryInstance(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let schema = try await validator(app)
            let ministry = try await organisationID(app, "Ministry of Justice and Home Affairs")
            let busy = try await issue(app, ministry, "Busy system", [.read])
            let calm = try await issue(app, ministry, "Calm system", [.read])
            app.site.apiRequestsPerMinute = 3
            // The count is per minute: start early in one, so the four requests fall in the same.
            let second = Calendar.current.component(.second, from: Date())
            if second > 50 { try await Task.sleep(for: .seconds(61 - second)) }
            try await withSecondInstance(of: app) { other in
                other.site.apiRequestsPerMinute = 3
                #expect(try await get(app, "/api/v1/organisations", token: busy).status == .ok)
                #expect(try await get(other, "/api/v1/stats", token: busy).status == .ok)
                #expect(try await get(app, "/api/v1/organisations", token: busy).status == .ok)
                let limited = try await get(other, "/api/v1/organisations", token: busy)
                try expectProblem(limited, .tooManyRequests, schema, path: "/api/v1/organisations", method: "get")
                let wait = try #require(limited.headers.first(name: "Retry-After").flatMap(Int.init))
                #expect((1...60).contains(wait))
                #expect(try await get(app, "/api/v1/organisations", token: busy).status == .tooManyRequests)
                #expect(try await get(other, "/api/v1/organisations", token: calm).status == .ok)
                #expect(try await get(other, "/api/v1/organisations", token: nil).status == .ok)
            }
        }
    }
}
