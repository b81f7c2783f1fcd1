import UPRDomain

extension Translator {
    /// The name of a taxonomy, for headings and filters ("UPR Info issues").
    public func taxonomy(_ taxonomy: Taxonomy) -> String { self(CatalogKey.taxonomy(taxonomy)) }

    /// The name of a seed thematic cluster.
    public func cluster(_ cluster: Cluster) -> String { self(CatalogKey.cluster(cluster)) }

    /// The name of one of a cluster's sub-themes (`subTheme(.escRights, "Mining")`); an unknown name comes back as
    /// given.
    public func subTheme(_ cluster: Cluster, _ name: String) -> String {
        label(CatalogKey.subTheme(cluster, name), orElse: name)
    }

    /// The name of a UPR Info issue, matched case-insensitively; a name that is not one of the 54 comes back as
    /// given.
    public func issue(_ name: String) -> String {
        label(CatalogKey.issue(name), orElse: name)
    }

    /// The title of a Sustainable Development Goal; an unknown number comes back as "SDG {n}".
    public func sdg(_ goal: Int) -> String {
        label(CatalogKey.sdg(goal), orElse: sdgLabel(goal))
    }

    /// The short tag of a goal: en "SDG 16", mn "ТХЗ 16".
    public func sdgLabel(_ goal: Int) -> String { self("sdg.label", ["n": String(goal)]) }

    /// The short name of an action category (en "Specific action").
    public func action(_ category: ActionCategory) -> String { self(CatalogKey.action(category)) }

    /// One sentence on what an action category covers, with its typical verbs.
    public func actionDescription(_ category: ActionCategory) -> String {
        self(CatalogKey.actionDescription(category))
    }

    /// The name of a response (en "Supported", mn "Дэмжсэн").
    public func response(_ response: Response) -> String { self(CatalogKey.response(response)) }

    /// The full name of the mechanism that made a recommendation (en "Committee on the Rights of the Child"); the
    /// abbreviation is `Mechanism.abbreviation`.
    public func mechanism(_ mechanism: Mechanism) -> String { self(CatalogKey.mechanism(mechanism)) }

    /// The name of a group of affected persons (`affectedPersons("children")`); an unknown name comes back as given.
    public func affectedPersons(_ name: String) -> String {
        label(CatalogKey.affectedPersons(name), orElse: name)
    }

    /// The name of a record kind (recommendation, voluntary pledge).
    public func kind(_ kind: RecordKind) -> String { self(CatalogKey.kind(kind)) }

    /// A cycle's name: en "Cycle 2", mn "2-р мөчлөг".
    public func cycle(_ number: Int) -> String { self(CatalogKey.cycle, ["n": String(number)]) }

    /// The name of an OHCHR theme group from its letter or any theme code (`"D29"`); an unknown one comes back as
    /// given.
    public func themeGroup(_ code: String) -> String {
        label(CatalogKey.themeGroup(code), orElse: code)
    }

    /// The name of a UN regional group from its UPR Info code (`"WEOG"`) or from its English name as UHRI writes it
    /// (`"Asia-Pacific States"`); an unknown one comes back as given.
    public func region(_ code: String) -> String {
        if let name = localizer.resolve(CatalogKey.region(code), language) { return name }
        // UHRI names the groups in full; the English catalog's names are those, so they lead back to the code.
        let english = code.lowercased()
        guard
            let known = CatalogKey.regions.first(where: {
                localizer.resolve(CatalogKey.region($0), .en)?.lowercased() == english
            })
        else { return code }
        return label(CatalogKey.region(known), orElse: code)
    }
}
