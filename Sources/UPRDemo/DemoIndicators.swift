import Foundation
import SQLKit
import UPRDomain
import UPRStore

/// The demo's indicators for Mongolia, on the seed's themes (domestic violence, children's rights,
/// discrimination), with measurements, so the indicator pages and the plan's SMART counts have something to show.
/// The figures are illustrative, made for the demo: they are not official statistics.
public enum DemoIndicators {
    struct Plan {
        var title: String
        var definition: String
        var kind: IndicatorKind
        var unit: String
        var baseline: (Double, String)
        var target: (Double, String)
        var source: String
        var frequency: String
        var dimensions: [DisaggregationDimension]
        var responsible: String
        /// The recommendation (by the start of its text) whose published plan entry it tracks, or which it tracks
        /// directly when `entry` is false.
        var recommendation: String
        var entry: Bool
        /// Date, value, breakdown, accepted (false: waiting for review).
        var measurements: [(String, Double, [DisaggregationDimension: [String: Double]], Bool)]
    }

    static let plans: [Plan] = [
        Plan(
            title: "Domestic violence cases registered by the police",
            definition:
                "Number of domestic violence cases registered by the police in the calendar year, all provinces; a rise is read as better reporting and registration after the revised law of 2016.",
            kind: .outcome, unit: "cases", baseline: (2_200, "2016-12-31"), target: (4_000, "2024-12-31"),
            source: "National Police Agency, annual crime statistics (illustrative demo figures)", frequency: "Yearly",
            dimensions: [.sex, .region], responsible: "Ministry of Justice and Home Affairs",
            recommendation: "Take effective measures to combat domestic violence", entry: true,
            measurements: [
                ("2017-12-31", 2_650, [.sex: ["female": 2_380, "male": 270]], true),
                ("2018-12-31", 3_050, [.sex: ["female": 2_720, "male": 330]], true),
                ("2019-12-31", 3_300, [.sex: ["female": 2_930, "male": 370]], true),
                ("2020-12-31", 3_560, [:], false),
            ]),
        Plan(
            title: "One-stop service centres and shelters for victims",
            definition:
                "Number of one-stop service centres and shelters for victims of domestic violence in operation on 31 December, counted per province and in Ulaanbaatar.",
            kind: .process, unit: "centres", baseline: (3, "2016-12-31"), target: (22, "2023-12-31"),
            source: "Ministry of Labour and Social Protection (illustrative demo figures)", frequency: "Yearly",
            dimensions: [.region], responsible: "Ministry of Labour and Social Protection",
            recommendation: "Ensure proper redress and protection for victims", entry: true,
            measurements: [("2018-12-31", 8, [:], true), ("2020-12-31", 13, [:], true)]),
        Plan(
            title: "Children under five whose birth is registered",
            definition:
                "Share of children under five years of age whose birth is registered with the civil registration authority, from the household survey.",
            kind: .outcome, unit: "%", baseline: (98.6, "2013-12-31"), target: (100, "2025-12-31"),
            source: "Social Indicator Sample Survey / MICS (illustrative demo figures)", frequency: "Every 3–5 years",
            dimensions: [.residence, .sex], responsible: "Ministry of Justice and Home Affairs",
            recommendation: "Step up the efforts aimed at the adoption of the new 10-year National Programme",
            entry: true,
            measurements: [("2018-12-31", 99.3, [.residence: ["urban": 99.6, "rural": 98.9]], true)]),
        Plan(
            title: "Anti-discrimination law adopted",
            definition: "Law adopted (1) or not (0).", kind: .structural, unit: "yes/no", baseline: (0, "2015-12-31"),
            target: (1, "2020-12-31"), source: "State Great Khural, legal database", frequency: "Yearly",
            dimensions: [], responsible: "Ministry of Justice and Home Affairs",
            recommendation: "Strengthen existing legal protections and enhance enforcement to combat discrimination",
            entry: false, measurements: []),
    ]

    /// Adds the indicators, their published plan entries and their measurements (reviewed by the demo administrator).
    public static func load(on sql: any SQLDatabase) async throws {
        let organisations = try await OrganisationStore(sql).organisations()
        let groups = try await OrganisationStore(sql).workingGroups()
        let accounts = AccountStore(sql)
        let admin = try await accounts.user(email: "admin@demo.upr")?.id
        let focal = try await accounts.user(email: "focal@demo.upr")?.id
        let partner = organisations.first { $0.name == "UN Resident Coordinator's Office" }?.id
        let today = CalendarDay(Timestamp.day(Date())) ?? CalendarDay("2100-01-01")!
        for plan in plans {
            guard
                let recommendation = try await sql.raw(
                    "SELECT id FROM recommendations WHERE text LIKE \(bind: plan.recommendation + "%") ORDER BY id"
                ).first()?.decode(column: "id", as: Int.self)
            else { continue }
            let responsible = organisations.first { $0.name == plan.responsible }?.id
            var fields = IndicatorFields()
            fields.title = plan.title
            fields.definition = plan.definition
            fields.kind = plan.kind
            fields.unit = plan.unit
            (fields.baselineValue, fields.baselineDate) = (plan.baseline.0, plan.baseline.1)
            (fields.targetValue, fields.targetDate) = (plan.target.0, plan.target.1)
            fields.dataSource = plan.source
            fields.frequency = plan.frequency
            fields.dimensions = plan.dimensions
            fields.responsibleOrganisationID = responsible
            fields.dataPartnerIDs = partner.map { [$0] } ?? []
            if plan.entry {
                let store = PlanStore(sql)
                let entryID: Int
                if let existing = try await store.entry(recommendationID: recommendation) {
                    entryID = existing.id
                } else {
                    var entry = PlanEntryFields()
                    entry.goal = plan.title
                    entry.indicators = plan.title + " (" + plan.unit + ")"
                    entry.leadOrganisationID = responsible
                    let group = groups.first { $0.cluster == .women }?.id ?? groups[0].id
                    entryID = try await store.create(
                        recommendationID: recommendation, workingGroupID: group, fields: entry, userID: nil,
                        actor: "demo")
                    try await store.setStatus(entryID, version: 1, status: .published, actor: "demo")
                }
                fields.planEntryIDs = [entryID]
            } else {
                fields.recommendationIDs = [recommendation]
            }
            let indicator = try await IndicatorStore(sql).create(fields, userID: focal, actor: "demo")
            let measurements = MeasurementStore(sql)
            for (date, value, breakdown, accepted) in plan.measurements {
                var typed: [DisaggregationDimension: String] = [:]
                for (dimension, categories) in breakdown {
                    typed[dimension] = categories.sorted { $0.key < $1.key }.map {
                        "\($0.key) = \(IndicatorFields.number($0.value))"
                    }.joined(separator: "; ")
                }
                let valid = try MeasurementInput(
                    value: IndicatorFields.number(value), date: date, unit: plan.unit, source: plan.source,
                    disaggregation: typed
                ).validate(indicatorUnit: plan.unit, dimensions: Set(plan.dimensions), today: today).get()
                let id = try await measurements.add(
                    indicatorID: indicator, valid, evidence: nil, userID: focal, actor: "demo")
                if accepted, let admin {
                    try await measurements.review(
                        id, version: 1, decision: .accepted, comment: "", userID: admin, actor: "demo")
                }
            }
        }
    }
}
