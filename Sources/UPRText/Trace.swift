import Foundation

/// Phase timings on standard error when `UPRTEXT_TRACE` is set; silent otherwise.
enum Trace {
    private static let enabled = ProcessInfo.processInfo.environment["UPRTEXT_TRACE"] != nil
    private static let start = DispatchTime.now().uptimeNanoseconds

    /// Prints the time since the process's first mark, with a label.
    static func mark(_ label: @autoclosure () -> String) {
        guard enabled else { return }
        let origin = start  // first use fixes the origin, so read it before the clock
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - origin) / 1e9
        FileHandle.standardError.write(Data("[\(String(format: "%.3f", elapsed))s] \(label())\n".utf8))
    }
}
