import FluentKit
import SQLKit
import UPRDomain
import UPRLocalization
import UPRSpreadsheet
import UPRStore
import Vapor

/// Export of a matrix view (XLSX, CSV) and import of a filled matrix with a preview before anything changes.
enum MatrixTransferRoutes {

    static func export(_ request: Request, xlsx: Bool) async throws -> Vapor.Response {
        let scope = PlanMatrixView.scope(request)
        let sql = try request.sql()
        let matrix = try await PlanMatrix.load(
            scope, includeDrafts: Authorization.allows(request.actor, .readDrafts), on: sql)
        let t = request.t
        let title = try await t("plan.title") + " – " + scopeName(scope, on: sql)
        let document = MatrixTransfer.document(matrix, title: title, response: t.response)
        let name = "implementation-plan-" + Slug.make(try await scopeName(scope, on: sql))
        if xlsx { return SpreadsheetFormat.xlsx.download(.init(data: ImplementationMatrix.xlsx(document)), name: name) }
        return SpreadsheetFormat.csv.download(.init(string: ImplementationMatrix.csv(document)), name: name)
    }

    static func scopeName(_ scope: PlanMatrix.Scope, on sql: any SQLDatabase) async throws -> String {
        switch scope {
        case .state(let name): return name
        case .workingGroup(let id):
            return try await OrganisationStore(sql).workingGroups().first { $0.id == id }?.name ?? "group-\(id)"
        case .leadOrganisation(let id):
            return try await OrganisationStore(sql).organisation(id)?.name ?? "organisation-\(id)"
        }
    }

    @Sendable static func showImport(_ request: Request) async throws -> Vapor.Response {
        try request.require(.importMatrix)
        return try await request.view.render("plan-import", PlanImportView.load(request)).encodeResponse(for: request)
    }

    struct UploadForm: Content {
        var file: File?
        var state: String?
        var _csrf: String?
    }

    /// Reads the file, stores it for the confirmation step, and shows what it would change.
    static let upload = FormPost(
        UploadForm.self, load: { _ in }, rule: .always(.importMatrix),
        write: { _, form, write in
            @Sendable func failure(_ field: String, _ message: String) -> FormPost<Void, UploadForm>.Next {
                .page { request in
                    try await request.render(
                        "plan-import",
                        PlanImportView.load(request, errors: [FieldError(field: field, message: message)]),
                        status: .unprocessableEntity)
                }
            }
            guard let file = form.file, file.data.readableBytes > 0 else {
                return failure("file", write.request.t("import.error.noFile"))
            }
            let data = Data(buffer: file.data)
            let document: MatrixDocument
            do throws(MatrixReadError) {
                document = try ImplementationMatrix.read(data, fileName: file.filename)
            } catch {
                return failure("file", error.description)
            }
            let state = (form.state ?? "").trimmingCharacters(in: .whitespaces)
            let plan = try await MatrixTransfer.plan(document, state: state, actor: write.principal, on: write.sql)
            let uploadID = try await MatrixUploadStore(write.sql).keep(
                fileName: file.filename, stateName: state, content: data, userID: write.principal.userID)
            return .page { request in
                let view = try await PlanImportView.load(request, plan: plan, uploadID: uploadID)
                return try await request.view.render("plan-import", view).encodeResponse(for: request)
            }
        })

    /// Applies a previewed upload, all rows or none. The plan is worked out again, so what changed in between counts.
    static let apply = FormPost(
        VersionForm.self,
        load: { request in
            guard let id = request.parameters.get("upload", as: Int.self),
                let upload = try await MatrixUploadStore(request.sql()).pending(
                    id, userID: try request.requireUser().account.id)
            else { throw Abort(.notFound) }
            return upload
        }, rule: .always(.importMatrix),
        write: { upload, _, write in
            let document = try ImplementationMatrix.read(upload.content, fileName: upload.fileName)
            let state = upload.stateName
            let plan = try await MatrixTransfer.plan(document, state: state, actor: write.principal, on: write.sql)
            guard plan.errors.isEmpty else {
                return .page { request in
                    let view = try await PlanImportView.load(request, plan: plan, uploadID: upload.id)
                    return try await request.view.render("plan-import", view).encodeResponse(for: request)
                }
            }
            let result = try await MatrixTransfer.apply(
                plan, userID: write.principal.userID, actor: write.actor, on: write.sql)
            try await MatrixUploadStore(write.sql).markApplied(upload.id)
            try await AuditLog.append(
                on: write.sql, actor: write.actor, action: "import", entity: .matrix, entityID: String(upload.id),
                summary: "Matrix imported for \(state): \(result.created) created, \(result.updated) updated")
            return .redirect(.plan(.state(state)))
        })
}
