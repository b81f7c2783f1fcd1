/// Another record named in an answer: its id and its name (`{"id", "name"}`), so a program needs no second request
/// to show it.
struct APIReference: Codable, Sendable, Equatable {
    var id: Int
    var name: String
}

extension APIReference {
    /// The reference when both are known (a record may name nothing: no responsible organisation yet).
    init?(id: Int?, name: String?) {
        guard let id, let name else { return nil }
        self.init(id: id, name: name)
    }
}
