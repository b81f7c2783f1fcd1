import Foundation
import Testing
import UPRStore
import UPRWeb
import VaporTesting

/// Imports in the browser (issue 13, part 2): upload, preview per state, apply, cancel, the job queue shared by
/// instances, the history, and what is refused.
@Suite struct WebImportTests {
    static let tonga = Fixture.url("tonga-cycle2-unlabelled.csv")

    static func part(_ url: URL, name: String? = nil) throws -> UploadPart {
        let bytes = try [UInt8](Data(contentsOf: url))
        return UploadPart(
            name: "file", fileName: name ?? url.lastPathComponent, contentType: "text/csv", bytes: bytes)
    }

    /// The job id in the address a successful upload sends the browser to.
    static func jobID(_ response: TestingHTTPResponse) throws -> Int {
        let location = try #require(response.headers.first(name: .location))
        #expect(location.hasPrefix("/admin/import/jobs/"))
        return try #require(Int(location.split(separator: "/").last ?? ""))
    }

    /// The Tonga rows with the response of the first one changed: one record updated, the rest unchanged.
    static func tongaWithOneChange() throws -> UploadPart {
        let bytes = try [UInt8](Data(contentsOf: tonga))
        // The first data row, between the first two line feeds (the file's lines end in CR LF).
        let start = try #require(bytes.firstIndex(of: 0x0A)) + 1
        let end = try #require(bytes[start...].firstIndex(of: 0x0A))
        let row = String(decoding: bytes[start..<end], as: UTF8.self)
        let changed = row.replacingOccurrences(of: ",Accepted,", with: ",Noted,")
        #expect(changed != row)
        return UploadPart(
            name: "file", fileName: "tonga-changed.csv", contentType: "text/csv",
            bytes: Array(bytes[..<start]) + Array(changed.utf8) + Array(bytes[end...]))
    }

    @Test(arguments: TestDatabase.allCases)
    func uploadPreviewApplyHistory(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let admin = try await Browser.signIn(app, email: "admin@demo.upr")
            let recommendations = try await app.count("recommendations")
            let imports = try await app.count("imports")

            // Upload: the preview is the real write, rolled back.
            let upload = try await admin.postMultipart(app, "/admin/import", [], file: try Self.part(Self.tonga))
            #expect(upload.status == .seeOther)
            let id = try Self.jobID(upload)
            #expect(try await app.count("recommendations") == recommendations)
            #expect(try await app.count("imports") == imports)
            let job = try #require(try await ImportJobStore(app.sql()).job(id))
            #expect(job.status == .previewed)
            let summary = try #require(job.preview?.summaries.first)
            let tonga = try #require(summary.states["Tonga"])
            #expect(summary.states.count == 1)
            #expect(tonga.created > 100)
            #expect(tonga.created == summary.created)
            #expect(tonga.updated == 0 && tonga.unchanged == 0)
            let page = try await admin.get(app, "/admin/import/jobs/\(id)")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Tonga"))
            #expect(page.body.string.contains(String(tonga.created)))
            #expect(page.body.string.contains("/admin/import/jobs/\(id)/apply"))

            // Apply: the records exist, the history lists the import, the audit log names the file and its hash.
            let apply = try await admin.post(app, "/admin/import/jobs/\(id)/apply", [])
            #expect(apply.status == .seeOther)
            #expect(try await app.count("recommendations") == recommendations + tonga.created)
            let applied = try #require(try await ImportJobStore(app.sql()).job(id))
            #expect(applied.status == .applied)
            let importID = try #require(applied.importIDs.first)
            let audit = try await app.count(
                "audit_log", where: "WHERE action = 'import' AND details LIKE '%\(applied.sha256)%'")
            #expect(audit == 1)
            let history = try await admin.get(app, "/admin/imports")
            #expect(history.status == .ok)
            #expect(history.body.string.contains("tonga-cycle2-unlabelled.csv"))
            #expect(history.body.string.contains("/admin/imports/\(importID)"))
            let record = try await admin.get(app, "/admin/imports/\(importID)")
            #expect(record.status == .ok)
            #expect(record.body.string.contains(applied.sha256))

            // Applying twice is refused and writes nothing.
            let again = try await admin.post(app, "/admin/import/jobs/\(id)/apply", [])
            #expect(again.status == .conflict)
            #expect(try await app.count("recommendations") == recommendations + tonga.created)
            #expect(try await app.count("imports") == imports + 1)

            // The provenance on a recommendation's page links to its import.
            let recID = try #require(
                try await app.sql().raw(
                    "SELECT recommendation_id AS id FROM provenance WHERE import_id = \(bind: importID) LIMIT 1"
                ).first()?.decode(column: "id", as: Int.self))
            let recPage = try await admin.get(app, "/recommendations/\(recID)")
            #expect(recPage.body.string.contains("href=\"/admin/imports/\(importID)\""))

