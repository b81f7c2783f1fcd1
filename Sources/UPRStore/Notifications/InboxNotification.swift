import Foundation
import UPRDomain

/// One message in a person's inbox. `textKey` and `arguments` are translated when shown, in the reader's language.
public struct InboxNotification: Sendable, Equatable {
    public var id: Int
    public var kind: String
    public var subjectKind: EntityKind
    public var subjectID: Int
    public var textKey: String
    public var arguments: [String: String]
    public var createdAt: String
    public var readAt: String?
}
