import ArgumentParser

/// The text-intelligence commands (train, evaluate, classify, similar, refresh), listed apart so the root stays short.
enum TextCommandList {
    static let all: [any ParsableCommand.Type] = [
        TrainCommand.self, EvaluateCommand.self, ClassifyCommand.self, SimilarCommand.self, RefreshCommand.self,
    ]
}
