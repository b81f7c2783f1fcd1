import Foundation
import Testing
import UPRStore
import UPRWeb
import VaporTesting

/// The refusal path every form shares (`FormPost`): a refused form comes back as its page with every problem
/// named, a 422, and nothing written, neither the record nor its audit line.
@Suite struct FormPostTests {
    /// A form that checks several fields before writing names them all at once, each linked to its field.
    @Test(arguments: TestDatabase.allCases)
    func severalProblemsComeBackTogether(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let admin = try await Browser.signIn(app, email: "admin@demo.upr")
            let users = try await app.count("users")
            let audited = try await app.count("audit_log")
            let response = try await admin.post(
                app, "/admin/users",
                [("email", "not-an-address"), ("name", " "), ("role", "emperor"), ("password", "x")])
            #expect(response.status == .unprocessableEntity)
            let html = response.body.string
            for field in ["user-email", "user-name", "user-role", "user-password"] {
                #expect(html.contains("href=\"#f-\(field)\""), "\(field)")
            }
            #expect(try await app.count("users") == users)
            #expect(try await app.count("audit_log") == audited)
        }
    }

    /// A value the store refuses comes back the same way, under the name the page gives the field.
    @Test(arguments: TestDatabase.allCases)
    func storeRefusalWritesNothing(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let admin = try await Browser.signIn(app, email: "admin@demo.upr")
            let organisations = try await app.count("organisations")
            let audited = try await app.count("audit_log")
            let response = try await admin.post(
                app, "/admin/organisations", [("name", ""), ("kind", "government-agency")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("href=\"#f-org-name\""))
            #expect(try await app.count("organisations") == organisations)
            #expect(try await app.count("audit_log") == audited)
        }
    }

    /// The new organisation's form checks its kind before the store sees it; that refusal links to the kind field
    /// of the admin page like the store's (it linked to `#f-kind`, which no element of the page has).
    @Test(arguments: TestDatabase.allCases)
    func aRefusedKindLinksToItsField(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let admin = try await Browser.signIn(app, email: "admin@demo.upr")
            let response = try await admin.post(app, "/admin/organisations", [("name", "New NGO"), ("kind", "club")])
            #expect(response.status == .unprocessableEntity)
            let html = response.body.string
            #expect(html.contains("href=\"#f-org-kind\""))
            #expect(html.contains("id=\"f-org-kind\""))
        }
    }
}
