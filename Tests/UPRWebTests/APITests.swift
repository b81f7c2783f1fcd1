import Foundation
import Testing
import UPRDomain
import UPRStore
import UPRWeb
import VaporTesting

/// Every API route, checked against the OpenAPI document the product serves.
@Suite struct APITests {
    func validator(_ app: Application) async throws -> JSONSchemaValidator {
        var data = Data()
        try await app.testing().test(.GET, "/api/v1/openapi.json") { response in
            #expect(response.status == .ok)
            data = Data(buffer: response.body)
        }
        let validator = try JSONSchemaValidator(openAPI: data)
        #expect(validator.document["openapi"] as? String == "3.1.0")
        return validator
    }

    func json(_ response: TestingHTTPResponse) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(buffer: response.body), options: [.fragmentsAllowed])
    }

    @Test(arguments: TestDatabase.allCases)
    func responsesMatchTheOpenAPIDocument(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            try await app.importFiles([Fixture.sloveniaCycle2])
            let schema = try await validator(app)
            let id = try await app.sql().raw("SELECT id FROM recommendations WHERE paragraph = '108.42'").first()!
                .decode(column: "id", as: Int.self)
            // A public comment, a reply marked as the formal answer, a hidden one and a members-only one.
            let sql = try app.sql()
            let author = try #require(try await AccountStore(sql).user(email: "admin@demo.upr"))
            let admin = Principal(userID: author.id, role: author.role, organisationID: author.organisationID)
            let comments = CommentStore(sql)
            let subject = CommentSubject(.recommendation, id)
            let first = try await comments.post(
                CommentDraft(subject: subject, body: "A proposal.", author: admin), actor: "t")
            _ = try await comments.post(
                CommentDraft(
                    subject: subject, parentID: first.id, body: "Agreed.", isFormalAnswer: true, author: admin),
                actor: "t")
            let hidden = try await comments.post(
                CommentDraft(subject: subject, body: "Off topic.", author: admin), actor: "t")
            try await comments.hide(hidden.id, version: 1, reason: "Advertising", hiddenBy: author.id, actor: "t")
            _ = try await comments.post(
                CommentDraft(subject: subject, body: "Internal.", visibility: .members, author: admin), actor: "t")
            let cases: [(String, String, String)] = [
                ("/api/v1/recommendations/\(id)/comments", "/api/v1/recommendations/{id}/comments", "200"),
                (
                    "/api/v1/recommendations?q=torture&state=Mongolia&response=supported&page=1",
                    "/api/v1/recommendations", "200"
                ),
                ("/api/v1/recommendations?cluster=women&per=5", "/api/v1/recommendations", "200"),
                ("/api/v1/recommendations/\(id)", "/api/v1/recommendations/{id}", "200"),
                ("/api/v1/stats", "/api/v1/stats", "200"),
                ("/api/v1/states", "/api/v1/states", "200"),
                ("/api/v1/states/Slovenia", "/api/v1/states/{name}", "200"),
                ("/api/v1/taxonomies", "/api/v1/taxonomies", "200"),
                ("/api/v1/taxonomies/theme", "/api/v1/taxonomies/{taxonomy}", "200"),
            ]
            for (url, path, status) in cases {
                try await app.testing().test(.GET, url) { response in
                    #expect(response.status.code == 200, "\(url)")
                    let errors = schema.validate(
                        try json(response), against: try schema.responseSchema(path: path, status: status))
                    #expect(errors.isEmpty, "\(url): \(errors.prefix(5))")
                }
            }
            // The thread in order: the proposal, its formal answer one level down, the hidden one without its text;
            // the members-only comment not at all.
            try await app.testing().test(.GET, "/api/v1/recommendations/\(id)/comments") { response in
                let body = try #require(try json(response) as? [String: Any])
                let items = try #require(body["comments"] as? [[String: Any]])
                #expect(items.map { $0["text"] as? String } == ["A proposal.", "Agreed.", nil])
                #expect(items.map { $0["depth"] as? Int } == [0, 1, 0])
                #expect(items.map { $0["formalAnswer"] as? Bool } == [false, true, false])
                #expect(items[2]["hiddenReason"] as? String == "Advertising")
                #expect(!response.body.string.contains("Off topic") && !response.body.string.contains("Internal."))
            }
            for (url, path, status) in [
                ("/api/v1/recommendations?cycle=0", "/api/v1/recommendations", "400"),
                ("/api/v1/recommendations?per=ten", "/api/v1/recommendations", "400"),
                ("/api/v1/recommendations/424242", "/api/v1/recommendations/{id}", "404"),
                ("/api/v1/recommendations/424242/comments", "/api/v1/recommendations/{id}/comments", "404"),
                ("/api/v1/states/Nowhere", "/api/v1/states/{name}", "404"),
            ] {
                try await app.testing().test(.GET, url) { response in
                    #expect(response.status.code == Int(status)!, "\(url)")
                    #expect(response.headers.contentType?.description.hasPrefix("application/problem+json") == true)
                    let errors = schema.validate(
                        try json(response),
                        against: try schema.responseSchema(
                            path: path, status: status, mediaType: "application/problem+json"))
                    #expect(errors.isEmpty, "\(url): \(errors)")
                }
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func filtersPagingAndCap(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await app.importFiles([Fixture.session9])
            try await app.testing().test(.GET, "/api/v1/recommendations?state=Mongolia&per=500") { response in
                let body = try #require(try json(response) as? [String: Any])
                #expect(body["total"] as? Int == 129)
                #expect(body["per"] as? Int == 100)
                #expect(body["pages"] as? Int == 2)
                #expect((body["items"] as? [Any])?.count == 100)
            }
            try await app.testing().test(.GET, "/api/v1/recommendations?state=mongolia&response=noted") { response in
                let body = try #require(try json(response) as? [String: Any])
                #expect(body["total"] as? Int == 3)
            }
            try await app.testing().test(.GET, "/api/v1/recommendations?recommendingState=France&state=Mongolia") {
                response in
                let body = try #require(try json(response) as? [String: Any])
                let items = try #require(body["items"] as? [[String: Any]])
                #expect(!items.isEmpty)
                #expect(items.allSatisfy { ($0["recommendingStates"] as? [String])?.contains("France") == true })
            }
            try await app.testing().test(.GET, "/api/v1/recommendations?q=torture&actionCategory=5&sort=state") {
                response in
                let body = try #require(try json(response) as? [String: Any])
                let items = try #require(body["items"] as? [[String: Any]])
                #expect(items.allSatisfy { $0["actionCategory"] as? Int == 5 })
                #expect(items.allSatisfy { ($0["text"] as? String)?.lowercased().contains("tortur") == true })
                let states = items.compactMap { $0["stateUnderReview"] as? String }
                #expect(states == states.sorted())
            }
            try await app.testing().test(.GET, "/api/v1/stats") { response in
                let body = try #require(try json(response) as? [String: Any])
                #expect(body["recommendations"] as? Int == 2012)
                let responses = try #require(body["byResponse"] as? [String: Int])
                #expect(responses["supported"] == 1527)
                #expect(responses["noted"] == 485)
                #expect((body["byState"] as? [String: Int])?["United States"] != nil)
            }
        }
    }

    /// The query parameters are validated exactly as the OpenAPI document types them (a fuzzer found `recurring=0`
    /// accepted though the document says boolean, and `session=316136` refused though it allowed it).
    @Test(arguments: TestDatabase.allCases)
    func validationAgreesWithTheDocument(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await app.importFiles([Fixture.session9])
            var document: [String: Any] = [:]
            try await app.testing().test(.GET, "/api/v1/openapi.json") {
                document = try #require(try json($0) as? [String: Any])
            }
            let paths = try #require(document["paths"] as? [String: Any])
            let list = try #require((paths["/api/v1/recommendations"] as? [String: Any])?["get"] as? [String: Any])
            let parameters = try #require(list["parameters"] as? [[String: Any]])
            func schema(_ name: String) throws -> [String: Any] {
                try #require(parameters.first { $0["name"] as? String == name }?["schema"] as? [String: Any])
            }
            #expect(try schema("recurring")["type"] as? String == "boolean")
            #expect(try schema("session")["maximum"] as? Int == 999)
            #expect(try schema("per")["maximum"] as? Int == 1_000_000)
            for (query, status) in [
                ("recurring=true", HTTPStatus.ok), ("recurring=false", .ok), ("recurring=0", .badRequest),
                ("recurring=yes", .badRequest), ("session=9", .ok), ("session=999", .ok),
                ("session=1000", .badRequest), ("session=316136", .badRequest), ("per=1000000", .ok),
                ("per=1000001", .badRequest), ("page=1000000", .ok), ("page=1000001", .badRequest),
                // An empty string is not one of a typed parameter's values (the fuzzer sent `sort=`); free text may
                // be empty.
                ("sort=", .badRequest), ("response=", .badRequest), ("response=-", .badRequest),
                ("response=accepted", .ok), ("kind=", .badRequest), ("cycle=", .badRequest),
                ("recurring=", .badRequest),
                ("q=", .ok), ("state=", .ok),
            ] {
                try await app.testing().test(.GET, "/api/v1/recommendations?" + query) { response in
                    #expect(response.status == status, "\(query)")
                    if status == .badRequest {
                        let name = String(query.prefix { $0 != "=" })
                        #expect(response.headers.contentType?.subType == "problem+json")
                        #expect(response.body.string.contains(name), "\(query): \(response.body.string)")
                    }
                }
            }
            // The list page's form sends its empty menus: there an empty value means any.
            try await app.testing().test(.GET, "/recommendations?sort=&kind=&cycle=&recurring=") {
                #expect($0.status == .ok)
            }
        }
    }

    /// A known address asked with a method it does not take answers 405 with the methods it does take.
    @Test(arguments: TestDatabase.allCases)
    func anUnregisteredMethodIsA405WithAllow(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            for path in ["/api/v1/stats", "/api/v1/recommendations/1", "/states"] {
                try await app.testing().test(.DELETE, path) { response in
                    #expect(response.status == .methodNotAllowed, "\(path)")
                    #expect(response.headers.first(name: .allow) == "GET", "\(path)")
                }
            }
            try await app.testing().test(.DELETE, "/api/v1/no-such-thing") { #expect($0.status == .notFound) }
            try await app.testing().test(.GET, "/api/v1/recommendations/999999") { #expect($0.status == .notFound) }
        }
    }
}
