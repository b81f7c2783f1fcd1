import Foundation
import UPRDomain
import UPRStore

/// The body a webhook delivery sends, built from the event's stored facts, so every attempt of a delivery sends the
/// same bytes. It names the event and what it is about, and links to where a receiver reads more; it carries no
/// text of its own (no comment, no plan entry): what a receiver may read is then decided by the API and the token
/// it reads with, under the same rules as everywhere.
///
/// `{"id", "delivery", "kind", "occurredAt", "recommendationIDs", "subject": {"kind", "id"}, "links": {...}}`
public struct WebhookPayload: Encodable, Sendable, Equatable {
    public struct Subject: Encodable, Sendable, Equatable {
        public var kind: String
        public var id: Int
    }

    public struct Links: Encodable, Sendable, Equatable {
        /// `GET /api/v1/recommendations/{id}` of each recommendation the event concerns.
        public var recommendations: [String]
        /// The subject in the API, when the API has it (a recommendation, a measurement, a comment's discussion).
        public var api: String?
        /// The subject's page on the site, when it has one of its own.
        public var page: String?
    }

    /// The event's number, the same in the deliveries of one event to several hooks.
    public var id: String
    /// This delivery's number (also in `UPR-Delivery`): a receiver that saw it already can ignore a repeat.
    public var delivery: Int
    public var kind: String
    public var occurredAt: String
    public var recommendationIDs: [Int]
    public var subject: Subject
    public var links: Links

    public init(_ delivery: OutboxWebhook, site: SiteSettings) {
        id = delivery.eventID
        self.delivery = delivery.id
        kind = delivery.kind.rawValue
        occurredAt = delivery.occurredAt
        recommendationIDs = delivery.recommendationIDs
        subject = Subject(kind: delivery.subjectKind.rawValue, id: delivery.subjectID)
        let api: SiteRoute.APIRoute? =
            switch delivery.subjectKind {
            case .recommendation: .recommendation(delivery.subjectID)
            case .measurement: .measurement(delivery.subjectID)
            case .comment: delivery.recommendationIDs.first.map { .comments($0) }
            default: nil
            }
        let page: SiteRoute? =
            switch delivery.subjectKind {
            case .recommendation: .recommendation(delivery.subjectID)
            case .planEntry: .planEntry(delivery.subjectID)
            case .comment: .comment(delivery.subjectID)
            default: nil
            }
        links = Links(
            recommendations: delivery.recommendationIDs.map { site.absolute(SiteRoute.api(.recommendation($0)).href) },
            api: api.map { site.absolute(SiteRoute.api($0).href) }, page: page.map { site.absolute($0.href) })
    }

    /// The JSON text sent: keys sorted, so the same facts always give the same bytes.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
