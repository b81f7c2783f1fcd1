/// The answer to an API write as it was first given, kept under its `Idempotency-Key` to be given again.
public struct StoredResponse: Sendable, Equatable {
    public var requestHash: String
    public var status: Int
    /// The headers a repeat must carry too (`Location`, `Content-Type`), as name and value.
    public var headers: [[String]]
    public var body: String

    public init(requestHash: String, status: Int, headers: [[String]], body: String) {
        self.requestHash = requestHash
        self.status = status
        self.headers = headers
        self.body = body
    }
}
