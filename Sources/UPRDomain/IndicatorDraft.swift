/// What a person writes in an indicator, as the SMART check reads it: text as typed, numbers and dates already read.
public struct IndicatorDraft: Sendable, Equatable {
    public var title: String
    public var definition: String
    public var unit: String
    public var baselineValue: Double?
    public var baselineDate: CalendarDay?
    public var targetValue: Double?
    public var targetDate: CalendarDay?
    /// The texts of the recommendations it tracks (directly or through its plan entries), to tell a definition of its
    /// own from a copy of the recommendation.
    public var recommendationTexts: [String]
    /// Linked recommendations and plan entries.
    public var linkCount: Int

    public init(
        title: String = "", definition: String = "", unit: String = "", baselineValue: Double? = nil,
        baselineDate: CalendarDay? = nil, targetValue: Double? = nil, targetDate: CalendarDay? = nil,
        recommendationTexts: [String] = [], linkCount: Int = 0
    ) {
        self.title = title
        self.definition = definition
        self.unit = unit
        self.baselineValue = baselineValue
        self.baselineDate = baselineDate
        self.targetValue = targetValue
        self.targetDate = targetDate
        self.recommendationTexts = recommendationTexts
        self.linkCount = linkCount
    }
}

/// One observation of an indicator: a day and a value.
public struct Observation: Sendable, Equatable {
    public var day: CalendarDay
    public var value: Double

    public init(day: CalendarDay, value: Double) {
        self.day = day
        self.value = value
    }
}
