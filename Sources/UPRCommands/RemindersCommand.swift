import ArgumentParser
import Foundation
import UPRApp
import UPRDomain
import UPRStore

/// `upr reminders`: the reminder and digest passes from the command line (cron, or a day given by hand).
struct RemindersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reminders", abstract: "Send due reminders and mail digests.",
        subcommands: [RemindersRunCommand.self])
}

struct RemindersRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Write today's reminders (and digests, with UPR_SMTP_* set); safe beside running servers.")

    @Option(help: "The day to remind for, YYYY-MM-DD (default: today in Ulaanbaatar).") var date: String?
    @OptionGroup var database: DatabaseOption

    func validate() throws {
        if let date, CalendarDay(date) == nil { throw ValidationError("--date: not a day (YYYY-MM-DD): \(date)") }
    }

    func run() async throws {
        let settings = try database.settings()
        let today = date.flatMap(CalendarDay.init) ?? ReminderPass.today()
        let (report, digests) = try await withApplication(settings) { app in
            let report = try await ReminderPass.run(on: app.db, today: today, settings: settings)
            let digests = try await DigestPass.run(on: app.db, today: today, settings: settings)
            if let smtp = settings.smtp, report.mails + digests > 0 {
                _ = try await MailDelivery(smtp: smtp, logger: app.logger).deliverDue(on: app.sql())
            }
            return (report, digests)
        }
        print("\(today): \(report.notices) reminders, \(report.mails) mailed, \(digests) digests")
    }
}
