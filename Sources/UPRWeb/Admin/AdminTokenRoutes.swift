import Foundation
import UPRDomain
import UPRStore
import Vapor

/// The administrator's API token pages: list, make (the secret shown once, on the page the form answers with),
/// revoke. Only the secretariat manages tokens; each change is audited by the store.
enum AdminTokenRoutes {
    @Sendable static func list(_ request: Request) async throws -> Vapor.Response {
        try request.require(.manageAPITokens)
        return try await request.render("admin-tokens", try await AdminTokensView.load(request), status: .ok)
    }

    struct TokenForm: Content {
        var name: String?
        var organisationID: String?
        var scopes: [String]?
        var expires: String?

        var typed: AdminTokensView.Typed {
            AdminTokensView.Typed(
                name: name ?? "", organisationID: organisationID.flatMap(Int.init),
                scopes: Set((scopes ?? []).compactMap(APIScope.init(rawValue:))), expires: expires ?? "")
        }
    }

    static let create = FormPost(
        TokenForm.self, load: { _ in }, rule: .always(.manageAPITokens),
        write: { _, form, write in
            let typed = form.typed
            var expiresOn: CalendarDay?
            if let text = form.expires?.nilIfBlank {
                guard let day = CalendarDay(text) else {
                    throw StoreError.invalid(field: "expires", messageKey: "form.error.date")
                }
                expiresOn = day
            }
            let issued = try await APITokenIssuer.issue(
                organisationID: typed.organisationID ?? 0, name: typed.name, scopes: typed.scopes,
                expiresOn: expiresOn, today: CalendarDay(Timestamp.day(Date()))!, actor: write.actor, on: write.sql)
            let name = typed.name.trimmingCharacters(in: .whitespacesAndNewlines)
            return .page { request in
                let view = try await AdminTokensView.load(request, secret: (name, issued.secret))
                let response = try await request.render("admin-tokens", view, status: .ok)
                response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
                return response
            }
        },
        refused: { request, _, form, errors in
            let t = request.t
            let labels = [
                "name": "apiToken.name", "organisation": "account.organisation", "scopes": "apiToken.scopes",
                "expires": "apiToken.expires",
            ]
            let named = errors.map { error in
                FieldError(
                    field: error.field == "organisation" ? "organisationID" : error.field,
                    message: (labels[error.field].map { t($0) + ": " } ?? "") + error.message)
            }
            return try await request.render(
                "admin-tokens", try await AdminTokensView.load(request, typed: form.typed, errors: named),
                status: .unprocessableEntity)
        })

    static let revoke = FormPost(
        VersionForm.self,
        load: { request in
            let id = try request.pathID()
            guard try await APITokenStore(try request.sql()).token(id: id) != nil else { throw Abort(.notFound) }
            return id
        }, rule: .always(.manageAPITokens),
        write: { id, _, write in
            try await APITokenStore(write.sql).revoke(id, actor: write.actor)
            return .redirect(.apiTokens)
        })
}
