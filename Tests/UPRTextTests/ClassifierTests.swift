import Foundation
import Testing
import UPRDomain
import UPRText

@Suite struct ClassifierTests {
    /// Trained once on the fixture's sessions 1-12 and shared by the tests below.
    static let trained = ClassifierTrainer.train(FixtureData.trainRows)

    @Test func trainingIsDeterministic() {
        let again = ClassifierTrainer.train(FixtureData.trainRows)
        #expect(again.serialized() == Self.trained.serialized())
    }

    @Test func heldOutSessionsReachTheMeasuredFloor() throws {
        // Trained on only 594 rows, this measured issue micro-F1 0.438 and action accuracy 0.859 on the 297
        // held-out rows (sessions 13-16); the floors leave a small margin. (On the full split: 0.888 and 0.902.)
        let model = try Classifier(serialized: Self.trained.serialized())
        let report = ClassifierEvaluation.evaluate(model, on: FixtureData.testRows)
        #expect(report.rows == 297)
        #expect(report.issues.microF1 >= 0.41)
        #expect(report.actionCategory.accuracy >= 0.83)
    }

    @Test func modelFileRoundTripsExactly() throws {
        let bytes = Self.trained.serialized()
        let reloaded = try Classifier(serialized: bytes)
        #expect(reloaded.serialized() == bytes)
        let text = FixtureData.testRows[0].text
        #expect(reloaded.predict(text) == Self.trained.predict(text))
    }

    @Test func damagedModelFilesThrow() {
        let bytes = Self.trained.serialized()
        #expect(throws: ModelFileError.self) { try Classifier(serialized: Array(bytes.prefix(bytes.count / 2))) }
        #expect(throws: ModelFileError.badHeader) { try Classifier(serialized: Array("not a model".utf8)) }
        #expect(throws: ModelFileError.self) { try Classifier(serialized: bytes + [0]) }
    }

    @Test(arguments: [
        "",
        "   \n\t ",
        "Монгол Улс хүний эрхийн үндэсний комисс байгуулах",
        "التصديق على البروتوكول الاختياري لاتفاقية مناهضة التعذيب",
        "😀🙈 ∑∫ ###",
    ])
    func oddInputStillGivesAValidPrediction(_ text: String) {
        let prediction = Self.trained.predict(text)
        #expect(prediction.issues.count >= 1)
        #expect(prediction.allIssues.count == UPRInfoIssue.all.count)
        #expect(prediction.allActionCategories.count == 5)
        #expect(prediction.allIssues.allSatisfy { (0...1).contains($0.confidence) })
    }

    @Test func oneMegabyteTextIsHandled() {
        let sentence = "Ratify the Optional Protocol to the Convention against Torture and ensure education. "
        let text = String(repeating: sentence, count: 1_048_576 / sentence.utf8.count + 1)
        #expect(text.utf8.count > 1_048_576)
        let prediction = Self.trained.predict(text)
        #expect(!prediction.issues.isEmpty)
    }

    @Test func clustersFollowTheSuggestedIssues() {
        let prediction = Self.trained.predict("Take measures to improve access to education for girls")
        let expected = Set(prediction.issues.compactMap { UPRInfoIssue.cluster(of: $0.name) })
        #expect(Set(prediction.clusters.map(\.cluster)) == expected)
    }
}

@Suite struct ShippedModelTests {
    @Test func loadsAndClassifiesAKnownRecommendation() throws {
        let classifier = try Classifier.load()
        let prediction = classifier.predict("Ratify the Optional Protocol to the Convention against Torture")
        let issues = prediction.issues.map(\.name)
        #expect(issues.contains("International instruments"))
        #expect(issues.contains("Torture and other CID treatment"))
        #expect(prediction.actionCategory.category == .specific)
        #expect(prediction.clusters.first?.cluster == .justice)
    }

    @Test func continuingVerbGivesCategoryTwoAndSecondVerbWins() throws {
        let classifier = try Classifier.load()
        #expect(
            classifier.predict("Continue its efforts to combat trafficking in persons").actionCategory.category
                == .continuing)
        #expect(
            classifier.predict("Consider ratifying the Convention on the Rights of Persons with Disabilities")
                .actionCategory.category == .considering)
    }

    @Test func loadingTwiceSharesTheModel() throws {
        let first = try Classifier.load()
        let second = try Classifier.load()
        #expect(first.serialized() == second.serialized())
    }
}
