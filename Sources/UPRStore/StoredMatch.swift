/// A stored recommendation that an imported record turned out to be: what the writer needs to decide whether it
/// changed and what to update.
struct StoredMatch: Sendable {
    var id: Int
    var hash: String
    var response: String
    /// Whether the stored row's natural key names its paragraph: a record matched by text then keeps that key.
    var hasParagraph = false
    /// Whether the record was found by its text key. Only then does an update change the row's natural key: a
    /// record found by annotation id may carry a natural key that another row holds.
    var byText = false
}
