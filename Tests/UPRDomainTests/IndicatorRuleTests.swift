import Testing
import UPRDomain

/// A draft that passes all five criteria; each test breaks one thing.
private func goodDraft() -> IndicatorDraft {
    IndicatorDraft(
        title: "Domestic violence cases registered",
        definition: "Number of domestic violence cases registered by the police in the calendar year, all provinces.",
        unit: "cases", baselineValue: 1_000, baselineDate: CalendarDay("2016-12-31"), targetValue: 2_000,
        targetDate: CalendarDay("2020-12-31"),
        recommendationTexts: ["Adopt the revised Law against Domestic Violence and expand services for victims"],
        linkCount: 1)
}

private func day(_ text: String) -> CalendarDay { CalendarDay(text)! }

@Suite struct SMARTCheckTests {
    @Test func aCompleteDraftPassesAllFive() {
        let check = SMARTCheck(goodDraft())
        #expect(check.passesAll)
        #expect(check.passedCount == 5)
        #expect(check.result(.achievable).notes == ["smart.note.noTrend"])
    }

    @Test func specificNeedsATitleAndADefinitionOfItsOwn() {
        var draft = goodDraft()
        draft.title = "DV cases"
        draft.definition = "Cases."
        #expect(
            SMARTCheck(draft).result(.specific).problems == [
                "smart.problem.shortTitle", "smart.problem.shortDefinition",
            ])
        // A definition that only copies the recommendation (punctuation and case aside) is not specific.
        draft = goodDraft()
        draft.definition = "Adopt the revised law against domestic violence, and expand services for victims."
        #expect(SMARTCheck(draft).result(.specific).problems == ["smart.problem.copiesRecommendation"])
        #expect(!SMARTCheck(draft).passesAll)
    }

    @Test func measurableNeedsUnitAndBaseline() {
        var draft = goodDraft()
        draft.unit = "  "
        draft.baselineValue = nil
        draft.baselineDate = nil
        #expect(
            SMARTCheck(draft).result(.measurable).problems == [
                "smart.problem.noUnit", "smart.problem.noBaselineValue", "smart.problem.noBaselineDate",
            ])
        // A baseline of zero is a baseline.
        draft = goodDraft()
        draft.baselineValue = 0
        #expect(SMARTCheck(draft).result(.measurable).passes)
    }

    @Test func achievableComparesTheNeededPaceWithTheObservedOne() {
        // Needed: +1000 over four years, 250 a year.
        let onTrack = [Observation(day: day("2018-12-31"), value: 1_400)]  // 200 a year: 1.25 times
        #expect(SMARTCheck(goodDraft(), observations: onTrack).result(.achievable).passes)
        let slow = [Observation(day: day("2018-12-31"), value: 1_100)]  // 50 a year: 5 times
        #expect(SMARTCheck(goodDraft(), observations: slow).result(.achievable).problems == ["smart.problem.tooFast"])
        let backwards = [Observation(day: day("2017-12-31"), value: 900)]
        #expect(
            SMARTCheck(goodDraft(), observations: backwards).result(.achievable).problems == [
                "smart.problem.wrongTrend"
            ])
        // The latest measurement decides, whatever the order given.
        let recovered = [
            Observation(day: day("2019-12-31"), value: 1_800), Observation(day: day("2017-12-31"), value: 900),
        ]
        #expect(SMARTCheck(goodDraft(), observations: recovered).result(.achievable).passes)
        // Measurements before the baseline say nothing about the pace since.
        let before = [Observation(day: day("2015-12-31"), value: 50)]
        #expect(SMARTCheck(goodDraft(), observations: before).result(.achievable).notes == ["smart.note.noTrend"])
    }

    @Test func achievableNeedsATargetThatChangesSomething() {
        var draft = goodDraft()
        draft.targetValue = nil
        #expect(SMARTCheck(draft).result(.achievable).problems == ["smart.problem.noTargetValue"])
        draft.targetValue = 1_000
        #expect(SMARTCheck(draft).result(.achievable).problems == ["smart.problem.noChange"])
        // A falling target (fewer cases of torture, say) is as good as a rising one.
        draft.targetValue = 500
        let falling = [Observation(day: day("2018-12-31"), value: 800)]
        #expect(SMARTCheck(draft, observations: falling).result(.achievable).passes)
    }

    @Test func relevantNeedsALink() {
        var draft = goodDraft()
        draft.linkCount = 0
        #expect(SMARTCheck(draft).result(.relevant).problems == ["smart.problem.noLink"])
    }

    @Test func timeBoundNeedsATargetDateAfterTheBaseline() {
        var draft = goodDraft()
        draft.targetDate = nil
        #expect(SMARTCheck(draft).result(.timeBound).problems == ["smart.problem.noTargetDate"])
        draft.targetDate = day("2016-12-31")
        #expect(SMARTCheck(draft).result(.timeBound).problems == ["smart.problem.targetBeforeBaseline"])
        #expect(SMARTCheck(draft).result(.achievable).notes == ["smart.note.noPace"])
    }
}

