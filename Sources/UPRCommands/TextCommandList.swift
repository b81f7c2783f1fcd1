import ArgumentParser

/// The text-intelligence commands (train, evaluate, classify, similar), listed apart so the root stays short.
enum TextCommandList {
    static let all: [any ParsableCommand.Type] = [
        TrainCommand.self, EvaluateCommand.self, ClassifyCommand.self, SimilarCommand.self,
    ]
}
