/// UPR cycles and the Working Group sessions each one spans.
public enum Cycle {
    /// Sessions of the Working Group per cycle: 1-12, 13-26, 27-40, 41 and on.
    public static func of(session: Int) -> Int? {
        switch session {
        case 1...12: 1
        case 13...26: 2
        case 27...40: 3
        case 41...: 4
        default: nil
        }
    }

    public static let all = [1, 2, 3, 4]

    /// The years a cycle ran, for display.
    public static func years(_ cycle: Int) -> String {
        switch cycle {
        case 1: "2008–2011"
        case 2: "2012–2016"
        case 3: "2017–2022"
        case 4: "2022–2027"
        default: ""
        }
    }
}
