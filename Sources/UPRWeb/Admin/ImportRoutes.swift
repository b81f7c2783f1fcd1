import Foundation
import SQLKit
import UPRDomain
import UPRSpreadsheet
import UPRStore
import Vapor

/// Imports in the browser (the secretariat's): upload any file `upr import` reads, see what it would change, apply
/// or cancel it; a large file's preview and application run as jobs of `upr serve`. And the history of imports.
enum ImportRoutes {
    @Sendable static func history(_ request: Request) async throws -> Vapor.Response {
        try await request.render("import-history", ImportHistoryView.load(request), status: .ok)
    }

    @Sendable static func record(_ request: Request) async throws -> Vapor.Response {
        try await request.render("import-record", ImportRecordView.load(request), status: .ok)
    }

    @Sendable static func showUpload(_ request: Request) async throws -> Vapor.Response {
        try request.require(.importRecords)
        return try await request.render("import-upload", ImportUploadView.load(request), status: .ok)
    }

    @Sendable static func job(_ request: Request) async throws -> Vapor.Response {
        try await request.render("import-job", ImportJobView.load(request), status: .ok)
    }

    struct UploadForm: Content {
        var file: File?
        var _csrf: String?
    }

    /// Work this request does itself (a small file), in the job rows it claims.
    private static func inlineInstance() -> String { "web:" + UUID().uuidString }

    /// Reads the file as `upr import` would and keeps it; nothing reaches the registry before it is applied. A file
    /// that cannot be imported is refused at the field, and nothing is kept.
    static let upload = FormPost(
        UploadForm.self, load: { _ in }, rule: .always(.importRecords),
        write: { _, form, write in
            let t = write.request.t
            let site = write.request.application.site
            @Sendable func refuse(_ key: String, _ arguments: [String: String] = [:], matrix: Bool = false)
                -> FormPost<Void, UploadForm>.Next
            {
                .page { request in
                    try await request.render(
                        "import-upload",
                        ImportUploadView.load(
                            request, errors: [FieldError(field: "file", message: t(key, arguments))], matrix: matrix),
                        status: .unprocessableEntity)
                }
            }
            guard let file = form.file, file.data.readableBytes > 0 else { return refuse("imports.error.noFile") }
            guard file.data.readableBytes <= site.importMaxBytes else {
                return refuse("imports.error.tooBig", ["size": ImportUploadView.megabytes(site.importMaxBytes, t)])
            }
            let data = Data(buffer: file.data)
            // A filled plan matrix (all ten annex headings) is read by its own page, which asks whose plan it is.
            if (try? ImplementationMatrix.read(data, fileName: file.filename)) != nil {
                return refuse("imports.error.matrix", matrix: true)
            }
            let batch: ImportBatch
            do {
                guard let first = try FileImport.parse([(file.filename, data)], format: nil).first else {
                    return refuse("imports.error.noFile")
                }
                batch = first
            } catch {
                let reason = (error as? FileImport.Failure)?.description ?? String(describing: error)
                return refuse("imports.error.unreadable", ["reason": reason])
            }
            let inline = data.count < site.importJobBytes ? inlineInstance() : nil
            let id = try await ImportJobStore(write.sql).keep(
                fileName: batch.fileName, sha256: batch.sha256, format: batch.format, content: data,
                userID: write.userID, actor: write.actor, claimBy: inline)
            try await AuditLog.append(
                on: write.sql, actor: write.actor, action: "import-upload", entity: .`import`,
                entityID: "job-\(id)", summary: "Uploaded \(batch.fileName) for a preview",
                details: ["file": batch.fileName, "sha256": batch.sha256, "format": batch.format])
            return .page { request in
                if let inline {
                    await ImportJobRunner.run(
                        id, task: .preview, instance: inline, on: request.db,
                        board: request.application.importProgress)
                }
                return request.redirect(to: SiteRoute.importJob(id).href, redirectType: .normal)
            }
        })

    /// The job the path names, or 404.
    @Sendable private static func loadJob(_ request: Request) async throws -> ImportJob {
        guard let job = try await ImportJobStore(request.sql()).job(try request.pathID()) else {
            throw Abort(.notFound)
        }
        return job
    }

    /// The job page again with a refusal (applied already, cancelled, being worked on): 409.
    @Sendable private static func refusal(_ request: Request, _ key: String) async throws -> Vapor.Response {
        let message = request.t(key)
        return try await request.render(
            "import-job", ImportJobView.load(request, errors: [FieldError(field: "apply", message: message)]),
            status: .conflict)
    }

    /// Applies the previewed file: exactly the kept content, once. A small file is written within the request; a
    /// large one is queued for a job loop and the page shows its progress.
    static let apply = FormPost(
        VersionForm.self, load: loadJob, rule: .always(.importRecords),
        write: { job, _, write in
            let site = write.request.application.site
            let inline = job.sizeBytes < site.importJobBytes ? inlineInstance() : nil
            guard try await ImportJobStore(write.sql).startApply(job.id, actor: write.actor, claimBy: inline) else {
                return .page { request in try await refusal(request, "imports.error.notWaiting") }
            }
            return .page { request in
                if let inline {
                    await ImportJobRunner.run(
                        job.id, task: .apply, instance: inline, on: request.db,
                        board: request.application.importProgress)
                }
                return request.redirect(to: SiteRoute.importJob(job.id).href, redirectType: .normal)
            }
        })

    /// Cancels a file that was not applied: it is deleted, and nothing it holds reaches the registry.
    static let cancel = FormPost(
        VersionForm.self, load: loadJob, rule: .always(.importRecords),
        write: { job, _, write in
            guard try await ImportJobStore(write.sql).cancel(job.id) else {
                return .page { request in try await refusal(request, "imports.error.notWaiting") }
            }
            try await AuditLog.append(
                on: write.sql, actor: write.actor, action: "import-cancel", entity: .`import`,
                entityID: "job-\(job.id)", summary: "Cancelled the import of \(job.fileName)",
                details: ["file": job.fileName, "sha256": job.sha256])
            return .redirect(.importUpload)
        })
}
