/// JSON string literals written by hand, escaped exactly as Python's `json.dumps(...,
/// ensure_ascii=False)` does: batch analytics is compared byte for byte with a Python reference,
/// and fake-claude writes wire JSON without a dictionary round trip.
package enum JSONString {
    /// `s` in quotes.
    package static func quoted(_ s: String) -> String {
        var out = ""
        append(s, to: &out)
        return out
    }

    /// Appends `s` in quotes to `out`.
    package static func append(_ s: String, to out: inout String) {
        out += "\""
        out += escaped(s)
        out += "\""
    }

    /// `s` escaped for use between quotes.
    package static func escaped(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
