import Foundation
import Testing
import UPRDomain
import UPRStore
import UPRWeb
import VaporTesting

/// API tokens (issue 17): their life cycle, the bearer rules of `POST /api/v1/indicators/{id}/measurements`, the
/// field-naming refusals, `Idempotency-Key` across two instances, and the administrator's pages; every answer held
/// to the OpenAPI document.
@Suite struct APITokenTests: APIRequests {
    static var today: CalendarDay { CalendarDay(Timestamp.day(Date()))! }
    static let body = #"{"value": "42", "date": "2019-06-30", "source": "Supreme Court"}"#

    @Test(arguments: TestDatabase.allCases)
    func postingAMeasurementNeedsATokenItsScopeAndTheRight(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let schema = try await validator(app)
            let fixture = try await IndicatorFixture.make(app)
            let foreign = try await organisationID(app, "Ministry of Foreign Affairs")
            let ministry = try await issue(app, fixture.ministry, "Court statistics", [.measurementsWrite])
            let readOnly = try await issue(app, fixture.ministry, "Ministry reader", [.read])
            let other = try await issue(app, foreign, "Foreign affairs system", [.measurementsWrite, .read])
            let partner = try await issue(app, fixture.partner, "UN data", [.measurementsWrite])
            let path = "/api/v1/indicators/\(fixture.indicator)/measurements"

            let none = try await post(app, path, Self.body, token: nil)
            try expectProblem(none, .unauthorized, schema)
            #expect(none.headers.first(name: "WWW-Authenticate") == "Bearer realm=\"UPR Tracker\"")
            let bad = try await post(app, path, Self.body, token: "upr_not-a-token")
            try expectProblem(bad, .unauthorized, schema)
            #expect(bad.headers.first(name: "WWW-Authenticate")?.contains("error=\"invalid_token\"") == true)
            let wrongScope = try await post(app, path, Self.body, token: readOnly)
            try expectProblem(wrongScope, .forbidden, schema)
            #expect(wrongScope.body.string.contains("measurements:write"))
            try expectProblem(try await post(app, path, Self.body, token: other), .forbidden, schema)
            try expectProblem(
                try await post(app, "/api/v1/indicators/424242/measurements", Self.body, token: ministry), .notFound,
                schema)
            #expect(try await app.count("measurements") == 0)

            let created = try await post(app, path, Self.body, token: ministry)
            #expect(created.status == .created, "\(created.body.string)")
            let body = try object(created)
            #expect(
                schema.validate(
                    body,
                    against: try schema.responseSchema(
                        path: "/api/v1/indicators/{id}/measurements", status: "201", method: "post")
                ).isEmpty)
            let id = try #require(body["id"] as? Int)
            #expect(created.headers.first(name: .location) == "/api/v1/measurements/\(id)")
            #expect(body["status"] as? String == "pending")
            #expect(body["value"] as? Double == 42)
            #expect(body["date"] as? String == "2019-06-30")
            // It waits for review like one typed on the page, and the audit log names the token.
            let stored = try #require(try await MeasurementStore(try app.sql()).measurement(id: id))
            #expect(stored.status == .pending)
            #expect(stored.source == "Supreme Court")
            let audit = try await AuditLog.history(entity: .measurement, id: id, on: try app.sql())
            #expect(audit.map(\.actor) == ["token Court statistics (Ministry of Justice and Home Affairs)"])

