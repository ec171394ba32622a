/// Text from users and scripts (topic names, explanations, gaps) goes into HTML and inline SVG
/// only through these functions: markup characters become entities, and control characters XML
/// forbids become U+FFFD, so no name can open an element, close an attribute or break the SVG.
package enum Escape {
    /// Escaped for element content and for double- or single-quoted attribute values alike.
    package static func text(_ raw: String) -> String {
        // Most strings need nothing: scan the bytes once before building a new one.
        if !raw.utf8.contains(where: needsWork) { return raw }
        var out = ""
        out.reserveCapacity(raw.utf8.count + 16)
        for scalar in raw.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                out.unicodeScalars.append(v < 0x20 || v == 0x7F || v == 0xFFFE || v == 0xFFFF ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }

    private static func needsWork(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0x7F: true
        case 0x09, 0x0A, 0x0D: false
        case 0xEF: true  // may start U+FFFE/U+FFFF; the slow path checks
        default: byte < 0x20
        }
    }

    /// A fragment identifier made only of [a-z0-9-], for links between sections.
    package static func anchor(_ raw: String) -> String {
        var out = ""
        var hash: UInt32 = 2_166_136_261
        for byte in raw.utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.unicodeScalars.append(Unicode.Scalar(byte + 32))
            default: if !out.hasSuffix("-") { out += "-" }
            }
        }
        // The hash keeps names that differ only in punctuation or script apart.
        return String(out.prefix(40)) + String(hash, radix: 16)
    }
}
