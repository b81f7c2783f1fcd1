import ArgumentParser
import Foundation
import UPRApp
import UPRStore

/// `upr mail`: the mail outbox from the command line, for cron-style sending and for looking at what failed.
struct MailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail", abstract: "Send queued mail now, or show the mail queue.",
        subcommands: [MailSendCommand.self, MailStatusCommand.self])
}

struct MailSendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Deliver every mail that is due (UPR_SMTP_* must be set). Safe beside running servers.")

    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let settings = try database.settings()
        guard let smtp = settings.smtp else {
            throw ValidationError("No mail server is configured: set UPR_SMTP_HOST and UPR_SMTP_FROM.")
        }
        let report = try await withApplication(settings) { app in
            try await MailDelivery(smtp: smtp, logger: app.logger).deliverDue(on: app.sql())
        }
        print(
            "\(report.sent) sent, \(report.retrying) to be retried, \(report.failed) given up, "
                + "\(report.expired) expired")
        if report.retrying + report.failed > 0 { throw ExitCode(75) }
    }
}

struct MailStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Count the queued, sent and failed mails and list the latest ones.")

    @Option(help: "How many of the latest mails to list.") var last = 10
    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let settings = try database.settings()
        let last = last
        let (counts, recent) = try await withApplication(settings) { app in
            let outbox = MailOutbox(try app.sql())
            return (try await outbox.counts(), try await outbox.recent(limit: last))
        }
        print("Waiting: \(counts.waiting), sent: \(counts.sent), given up: \(counts.failed)")
        for mail in recent {
            let state =
                mail.sentAt.map { "sent \($0)" } ?? mail.failedAt.map { "given up \($0)" }
                ?? "waiting, next attempt \(mail.nextAttemptAt)"
            print("#\(mail.id) \(mail.kind) to \(mail.recipientAddress): \(state), \(mail.attempts) attempt(s)")
            if let error = mail.lastError { print("    last error: \(error)") }
        }
    }
}
