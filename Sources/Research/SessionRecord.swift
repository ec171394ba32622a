import TeachBack

/// The part of a recorded session dict that analytics reads: its identity and its analyses,
/// checked (see `checkedAnalysis`), so that a bad record is skipped whole rather than counted wrong.
struct SessionRecord {
    var id: String
    var analyses: [Analysis]

    init(_ record: InputRecord) throws(RecordFailure) {
        let members = try record.members(["id", "session_id", "analyses"])
        id = try record.identity(members)
        switch members["analyses"] {
        case nil, .null?:
            analyses = []   // a session with no turns yet
        case .array(let items)?:
            analyses = []
            analyses.reserveCapacity(items.count)
            for (i, item) in items.enumerated() { analyses.append(try item.checkedAnalysis("analyses item \(i + 1)")) }
        default:
            throw RecordFailure("'analyses' is not a list")
        }
    }
}
