/// The page shown for a missing page, a bad parameter or a failure.
struct ErrorView: Encodable {
    var layout: Layout
    var status: Int
    var message: String
}