@Suite struct MeasurementInputTests {
    let today = CalendarDay("2026-11-29")!

    func check(_ input: MeasurementInput, unit: String = "cases", dimensions: Set<DisaggregationDimension> = [.sex])
        -> Result<MeasurementInput.Valid, MeasurementInput.Problem>
    {
        input.validate(indicatorUnit: unit, dimensions: dimensions, today: today)
    }

    @Test func numbersWithAPointOrACommaButNothingAmbiguous() {
        #expect(DecimalInput.parse("12.5") == .success(12.5))
        #expect(DecimalInput.parse("12,5") == .success(12.5))
        #expect(DecimalInput.parse(" 1 234 ") == .success(1_234))
        #expect(DecimalInput.parse("-3") == .success(-3))
        #expect(DecimalInput.parse("1,234") == .failure(.ambiguous))
        #expect(DecimalInput.parse("1,234.5") == .failure(.ambiguous))
        #expect(DecimalInput.parse("1,2,3") == .failure(.ambiguous))
        #expect(DecimalInput.parse("") == .failure(.empty))
        for text in ["abc", "nan", "inf", "0x1F", "1e5", "--1", "."] {
            #expect(DecimalInput.parse(text) == .failure(.notANumber), "\(text)")
        }
    }

    @Test func datesMustBeRealAndNotInTheFuture() {
        #expect(CalendarDay("2024-02-29") != nil)
        #expect(CalendarDay("2023-02-29") == nil)
        #expect(CalendarDay("2024-13-01") == nil)
        #expect(CalendarDay("24-01-01") == nil)
        #expect(CalendarDay("2024-02-29")!.dayNumber - CalendarDay("2023-02-28")!.dayNumber == 366)
        #expect(CalendarDay("1970-01-01")!.dayNumber == 0)
        if case .failure(let problem) = check(MeasurementInput(value: "1", date: "2026-11-30", unit: "")) {
            #expect(problem == .init(field: "date", messageKey: "measurement.error.future"))
        } else {
            Issue.record("a future date was accepted")
        }
        if case .failure(let problem) = check(MeasurementInput(value: "1", date: "2023-02-29", unit: "")) {
            #expect(problem.field == "date")
        } else {
            Issue.record("a day that does not exist was accepted")
        }
        #expect((try? check(MeasurementInput(value: "1", date: "2026-11-29", unit: "")).get()) != nil)
    }

    @Test func theUnitIsTheIndicators() {
        #expect((try? check(MeasurementInput(value: "5", date: "2020-01-01", unit: "Cases")).get())?.value == 5)
        if case .failure(let problem) = check(MeasurementInput(value: "5", date: "2020-01-01", unit: "%")) {
            #expect(problem == .init(field: "unit", messageKey: "measurement.error.unit"))
        } else {
            Issue.record("another unit was accepted")
        }
        if case .failure(let problem) = check(MeasurementInput(value: "120", date: "2020-01-01", unit: ""), unit: "%") {
            #expect(problem == .init(field: "value", messageKey: "measurement.error.percent"))
        } else {
            Issue.record("120% was accepted")
        }
    }

    @Test func breakdownsAreNumbersForDeclaredDimensions() throws {
        let valid = try check(
            MeasurementInput(
                value: "22", date: "2020-01-01", unit: "", disaggregation: [.sex: "female = 12,5; male=9.5"])
        ).get()
        #expect(valid.breakdown == [.sex: ["female": 12.5, "male": 9.5]])
        let undeclared = check(
            MeasurementInput(value: "1", date: "2020-01-01", unit: "", disaggregation: [.age: "0-17 = 1"]))
        #expect(undeclared == .failure(.init(field: "dis-age", messageKey: "measurement.error.undeclaredDimension")))
        for text in ["female = many", "female 12", "female = 1; female = 2", "= 3"] {
            let result = check(MeasurementInput(value: "1", date: "2020-01-01", unit: "", disaggregation: [.sex: text]))
            #expect(result == .failure(.init(field: "dis-sex", messageKey: "measurement.error.breakdown")), "\(text)")
        }
    }

