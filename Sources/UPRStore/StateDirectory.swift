import SQLKit

/// The registry's states looked up by name: one rule for every page, report and import that names a state.
public enum StateDirectory {
    /// The id of the state called `name` (in any letter case, as people type it), nil when the registry has none.
    public static func id(named name: String, on sql: any SQLDatabase) async throws -> Int? {
        try await sql.raw("SELECT id FROM states WHERE LOWER(name) = LOWER(\(bind: name))").first()?
            .decode(column: "id", as: Int.self)
    }
}
