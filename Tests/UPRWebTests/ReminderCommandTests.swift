import Foundation
import Testing
import UPRApp
import UPRDomain
import UPRStore
import UPRWeb
import VaporTesting

extension CommandLineTests {
    /// `upr reminders run --date`: reminds for the given day once; a second run finds nothing left to send; a day
    /// that is not a day is refused naming the option.
    @Test(arguments: TestDatabase.allCases)
    func remindersRunOnce(_ database: TestDatabase) async throws {
        try await withDatabase(database) { db in
            var settings = AppSettings(database: try DatabaseLocation(parsing: db))
            settings.demo = true
            settings.bcryptCost = 4
            let app = try await Application.make(.testing)
            do {
                try await UPRApplication.configure(app, settings: settings)
                _ = try await ReminderTests().actionItem(
                    app, due: CalendarDay("2017-09-08")!, title: "Reply to the OHCHR")
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
            try await app.asyncShutdown()

            let first = try await upr(["reminders", "run", "--date", "2017-09-05", "--database", db])
            #expect(first.status == 0, "\(first.stderr)")
            let count = first.stdout.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            #expect(first.stdout.hasPrefix("2017-09-05: ") && count > 0, "\(first.stdout)")
            #expect(first.stdout.contains("reminders, 0 mailed, 0 digests"))
            let again = try await upr(["reminders", "run", "--date", "2017-09-05", "--database", db])
            #expect(again.stdout == "2017-09-05: 0 reminders, 0 mailed, 0 digests\n")
            let bad = try await upr(["reminders", "run", "--date", "2017-13-01", "--database", db])
            #expect(bad.status != 0)
            #expect(bad.stderr.contains("--date"))
        }
    }
}
