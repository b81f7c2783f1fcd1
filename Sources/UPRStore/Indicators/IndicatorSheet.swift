import SQLKit
import UPRDomain

/// The indicators of the list page's filter with every measurement the reader may see, for the spreadsheet: the
/// list's statement, then three for all the indicators together (data partners, the recommendations they track,
/// the measurements), whatever the number of indicators.
public struct IndicatorSheet: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var indicator: IndicatorListItem
        /// The recommendations tracked, directly or through a plan entry the reader may see: paragraph or `#id`.
        public var references: [String]
        public var dataPartners: [String]
        /// Oldest first.
        public var measurements: [MeasurementRecord]
    }

    /// The list's order (by title).
    public var lines: [Line]

    /// The indicators `filter` finds as the list does; with `includeDrafts` (a reader with an account), also those
    /// no published plan entry tracks, draft plan entries and pending and rejected measurements, as the pages show
    /// them to that reader.
    public static func load(_ filter: IndicatorFilter, includeDrafts: Bool, on sql: any SQLDatabase) async throws
        -> IndicatorSheet
    {
        let items = try await IndicatorStore(sql).list(filter, includeDrafts: includeDrafts)
        guard !items.isEmpty else { return IndicatorSheet(lines: []) }
        let ids = items.map(\.id)
        var partners: [Int: [String]] = [:]
        for row in try await sql.raw(
            """
            SELECT d.indicator_id, o.name FROM indicator_data_partners d JOIN organisations o ON o.id = d.organisation_id
            WHERE d.indicator_id IN (\(binds: ids)) ORDER BY o.name
            """
        ).all() {
            partners[try row.decode(column: "indicator_id", as: Int.self), default: []].append(
                try row.decode(column: "name", as: String.self))
        }
        let published: SQLQueryString = includeDrafts ? "" : " AND p.status = 'published'"
        var references: [Int: [String]] = [:]
        for row in try await sql.raw(
            """
            SELECT ir.indicator_id, r.id, r.paragraph FROM indicator_recommendations ir
            JOIN recommendations r ON r.id = ir.recommendation_id WHERE ir.indicator_id IN (\(binds: ids))
            UNION SELECT ip.indicator_id, r.id, r.paragraph FROM indicator_plan_entries ip
            JOIN plan_entries p ON p.id = ip.plan_entry_id JOIN recommendations r ON r.id = p.recommendation_id
            WHERE ip.indicator_id IN (\(binds: ids))
            """ + published + " ORDER BY 1, 2"
        ).all() {
            let reference =
                try row.decode(column: "paragraph", as: String?.self)
                ?? "#\(try row.decode(column: "id", as: Int.self))"
            references[try row.decode(column: "indicator_id", as: Int.self), default: []].append(reference)
        }
        let accepted: SQLQueryString = includeDrafts ? "" : " AND m.status = 'accepted'"
        var measurements: [Int: [MeasurementRecord]] = [:]
        for row in try await sql.raw(
            "\(unsafeRaw: MeasurementStore.select) WHERE m.indicator_id IN (\(binds: ids))" + accepted
                + " ORDER BY m.indicator_id, m.measured_on, m.id"
        ).all() {
            let measurement = try MeasurementStore.measurement(row)
            measurements[measurement.indicatorID, default: []].append(measurement)
        }
        return IndicatorSheet(
            lines: items.map { item in
                Line(
                    indicator: item, references: references[item.id] ?? [], dataPartners: partners[item.id] ?? [],
                    measurements: measurements[item.id] ?? [])
            })
    }
}