            // The same file with one response changed: one updated, the rest unchanged, nothing created.
            let changed = try await admin.postMultipart(app, "/admin/import", [], file: try Self.tongaWithOneChange())
            let second = try #require(try await ImportJobStore(app.sql()).job(try Self.jobID(changed)))
            let counts = try #require(second.preview?.summaries.first?.states["Tonga"])
            #expect(counts.created == 0)
            #expect(counts.updated == 1)
            #expect(counts.unchanged == tonga.created - 1)

            // Cancel: the kept file is deleted and nothing is written.
            let cancel = try await admin.post(app, "/admin/import/jobs/\(second.id)/cancel", [])
            #expect(cancel.status == .seeOther)
            #expect(try await ImportJobStore(app.sql()).job(second.id) == nil)
            #expect(try await app.count("imports") == imports + 1)
            #expect(try await app.count("recommendations") == recommendations + tonga.created)
            let cancelledApply = try await admin.post(app, "/admin/import/jobs/\(second.id)/apply", [])
            #expect(cancelledApply.status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aUHRIWorkbookIsPreviewedAndApplied(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let admin = try await Browser.signIn(app, email: "admin@demo.upr")
            let before = try await app.count("recommendations")
            var part = try Self.part(UHRIImportTests.xlsx, name: "uhri-export.xlsx")
            part.contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            let upload = try await admin.postMultipart(app, "/admin/import", [], file: part)
            #expect(upload.status == .seeOther, "\(upload.body.string)")
            let id = try Self.jobID(upload)
            let job = try #require(try await ImportJobStore(app.sql()).job(id))
            #expect(job.status == .previewed, "\(job.error ?? "")")
            #expect(job.format == "uhri-xlsx")
            let summary = try #require(job.preview?.summaries.first)
            let mongolia = try #require(summary.states["Mongolia"])
            #expect(summary.states.count == 1)
            #expect(mongolia.created + mongolia.updated + mongolia.unchanged == 40)
            // The demo holds Mongolia's first review from UPR Info: its twenty paragraphs are found there.
            #expect(mongolia.created == 20)
            #expect(!summary.termsAdded.isEmpty)
            let page = try await admin.get(app, "/admin/import/jobs/\(id)")
            #expect(page.body.string.contains("New terms"))
            #expect(page.body.string.contains("D25 Prohibition of torture"))
            #expect(try await app.count("recommendations") == before)

