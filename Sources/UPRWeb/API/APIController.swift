import UPRDomain
import UPRStore
import Vapor

/// The JSON API: the same queries as the pages, with the same parameter names, described by `/api/v1/openapi.json`.
enum APIController {
    static func recommendations(_ request: Request) async throws -> Vapor.Response {
        let filter = try RecommendationFilter(parameters: request.queryParameters, emptyIsAbsent: false)
        let sql = try request.sql()
        guard let cache = request.application.searchCache else {
            return try await RecommendationSearch.run(filter, on: sql).encodeResponse(for: request)
        }
        // As in RecommendationSearch.run(_:on:cache:): the version is read first, then the result filed under it.
        let version = try await RegistryVersion.current(on: sql)
        var headers = HTTPHeaders()
        headers.contentType = .json
        if let body = cache.json(for: filter, version: version) {
            return Vapor.Response(status: .ok, headers: headers, body: .init(buffer: body))
        }
        let page: RecommendationPage
        if let cached = cache.page(for: filter, version: version) {
            page = cached
        } else {
            page = try await RecommendationSearch.run(filter, on: sql)
        }
        var body = ByteBuffer()
        try ContentConfiguration.global.requireEncoder(for: .json).encode(page, to: &body, headers: &headers)
        cache.store(page, json: body, for: filter, version: version)
        return Vapor.Response(status: .ok, headers: headers, body: .init(buffer: body))
    }

    /// A recommendation with everything its page shows; tagged (`ETag`, and 304 for `If-None-Match`).
    static func recommendation(_ request: Request) async throws -> Vapor.Response {
        guard let id = request.parameters.get("id", as: Int.self),
            let detail = try await RecommendationDetail.load(id: id, on: request.sql())
        else { throw Abort(.notFound, reason: "No recommendation with this id.") }
        return try APIResource.respond(detail, request)
    }

    static func similar(_ request: Request) async throws -> SimilarRecommendationList {
        guard let id = request.parameters.get("id", as: Int.self),
            let items = try await SimilarRecommendations.load(
                id: id, cache: request.application.similarityCache, on: request.sql())
        else { throw Abort(.notFound, reason: "No recommendation with this id.") }
        return SimilarRecommendationList(
            recommendationID: id, minimumScore: SimilarRecommendations.minimumScore, items: items)
    }

    /// The public part of a recommendation's discussion; members-only comments never leave the site's pages.
    static func comments(_ request: Request) async throws -> CommentList {
        let sql = try request.sql()
        guard let id = request.parameters.get("id", as: Int.self),
            try await RecommendationDetail.exists(id: id, on: sql)
        else { throw Abort(.notFound, reason: "No recommendation with this id.") }
        let thread = try await CommentStore(sql).thread(CommentSubject(.recommendation, id), includeMembers: false)
        return CommentList(recommendationID: id, thread: thread)
    }

    static func stats(_ request: Request) async throws -> RegistryStatistics {
        try await RegistryStatistics.load(on: request.sql())
    }

    static func states(_ request: Request) async throws -> StateListing {
        try await StateListing.load(on: request.sql())
    }

    static func state(_ request: Request) async throws -> Vapor.Response {
        guard let name = request.parameters.get("name"),
            let profile = try await StateProfile.load(name: name, on: request.sql())
        else { throw Abort(.notFound, reason: "No state with this name.") }
        return try APIResource.respond(profile, request)
    }

    struct TaxonomyIndex: Content {
        struct Entry: Content {
            var taxonomy: String
            var href: String
        }
        var taxonomies: [Entry]
    }

    static func taxonomies(_ request: Request) async throws -> TaxonomyIndex {
        TaxonomyIndex(
            taxonomies: Taxonomy.allCases.map {
                TaxonomyIndex.Entry(taxonomy: $0.rawValue, href: SiteRoute.api(.taxonomy($0)).href)
            })
    }

    static func taxonomy(_ request: Request) async throws -> TaxonomyListing {
        guard let raw = request.parameters.get("taxonomy"), let taxonomy = Taxonomy(rawValue: raw) else {
            throw Abort(.notFound, reason: "No taxonomy with this name.")
        }
        return try await TaxonomyListing.load(taxonomy, on: request.sql())
    }

    static func openAPI(_ request: Request) async throws -> Vapor.Response {
        let response = Vapor.Response(status: .ok, body: .init(data: try SiteResources.openAPIDocument()))
        response.headers.contentType = .json
        return response
    }
}

extension RecommendationPage: Content {}
extension RecommendationDetail: Content {}
extension SimilarRecommendationList: Content {}
extension RegistryStatistics: Content {}
extension StateListing: Content {}
extension StateProfile: Content {}
extension TaxonomyListing: Content {}
