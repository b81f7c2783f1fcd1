/// A decision a meeting took, under one of its agenda items.
public struct Decision: Sendable, Equatable, Codable {
    public var id: Int
    public var agendaItemID: Int?
    public var text: String
}
