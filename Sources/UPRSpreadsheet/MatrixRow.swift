/// One row of the annex 8.1 matrix.
///
/// The first four fields come from the review (the recommendation and the state's response); the rest are the
/// plan that the government and civil society fill in.
public struct MatrixRow: Sendable, Equatable, Codable {
    /// "Rec #": the paragraph such as "108.42", or "#123" (the record id) when the recommendation has no paragraph.
    public var recNumber: String
    /// "RS": the recommending state(s), e.g. "Czech Republic" or "France, Mexico".
    public var recommendingStates: String
    /// "Recommendation(s)": the text of the recommendation.
    public var recommendation: String
    /// "Response": as printed, e.g. "Supported", "Noted", "Accepted".
    public var response: String
    /// "Was the same recommendations made by other mechanisms?" – National.
    public var otherMechanismsNational: String
    /// "Was the same recommendations made by other mechanisms?" – International.
    public var otherMechanismsInternational: String
    /// "Goal to be achieved".
    public var goal: String
    /// "Expected action from Government".
    public var expectedAction: String
    /// "Indicators/data to track progress of implementation".
    public var indicators: String
    /// "Government body responsible for recommendation".
    public var responsibleBody: String

    /// A row; every field defaults to an empty cell.
    public init(
        recNumber: String = "", recommendingStates: String = "", recommendation: String = "", response: String = "",
        otherMechanismsNational: String = "", otherMechanismsInternational: String = "", goal: String = "",
        expectedAction: String = "", indicators: String = "", responsibleBody: String = ""
    ) {
        self.recNumber = recNumber
        self.recommendingStates = recommendingStates
        self.recommendation = recommendation
        self.response = response
        self.otherMechanismsNational = otherMechanismsNational
        self.otherMechanismsInternational = otherMechanismsInternational
        self.goal = goal
        self.expectedAction = expectedAction
        self.indicators = indicators
        self.responsibleBody = responsibleBody
    }
}

/// A whole matrix: an optional title printed above the header, and the rows in order.
public struct MatrixDocument: Sendable, Equatable {
    /// The line above the header, e.g. "Implementation plan – Mongolia"; `nil` (or empty) writes no title row.
    public var title: String?
    /// The data rows, in the order they are printed.
    public var rows: [MatrixRow]

    /// A document with an optional title.
    public init(title: String? = nil, rows: [MatrixRow] = []) {
        self.title = title
        self.rows = rows
    }
}

/// Why a file could not be read as an implementation matrix, and where.
public struct MatrixReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The name of the file as the user gave it.
    public var file: String
    /// The spreadsheet row (1-based, as Excel and LibreOffice number them), when the problem is in one row.
    public var row: Int?
    /// The column, by its annex heading (e.g. "Rec #"), when the problem is in one column.
    public var column: String?
    /// What is wrong, in words a user can act on.
    public var message: String

    /// An error about `file`, optionally pointing at a row and a column.
    public init(file: String, row: Int? = nil, column: String? = nil, message: String) {
        self.file = file
        self.row = row
        self.column = column
        self.message = message
    }

    /// "plan.xlsx, row 7, column “Rec #”: …"
    public var description: String {
        var place = file
        if let row { place += ", row \(row)" }
        if let column { place += ", column “\(column)”" }
        return "\(place): \(message)"
    }
}
