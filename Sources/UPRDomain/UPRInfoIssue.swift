import Foundation

/// The 54 issues of the UPR Info database, each with the seed cluster its working group would take up.
///
/// Issues about the national and international framework (treaties, NHRI, the UPR process itself) belong to no
/// single cluster: every working group follows them, so `cluster` is nil.
public enum UPRInfoIssue {
    public static let all: [(name: String, cluster: Cluster?)] = [
        ("Asylum-seekers - refugees", .vulnerableGroups),
        ("CP rights - general", .justice),
        ("Civil society", .justice),
        ("Corruption", .justice),
        ("Counter-terrorism", .justice),
        ("Death penalty", .justice),
        ("Detention", .justice),
        ("Development", .escRights),
        ("Disabilities", .vulnerableGroups),
        ("ESC rights - general", .escRights),
        ("Elections", .justice),
        ("Enforced disappearances", .justice),
        ("Environment", .escRights),
        ("Extrajudicial executions", .justice),
        ("Freedom of association and peaceful assembly", .justice),
        ("Freedom of movement", .justice),
        ("Freedom of opinion and expression", .justice),
        ("Freedom of religion and belief", .justice),
        ("Freedom of the press", .justice),
        ("General", nil),
        ("HIV - Aids", .escRights),
        ("Human rights defenders", .justice),
        ("Human rights education and training", nil),
        ("Human rights violations by state agents", .justice),
        ("Impunity", .justice),
        ("Indigenous peoples", .vulnerableGroups),
        ("Internally displaced persons", .vulnerableGroups),
        ("International humanitarian law", .justice),
        ("International instruments", nil),
        ("Justice", .justice),
        ("Labour", .escRights),
        ("Migrants", .vulnerableGroups),
        ("Minorities", .vulnerableGroups),
        ("NHRI", nil),
        ("National plan of action", nil),
        ("Other", nil),
        ("Poverty", .escRights),
        ("Public security", .justice),
        ("Racial discrimination", .vulnerableGroups),
        ("Right to education", .escRights),
        ("Right to food", .escRights),
        ("Right to health", .escRights),
        ("Right to housing", .escRights),
        ("Right to land", .escRights),
        ("Right to water", .escRights),
        ("Rights of the Child", .children),
        ("Sexual Orientation and Gender Identity", .vulnerableGroups),
        ("Special procedures", nil),
        ("Technical assistance and cooperation", nil),
        ("Torture and other CID treatment", .justice),
        ("Trafficking", .vulnerableGroups),
        ("Treaty bodies", nil),
        ("UPR process", nil),
        ("Women's rights", .women),
    ]

    private static let byName: [String: Cluster?] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.name.lowercased(), $0.cluster) })

    /// True when `name` is one of the 54 issues (case-insensitive).
    public static func isKnown(_ name: String) -> Bool { byName[name.lowercased()] != nil }

    /// The canonical spelling of an issue name, or nil when it is not one of the 54.
    public static func canonical(_ name: String) -> String? {
        let key = name.trimmingCharacters(in: .whitespaces).lowercased()
        return all.first { $0.name.lowercased() == key }?.name
    }

    public static func cluster(of name: String) -> Cluster? { byName[name.lowercased()] ?? nil }
}
