import Vapor

/// What the rounds add up to: the dashboard and the mid-term report drafts. Kept apart from the rounds' own routes
/// because they read every round and the plan, not one round.
enum ReportRoutes {
    static func register(_ app: Application) {
        app.get("dashboard", use: DashboardView.show)
        for format in MidTermReportFile.Format.allCases {
            app.get("reports", "midterm.\(format.rawValue)") { try await MidTermReportFile.download($0, format) }
        }
    }
}
