import UPRLocalization
import UPRStore
import Vapor

/// The upload form of the browser's import, with the files still waiting (queued, running or previewed).
struct ImportUploadView: Encodable {
    struct Pending: Encodable {
        var href: SiteRoute
        var fileName: String
        var status: String
        var uploaded: String
    }
    var layout: Layout
    var csrf: String
    var action: SiteRoute
    var history: SiteRoute
    var fileHint: String
    var errors: [FieldError]
    var hasErrors: Bool
    /// Set when the file was a filled plan matrix, which has its own import page.
    var matrixPage: SiteRoute?
    var pending: [Pending]
    var hasPending: Bool

    static func load(_ request: Request, errors: [FieldError] = [], matrix: Bool = false) async throws
        -> ImportUploadView
    {
        let open = try await ImportJobStore(request.sql()).open()
        return build(
            request.page, maxBytes: request.application.site.importMaxBytes, pending: open, errors: errors,
            matrix: matrix)
    }

    static func build(
        _ context: PageContext, maxBytes: Int, pending: [ImportJob], errors: [FieldError], matrix: Bool
    ) -> ImportUploadView {
        let t = context.t
        return ImportUploadView(
            layout: Layout(context, title: t("imports.upload.title"), section: .admin), csrf: context.csrf,
            action: .importUpload, history: .importHistory(),
            fileHint: t("imports.upload.hint", ["size": ImportUploadView.megabytes(maxBytes, t)]),
            errors: errors, hasErrors: !errors.isEmpty, matrixPage: matrix ? .planImport : nil,
            pending: pending.map {
                Pending(
                    href: .importJob($0.id), fileName: $0.fileName, status: t("imports.status.\($0.status.rawValue)"),
                    uploaded: ImportTime.moment($0.createdAt, t))
            }, hasPending: !pending.isEmpty)
    }

    /// A size in megabytes (kilobytes below one), as the form's hint, the refusal and the job page say it.
    static func megabytes(_ bytes: Int, _ t: Translator) -> String {
        guard bytes >= 1_048_576 else { return t("imports.kilobytes", ["size": t.decimal(Double(bytes) / 1_024)]) }
        return t("imports.megabytes", ["size": t.decimal(Double(bytes) / 1_048_576)])
    }
}
