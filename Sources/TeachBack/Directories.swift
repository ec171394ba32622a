import Foundation

/// The XDG directories teachback uses, created 0700 on demand.
package enum Directories {
    package static func config(_ env: [String: String]) -> String { xdg(env, "XDG_CONFIG_HOME", ".config") }
    package static func state(_ env: [String: String]) -> String { xdg(env, "XDG_STATE_HOME", ".local/state") }
    package static func data(_ env: [String: String]) -> String { xdg(env, "XDG_DATA_HOME", ".local/share") }

    private static func xdg(_ env: [String: String], _ name: String, _ fallback: String) -> String {
        if let dir = env[name], dir.hasPrefix("/") { return dir + "/teachback" }
        let home = env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/" + fallback + "/teachback"
    }

    package static func ensurePrivateDirectory(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }

    /// Writes `text` to `path` with mode 0600, replacing it atomically; on failure (a full disk,
    /// say) nothing is left behind and the error names the system's reason.
    package static func writePrivate(_ text: String, to path: String) throws {
        let temp = path + ".tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var failure = Array(text.utf8).withUnsafeBytes { writeAll(fd, $0) }
        if failure == 0, fsync(fd) != 0 { failure = errno }
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure == 0, rename(temp, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temp)
            throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO)
        }
    }
}
