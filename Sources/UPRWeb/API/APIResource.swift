import Foundation
import Vapor

/// A single resource's answer: its JSON (keys sorted, so the same state is the same bytes on every instance) with
/// an `ETag` made from those bytes. A request whose `If-None-Match` names it is answered 304 without a body; a write
/// with `If-Match` compares the same tag (`APIPrecondition`).
enum APIResource {
    /// The strong entity tag of an answer's bytes.
    static func etag(_ body: Data) -> String {
        let digest = SHA256.hash(data: body)
        return "\"" + digest.prefix(16).map { String(format: "%02x", $0) }.joined() + "\""
    }

    /// The body and its tag of `value`.
    static func encode(_ value: some Encodable) throws -> (body: Data, etag: String) {
        let body = try JSONEncoder.api.encode(value)
        return (body, etag(body))
    }

    /// `value` as the answer to `request`, 200 or 304.
    static func respond(
        _ value: some Encodable, _ request: Request, status: HTTPResponseStatus = .ok, headers: HTTPHeaders = [:]
    ) throws -> Vapor.Response {
        let (body, tag) = try encode(value)
        var headers = headers
        headers.replaceOrAdd(name: .eTag, value: tag)
        if status == .ok, let wanted = request.headers.first(name: .ifNoneMatch), matches(wanted, tag) {
            return Vapor.Response(status: .notModified, headers: headers)
        }
        headers.contentType = .json
        return Vapor.Response(status: status, headers: headers, body: .init(data: body))
    }

    /// A collection as the answer (no tag: its items are tagged where each is read alone).
    static func list(_ value: some Encodable, _ request: Request) throws -> Vapor.Response {
        let response = Vapor.Response(status: .ok, body: .init(data: try JSONEncoder.api.encode(value)))
        response.headers.contentType = .json
        return response
    }

    /// Whether an `If-None-Match` or `If-Match` value (`*`, one tag, or a list) names `tag`. RFC 9110: `If-None-Match`
    /// compares weakly (a `W/` tag by its opaque part), `If-Match` strongly (a weak tag never matches).
    static func matches(_ header: String, _ tag: String, weak: Bool = true) -> Bool {
        header.split(separator: ",").contains { part in
            var item = part.trimmingCharacters(in: .whitespaces)
            if item == "*" { return true }
            if item.hasPrefix("W/") {
                guard weak else { return false }
                item.removeFirst(2)
            }
            return item == tag
        }
    }
}
