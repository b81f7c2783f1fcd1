import FluentKit
import Foundation
import SQLKit
import UPRDomain
import UPRStore

/// The demo: Mongolia's first-cycle recommendations (the UPR Info export shipped with the product) and the two
/// second-cycle examples the 2015 coordination meeting put in its implementation-plan template.
public enum DemoData {
    static let mongoliaFile = "mongolia_cycle1_session9_uprinfo.csv"

    /// The seed's annex 8.1 rows, from Mongolia's second review (A/HRC/30/6).
    static var secondCycleExamples: [RecommendationRecord] {
        [
            RecommendationRecord(
                stateUnderReview: "Mongolia", session: 22, reportSymbol: "A/HRC/30/6", paragraph: "108.42",
                text:
                    "Adopt a comprehensive law against discrimination on all grounds, including legal protection of victims",
                recommendingStates: ["Czech Republic"], response: .supported, responseSource: "A/HRC/30/6/Add.1",
                actionCategory: .specific, themes: [OHCHRTheme(code: "B31", name: "Equality & non-discrimination")],
                provenance: [Provenance(file: "coordination-meeting-outcome-report (annex 8.1)", row: 1)]),
            RecommendationRecord(
                stateUnderReview: "Mongolia", session: 22, reportSymbol: "A/HRC/30/6", paragraph: "108.103",
                text:
                    "Adopt the revised Law against Domestic Violence, enhance awareness-raising campaigns about domestic violence, and expand services and protection for victims",
                recommendingStates: ["Canada"], response: .supported, responseSource: "A/HRC/30/6/Add.1",
                actionCategory: .specific, issues: ["Women's rights"],
                themes: [OHCHRTheme(code: "D29", name: "Domestic violence")],
                provenance: [Provenance(file: "coordination-meeting-outcome-report (annex 8.1)", row: 2)]),
        ]
    }

    /// Loads the demo when the database holds no recommendations; returns whether it did.
    @discardableResult
    public static func loadIfEmpty(on database: any Database) async throws -> Bool {
        guard let sql = database as? any SQLDatabase else { return false }
        let count =
            try await sql.raw("SELECT COUNT(*) AS n FROM recommendations").first()?
            .decode(column: "n", as: Int.self) ?? 0
        guard count == 0 else { return false }
        let url = SiteResources.demoFile(mongoliaFile)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw FileImport.Failure(description: "The demo file \(mongoliaFile) is missing from the build.")
        }
        var batches = try FileImport.parse([(mongoliaFile, data)], format: nil)
        batches.append(
            ImportBatch(
                fileName: "coordination-meeting-outcome-report (annex 8.1)", format: "seed", sha256: "seed",
                rowsRead: 2, records: secondCycleExamples))
        _ = try await RecordWriter.write(batches, actor: "demo", on: database)
        // Review dates are in no export; these two are public facts (DOMAIN.md).
        try await sql.raw(
            "UPDATE reviews SET review_date = '2010-11-02' WHERE session = 9 AND state_id = (SELECT id FROM states WHERE name = 'Mongolia')"
        ).run()
        try await sql.raw(
            "UPDATE reviews SET review_date = '2015-05-05' WHERE session = 22 AND state_id = (SELECT id FROM states WHERE name = 'Mongolia')"
        ).run()
        return true
    }
}
