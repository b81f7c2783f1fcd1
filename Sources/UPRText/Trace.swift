import Foundation

/// Phase timings on standard error when `UPRTEXT_TRACE` is set; silent otherwise.
enum Trace {
    private static let enabled = ProcessInfo.processInfo.environment["UPRTEXT_TRACE"] != nil
    private static let start = DispatchTime.now().uptimeNanoseconds

    /// Prints the wall time since the first mark and the process's CPU time so far, with a label.
    static func mark(_ label: @autoclosure () -> String) {
        guard enabled else { return }
        let origin = start  // first use fixes the origin, so read it before the clock
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - origin) / 1e9
        var cpu = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu)
        let cpuSeconds = Double(cpu.tv_sec) + Double(cpu.tv_nsec) / 1e9
        let stamp = String(format: "%.3fs wall, %.3fs cpu", elapsed, cpuSeconds)
        FileHandle.standardError.write(Data("[\(stamp)] \(label())\n".utf8))
    }
}
