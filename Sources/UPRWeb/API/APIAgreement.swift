import UPRStore

/// An agreement such as the letter of intent: its text, signatories and commitments.
struct APIAgreement: Encodable, Sendable {
    var id: Int
    var title: String
    var text: String
    var signedOn: String?
    var signatories: [APIReference]?
    var commitments: [APIActionItem]?
    var version: Int

    init(_ agreement: Agreement, namesPeople: Bool, detail: Bool) {
        id = agreement.id
        title = agreement.title
        text = agreement.text
        signedOn = agreement.signedOn
        // The list reads agreements alone; their signatories and commitments come with each one read alone.
        signatories =
            detail ? zip(agreement.signatoryIDs, agreement.signatories).map { APIReference(id: $0, name: $1) } : nil
        commitments = detail ? agreement.commitments.map { APIActionItem($0, namesPeople: namesPeople) } : nil
        version = agreement.version
    }
}
