/// A chart in a Word document: horizontal bars, each split 100% among the series (the dashboards' stacked bars),
/// written as a native DrawingML chart whose values Word and LibreOffice draw from the document itself.
public struct WordChart: Sendable, Equatable {
    public struct Series: Sendable, Equatable {
        public var name: String
        /// `RRGGBB`.
        public var color: String
        /// One value per category.
        public var values: [Int]

        public init(name: String, color: String, values: [Int]) {
            self.name = name
            self.color = color
            self.values = values
        }
    }

    public var title: String
    /// The text alternative of the chart (the document's readers without sight get this and the table after it).
    public var description: String
    public var categories: [String]
    public var series: [Series]

    public init(title: String, description: String, categories: [String], series: [Series]) {
        self.title = title
        self.description = description
        self.categories = categories
        self.series = series
    }
}
