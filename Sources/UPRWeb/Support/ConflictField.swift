/// One field of a record that someone else saved while this person was editing: their value beside this person's,
/// so that nothing typed is lost (the conflict part of every editing page).
struct ConflictField: Encodable, Sendable {
    var label: String
    var theirs: String
    var yours: String
}
