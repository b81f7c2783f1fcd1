import Vapor

/// The `If-Match` of an API update: the tag of the resource as the program last read it. An update without one is
/// refused (428), so that no program overwrites a change it has not seen; a tag that is no longer the resource's is
/// refused with 412, the current tag in `ETag` and the current version in the message, and nothing is written.
enum APIPrecondition {
    static let header = "If-Match"

    /// The `If-Match` value, or a 428 when there is none.
    static func required(_ request: Request) throws -> String {
        guard let value = request.headers.first(name: .ifMatch), !value.isEmpty else {
            throw APIProblem(
                status: .preconditionRequired, detail: header + ": " + request.t("api.error.ifMatchMissing"),
                field: header)
        }
        return value
    }

    /// Refuses the update unless `ifMatch` names `current` (the tag of the resource as it is now).
    static func check(_ ifMatch: String, current: String, version: Int, _ request: Request) throws {
        guard APIResource.matches(ifMatch, current, weak: false) else {
            throw stale(current: current, version: version, request)
        }
    }

    /// The 412 of an update made from an older state of the resource.
    static func stale(current: String, version: Int, _ request: Request) -> APIProblem {
        APIProblem(
            status: .preconditionFailed,
            detail: header + ": " + request.t("api.error.stale", ["version": String(version)]), field: header,
            headers: ["ETag": current])
    }
}

extension APIPrecondition {
    /// The 412 of an `If-Match` naming a record that is not there (any more).
    static func missing(_ request: Request) -> APIProblem {
        APIProblem(
            status: .preconditionFailed, detail: header + ": " + request.t("api.error.staleMissing"), field: header)
    }
}
