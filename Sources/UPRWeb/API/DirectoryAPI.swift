import UPRDomain
import UPRStore
import Vapor

/// The coordination's other records through the API: meetings (the public sees public ones, as on the meeting
/// pages), agreements and their commitments, and the organisations.
enum DirectoryAPI {
    /// `GET /api/v1/meetings?kind=&workingGroup=&page=&per=`, in date order.
    @Sendable static func meetings(_ request: Request) async throws -> Vapor.Response {
        let reader = try await request.apiReader()
        let paging = try APIPaging(request)
        var filter = MeetingFilter(
            kind: try APIQuery.code(request, "kind", MeetingKind.self),
            workingGroupID: try APIQuery.id(request, "workingGroup"))
        filter.publicOnly = !Authorization.allows(reader, .readDrafts)
        let meetings = try await MeetingStore(try request.sql()).meetings(filter)
        return try APIResource.list(
            APIList(
                items: paging.slice(meetings).map(APIMeeting.init), total: meetings.count, page: paging.page,
                per: paging.per), request)
    }

    /// `GET /api/v1/meetings/{id}`: with its agenda, decisions, minutes and action items; tagged.
    @Sendable static func meeting(_ request: Request) async throws -> Vapor.Response {
        let reader = try await request.apiReader()
        let readsDrafts = Authorization.allows(reader, .readDrafts)
        guard let id = request.parameters.get("id", as: Int.self),
            let meeting = try await MeetingStore(try request.sql()).meeting(id: id),
            meeting.fields.isPublic || readsDrafts
        else { throw APIProblem(status: .notFound, detail: request.t("api.error.noMeeting")) }
        return try APIResource.respond(APIMeeting(meeting, namesPeople: readsDrafts), request)
    }

    /// `GET /api/v1/agreements?page=&per=`.
    @Sendable static func agreements(_ request: Request) async throws -> Vapor.Response {
        let paging = try APIPaging(request)
        let agreements = try await AgreementStore(try request.sql()).agreements()
        return try APIResource.list(
            APIList(
                items: paging.slice(agreements).map { APIAgreement($0, namesPeople: false, detail: false) },
                total: agreements.count, page: paging.page, per: paging.per), request)
    }

    /// `GET /api/v1/agreements/{id}`: with its signatories and commitments; tagged.
    @Sendable static func agreement(_ request: Request) async throws -> Vapor.Response {
        let reader = try await request.apiReader()
        guard let id = request.parameters.get("id", as: Int.self),
            let agreement = try await AgreementStore(try request.sql()).agreement(id: id)
        else { throw APIProblem(status: .notFound, detail: request.t("api.error.noAgreement")) }
        return try APIResource.respond(
            APIAgreement(agreement, namesPeople: Authorization.allows(reader, .readDrafts), detail: true), request)
    }

    /// `GET /api/v1/organisations?kind=&page=&per=`, by name.
    @Sendable static func organisations(_ request: Request) async throws -> Vapor.Response {
        let paging = try APIPaging(request)
        let kind = try APIQuery.code(request, "kind", OrganisationKind.self)
        let organisations = try await OrganisationStore(try request.sql()).organisations().filter {
            kind == nil || $0.kind == kind
        }
        return try APIResource.list(
            APIList(
                items: paging.slice(organisations).map(APIOrganisation.init), total: organisations.count,
                page: paging.page, per: paging.per), request)
    }

    /// `GET /api/v1/organisations/{id}`; tagged.
    @Sendable static func organisation(_ request: Request) async throws -> Vapor.Response {
        guard let id = request.parameters.get("id", as: Int.self),
            let organisation = try await OrganisationStore(try request.sql()).organisation(id)
        else { throw APIProblem(status: .notFound, detail: request.t("api.error.noOrganisation")) }
        return try APIResource.respond(APIOrganisation(organisation), request)
    }
}
