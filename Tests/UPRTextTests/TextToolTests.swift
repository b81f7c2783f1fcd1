import Foundation
import Testing
import UPRText

@Suite struct TextToolTests {
    @Test func classifyPrintsJSONWithConfidences() throws {
        let output = try TextTool.classify("Abolish the death penalty", json: true)
        let prediction = try JSONDecoder().decode(Prediction.self, from: Data(output.utf8))
        #expect(prediction.issues.map(\.name).contains("Death penalty"))
        #expect(prediction.actionCategory.category == .specific)
    }

    @Test func similarOverACorpusFile() throws {
        let corpus = FixtureData.url("upr-info-excerpt.csv")
        let pairs = try TextTool.similar(corpus: corpus, request: .allPairs(threshold: 0.9), json: true)
        let decoded = try JSONDecoder().decode([SimilarPair].self, from: Data(pairs.utf8))
        #expect(decoded.allSatisfy { $0.score >= 0.9 })
        let nearest = try TextTool.similar(
            corpus: corpus, request: .text("ratify the convention against torture"), top: 3)
        #expect(nearest.split(separator: "\n").count == 3)
        #expect(throws: TextToolError.unknownID(999_999)) {
            try TextTool.similar(corpus: corpus, request: .id(999_999))
        }
        _ = try TextTool.similar(corpus: corpus, request: .groups(threshold: 0.8), json: true)
    }

    @Test func trainWritesALoadableModel() throws {
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("uprtext-\(UUID().uuidString)").appendingPathComponent("model.uprtext")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let summary = try TextTool.train(dataFiles: [FixtureData.url("upr-info-excerpt.csv")], output: output)
        #expect(summary.contains("891 rows"))
        let model = try Classifier(contentsOf: output)
        #expect(!model.predict("Ratify the Convention on the Rights of the Child").issues.isEmpty)
    }

    @Test func evaluateReportsTheIssueFields() throws {
        let file = FixtureData.url("upr-info-excerpt.csv")
        let json = try TextTool.evaluate(
            trainFiles: [file], testFiles: [file], trainSessions: 1...12, testSessions: 13...16, json: true)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let issues = object["issues"] as! [String: Any]
        let actions = object["actionCategory"] as! [String: Any]
        #expect(issues["microF1"] is Double && issues["macroF1"] is Double)
        #expect(actions["accuracy"] is Double && actions["macroF1"] is Double)
    }
}

@Suite struct SessionRangeTests {
    @Test func parsesSingleSessionsAndRanges() {
        #expect(TextTool.sessionRange("13-16") == 13...16)
        #expect(TextTool.sessionRange("5") == 5...5)
        #expect(TextTool.sessionRange(" 1 - 12 ") == 1...12)
        #expect(TextTool.sessionRange("16-13") == nil)
        #expect(TextTool.sessionRange("a-b") == nil)
        #expect(TextTool.sessionRange("1-2-3") == nil)
    }
}