            let apply = try await admin.post(app, "/admin/import/jobs/\(id)/apply", [])
            #expect(apply.status == .seeOther)
            #expect(try await app.count("recommendations") == before + 20)
            let concern = try #require(
                try await app.sql().raw("SELECT id FROM recommendations WHERE kind = 'concern-observation' LIMIT 1")
                    .first()?.decode(column: "id", as: Int.self))
            let concernPage = try await admin.get(app, "/recommendations/\(concern)")
            #expect(concernPage.status == .ok)
            #expect(concernPage.body.string.contains("Concern or observation"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func refusedFilesChangeNothing(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let admin = try await Browser.signIn(app, email: "admin@demo.upr")
            let imports = try await app.count("imports")
            let audit = try await app.count("audit_log")
            let unreadable = UploadPart(
                name: "file", fileName: "notes.csv", contentType: "text/csv", bytes: Array("hello,world\n1,2\n".utf8))
            let refused = try await admin.postMultipart(app, "/admin/import", [], file: unreadable)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("notes.csv"))
            #expect(refused.body.string.contains("id=\"f-file-error\""))
            #expect(refused.body.string.contains("href=\"#f-file\""))
            let none = try await admin.postMultipart(app, "/admin/import", [], file: nil)
            #expect(none.status == .unprocessableEntity)
            #expect(none.body.string.contains("Choose a file to upload."))

            // A filled plan matrix is sent to its own page.
            let matrix = try await admin.get(app, "/plan/export.csv?state=Mongolia")
            let matrixPart = UploadPart(
                name: "file", fileName: "plan.csv", contentType: "text/csv", bytes: Array(matrix.body.readableBytesView)
            )
            let sent = try await admin.postMultipart(app, "/admin/import", [], file: matrixPart)
            #expect(sent.status == .unprocessableEntity)
            #expect(sent.body.string.contains("href=\"/plan/import\""))

            // Larger than the installation's limit.
            app.site.importMaxBytes = 1_000
            let big = try await admin.postMultipart(app, "/admin/import", [], file: try Self.part(Self.tonga))
            #expect(big.status == .unprocessableEntity)
            #expect(big.body.string.contains("larger than"))

            #expect(try await app.count("import_jobs") == 0)
            #expect(try await app.count("imports") == imports)
            #expect(try await app.count("audit_log") == audit)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func onlyAdministratorsWithTheirTokenReachImports(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let admin = try await Browser.signIn(app, email: "admin@demo.upr")
            let upload = try await admin.postMultipart(app, "/admin/import", [], file: try Self.part(Self.tonga))
            let id = try Self.jobID(upload)
            let importID = try #require(
                try await app.sql().raw("SELECT MAX(id) AS id FROM imports").first()?.decode(
                    column: "id", as: Int.self))
            for email in ["cso@demo.upr", "focal@demo.upr"] {
                let other = try await Browser.signIn(app, email: email)
                for path in [
                    "/admin/imports", "/admin/imports/\(importID)", "/admin/import", "/admin/import/jobs/\(id)",
                ] {
                    #expect(try await other.get(app, path).status == .forbidden, "GET \(path) as \(email)")
                }
                for path in ["/admin/import/jobs/\(id)/apply", "/admin/import/jobs/\(id)/cancel"] {
                    #expect(try await other.post(app, path, []).status == .forbidden, "POST \(path) as \(email)")
                }
                let posted = try await other.postMultipart(app, "/admin/import", [], file: try Self.part(Self.tonga))
                #expect(posted.status == .forbidden)
                let recPage = try await other.get(app, "/recommendations/1")
                #expect(!recPage.body.string.contains("/admin/imports/"))
            }
            var forged = admin
            forged.csrf = "not-the-token-not-the-token-0123456789"
            #expect(try await forged.post(app, "/admin/import/jobs/\(id)/apply", []).status == .forbidden)
            #expect(try await forged.post(app, "/admin/import/jobs/\(id)/cancel", []).status == .forbidden)
            #expect(
                try await forged.postMultipart(app, "/admin/import", [], file: try Self.part(Self.tonga)).status
                    == .forbidden)
            #expect(try await ImportJobStore(app.sql()).job(id)?.status == .previewed)
            #expect(try await app.count("import_jobs") == 1)
        }
    }

    /// A large file: its preview and its application are queued; two instances on one database race for each job
    /// and exactly one runs it.
    @Test(arguments: TestDatabase.allCases)
    func aQueuedJobRunsOnceOnOneOfTwoInstances(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            app.site.importJobBytes = 0
            let admin = try await Browser.signIn(app, email: "admin@demo.upr")
            let recommendations = try await app.count("recommendations")
            let imports = try await app.count("imports")
            let upload = try await admin.postMultipart(app, "/admin/import", [], file: try Self.part(Self.tonga))
            let id = try Self.jobID(upload)
            let waiting = try await admin.get(app, "/admin/import/jobs/\(id)")
            #expect(waiting.body.string.contains("<meta http-equiv=\"refresh\""))
            #expect(waiting.body.string.contains("<progress"))
            #expect(try await ImportJobStore(app.sql()).job(id)?.status == .queued)

            try await withSecondInstance(of: app) { second in
                @Sendable func race() async throws -> [Bool] {
                    async let first = ImportJobRunner.runNext(
                        on: app.db, instance: "one", staleAfter: 600, board: app.importProgress)
                    async let other = ImportJobRunner.runNext(
                        on: second.db, instance: "two", staleAfter: 600, board: second.importProgress)
                    return try await [first, other]
                }
                #expect(try await race().filter { $0 }.count == 1)
                let previewed = try #require(try await ImportJobStore(app.sql()).job(id))
                #expect(previewed.status == .previewed)
                #expect(previewed.attempts == 1)
                #expect(try await app.count("recommendations") == recommendations)

                let apply = try await admin.post(app, "/admin/import/jobs/\(id)/apply", [])
                #expect(apply.status == .seeOther)
                #expect(try await ImportJobStore(app.sql()).job(id)?.status == .queued)
                #expect(try await race().filter { $0 }.count == 1)
                let applied = try #require(try await ImportJobStore(app.sql()).job(id))
                #expect(applied.status == .applied)
                #expect(applied.attempts == 2)
                #expect(try await app.count("imports") == imports + 1)
                let created = try #require(previewed.preview?.summaries.first?.created)
                #expect(try await app.count("recommendations") == recommendations + created)
                #expect(try await race() == [false, false])
            }
        }
    }

    /// A job whose instance stopped (its claim is older than the timeout) is taken over; a fresh claim is not.
    @Test(arguments: TestDatabase.allCases)
    func aStaleClaimIsTakenOver(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let sql = try app.sql()
            let content = try Data(contentsOf: Self.tonga)
            let store = ImportJobStore(sql)
            let id = try await store.keep(
                fileName: "tonga.csv", sha256: "x", format: "upr-info", content: content, userID: nil,
                actor: "test", claimBy: "crashed")
            #expect(
                try await ImportJobRunner.runNext(
                    on: app.db, instance: "alive", staleAfter: 600, board: app.importProgress) == false)
            try await sql.raw("UPDATE import_jobs SET claimed_at = '2000-01-01T00:00:00Z' WHERE id = \(bind: id)").run()
            #expect(
                try await ImportJobRunner.runNext(
                    on: app.db, instance: "alive", staleAfter: 600, board: app.importProgress))
            let job = try #require(try await store.job(id))
            #expect(job.status == .previewed)
            #expect(job.attempts == 1)
            #expect(try await app.count("recommendations") == 0)
        }
    }
}
