extension Mechanism {
    /// The mechanism of a body as OHCHR's Universal Human Rights Index names it: an abbreviation (`CEDAW`,
    /// `CRC-OP-SC`), a committee's full name, `UPR`, or a special procedure's mandate (`SR on torture`,
    /// `WG on Arbitrary Detention`, `IE on sexual orientation and gender identity`); nil for a body it does not know.
    ///
    /// The optional protocols of the CRC are followed by the CRC itself, so `CRC-OP-AC` and `CRC-OP-SC` are `.crc`.
    public init?(body raw: String) {
        var words = raw.uppercased().split { $0.isWhitespace }
        if words.first == "-" { words.removeFirst() }
        let name = words.joined(separator: " ")
        // The abbreviation is the first word, before any protocol suffix (`CRC-OP-AC`).
        let first = String(name.prefix { $0.isLetter || $0.isNumber })
        if let mechanism = Self.byAbbreviation[first] {
            self = mechanism
            return
        }
        if ["SR", "IE", "WG", "SRSG"].contains(first) {
            self = .specialProcedures
            return
        }
        if name.contains("UNIVERSAL PERIODIC REVIEW") {
            self = .upr
            return
        }
        // Before the committees: "Special Rapporteur on the rights of persons with disabilities" is not the CRPD.
        if Self.specialProcedureTitles.contains(where: { name.hasPrefix($0) }) {
            self = .specialProcedures
            return
        }
        for (phrase, mechanism) in Self.byFullName where name.contains(phrase) {
            self = mechanism
            return
        }
        return nil
    }

    /// The treaty body whose documents carry this symbol (`CEDAW/C/MNG/CO/8-9`, `E/C.12/MNG/CO/4` for the CESCR,
    /// `CAT/OP/MNG/1` for the SPT); nil for Human Rights Council symbols (`A/HRC/…`), which UPR reports and
    /// special-procedure reports share.
    public init?(documentSymbol raw: String) {
        let parts = raw.uppercased().split(separator: "/").map { $0.filter { !$0.isWhitespace } }
        guard let first = parts.first else { return nil }
        if first == "E", parts.count > 1, parts[1] == "C.12" {
            self = .cescr
            return
        }
        if first == "CAT", parts.count > 1, parts[1] == "OP" {
            self = .spt
            return
        }
        guard let mechanism = Self.bySymbolPrefix[first] else { return nil }
        self = mechanism
    }

    private static let byAbbreviation: [String: Mechanism] = [
        "UPR": .upr, "CAT": .cat, "SPT": .spt, "CCPR": .ccpr, "HRCTTEE": .ccpr, "CESCR": .cescr, "CEDAW": .cedaw,
        "CRC": .crc, "CERD": .cerd, "CRPD": .crpd, "CMW": .cmw, "CED": .ced,
    ]

    private static let bySymbolPrefix: [String: Mechanism] = [
        "CAT": .cat, "CCPR": .ccpr, "CEDAW": .cedaw, "CRC": .crc, "CERD": .cerd, "CRPD": .crpd, "CMW": .cmw,
        "CED": .ced,
    ]

    private static let specialProcedureTitles = [
        "SPECIAL RAPPORTEUR", "INDEPENDENT EXPERT", "WORKING GROUP", "SPECIAL REPRESENTATIVE",
    ]

    /// The treaty bodies' full names, most specific first: "Subcommittee on Prevention of Torture" before
    /// "against Torture".
    private static let byFullName: [(String, Mechanism)] = [
        ("SUBCOMMITTEE ON PREVENTION OF TORTURE", .spt), ("SUBCOMMITTEE ON THE PREVENTION OF TORTURE", .spt),
        ("COMMITTEE AGAINST TORTURE", .cat),
        ("HUMAN RIGHTS COMMITTEE", .ccpr),
        ("ECONOMIC, SOCIAL AND CULTURAL RIGHTS", .cescr),
        ("DISCRIMINATION AGAINST WOMEN", .cedaw),
        ("RIGHTS OF THE CHILD", .crc),
        ("RACIAL DISCRIMINATION", .cerd),
        ("RIGHTS OF PERSONS WITH DISABILITIES", .crpd),
        ("MIGRANT WORKERS", .cmw),
        ("ENFORCED DISAPPEARANCES", .ced),
    ]
}
