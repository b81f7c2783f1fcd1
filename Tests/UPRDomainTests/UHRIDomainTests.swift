import Foundation
import Testing
import UPRDomain

/// The values a UHRI record adds to the domain: its annotation's id and type, SDG targets, and the body behind it.
@Suite struct AnnotationIDTests {
    @Test func readsEveryPrintingOfAGUID() {
        let canonical = "1b4e28ba-2fa1-11d2-883f-0016d3cca427"
        for raw in [
            canonical, "1B4E28BA-2FA1-11D2-883F-0016D3CCA427", "{1b4e28ba-2fa1-11d2-883f-0016d3cca427}",
            "1b4e28ba2fa111d2883f0016d3cca427", "  1b4e28ba-2fa1-11d2-883f-0016d3cca427 ",
        ] {
            #expect(AnnotationID(parsing: raw)?.value == canonical, "\(raw)")
        }
    }

    @Test func refusesWhatIsNotAGUID() {
        for raw in ["", "1b4e28ba-2fa1-11d2-883f", "1b4e28ba-2fa1-11d2-883f-0016d3cca42g", "not a guid", "{}"] {
            #expect(AnnotationID(parsing: raw) == nil, "\(raw)")
        }
    }

    @Test func codesAsItsText() throws {
        let id = try #require(AnnotationID(parsing: "1B4E28BA2FA111D2883F0016D3CCA427"))
        let json = try JSONEncoder().encode([id])
        #expect(String(decoding: json, as: UTF8.self) == #"["1b4e28ba-2fa1-11d2-883f-0016d3cca427"]"#)
        #expect(try JSONDecoder().decode([AnnotationID].self, from: json) == [id])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([AnnotationID].self, from: Data(#"["x"]"#.utf8))
        }
    }
}

@Suite struct AnnotationTypeTests {
    @Test func readsUHRISpellings() {
        #expect(AnnotationType(parsing: "Recommendations") == .recommendation)
        #expect(AnnotationType(parsing: "recommendation") == .recommendation)
        #expect(AnnotationType(parsing: "Concerns/Observations") == .concernObservation)
        #expect(AnnotationType(parsing: "Concern / observation") == .concernObservation)
        #expect(AnnotationType(parsing: "Observations") == .concernObservation)
        #expect(AnnotationType(parsing: "Pledges") == nil)
        #expect(AnnotationType(parsing: "") == nil)
    }

    @Test func aConcernIsAnotherRecordThanTheRecommendationOfItsParagraph() {
        var concern = RecommendationRecord(
            stateUnderReview: "Mongolia", reportSymbol: "CAT/C/MNG/CO/2", paragraph: "9", text: "The Committee is…",
            recommendingStates: [], response: .pending, mechanism: .cat, annotationType: .concernObservation)
        var recommendation = concern
        recommendation.annotationType = .recommendation
        #expect(concern.isConcern)
        #expect(!recommendation.isConcern)
        #expect(concern.naturalKey != recommendation.naturalKey)
        // Records from other sources say nothing of it and keep their key.
        concern.annotationType = nil
        #expect(concern.naturalKey == "Mongolia|CAT/C/MNG/CO/2|para:9")
    }
}

@Suite struct SDGTargetTests {
    @Test func readsTargetsAsUHRIPrintsThem() {
        #expect(SDGTarget(parsing: "16.3 - Promote the rule of law")?.code == "16.3")
        #expect(SDGTarget(parsing: "- 16.10 - Ensure public access to information")?.code == "16.10")
        #expect(SDGTarget(parsing: "16.A - Strengthen relevant national institutions")?.code == "16.a")
        #expect(SDGTarget(parsing: "Target 5.2: Eliminate all forms of violence")?.code == "5.2")
        #expect(SDGTarget(parsing: "17.19")?.goal == 17)
    }

    @Test func onlyThe169() {
        #expect(SDG.allTargets.compactMap(SDGTarget.init(code:)).count == 169)
        for raw in ["16 - Peace, justice and strong institutions", "16.11", "16.c", "18.1", "0.1", "SDG 5", ""] {
            #expect(SDGTarget(parsing: raw) == nil, "\(raw)")
        }
    }

    @Test func officialOrder() throws {
        let codes = ["16.a", "16.10", "5.1", "16.2"].compactMap(SDGTarget.init(code:)).sorted().map(\.code)
        #expect(codes == ["5.1", "16.2", "16.10", "16.a"])
    }
}

@Suite struct MechanismBodyTests {
    @Test(arguments: [
        ("UPR", Mechanism.upr), ("Universal Periodic Review", .upr), ("CAT", .cat), ("Committee against Torture", .cat),
        ("SPT", .spt), ("Subcommittee on Prevention of Torture", .spt), ("CCPR", .ccpr),
        ("Human Rights Committee", .ccpr), ("CESCR", .cescr), ("CEDAW", .cedaw), ("CRC", .crc), ("CRC-OP-AC", .crc),
        ("CRC-OP-SC", .crc), ("CRC-OPSC", .crc), ("Committee on the Rights of the Child", .crc), ("CERD", .cerd),
        ("CRPD", .crpd), ("CMW", .cmw), ("CED", .ced), ("Committee on Enforced Disappearances", .ced),
        ("SR on torture", .specialProcedures), ("- IE on sexual orientation and gender identity", .specialProcedures),
        ("WG on Arbitrary Detention", .specialProcedures),
        ("Special Rapporteur on the rights of persons with disabilities", .specialProcedures),
        ("Working Group on Enforced or Involuntary Disappearances", .specialProcedures),
    ])
    func bodies(body: String, mechanism: Mechanism) {
        #expect(Mechanism(body: body) == mechanism)
    }

    @Test func unknownBodies() {
        for body in ["", "Council of Europe", "Human Rights Council", "SRX"] {
            #expect(Mechanism(body: body) == nil, "\(body)")
        }
    }

    @Test func treatyBodySymbols() {
        #expect(Mechanism(documentSymbol: "CEDAW/C/MNG/CO/8-9") == .cedaw)
        #expect(Mechanism(documentSymbol: "CAT/C/MNG/CO/2") == .cat)
        #expect(Mechanism(documentSymbol: "CAT/OP/MNG/1") == .spt)
        #expect(Mechanism(documentSymbol: "E/C.12/MNG/CO/4") == .cescr)
        #expect(Mechanism(documentSymbol: "CRC/C/OPSC/MNG/CO/1") == .crc)
        // The UPR's and the special procedures' reports share the Council's symbols.
        #expect(Mechanism(documentSymbol: "A/HRC/40/6") == nil)
        #expect(Mechanism(documentSymbol: "") == nil)
    }

    @Test func theSubcommitteeIsATreatyBody() {
        #expect(Mechanism.spt.isTreatyBody)
        #expect(Mechanism.spt.abbreviation == "SPT")
    }
}

@Suite struct CalendarDayCodingTests {
    @Test func codesAsItsText() throws {
        let day = try #require(CalendarDay("2019-03-01"))
        let json = try JSONEncoder().encode([day])
        #expect(String(decoding: json, as: UTF8.self) == #"["2019-03-01"]"#)
        #expect(try JSONDecoder().decode([CalendarDay].self, from: json) == [day])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDay].self, from: Data(#"["2019-02-30"]"#.utf8))
        }
    }
}
