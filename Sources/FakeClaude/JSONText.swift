/// Hand-written JSON text: the wire bytes keep the real API's key order (tests compare
/// them) and no `[String: Any]` round trip is needed on the hot path.
enum JSONText {
    /// `s` as a quoted JSON string.
    static func string(_ s: String) -> String {
        "\"" + escaped(s) + "\""
    }

    /// `s` escaped for use between quotes.
    static func escaped(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
