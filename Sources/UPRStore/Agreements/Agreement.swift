/// An agreement such as the seed's letter of intent, with its signatories and its commitments (action items).
public struct Agreement: Sendable, Equatable {
    public var id: Int
    public var title: String
    public var text: String
    public var signedOn: String?
    public var version: Int
    public var signatories: [String] = []
    public var signatoryIDs: [Int] = []
    public var commitments: [ActionItem] = []
}
