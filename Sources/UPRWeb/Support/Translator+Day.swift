import UPRLocalization
import UPRStore

extension Translator {
    /// A stored calendar day (`YYYY-MM-DD`) in the reader's language, like every other date of the site; the text as
    /// stored when it is not a day, so a source's odd value is still shown rather than lost.
    func day(_ text: String) -> String {
        Timestamp.date(text + "T00:00:00Z").map { date($0) } ?? text
    }
}
