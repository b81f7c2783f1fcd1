import Foundation
import SQLKit
import UPRDomain

/// Indicators: creating and editing them (versioned and audited with the fields before and after), their links to
/// recommendations and plan entries, the list, and the SMART flag the plan matrix counts.
public struct IndicatorStore: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    static let select = """
        SELECT i.id, i.title, i.definition, i.kind, i.unit, i.baseline_value, i.baseline_date, i.target_value,
               i.target_date, i.data_source, i.frequency, i.dimensions, i.responsible_organisation_id,
               o.name AS responsible_name, i.smart_ok, i.version, i.created_at, i.updated_at,
               EXISTS (SELECT 1 FROM indicator_plan_entries ip JOIN plan_entries p ON p.id = ip.plan_entry_id
                       WHERE ip.indicator_id = i.id AND p.status = 'published') AS is_public
        FROM indicators i LEFT JOIN organisations o ON o.id = i.responsible_organisation_id
        """

    public func indicator(id: Int) async throws -> Indicator? {
        try await indicators(ids: [id]).first
    }

    /// Indicators with their data partners and links, in the order of `ids` (unknown ids left out): four
    /// statements whatever the number, for the API's pages of indicators.
    public func indicators(ids: [Int]) async throws -> [Indicator] {
        guard !ids.isEmpty else { return [] }
        let wanted: SQLQueryString = "(\(binds: ids))"
        var byID: [Int: Indicator] = [:]
        for row in try await sql.raw("\(unsafeRaw: Self.select) WHERE i.id IN " + wanted).all() {
            let indicator = try Self.indicator(row)
            byID[indicator.id] = indicator
        }
        let partners = try await sql.raw(
            """
            SELECT d.indicator_id, d.organisation_id, o.name FROM indicator_data_partners d JOIN organisations o
            ON o.id = d.organisation_id WHERE d.indicator_id IN
            """ + wanted + " ORDER BY o.name, d.organisation_id"
        ).all()
        for row in partners {
            let id = try row.decode(column: "indicator_id", as: Int.self)
            byID[id]?.fields.dataPartnerIDs.append(try row.decode(column: "organisation_id", as: Int.self))
            byID[id]?.dataPartnerNames.append(try row.decode(column: "name", as: String.self))
        }
        for row in try await sql.raw(
            "SELECT indicator_id, recommendation_id AS n FROM indicator_recommendations WHERE indicator_id IN "
                + wanted + " ORDER BY n"
        ).all() {
            byID[try row.decode(column: "indicator_id", as: Int.self)]?.fields.recommendationIDs.append(
                try row.decode(column: "n", as: Int.self))
        }
        for row in try await sql.raw(
            "SELECT indicator_id, plan_entry_id AS n FROM indicator_plan_entries WHERE indicator_id IN " + wanted
                + " ORDER BY n"
        ).all() {
            byID[try row.decode(column: "indicator_id", as: Int.self)]?.fields.planEntryIDs.append(
                try row.decode(column: "n", as: Int.self))
        }
        return ids.compactMap { byID[$0] }
    }

    static func indicator(_ row: any SQLRow) throws -> Indicator {
        var fields = IndicatorFields()
        fields.title = try row.decode(column: "title", as: String.self)
        fields.definition = try row.decode(column: "definition", as: String.self)
        fields.kind = IndicatorKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .outcome
        fields.unit = try row.decode(column: "unit", as: String.self)
        fields.baselineValue = try row.decode(column: "baseline_value", as: Double?.self)
        fields.baselineDate = try row.decode(column: "baseline_date", as: String?.self)
        fields.targetValue = try row.decode(column: "target_value", as: Double?.self)
        fields.targetDate = try row.decode(column: "target_date", as: String?.self)
        fields.dataSource = try row.decode(column: "data_source", as: String.self)
        fields.frequency = try row.decode(column: "frequency", as: String.self)
        fields.dimensions = try row.decode(column: "dimensions", as: String.self).split(separator: ",")
            .compactMap { DisaggregationDimension(rawValue: String($0)) }
        fields.responsibleOrganisationID = try row.decode(column: "responsible_organisation_id", as: Int?.self)
        return Indicator(
            id: try row.decode(column: "id", as: Int.self), fields: fields,
            responsibleName: try row.decode(column: "responsible_name", as: String?.self), dataPartnerNames: [],
            smartPasses: try row.decode(column: "smart_ok", as: Int.self) == 1,
            isPublic: try Self.flag(row, "is_public"), version: try row.decode(column: "version", as: Int.self),
            createdAt: try row.decode(column: "created_at", as: String.self),
            updatedAt: try row.decode(column: "updated_at", as: String.self))
    }

    /// A boolean expression's value: PostgreSQL returns a boolean, SQLite an integer.
    static func flag(_ row: any SQLRow, _ column: String) throws -> Bool {
        if let value = try? row.decode(column: column, as: Bool.self) { return value }
        return try row.decode(column: column, as: Int.self) != 0
    }

    /// The indicators a list shows, by title; the public sees those a published plan entry tracks.
    public func list(_ filter: IndicatorFilter, includeDrafts: Bool, only ids: [Int]? = nil) async throws
        -> [IndicatorListItem]
    {
        var conditions: [SQLQueryString] = []
        if let ids { conditions.append("i.id IN (\(binds: ids + [-1]))") }
        if !includeDrafts {
            conditions.append(
                """
                EXISTS (SELECT 1 FROM indicator_plan_entries ip JOIN plan_entries p ON p.id = ip.plan_entry_id
                WHERE ip.indicator_id = i.id AND p.status = 'published')
                """)
        }
        if let kind = filter.kind { conditions.append("i.kind = \(bind: kind.rawValue)") }
        if let organisation = filter.organisationID {
            conditions.append("i.responsible_organisation_id = \(bind: organisation)")
        }
        if let group = filter.workingGroupID {
            conditions.append(
                """
                EXISTS (SELECT 1 FROM indicator_plan_entries ip JOIN plan_entries p ON p.id = ip.plan_entry_id
                WHERE ip.indicator_id = i.id AND p.working_group_id = \(bind: group))
                """)
        }
        if let state = filter.state {
            // The state's indicators by their links (two indexed statements), not by a test of every indicator.
            let stateID = try await StateDirectory.id(named: state, on: sql)
            let tracked = try await stateIndicatorIDs(stateID: stateID ?? -1, cycle: nil)
            let wanted = ids.map { Set($0).intersection(tracked) } ?? tracked
            conditions.append("i.id IN (\(binds: wanted.sorted() + [-1]))")
        }
        let condition: SQLQueryString =
            conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        // The latest accepted measurement of each indicator: one seek in the (indicator, date) index per indicator,
        // rather than numbering every measurement of the registry.
        let query: SQLQueryString =
            """
            SELECT i.id, i.title, i.kind, i.unit, o.name AS responsible_name, i.smart_ok, i.baseline_value,
                   i.baseline_date, i.target_value, i.target_date, m.value AS latest_value, m.measured_on AS latest_date
            FROM indicators i LEFT JOIN organisations o ON o.id = i.responsible_organisation_id
            LEFT JOIN measurements m ON m.id = (
                SELECT x.id FROM measurements x WHERE x.indicator_id = i.id AND x.status = 'accepted'
                ORDER BY x.measured_on DESC, x.id DESC LIMIT 1)
            """ + condition + " ORDER BY i.title, i.id"
        return try await sql.raw(query).all().map { row in
            IndicatorListItem(
                id: try row.decode(column: "id", as: Int.self), title: try row.decode(column: "title", as: String.self),
                kind: IndicatorKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .outcome,
                unit: try row.decode(column: "unit", as: String.self),
                responsibleName: try row.decode(column: "responsible_name", as: String?.self),
                smartPasses: try row.decode(column: "smart_ok", as: Int.self) == 1,
                baselineValue: try row.decode(column: "baseline_value", as: Double?.self),
                baselineDate: try row.decode(column: "baseline_date", as: String?.self),
                targetValue: try row.decode(column: "target_value", as: Double?.self),
                targetDate: try row.decode(column: "target_date", as: String?.self),
                latestValue: try row.decode(column: "latest_value", as: Double?.self),
                latestDate: try row.decode(column: "latest_date", as: String?.self))
        }
    }

    /// The indicators tracking a plan entry or a recommendation (directly or through its entry), for their pages.
    public func tracking(planEntryID: Int?, recommendationID: Int?, includeDrafts: Bool) async throws
        -> [IndicatorListItem]
    {
        let ids = Array(
            try await sql.raw(
                """
                SELECT indicator_id FROM indicator_plan_entries WHERE plan_entry_id = \(bind: planEntryID ?? -1)
                UNION SELECT indicator_id FROM indicator_recommendations
                WHERE recommendation_id = \(bind: recommendationID ?? -1)
                UNION SELECT ip.indicator_id FROM indicator_plan_entries ip JOIN plan_entries p ON p.id = ip.plan_entry_id
                WHERE p.recommendation_id = \(bind: recommendationID ?? -1)
                """
            ).all().map { try $0.decode(column: "indicator_id", as: Int.self) })
        guard !ids.isEmpty else { return [] }
        return try await list(IndicatorFilter(), includeDrafts: includeDrafts, only: ids)
    }

    /// The indicators tracking a state's recommendations (of one cycle, or all), directly or through their plan
    /// entries, by recommendation: for the dashboard and the mid-term report. Two statements.
    public func tracking(stateID: Int, cycle: Int?, includeDrafts: Bool) async throws
        -> (byRecommendation: [Int: [Int]], indicators: [IndicatorListItem])
    {
        let links = try await links(stateID: stateID, cycle: cycle)
        var byRecommendation: [Int: [Int]] = [:]
        var ids: Set<Int> = []
        for (recommendation, indicator) in links {
            byRecommendation[recommendation, default: []].append(indicator)
            ids.insert(indicator)
        }
        guard !ids.isEmpty else { return ([:], []) }
        let items = try await list(IndicatorFilter(), includeDrafts: includeDrafts, only: ids.sorted())
        return (byRecommendation, items)
    }

    func stateIndicatorIDs(stateID: Int, cycle: Int?) async throws -> Set<Int> {
        Set(try await links(stateID: stateID, cycle: cycle).map(\.indicator))
    }

    /// (recommendation, indicator) pairs of a state's recommendations, directly or through their plan entries.
    func links(stateID: Int, cycle: Int?) async throws -> [(recommendation: Int, indicator: Int)] {
        let cycleFilter: SQLQueryString = cycle.map { " AND r.cycle = \(bind: $0)" } ?? ""
        return try await sql.raw(
            """
            SELECT ir.recommendation_id, ir.indicator_id FROM indicator_recommendations ir
            JOIN recommendations r ON r.id = ir.recommendation_id WHERE r.state_id = \(bind: stateID)\(cycleFilter)
            UNION SELECT p.recommendation_id, ip.indicator_id FROM indicator_plan_entries ip
            JOIN plan_entries p ON p.id = ip.plan_entry_id JOIN recommendations r ON r.id = p.recommendation_id
            WHERE r.state_id = \(bind: stateID)\(cycleFilter)
            """
        ).all().map { row in
            (
                try row.decode(column: "recommendation_id", as: Int.self),
                try row.decode(column: "indicator_id", as: Int.self)
            )
        }
    }

    /// The working groups of plan entries, for the rule on who may create an indicator for them.
    public func workingGroups(ofEntries ids: [Int]) async throws -> Set<Int> {
        guard !ids.isEmpty else { return [] }
        return Set(
            try await sql.raw(
                "SELECT working_group_id FROM plan_entries WHERE id IN (\(binds: ids))"
            ).all().map { try $0.decode(column: "working_group_id", as: Int.self) })
    }

    private func check(_ fields: IndicatorFields) async throws {
        if let problem = fields.problems().first {
            throw StoreError.invalid(field: problem.field, messageKey: problem.messageKey)
        }
        for (table, ids, field) in [
            ("recommendations", fields.recommendationIDs, "recommendations"),
            ("plan_entries", fields.planEntryIDs, "planEntries"),
            ("organisations", fields.dataPartnerIDs, "dataPartnerIDs"),
        ] where !ids.isEmpty {
            let wanted = Set(ids)
            let found = try await sql.raw(
                "SELECT COUNT(*) AS n FROM \(ident: table) WHERE id IN (\(binds: wanted.sorted()))"
            ).first()?.decode(column: "n", as: Int.self)
            guard found == wanted.count else {
                throw StoreError.invalid(field: field, messageKey: "indicator.error.links")
            }
        }
        // A concern or observation asks nothing of the state: no indicator tracks its implementation.
        if !fields.recommendationIDs.isEmpty {
            let concerns = try await sql.raw(
                """
                SELECT COUNT(*) AS n FROM recommendations
                WHERE id IN (\(binds: fields.recommendationIDs)) AND kind = \(bind: RecordKind.concernObservation.rawValue)
                """
            ).first()?.decode(column: "n", as: Int.self)
            guard concerns == 0 else {
                throw StoreError.invalid(field: "recommendations", messageKey: "indicator.error.concern")
            }
        }
        if let responsible = fields.responsibleOrganisationID {
            let found = try await sql.raw("SELECT id FROM organisations WHERE id = \(bind: responsible)").first()
            guard found != nil else {
                throw StoreError.invalid(field: "responsibleOrganisationID", messageKey: "form.error.choice")
            }
        }
    }

    public func create(_ fields: IndicatorFields, userID: Int?, actor: String) async throws -> Int {
        try await check(fields)
        let now = Timestamp.string(Date())
        let row = try await sql.insert(into: "indicators")
            .columns(
                "title", "definition", "kind", "unit", "baseline_value", "baseline_date", "target_value", "target_date",
                "data_source", "frequency", "dimensions", "responsible_organisation_id", "created_by", "created_at",
                "updated_at"
            )
            .values(
                fields.title, fields.definition, fields.kind.rawValue, fields.unit, fields.baselineValue,
                fields.baselineDate, fields.targetValue, fields.targetDate, fields.dataSource, fields.frequency,
                fields.dimensions.map(\.rawValue).joined(separator: ","), fields.responsibleOrganisationID, userID, now,
                now
            )
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int.self) else { throw StoreError.missingRow("indicator") }
        try await replaceLinks(id, fields)
        try await refreshSMART(id)
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "create", entity: .indicator, entityID: id, summary: "Indicator created",
            before: [:], after: fields.asText)
        return id
    }

    /// Saves the fields if nobody saved the indicator since `version`.
    public func update(_ id: Int, version: Int, fields: IndicatorFields, actor: String) async throws {
        try await check(fields)
        guard let before = try await indicator(id: id) else { throw StoreError.missingRow("indicator \(id)") }
        _ = try await VersionedUpdate.run(
            table: "indicators", id: id, expected: version,
            values: [
                ("title", fields.title), ("definition", fields.definition), ("kind", fields.kind.rawValue),
                ("unit", fields.unit), ("baseline_value", fields.baselineValue),
                ("baseline_date", fields.baselineDate), ("target_value", fields.targetValue),
                ("target_date", fields.targetDate), ("data_source", fields.dataSource),
                ("frequency", fields.frequency),
                ("dimensions", fields.dimensions.map(\.rawValue).joined(separator: ",")),
                ("responsible_organisation_id", fields.responsibleOrganisationID),
            ], on: sql)
        try await replaceLinks(id, fields)
        try await refreshSMART(id)
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "update", entity: .indicator, entityID: id, summary: "Indicator edited",
            before: before.fields.asText, after: fields.asText)
    }

    /// The texts of the recommendations an indicator tracks, directly or through its plan entries.
    public func recommendationTexts(recommendationIDs: [Int], planEntryIDs: [Int]) async throws -> [String] {
        guard !recommendationIDs.isEmpty || !planEntryIDs.isEmpty else { return [] }
        return try await sql.raw(
            """
            SELECT text FROM recommendations WHERE id IN (\(binds: recommendationIDs + [-1]))
            OR id IN (SELECT recommendation_id FROM plan_entries WHERE id IN (\(binds: planEntryIDs + [-1])))
            """
        ).all().map { try $0.decode(column: "text", as: String.self) }
    }

    /// The SMART check of a stored indicator with its accepted measurements.
    public func smartCheck(_ indicator: Indicator) async throws -> SMARTCheck {
        let texts = try await recommendationTexts(
            recommendationIDs: indicator.fields.recommendationIDs, planEntryIDs: indicator.fields.planEntryIDs)
        let observations = try await MeasurementStore(sql).measurements(indicatorID: indicator.id, acceptedOnly: true)
            .compactMap { measurement in
                CalendarDay(measurement.date).map { Observation(day: $0, value: measurement.value) }
            }
        return SMARTCheck(indicator.fields.draft(recommendationTexts: texts), observations: observations)
    }

    /// Stores whether the indicator passes all five criteria, so the plan matrix counts them in its one query.
    /// Not a versioned change: it follows from the fields and the accepted measurements.
    func refreshSMART(_ id: Int) async throws {
        guard let indicator = try await indicator(id: id) else { return }
        let passes = try await smartCheck(indicator).passesAll
        try await sql.update("indicators").set("smart_ok", to: passes ? 1 : 0).where("id", .equal, id).run()
    }

    private func replaceLinks(_ id: Int, _ fields: IndicatorFields) async throws {
        let lists: [(String, String, [Int])] = [
            ("indicator_recommendations", "recommendation_id", fields.recommendationIDs),
            ("indicator_plan_entries", "plan_entry_id", fields.planEntryIDs),
            ("indicator_data_partners", "organisation_id", fields.dataPartnerIDs),
        ]
        for (table, column, ids) in lists {
            try await sql.delete(from: table).where("indicator_id", .equal, id).run()
            for other in Set(ids).sorted() {
                try await sql.insert(into: table).columns("indicator_id", column).values(id, other).run()
            }
        }
    }
}
