import Foundation
import Leaf
import LeafKit
import Testing
import UPRDomain
import UPRLocalization
import VaporTesting

@testable import UPRStore
@testable import UPRWeb

/// The administrator's pages, the sign-in and account forms, the calendar settings, the error page and the
/// agreements' pages are functions of what the store read and a `PageContext`: these build them with no server, no
/// database and no request, in both languages, and render some through the site's own templates.
@Suite struct AccountAndAdminPageTests {
    static let administrator = Principal(userID: 1, role: .administrator, organisationID: nil)

    static func context(_ language: Language, principal: Principal? = administrator, csrf: String = "page-token")
        -> PageContext
    {
        PageContext(
            language: language, principal: principal, userName: principal == nil ? nil : "Bat", csrf: csrf,
            here: "/admin")
    }

    static let ministry = Organisation(
        id: 1, name: "Ministry of Justice and Home Affairs", kind: .ministry, representsState: nil, validFrom: nil,
        validTo: nil, version: 3,
        formerNames: [
            .init(name: "Ministry of Justice", validFrom: "2012-08-01", validTo: "2014-01-01"),
            .init(name: "Ministry of Justice and Home Affairs", validFrom: "2014-01-01", validTo: nil),
        ], workingGroupIDs: [1])
    static let forum = Organisation(
        id: 2, name: "Open Society Forum", kind: .cso, representsState: nil, validFrom: nil, validTo: nil,
        version: 1, formerNames: [.init(name: "Open Society Forum", validFrom: nil, validTo: nil)],
        workingGroupIDs: [1])
    static let closed = Organisation(
        id: 3, name: "Closed Committee", kind: .coordinatingBody, representsState: nil, validFrom: nil,
        validTo: "2015-01-01", version: 1, formerNames: [], workingGroupIDs: [])
    static let justiceGroup = WorkingGroup(
        id: 1, name: "Justice working group", cluster: .justice, version: 2, memberIDs: [2, 1])

    static func account(
        id: Int = 7, name: String = "Bat", role: Role = .csoMember, organisationID: Int? = 2,
        totpSecret: String? = nil, totpEnabled: Bool = false, active: Bool = true
    ) -> UserAccount {
        UserAccount(
            id: id, email: "\(name.lowercased())@demo.upr", name: name, passwordHash: "-", role: role,
            organisationID: organisationID, organisationName: organisationID == nil ? nil : "Open Society Forum",
            totpSecret: totpSecret, totpEnabled: totpEnabled, totpLastCounter: nil, active: active, version: 4)
    }

    // MARK: Rendering through the templates

