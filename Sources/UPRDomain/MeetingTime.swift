import Foundation

/// Meeting times are typed as a local date and time in the meeting's time zone and stored in UTC.
public enum MeetingTime {
    /// The zone the demo and new meetings start from: the seed's meetings are in Ulaanbaatar.
    public static let defaultZone = "Asia/Ulaanbaatar"
    /// The zones the forms offer.
    public static let zones = ["Asia/Ulaanbaatar", "Asia/Hovd", "UTC", "Europe/Geneva", "America/New_York"]

    private static func formatter(_ zone: TimeZone) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        formatter.isLenient = false
        return formatter
    }

    /// The instant of a local `YYYY-MM-DDTHH:MM` (a `datetime-local` field) in `zone`, nil when either is wrong.
    public static func utc(local: String, zone: String) -> Date? {
        guard let timeZone = TimeZone(identifier: zone) else { return nil }
        let text = local.count == 19 ? String(local.prefix(16)) : local
        guard text.count == 16, let date = formatter(timeZone).date(from: text) else { return nil }
        return date
    }

    /// The instant as `YYYY-MM-DDTHH:MM` in `zone`, the form the edit fields take.
    public static func local(_ date: Date, zone: String) -> String {
        formatter(TimeZone(identifier: zone) ?? TimeZone(identifier: "UTC")!).string(from: date)
    }
}