            // Its address: the token that posted it reads it; the public does not see a pending measurement.
            let read = try await get(app, "/api/v1/measurements/\(id)", token: ministry)
            #expect(read.status == .ok)
            #expect(read.body.string == created.body.string)
            #expect(
                schema.validate(
                    try object(read),
                    against: try schema.responseSchema(
                        path: "/api/v1/measurements/{id}", status: "200")
                ).isEmpty)
            try expectProblem(
                try await get(app, "/api/v1/measurements/\(id)", token: nil), .notFound, schema,
                path: "/api/v1/measurements/{id}", method: "get")
            try expectProblem(
                try await get(app, "/api/v1/measurements/\(id)", token: "upr_nothing"), .unauthorized, schema,
                path: "/api/v1/measurements/{id}", method: "get")

            // A data partner shares its data, with a breakdown by a declared dimension, numbers as JSON numbers.
            let shared = try await post(
                app, path,
                #"{"value": 17.5, "date": "2019-12-31", "source": "UN", "breakdown": {"sex": {"female": 10, "male": 7.5}}, "evidenceLink": "https://example.org/report"}"#,
                token: partner)
            #expect(shared.status == .created, "\(shared.body.string)")
            let sharedBody = try object(shared)
            #expect((sharedBody["breakdown"] as? [String: [String: Double]])?["sex"] == ["female": 10, "male": 7.5])
            #expect(sharedBody["evidenceLink"] as? String == "https://example.org/report")
            #expect(try await app.count("measurements", where: "WHERE status = 'pending'") == 2)
            #expect(
                try await app.count(
                    "api_tokens", where: "WHERE last_used_at IS NOT NULL AND name IN ('Court statistics', 'UN data')")
                    == 2)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func refusedValuesNameTheirFieldAndStoreNothing(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let schema = try await validator(app)
            let fixture = try await IndicatorFixture.make(app)
            let token = try await issue(app, fixture.ministry, "Court statistics", [.measurementsWrite])
            let path = "/api/v1/indicators/\(fixture.indicator)/measurements"
            let cases: [(String, String, String)] = [
                (#"{"value": "1,234", "date": "2019-06-30"}"#, "value", "can be read two ways"),
                (#"{"date": "2019-06-30"}"#, "value", "Enter a number"),
                (#"{"value": true, "date": "2019-06-30"}"#, "value", "wrong type"),
                (#"{"value": "12", "date": "2099-01-01"}"#, "date", "cannot be in the future"),
                (#"{"value": "12", "date": "30/06/2019"}"#, "date", "year-month-day"),
                (#"{"value": "12", "date": "2019-06-30", "unit": "%"}"#, "unit", "decisions"),
                (
                    #"{"value": "12", "date": "2019-06-30", "breakdown": {"age": {"0-17": 3}}}"#, "breakdown.age",
                    "does not declare"
                ),
                (
                    #"{"value": "12", "date": "2019-06-30", "breakdown": {"sex": {"female": "lots"}}}"#,
                    "breakdown.sex",
                    "category = number"
                ),
                (
                    #"{"value": "12", "date": "2019-06-30", "evidenceLink": "javascript:alert(1)"}"#, "evidenceLink",
                    "starting with http"
                ),
            ]
            for (body, field, message) in cases {
                let response = try await post(app, path, body, token: token)
                try expectProblem(response, .unprocessableEntity, field: field, schema)
                #expect(response.body.string.contains(message), "\(body): \(response.body.string)")
            }
            try expectProblem(try await post(app, path, "value=12", token: token), .badRequest, schema)
            #expect(try await app.count("measurements") == 0)
            #expect(try await app.count("audit_log", where: "WHERE entity = 'measurement'") == 0)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aTokenLivesUntilItExpiresOrIsRevokedAndOnlyItsHashIsStored(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let sql = try app.sql()
            let fixture = try await IndicatorFixture.make(app)
            let secret = try await issue(app, fixture.ministry, "Court statistics", [.measurementsWrite])
            let path = "/api/v1/indicators/\(fixture.indicator)/measurements"
            let store = APITokenStore(sql)
            let token = try #require(try await store.token(idOrName: "court statistics"))
            #expect(token.scopes == [.measurementsWrite])
            #expect(token.lastUsedAt == nil)
            #expect(token.state(today: Self.today) == .active)
            // Only the hash at rest: the secret is in no column of the tokens or of the audit log.
            #expect(try await store.token(hash: APITokenIssuer.hash(secret))?.id == token.id)
            for table in ["api_tokens", "audit_log"] {
                for row in try await sql.raw("SELECT * FROM \(unsafeRaw: table)").all() {
                    for column in row.allColumns {
                        let text = (try? row.decode(column: column, as: String?.self)) ?? nil
                        #expect(text?.contains(secret) != true, "\(table).\(column) holds the secret")
                        #expect(text?.contains(secret.dropFirst(4).prefix(20)) != true)
                    }
                }
            }
            #expect(try await post(app, path, Self.body, token: secret).status == .created)
            #expect(try await store.token(id: token.id)?.lastUsedAt != nil)

            // Expired: its last day is behind it.
            let yesterday = Timestamp.day(Date().addingTimeInterval(-86_400))
            try await sql.raw("UPDATE api_tokens SET expires_on = \(bind: yesterday) WHERE id = \(bind: token.id)")
                .run()
            let expired = try await post(app, path, Self.body, token: secret)
            #expect(expired.status == .unauthorized)
            #expect(expired.body.string.contains("expired"))
            #expect(expired.headers.first(name: "WWW-Authenticate")?.contains("invalid_token") == true)
            try await sql.raw("UPDATE api_tokens SET expires_on = NULL WHERE id = \(bind: token.id)").run()
            #expect(try await post(app, path, Self.body, token: secret).status == .created)

            // Revoked, at once and for good; revoking again changes nothing.
            #expect(try await store.revoke(token.id, actor: "test"))
            #expect(try await store.revoke(token.id, actor: "test") == false)
            let revoked = try await post(app, path, Self.body, token: secret)
            #expect(revoked.status == .unauthorized)
            #expect(revoked.body.string.contains("revoked"))
            #expect(try await store.token(id: token.id)?.state(today: Self.today) == .revoked)
            let audit = try await sql.raw(
                "SELECT action FROM audit_log WHERE entity = 'api-token' ORDER BY id"
            ).all().map { try $0.decode(column: "action", as: String.self) }
            #expect(audit == ["create", "revoke"])

            // What a new token is refused for.
            let refusals: [(String, Set<APIScope>, CalendarDay?, Int, String)] = [
                ("Court statistics", [.read], nil, fixture.ministry, "apiToken.error.nameTaken"),
                ("", [.read], nil, fixture.ministry, "form.error.required"),
                ("No scope", [], nil, fixture.ministry, "apiToken.error.scopes"),
                ("Past", [.read], CalendarDay("2001-01-01"), fixture.ministry, "apiToken.error.expiresPast"),
                ("Nobody's", [.read], nil, 424_242, "apiToken.error.organisation"),
            ]
            for (name, scopes, expires, organisation, key) in refusals {
                do {
                    _ = try await issue(app, organisation, name, scopes, expiresOn: expires)
                    Issue.record("\(name) was made")
                } catch StoreError.invalid(_, let messageKey) {
                    #expect(messageKey == key)
                }
            }
        }
    }

    /// Last use is written at most once a minute: a busy data partner costs one small write a minute.
    @Test(arguments: TestDatabase.allCases)
    func lastUseIsNotedAtMostOnceAMinute(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let store = APITokenStore(try app.sql())
            let organisation = try await organisationID(app, "Ministry of Justice and Home Affairs")
            _ = try await issue(app, organisation, "Reader", [.read])
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            var token = try #require(try await store.token(idOrName: "Reader"))
            try await store.noteUse(token, at: start)
            token = try #require(try await store.token(id: token.id))
            #expect(token.lastUsedAt == Timestamp.string(start))
            try await store.noteUse(token, at: start.addingTimeInterval(30))
            #expect(try await store.token(id: token.id)?.lastUsedAt == Timestamp.string(start))
            try await store.noteUse(token, at: start.addingTimeInterval(61))
            #expect(try await store.token(id: token.id)?.lastUsedAt == Timestamp.string(start.addingTimeInterval(61)))
        }
    }

    /// A retried POST with the same key changes nothing and answers as the first did, from either instance on the
    /// database; the same key with another body is refused.
    @Test(arguments: TestDatabase.allCases)
    func anIdempotencyKeyReplaysTheFirstAnswerAcrossInstances(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let schema = try await validator(app)
            let fixture = try await IndicatorFixture.make(app)
            let token = try await issue(app, fixture.ministry, "Court statistics", [.measurementsWrite])
            let path = "/api/v1/indicators/\(fixture.indicator)/measurements"
            let first = try await post(app, path, Self.body, token: token, key: "load-2019-06-30")
            #expect(first.status == .created)
            let again = try await post(app, path, Self.body, token: token, key: "load-2019-06-30")
            #expect(again.status == .created)
            #expect(again.body.string == first.body.string)
            #expect(again.headers.first(name: .location) == first.headers.first(name: .location))
            #expect(again.headers.contentType == first.headers.contentType)
            #expect(try await app.count("measurements") == 1)
            #expect(try await app.count("idempotency_keys") == 1)
            #expect(try await app.count("audit_log", where: "WHERE entity = 'measurement'") == 1)

            try await withSecondInstance(of: app) { second in
                let replay = try await post(second, path, Self.body, token: token, key: "load-2019-06-30")
                #expect(replay.status == .created)
                #expect(replay.body.string == first.body.string)
                #expect(replay.headers.first(name: .location) == first.headers.first(name: .location))
                let changed = try await post(
                    second, path, #"{"value": "43", "date": "2019-06-30"}"#, token: token, key: "load-2019-06-30")
                try expectProblem(changed, .unprocessableEntity, field: "Idempotency-Key", schema)
                let next = try await post(second, path, Self.body, token: token, key: "load-2019-07-31")
                #expect(next.status == .created)
                #expect(next.body.string != first.body.string)
            }
            try expectProblem(
                try await post(app, path, Self.body, token: token, key: String(repeating: "k", count: 256)),
                .unprocessableEntity, field: "Idempotency-Key", schema)
            // Without a key, each request is a new measurement.
            #expect(try await post(app, path, Self.body, token: token).status == .created)
            #expect(try await app.count("measurements") == 3)
            #expect(try await app.count("idempotency_keys") == 2)
        }
    }

    /// Only the secretariat manages tokens; the forms need the CSRF token; the secret is shown once.
    @Test(arguments: TestDatabase.allCases)
    func theAdministratorMakesListsAndRevokesTokens(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let ministry = try await organisationID(app, "Ministry of Justice and Home Affairs")
            let admin = try await Browser.signIn(app, email: "admin@demo.upr")
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            let focal = try await Browser.signIn(app, email: "focal@demo.upr")
            #expect(try await cso.get(app, "/admin/tokens").status == .forbidden)
            #expect(try await focal.get(app, "/admin/tokens").status == .forbidden)
            let anonymous = try await Browser.anonymous.get(app, "/admin/tokens")
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers.first(name: .location)?.hasPrefix("/login") == true)
            let page = try await admin.get(app, "/admin/tokens")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("measurements:write"))
            #expect(try await admin.get(app, "/admin").body.string.contains("href=\"/admin/tokens\""))

            let form = [
                ("name", "Court statistics"), ("organisationID", String(ministry)),
                ("scopes[]", "measurements:write"), ("scopes[]", "read"), ("expires", "2099-12-31"),
            ]
            #expect(try await admin.post(app, "/admin/tokens", form, csrf: false).status == .forbidden)
            #expect(try await cso.post(app, "/admin/tokens", form).status == .forbidden)
            #expect(try await app.count("api_tokens") == 0)

            let made = try await admin.post(app, "/admin/tokens", form)
            #expect(made.status == .ok)
            let html = made.body.string
            let range = try #require(html.range(of: #"upr_[A-Za-z0-9_-]{43}"#, options: .regularExpression))
            let secret = String(html[range])
            let token = try #require(try await APITokenStore(try app.sql()).token(hash: APITokenIssuer.hash(secret)))
            #expect(token.scopes == [.read, .measurementsWrite])
            #expect(token.expiresOn == CalendarDay("2099-12-31"))
            #expect(token.createdBy.hasPrefix("admin@demo.upr"))
            let list = try await admin.get(app, "/admin/tokens")
            #expect(list.body.string.contains("Court statistics"))
            #expect(!list.body.string.contains(secret), "the secret is shown once only")

            let refused = try await admin.post(
                app, "/admin/tokens", [("name", "No scope"), ("organisationID", String(ministry))])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Choose at least one scope."))
            #expect(refused.body.string.contains("href=\"#f-scopes\""))

            #expect(try await cso.post(app, "/admin/tokens/\(token.id)/revoke", []).status == .forbidden)
            #expect(try await admin.post(app, "/admin/tokens/\(token.id)/revoke", [], csrf: false).status == .forbidden)
            #expect(try await admin.post(app, "/admin/tokens/424242/revoke", []).status == .notFound)
            let revoked = try await admin.post(app, "/admin/tokens/\(token.id)/revoke", [])
            #expect(revoked.status == .seeOther)
            #expect(try await APITokenStore(try app.sql()).token(id: token.id)?.revokedAt != nil)
            #expect(try await admin.get(app, "/admin/tokens").body.string.contains("Revoked"))
            let audit = try await app.sql().raw(
                "SELECT actor, action FROM audit_log WHERE entity = 'api-token' ORDER BY id"
            ).all()
            #expect(try audit.map { try $0.decode(column: "action", as: String.self) } == ["create", "revoke"])
            #expect(
                try audit.allSatisfy { try $0.decode(column: "actor", as: String.self).hasPrefix("admin@demo.upr") })
        }
    }

    /// `upr token create`, `list` and `revoke`: the secret printed once, only its hash in the file.
    @Test(arguments: TestDatabase.allCases)
    func tokensFromTheCommandLine(_ database: TestDatabase) async throws {
        let cli = CommandLineTests()
        try await cli.withDatabase(database) { db in
            #expect(
                try await cli.upr([
                    "organisation", "add", "Ministry of Justice", "--kind", "ministry", "--database", db,
                ])
                .status == 0)
            let made = try await cli.upr([
                "token", "create", "--organisation", "ministry of justice", "--scope", "measurements:write", "--scope",
                "read", "--expires", "2099-12-31", "--name", "Court system", "--database", db,
            ])
            #expect(made.status == 0, "\(made.stderr)")
            let secret = made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(secret.hasPrefix("upr_") && secret.count == 47, "\(made.stdout)")
            #expect(made.stderr.contains("shown only this once"))
            let list = try await cli.upr(["token", "list", "--database", db])
            #expect(
                list.stdout.contains(
                    "active\tCourt system\tMinistry of Justice\tread measurements:write\t2099-12-31\tnever"),
                "\(list.stdout)")
            #expect(!list.stdout.contains(secret))
            if database == .sqlite {
                for suffix in ["", "-wal"] {
                    let bytes = (try? Data(contentsOf: URL(fileURLWithPath: db + suffix))) ?? Data()
                    #expect(bytes.range(of: Data(secret.utf8)) == nil, "the secret is in the database file")
                }
            }
            let unknown = try await cli.upr([
                "token", "create", "--organisation", "Nobody", "--scope", "read", "--database", db,
            ])
            #expect(unknown.status != 0)
            #expect(unknown.stderr.contains("No organisation named"))
            let badScope = try await cli.upr([
                "token", "create", "--organisation", "Ministry of Justice", "--scope", "write", "--database", db,
            ])
            #expect(badScope.status != 0)
            let taken = try await cli.upr([
                "token", "create", "--organisation", "Ministry of Justice", "--scope", "read", "--name", "court system",
                "--database", db,
            ])
            #expect(taken.status != 0)
            #expect(taken.stderr.contains("Another token has this name."))
            let revoked = try await cli.upr(["token", "revoke", "Court system", "--database", db])
            #expect(revoked.stdout.contains("Token Court system revoked."), "\(revoked.stderr)")
            let twice = try await cli.upr(["token", "revoke", "1", "--database", db])
            #expect(twice.stdout.contains("already revoked"))
            #expect(
                try await cli.upr(["token", "list", "--database", db]).stdout.hasPrefix("1\trevoked\tCourt system"))
            #expect(try await cli.upr(["token", "revoke", "nothing", "--database", db]).status != 0)
        }
    }
}
