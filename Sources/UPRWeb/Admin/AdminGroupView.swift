import UPRDomain
import UPRLocalization
import UPRStore

/// The administrator's page of one working group: its name, the cluster it works on and its member organisations.
struct AdminGroupView: Encodable {
    var layout: Layout
    var csrf: String
    var id: Int
    var name: String
    var version: Int
    var clusters: [SelectOption]
    var members: [SelectOption]

    /// The form from the group and every organisation that may be a member.
    static func build(_ context: PageContext, group: WorkingGroup, organisations: [Organisation]) -> AdminGroupView {
        let t = context.t
        return AdminGroupView(
            layout: Layout(context, title: group.name, section: .admin), csrf: context.csrf, id: group.id,
            name: group.name, version: group.version,
            clusters: [SelectOption(value: "", label: t("common.none"), selected: group.cluster == nil)]
                + Cluster.allCases.map {
                    SelectOption(value: $0.rawValue, label: t.cluster($0), selected: $0 == group.cluster)
                },
            members: organisations.map {
                SelectOption(value: String($0.id), label: $0.name, selected: group.memberIDs.contains($0.id))
            })
    }
}
