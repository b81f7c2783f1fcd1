import Foundation
import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// The administrator's page of API tokens: every token with its organisation, scopes, expiry, last use and state
/// (and a button that revokes an active one), the form that makes one, and a new token's secret, shown once.
struct AdminTokensView: Encodable {
    struct Token: Encodable {
        var name: String
        var organisation: String
        var scopes: String
        var created: String
        var expires: String
        var lastUsed: String
        var state: String
        var active: Bool
        var revokeAction: SiteRoute
        var revokeLabel: String
    }
    var layout: Layout
    var csrf: String
    var action: SiteRoute
    var tokens: [Token]
    var hasTokens: Bool
    var organisations: [SelectOption]
    var scopes: [SelectOption]
    var name: String
    var expires: String
    /// The secret of the token just made, and its name.
    var secret: String?
    var secretName: String?
    var errors: [FieldError]
    var hasErrors: Bool

    /// The form as typed, to show again with the reasons it was refused.
    struct Typed: Sendable {
        var name = ""
        var organisationID: Int?
        var scopes: Set<APIScope> = [.read]
        var expires = ""
    }

    static func load(
        _ request: Request, typed: Typed = Typed(), secret: (name: String, secret: String)? = nil,
        errors: [FieldError] = []
    ) async throws -> AdminTokensView {
        let sql = try request.sql()
        return build(
            request.page, tokens: try await APITokenStore(sql).tokens(),
            organisations: try await OrganisationStore(sql).organisations(), today: CalendarDay(Timestamp.day(Date()))!,
            typed: typed, secret: secret, errors: errors)
    }

    static func build(
        _ context: PageContext, tokens: [APIToken], organisations: [Organisation], today: CalendarDay,
        typed: Typed = Typed(), secret: (name: String, secret: String)? = nil, errors: [FieldError] = []
    ) -> AdminTokensView {
        let t = context.t
        return AdminTokensView(
            layout: Layout(context, title: t("apiToken.title"), section: .admin), csrf: context.csrf,
            action: .apiTokens,
            tokens: tokens.map { token in
                let state = token.state(today: today)
                return Token(
                    name: token.name, organisation: token.organisationName,
                    scopes: token.scopes.sorted().map(\.rawValue).joined(separator: ", "),
                    created: ImportTime.moment(token.createdAt, t) + " (" + token.createdBy + ")",
                    expires: token.expiresOn.map { t.day($0.description) } ?? t("apiToken.noExpiry"),
                    lastUsed: token.lastUsedAt.map { ImportTime.moment($0, t) } ?? t("apiToken.neverUsed"),
                    state: t(state.labelKey)
                        + (token.revokedAt.map { " " + ImportTime.moment($0, t) } ?? ""),
                    active: state == .active, revokeAction: .apiTokenRevoke(token.id),
                    revokeLabel: t("apiToken.revokeNamed", ["name": token.name]))
            },
            hasTokens: !tokens.isEmpty,
            organisations: organisations.map {
                SelectOption(value: String($0.id), label: $0.name, selected: $0.id == typed.organisationID)
            },
            scopes: APIScope.allCases.map {
                SelectOption(
                    value: $0.rawValue, label: $0.rawValue + " – " + t($0.labelKey),
                    selected: typed.scopes.contains($0))
            },
            name: typed.name, expires: typed.expires, secret: secret?.secret, secretName: secret?.name,
            errors: errors, hasErrors: !errors.isEmpty)
    }
}
