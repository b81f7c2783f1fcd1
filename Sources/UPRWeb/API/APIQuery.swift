import Vapor

/// The API's query parameters beyond paging: a value that cannot be what the parameter names is refused with a
/// 400 naming it, never read as absent.
enum APIQuery {
    /// A record's id.
    static func id(_ request: Request, _ name: String) throws -> Int? {
        guard let text = request.query[String.self, at: name] else { return nil }
        guard let id = Int(text), id > 0 else { throw refused(request, name, text) }
        return id
    }

    /// One of a fixed set of codes.
    static func code<Code: RawRepresentable<String>>(_ request: Request, _ name: String, _ type: Code.Type) throws
        -> Code?
    {
        guard let text = request.query[String.self, at: name] else { return nil }
        guard let code = Code(rawValue: text) else { throw refused(request, name, text) }
        return code
    }

    static func refused(_ request: Request, _ name: String, _ value: String) -> APIProblem {
        APIProblem(
            status: .badRequest, detail: name + ": " + request.t("api.error.parameter", ["value": value]),
            field: name)
    }
}