    /// One rule for every evidence link (measurements and assessments had one each).
    @Test func linksAreWebAddressesOnly() {
        for link in ["https://www.1212.mn/report.pdf", "http://example.org", "https://nhrcm.gov.mn/a?b=1#c"] {
            #expect(WebAddress.isValid(link), "\(link)")
        }
        for link in [
            "javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "https://", "ftp://x.org", "https://a b",
            "/relative/path", "www.example.org", "https://example.org/\"onmouseover", "https://example.org/<script>",
            "https://example.org/" + String(repeating: "a", count: 2_000),
        ] {
            #expect(!WebAddress.isValid(link), "\(link)")
        }
        let measurement = MeasurementInput(value: "1", date: "2020-01-01", unit: "", link: "javascript:x")
        #expect(check(measurement) == .failure(.init(field: "link", messageKey: "measurement.error.link")))
        let assessment = AssessmentInput(status: .noData, justification: "", evidenceURL: "javascript:x")
        #expect(assessment.problems().map(\.field) == ["evidenceURL"])
    }
}

@Suite struct EvidenceTypeTests {
    @Test func recognisedByContentNotByName() {
        #expect(EvidenceType.detect(Array("%PDF-1.7\n...".utf8), fileName: "report.txt") == .success(.pdf))
        #expect(
            EvidenceType.detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0], fileName: "x") == .success(.png))
        #expect(EvidenceType.detect([0xFF, 0xD8, 0xFF, 0xE0], fileName: "x.jpg") == .success(.jpeg))
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array(String(repeating: "\0", count: 26).utf8)
        #expect(EvidenceType.detect(zip + Array("word/document.xml".utf8), fileName: "a.docx") == .success(.docx))
        #expect(EvidenceType.detect(zip + Array("xl/workbook.xml".utf8), fileName: "a.xlsx") == .success(.xlsx))
        #expect(EvidenceType.detect(zip + Array("payload.exe".utf8), fileName: "a.xlsx") == .failure(.type))
        #expect(EvidenceType.detect(Array("year,cases\n2020,12\n".utf8), fileName: "data.CSV") == .success(.csv))
        // A program named .pdf or .csv is still a program.
        #expect(EvidenceType.detect([0x7F, 0x45, 0x4C, 0x46, 2, 1], fileName: "report.pdf") == .failure(.type))
        #expect(EvidenceType.detect([0x4D, 0x5A, 0x90, 0x00], fileName: "data.csv") == .failure(.type))
        #expect(EvidenceType.detect(Array("<html><script>".utf8), fileName: "page.html") == .failure(.type))
    }

    @Test func emptyAndTooLargeAreRefused() {
        #expect(EvidenceType.detect([], fileName: "a.pdf") == .failure(.empty))
        let large = Array("%PDF-".utf8) + [UInt8](repeating: 0x20, count: EvidenceType.maximumSize)
        #expect(EvidenceType.detect(large, fileName: "a.pdf") == .failure(.tooLarge))
    }
}

@Suite struct IndicatorAuthorizationTests {
    let admin = Principal(userID: 1, role: .administrator, organisationID: 1)
    let focal = Principal(userID: 2, role: .focalPoint, organisationID: 10)
    let cso = Principal(userID: 3, role: .csoMember, organisationID: 20, workingGroupIDs: [5])
    let observer = Principal(userID: 4, role: .observer, organisationID: 30)

    @Test func whoCreates() {
        #expect(Authorization.allows(admin, .createIndicator(entryGroupIDs: [])))
        #expect(Authorization.allows(focal, .createIndicator(entryGroupIDs: [])))
        #expect(Authorization.allows(cso, .createIndicator(entryGroupIDs: [5, 6])))
        #expect(!Authorization.allows(cso, .createIndicator(entryGroupIDs: [6])))
        #expect(!Authorization.allows(cso, .createIndicator(entryGroupIDs: [])))
        #expect(!Authorization.allows(observer, .createIndicator(entryGroupIDs: [5])))
        #expect(!Authorization.allows(nil, .createIndicator(entryGroupIDs: [])))
    }

    @Test func whoEditsMeasuresAndReviews() {
        #expect(Authorization.allows(focal, .editIndicator(responsibleOrganisationID: 10)))
        #expect(!Authorization.allows(focal, .editIndicator(responsibleOrganisationID: 11)))
        #expect(!Authorization.allows(focal, .editIndicator(responsibleOrganisationID: nil)))
        #expect(!Authorization.allows(observer, .editIndicator(responsibleOrganisationID: 30)))
        #expect(Authorization.allows(focal, .enterMeasurement(responsibleOrganisationID: 10, dataPartnerIDs: [])))
        // A data partner's people share data even when their role elsewhere is observer.
        #expect(Authorization.allows(observer, .enterMeasurement(responsibleOrganisationID: 10, dataPartnerIDs: [30])))
        #expect(!Authorization.allows(observer, .enterMeasurement(responsibleOrganisationID: 30, dataPartnerIDs: [])))
        #expect(!Authorization.allows(cso, .enterMeasurement(responsibleOrganisationID: 10, dataPartnerIDs: [])))
        #expect(Authorization.allows(admin, .reviewMeasurement))
        #expect(!Authorization.allows(focal, .reviewMeasurement))
    }
}
