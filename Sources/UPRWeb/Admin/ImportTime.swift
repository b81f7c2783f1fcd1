import UPRLocalization
import UPRStore

/// How the import pages write a moment and a duration: the day in the reader's language and the time in UTC (the
/// stored timestamps are UTC), and seconds with one decimal.
enum ImportTime {
    static func moment(_ timestamp: String, _ t: Translator) -> String {
        guard let date = Timestamp.date(timestamp) else { return timestamp }
        let time = timestamp.dropFirst(11).prefix(5)
        return t.date(date) + " " + time + " UTC"
    }

    static func duration(_ seconds: Double, _ t: Translator) -> String {
        t("imports.seconds", ["seconds": t.decimal(seconds)])
    }
}
