import FluentKit
import Foundation
import SQLKit
import UPRDomain
import UPRStore

/// The demo: Mongolia's first-cycle recommendations (the UPR Info export shipped with the product) and the two
/// second-cycle examples the 2015 coordination meeting put in its implementation-plan template.
public enum DemoData {
    static let mongoliaFile = "mongolia_cycle1_session9_uprinfo.csv"

    /// The UPR Info export the demo imports (Mongolia, cycle 1), shipped in the module exactly as UPR Info wrote it.
    public static var mongoliaExport: URL {
        Bundle.module.url(forResource: "Demo", withExtension: nil)!.appendingPathComponent(mongoliaFile)
    }

    /// The seed's annex 8.1 rows, from Mongolia's second review (A/HRC/30/6). The seed classifies neither, so their
    /// issues, clusters and action categories are the classifier's suggestions, for a person to confirm.
    static var secondCycleExamples: [RecommendationRecord] {
        [
            RecommendationRecord(
                stateUnderReview: "Mongolia", session: 22, reportSymbol: "A/HRC/30/6", paragraph: "108.42",
                text:
                    "Adopt a comprehensive law against discrimination on all grounds, including legal protection of victims",
                recommendingStates: ["Czech Republic"], response: .supported, responseSource: "A/HRC/30/6/Add.1",
                provenance: [Provenance(file: "coordination-meeting-outcome-report (annex 8.1)", row: 1)]),
            RecommendationRecord(
                stateUnderReview: "Mongolia", session: 22, reportSymbol: "A/HRC/30/6", paragraph: "108.103",
                text:
                    "Adopt the revised Law against Domestic Violence, enhance awareness-raising campaigns about domestic violence, and expand services and protection for victims",
                recommendingStates: ["Canada"], response: .supported, responseSource: "A/HRC/30/6/Add.1",
                provenance: [Provenance(file: "coordination-meeting-outcome-report (annex 8.1)", row: 2)]),
        ]
    }

    /// Loads the demo when the database holds no recommendations; returns whether it did.
    @discardableResult
    public static func loadIfEmpty(on database: any Database, passwordHash: String) async throws -> Bool {
        guard let sql = database as? any SQLDatabase else { return false }
        let count =
            try await sql.raw("SELECT COUNT(*) AS n FROM recommendations").first()?
            .decode(column: "n", as: Int.self) ?? 0
        guard count == 0 else { return false }
        let url = mongoliaExport
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
        try await seedStakeholders(on: sql, passwordHash: passwordHash)
        try await seedAssessments(on: sql)
        try await seedMeetings(on: sql)
        return true
    }
}

extension DemoData {
    /// The demo accounts, all with `password`: one per role, so each part of the system can be tried.
    public static let password = "upr-demo-2015"
    public static let accounts: [(email: String, name: String, role: Role, organisation: String)] = [
        ("admin@demo.upr", "Secretariat", .administrator, "UPR coordinating committee"),
        ("cso@demo.upr", "CSO member", .csoMember, "Mongolian NGO Human Rights Forum"),
        ("focal@demo.upr", "Focal point", .focalPoint, "Ministry of Justice and Home Affairs"),
        ("observer@demo.upr", "Observer", .observer, "UN Resident Coordinator's Office"),
        ("nhri@demo.upr", "Human rights commissioner", .csoMember, "National Human Rights Commission of Mongolia"),
    ]

    /// The stakeholders the seed names (its participants, section 4), the renamed Ministry of Justice (DOMAIN.md),
    /// and who sits in which working group.
    static func seedStakeholders(on sql: any SQLDatabase, passwordHash: String) async throws {
        let store = OrganisationStore(sql)
        let organisations: [(String, OrganisationKind, String?)] = [
            ("Ministry of Justice", .ministry, nil), ("Ministry of Foreign Affairs", .ministry, nil),
            ("Ministry of Labour and Social Protection", .ministry, nil), ("State Great Khural", .parliament, nil),
            ("National Human Rights Commission of Mongolia", .nhri, nil), ("Open Society Forum", .cso, nil),
            ("Mongolian NGO Human Rights Forum", .cso, nil), ("Environment and Health Centre", .cso, nil),
            ("UN Resident Coordinator's Office", .unAgency, nil), ("International Labour Organization", .unAgency, nil),
            ("Embassy of Canada", .embassy, "Canada"), ("Embassy of the Czech Republic", .embassy, "Czech Republic"),
            ("UPR coordinating committee", .coordinatingBody, nil),
        ]
        var ids: [String: Int] = [:]
        for (name, kind, state) in organisations {
            ids[name] = try await store.create(
                name: name, kind: kind, representsState: state, validFrom: nil, actor: "demo")
        }
        // The Ministry of Justice became Justice and Home Affairs in 2016; its history keeps the old name.
        if let justice = ids["Ministry of Justice"], let org = try await store.organisation(justice) {
            try await store.update(
                justice, version: org.version, name: "Ministry of Justice and Home Affairs", kind: .ministry,
                representsState: nil, validTo: nil, renamedOn: "2016-07-08", actor: "demo")
            ids["Ministry of Justice and Home Affairs"] = justice
        }
        let groups = try await store.workingGroups()
        let membership: [Cluster: [String]] = [
            .justice: ["Open Society Forum", "Mongolian NGO Human Rights Forum"],
            .women: ["Mongolian NGO Human Rights Forum"],
            .children: ["Environment and Health Centre"],
            .escRights: ["Open Society Forum", "Environment and Health Centre"],
            .vulnerableGroups: ["Mongolian NGO Human Rights Forum"],
        ]
        for group in groups {
            guard let cluster = group.cluster, let members = membership[cluster] else { continue }
            try await store.updateWorkingGroup(
                group.id, version: group.version, name: group.name, cluster: cluster,
                memberIDs: members.compactMap { ids[$0] }, actor: "demo")
        }
        let accounts = AccountStore(sql)
        for account in Self.accounts where try await accounts.user(email: account.email) == nil {
            _ = try await accounts.createUser(
                email: account.email, name: account.name, passwordHash: passwordHash, role: account.role,
                organisationID: ids[account.organisation], actor: "demo")
        }
    }
}
