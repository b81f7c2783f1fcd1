import Vapor

/// A page of a collection as the API gives it. The names are the ones other systems rely on:
/// `{"items": [...], "total", "page", "per"}`.
struct APIList<Item: Encodable & Sendable>: Encodable, Sendable {
    var items: [Item]
    var total: Int
    var page: Int
    var per: Int
}

/// The `page` and `per` query parameters of a collection: page from 1, 1 to 200 items a page, 50 by default.
struct APIPaging: Sendable {
    static let defaultPer = 50
    static let maximumPer = 200

    var page: Int
    var per: Int

    /// A value that is not a whole number in range is refused with a 400 naming the parameter.
    init(_ request: Request) throws {
        page = try Self.number(request, "page", default: 1, range: 1...1_000_000)
        per = try Self.number(request, "per", default: Self.defaultPer, range: 1...Self.maximumPer)
    }

    var offset: Int { (page - 1) * per }

    /// The slice of `items` this page shows.
    func slice<T>(_ items: [T]) -> [T] {
        guard offset < items.count else { return [] }
        return Array(items[offset..<min(items.count, offset + per)])
    }

    private static func number(_ request: Request, _ name: String, default value: Int, range: ClosedRange<Int>)
        throws -> Int
    {
        guard let text = request.query[String.self, at: name] else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw APIProblem(
                status: .badRequest,
                detail: name + ": "
                    + request.t(
                        "api.error.range", ["low": String(range.lowerBound), "high": String(range.upperBound)]),
                field: name)
        }
        return number
    }
}
