/// Warnings gathered over a whole export, one line per distinct message with where it was seen: a quirk that
/// repeats on 20,000 records is one line to read, not 20,000, and the memory it takes does not grow with the file.
struct UHRIWarnings: Sendable {
    private struct Seen: Sendable {
        var places: [Int]
        var count: Int
    }

    /// How many places a line names before it counts the rest.
    private static let placesShown = 3

    private var order: [String] = []
    private var seen: [String: Seen] = [:]

    mutating func add(_ message: String, at place: Int) {
        if var entry = seen[message] {
            entry.count += 1
            if entry.places.count < Self.placesShown { entry.places.append(place) }
            seen[message] = entry
        } else {
            order.append(message)
            seen[message] = Seen(places: [place], count: 1)
        }
    }

    /// `row 4: unknown SDG target “16.99”, not read`; `rows 4, 9, 12 and 5 more: …`.
    func lines(place noun: String) -> [String] {
        order.compactMap { message in
            guard let entry = seen[message] else { return nil }
            let places = entry.places.map(String.init).joined(separator: ", ")
            let more = entry.count - entry.places.count
            let location = (entry.count == 1 ? noun : noun + "s") + " " + places + (more > 0 ? " and \(more) more" : "")
            return location + ": " + message
        }
    }
}
