import SQLKit
import UPRDomain
import UPRStore

extension DemoData {
    /// Two annual assessments of Mongolia's recommendations: 2016 (closed, a snapshot) and 2017 (open), by the
    /// government, the national human rights commission and a CSO, so that agreement, disagreement and movement
    /// between rounds can be seen. The statuses are made up for the demo, deterministically.
    static func seedAssessments(on sql: any SQLDatabase) async throws {
        let store = AssessmentStore(sql)
        let organisations = try await OrganisationStore(sql).organisations()
        let names = [
            "Ministry of Justice and Home Affairs", "National Human Rights Commission of Mongolia",
            "Mongolian NGO Human Rights Forum",
        ]
        let assessors = names.compactMap { name in organisations.first { $0.name == name }?.id }
        let recommendations = try await sql.raw(
            """
            SELECT r.id FROM recommendations r JOIN states s ON s.id = r.state_id
            WHERE s.name = 'Mongolia' ORDER BY r.id
            """
        ).all().map { try $0.decode(column: "id", as: Int.self) }
        let justifications: [ImplementationStatus: String] = [
            .notStarted: "No measure has been taken yet; the matter is not on the legislative agenda.",
            .partial: "A draft law or programme exists, but it is not adopted or not yet funded.",
            .full: "The law was adopted and its implementing regulation is in force.",
            .noData: "",
        ]
        // Eleven slots in order of progress, weighted towards "partially implemented" as real assessments are.
        let statuses: [ImplementationStatus] = [
            .noData, .notStarted, .notStarted, .notStarted, .partial, .partial, .partial, .partial, .full, .full, .full,
        ]
        for (year, share, close) in [(2016, 30, true), (2017, 20, false)] {
            let round = try await store.createRound(
                stateName: "Mongolia", cycle: nil, title: "Annual assessment \(year)", heldOn: "\(year)-12-10",
                actor: "demo")
            for (position, recommendation) in recommendations.prefix(share).enumerated() {
                for (index, organisation) in assessors.enumerated() {
                    // The government sees a little more progress than the others, and 2017 a little more than 2016.
                    let mixed = ((position + 1) * (index + 3) * 7_919) % 9 + (index == 0 ? 1 : 0) + (year - 2016)
                    let status = statuses[min(mixed, statuses.count - 1)]
                    try await store.save(
                        round: round, recommendation: recommendation, organisationID: organisation,
                        input: AssessmentInput(
                            status: status, justification: justifications[status] ?? "", evidenceURL: ""),
                        version: 0, userID: nil, actor: "demo")
                }
            }
            if close, let saved = try await store.round(round) {
                try await store.closeRound(round, version: saved.version, actor: "demo")
            }
        }
    }
}