    /// The site's templates, read from the module's resources, rendered with its own tags (English: the `#t` tag
    /// takes its language from a request, and there is none here).
    struct SiteTemplates: LeafSource {
        func file(template: String, escape: Bool, on eventLoop: any EventLoop) throws -> EventLoopFuture<ByteBuffer> {
            let path = SiteResources.viewsDirectory + template + ".leaf"
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw LeafError(.noTemplateExists(template))
            }
            return eventLoop.makeSucceededFuture(ByteBuffer(string: text))
        }
    }

    static func render(_ template: String, _ view: some Encodable) async throws -> String {
        var tags = LeafKit.defaultTags
        tags["t"] = TranslateTag()
        tags["html"] = HTMLTag()
        let renderer = LeafRenderer(
            configuration: LeafConfiguration(rootDirectory: SiteResources.viewsDirectory), tags: tags,
            cache: DefaultLeafCache(), sources: .singleSource(SiteTemplates()),
            eventLoop: MultiThreadedEventLoopGroup.singleton.any())
        return String(buffer: try await renderer.render(path: template, context: view).get())
    }

    /// The anchors of the page's error summary (`#f-…`) that no element of the page a person can reach has as its
    /// id: no element at all, or a hidden input (a link to it goes nowhere).
    static func unanchored(_ html: String) throws -> [String] {
        let anchors = html.matches(of: try Regex(##"href="#(f-[^"]+)""##)).compactMap { $0.output[1].substring }
        #expect(!anchors.isEmpty)
        let hidden = Set(
            html.matches(of: try Regex(##"<input[^>]*type="hidden"[^>]*id="([^"]+)""##))
                .compactMap { $0.output[1].substring }.map(String.init))
        return anchors.map(String.init).filter { !html.contains("id=\"\($0)\"") || hidden.contains($0) }
    }

    // MARK: Administration

    @Test func theAdministrationIndexIsBuiltInEitherLanguage() {
        let english = AdminIndexView.build(
            Self.context(.en), organisations: [Self.ministry, Self.forum], groups: [Self.justiceGroup],
            users: [Self.account(), Self.account(id: 8, name: "Dorj", role: .focalPoint, active: false)])
        let mongolian = AdminIndexView.build(
            Self.context(.mn), organisations: [Self.ministry, Self.forum], groups: [Self.justiceGroup], users: [])
        #expect(english.layout.lang == "en" && mongolian.layout.lang == "mn")
        #expect(english.layout.title.hasPrefix("Administration"))
        #expect(mongolian.layout.title.hasPrefix("Удирдлага"))
        #expect(english.csrf == "page-token")
        // A rename shows the former names; the members are named, in the group's order.
        #expect(english.organisations.map(\.formerNames) == ["Ministry of Justice", nil])
        #expect(english.organisations.first?.href == .organisation(1))
        #expect(english.groups.first?.members == "Open Society Forum, Ministry of Justice and Home Affairs")
        #expect(english.users.map(\.active) == [true, false])
        #expect(english.roles.map(\.label) != mongolian.roles.map(\.label))
        // A new account is a CSO member of no organisation unless the administrator says otherwise.
        #expect(english.roles.filter(\.selected).map(\.value) == [Role.csoMember.rawValue])
        #expect(english.organisationOptions.first?.selected == true)
        #expect(!english.hasErrors)
    }

    /// Each form's refusals come under the form's names for its fields, and the page, which holds both forms,
    /// links them to its own: the new organisation's `kind` to `f-org-kind` (it linked to `f-kind`, which no
    /// element of the page has), the new account's `email` to `f-user-email`.
    @Test func theIndexLinksEachRefusalToItsField() async throws {
        func problem(_ field: String) -> FieldError { FieldError(field: field, message: "Problem with \(field).") }
        let view = AdminIndexView.build(
            Self.context(.en), organisations: [Self.ministry], groups: [], users: [],
            organisationErrors: ["kind", "name", "representsState", "validFrom"].map(problem),
            userErrors: ["email", "name", "role", "password"].map(problem))
        #expect(view.hasErrors)
        #expect(view.errors.first?.field == "org-kind")
        let html = try await Self.render("admin", view)
        #expect(html.contains("href=\"#f-org-kind\""))
        #expect(html.contains("<select id=\"f-org-kind\" name=\"kind\">"))
        #expect(try Self.unanchored(html) == [])
        #expect(html.contains("name=\"_csrf\" value=\"page-token\""))
    }

    @Test func theOrganisationPageLinksItsRefusalsToItsFields() async throws {
        let errors = ["kind", "name", "representsState", "validTo", "renamedOn"].map {
            FieldError(field: $0, message: "Problem with \($0).")
        }
        let view = AdminOrganisationView.build(Self.context(.en), organisation: Self.ministry, errors: errors)
        #expect(view.kinds.filter(\.selected).map(\.value) == [OrganisationKind.ministry.rawValue])
        #expect(view.version == 3 && view.historyHref == .organisation(1))
        let html = try await Self.render("admin-organisation", view)
        #expect(try Self.unanchored(html) == [])
        #expect(html.contains("Problem with kind."))
        let mongolian = AdminOrganisationView.build(Self.context(.mn), organisation: Self.ministry)
        #expect(!mongolian.hasErrors)
        #expect(mongolian.kinds.first?.label != view.kinds.first?.label)
    }

    @Test func theWorkingGroupAndAccountPagesShowWhatIsStored() {
        let group = AdminGroupView.build(
            Self.context(.mn), group: Self.justiceGroup, organisations: [Self.ministry, Self.forum, Self.closed])
        #expect(group.layout.lang == "mn" && group.csrf == "page-token")
        #expect(group.clusters.filter(\.selected).map(\.value) == [Cluster.justice.rawValue])
        #expect(group.members.filter(\.selected).map(\.value) == ["1", "2"])

        let user = Self.account(role: .focalPoint)
        let english = AdminUserView.build(
            Self.context(.en), user: user, organisations: [Self.ministry, Self.forum],
            resetLink: "https://upr.example/reset/abc", mailed: true)
        let mongolian = AdminUserView.build(Self.context(.mn), user: user, organisations: [Self.ministry])
        #expect(english.roles.filter(\.selected).map(\.value) == [Role.focalPoint.rawValue])
        #expect(english.organisations.filter(\.selected).map(\.value) == ["2"])
        #expect(english.resetMailed == "A mail with the link is on its way to bat@demo.upr.")
        #expect(english.resetAction == .userResetLink(7))
        #expect(mongolian.resetLink == nil && mongolian.resetMailed == nil)
        #expect(mongolian.organisations.first?.label == "Байхгүй")
    }

    // MARK: Signing in and the account

    @Test func theSignInFormsAreBuiltInEitherLanguage() async throws {
        let signedOut = Self.context(.en, principal: nil, csrf: "cookie-token")
        let english = AuthFormView.signIn(
            signedOut, returnTo: "/plan", email: "bat@demo.upr",
            errors: [FieldError(field: "email", message: "Wrong address or password.")])
        let mongolian = AuthFormView.signIn(Self.context(.mn, principal: nil), returnTo: "/")
        #expect(english.heading == "Sign in" && mongolian.heading == "Нэвтрэх")
        #expect(english.csrf == "cookie-token" && english.layout.csrf == "cookie-token")
        let html = try await Self.render("login", english)
        #expect(html.contains("name=\"_csrf\" value=\"cookie-token\""))
        #expect(html.contains("name=\"return\" value=\"/plan\""))
        #expect(html.contains("value=\"bat@demo.upr\""))
        #expect(html.contains("Wrong address or password."))
        #expect(try Self.unanchored(html) == [])

        // The code form posts the waiting session's token, not the signed-out page's.
        let code = AuthFormView.signInCode(signedOut, csrf: "session-token", returnTo: "/")
        #expect(code.csrf == "session-token" && code.layout.csrf == "cookie-token")
        #expect(code.heading != AuthFormView.signInCode(Self.context(.mn), csrf: "", returnTo: "/").heading)
        let reset = AuthFormView.passwordReset(signedOut, token: "link-token")
        #expect(reset.token == "link-token" && reset.heading == "Choose a new password")
        #expect(reset.returnTo == nil && !reset.hasErrors)
    }

    @Test func theAccountPageShowsTwoStepSignInAsItStands() async throws {
        let setUp = AccountView.build(
            Self.context(.en), account: Self.account(totpSecret: "JBSWY3DPEHPK3PXP"),
            errors: [FieldError(field: "code", message: "That code is not right.")])
        #expect(setUp.totpPending && !setUp.totpEnabled)
        #expect(setUp.totpSecret == "JBSWY3DPEHPK3PXP")
        #expect(setUp.totpURI?.hasPrefix("otpauth://totp/") == true)
        #expect(setUp.csrf == "page-token" && setUp.hasErrors)
        let html = try await Self.render("account", setUp)
        #expect(html.contains("id=\"f-code\"") && html.contains("That code is not right."))
        #expect(try Self.unanchored(html) == [])

        // Once on, the secret is never shown again; the message is in the person's language.
        let on = AccountView.build(
            Self.context(.mn), account: Self.account(totpSecret: "JBSWY3DPEHPK3PXP", totpEnabled: true),
            messageKey: "account.totp.enabled")
        #expect(on.totpEnabled && !on.totpPending && on.totpSecret == nil && on.totpURI == nil)
        #expect(on.message == Translator(.mn)("account.totp.enabled"))
        #expect(on.heading == "Таны бүртгэл" && setUp.heading == "Your account")
        #expect(on.role != setUp.role)
    }

    @Test func theCalendarSettingsShowANewAddressOnce() {
        let made = CalendarRoutes.View.build(
            Self.context(.en), since: "2016-05-04T10:00:00Z", newToken: "secret", siteURL: "https://upr.example")
        #expect(made.url == "https://upr.example/calendar/secret.ics")
        #expect(made.publicURL == "https://upr.example/calendar/public.ics")
        #expect(made.since?.contains("2016") == true)
        #expect(made.csrf == "page-token")
        let later = CalendarRoutes.View.build(Self.context(.mn), since: nil, siteURL: "https://upr.example")
        #expect(later.url == nil && later.since == nil)
        #expect(later.layout.title != made.layout.title)
    }

    // MARK: The error page and the agreements

    @Test func theErrorPageShowsItsStatusAndMessage() async throws {
        let english = ErrorView.make(status: .notFound, message: "No such page.", Self.context(.en, principal: nil))
        let mongolian = ErrorView.make(status: .conflict, message: "Өөр хүн", Self.context(.mn))
        #expect(english.status == 404 && mongolian.status == 409)
        #expect(english.layout.title.hasPrefix("Error") && mongolian.layout.title.hasPrefix("Алдаа"))
        let html = try await Self.render("error", english)
        #expect(html.contains("<p class=\"lead\">No such page.</p>"))
    }

    @Test func theAgreementPagesOfferWhatThePersonMayDo() {
        let letter = Agreement(
            id: 5, title: "Letter of intent", text: "We agree.", signedOn: "2015-10-14", version: 2)
        let anyone = AgreementRoutes.ListView.make([letter], Self.context(.en, principal: nil))
        let secretariat = AgreementRoutes.ListView.make([letter], Self.context(.mn))
        #expect(!anyone.canCreate && secretariat.canCreate)
        #expect(anyone.rows.first?.href == .agreement(5))
        #expect(anyone.rows.first?.signedOn != secretariat.rows.first?.signedOn)
        #expect(anyone.layout.title != secretariat.layout.title)

        // The new agreement: only organisations that still exist may sign, only active accounts own a commitment.
        let users = [Self.account(), Self.account(id: 8, name: "Dorj", active: false)]
        var typed = AgreementRoutes.AgreementForm()
        typed.title = "  Memorandum "
        typed.signatoryIDs = [2]
        let new = AgreementFormView.build(
            Self.context(.en), agreement: nil, typed: typed, task: nil,
            organisations: [Self.ministry, Self.forum, Self.closed], users: users,
            errors: [FieldError(field: "text", message: "Required.")])
        #expect(new.heading == "Record an agreement" && new.action == .agreements && !new.isCommitment)
        #expect(new.agreementTitle == "Memorandum")
        #expect(new.signatories.map(\.value) == ["1", "2"])
        #expect(new.signatories.filter(\.selected).map(\.value) == ["2"])
        #expect(new.people.map(\.value) == ["", "7"])
        #expect(new.csrf == "page-token" && new.hasErrors)

        var task = MeetingTaskForm()
        task.ownerOrganisationID = "1"
        task.actionTitle = "Report "
        let commitment = AgreementFormView.build(
            Self.context(.mn), agreement: letter, typed: nil, task: task, organisations: [Self.ministry],
            users: users)
        #expect(commitment.isCommitment && commitment.action == .commitments(agreementID: 5))
        #expect(commitment.version == 2 && commitment.form.actionTitle == "Report")
        #expect(commitment.heading == "“Letter of intent”-д амлалт нэмэх")
        #expect(commitment.organisations.filter(\.selected).map(\.value) == ["1"])
    }
}
