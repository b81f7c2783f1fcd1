/// A measurement as typed into the form, and the rules it must meet before it is stored.
public struct MeasurementInput: Sendable, Equatable {
    public var value: String
    public var date: String
    public var unit: String
    public var source: String
    /// Per declared dimension, the breakdown as typed: `female = 12.5; male = 10`.
    public var disaggregation: [DisaggregationDimension: String]
    public var link: String

    public init(
        value: String, date: String, unit: String, source: String = "",
        disaggregation: [DisaggregationDimension: String] = [:], link: String = ""
    ) {
        self.value = value
        self.date = date
        self.unit = unit
        self.source = source
        self.disaggregation = disaggregation
        self.link = link
    }

    /// A measurement that passed every rule.
    public struct Valid: Sendable, Equatable {
        public var value: Double
        public var day: CalendarDay
        public var source: String
        /// Dimension → category → value.
        public var breakdown: [DisaggregationDimension: [String: Double]]
        public var link: String?
    }

    public struct Problem: Error, Sendable, Equatable {
        public var field: String
        public var messageKey: String

        public init(field: String, messageKey: String) {
            self.field = field
            self.messageKey = messageKey
        }
    }

    /// Checks against the indicator's unit and dimensions; `today` bounds the date (no measurements of the future).
    public func validate(indicatorUnit: String, dimensions: Set<DisaggregationDimension>, today: CalendarDay)
        -> Result<Valid, Problem>
    {
        let number: Double
        switch DecimalInput.parse(value) {
        case .success(let parsed): number = parsed
        case .failure(let problem): return .failure(Problem(field: "value", messageKey: "measurement.error.\(problem)"))
        }
        guard let day = CalendarDay(date.trimmed) else {
            return .failure(Problem(field: "date", messageKey: "form.error.date"))
        }
        guard day <= today else { return .failure(Problem(field: "date", messageKey: "measurement.error.future")) }
        let typedUnit = unit.trimmed
        if !typedUnit.isEmpty && typedUnit.lowercased() != indicatorUnit.trimmed.lowercased() {
            return .failure(Problem(field: "unit", messageKey: "measurement.error.unit"))
        }
        if Self.isPercent(indicatorUnit), !(0...100).contains(number) {
            return .failure(Problem(field: "value", messageKey: "measurement.error.percent"))
        }
        if source.count > 1_000 { return .failure(Problem(field: "source", messageKey: "form.error.tooLong")) }
        var breakdown: [DisaggregationDimension: [String: Double]] = [:]
        for (dimension, text) in disaggregation where !text.trimmed.isEmpty {
            let field = "dis-\(dimension.rawValue)"
            guard dimensions.contains(dimension) else {
                return .failure(Problem(field: field, messageKey: "measurement.error.undeclaredDimension"))
            }
            var categories: [String: Double] = [:]
            for part in text.split(whereSeparator: { $0 == ";" || $0 == "\n" }) where !String(part).trimmed.isEmpty {
                let pair = part.split(separator: "=", maxSplits: 1).map { String($0).trimmed }
                guard pair.count == 2, !pair[0].isEmpty, categories[pair[0]] == nil,
                    case .success(let value) = DecimalInput.parse(pair[1])
                else { return .failure(Problem(field: field, messageKey: "measurement.error.breakdown")) }
                categories[pair[0]] = value
            }
            breakdown[dimension] = categories
        }
        let link = link.trimmed
        if !link.isEmpty && !WebAddress.isValid(link) {
            return .failure(Problem(field: "link", messageKey: "measurement.error.link"))
        }
        return .success(
            Valid(
                value: number, day: day, source: source.trimmed, breakdown: breakdown, link: link.isEmpty ? nil : link)
        )
    }

    static func isPercent(_ unit: String) -> Bool {
        let unit = unit.trimmed.lowercased()
        return unit == "%" || unit == "percent" || unit == "хувь"
    }
}
