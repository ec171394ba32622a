import CCurl
import CurlShim
import Foundation

/// Facts `teachback doctor` reports about the HTTP side.
package enum Reachability {
    /// libcurl's version and TLS library, e.g. "libcurl 7.88.1 (OpenSSL/3.0.15)".
    package static var curlVersion: String {
        guard let info = tb_curl_version_info()?.pointee else { return "libcurl (unknown version)" }
        let version = info.version.map { String(cString: $0) } ?? "?"
        let tls = info.ssl_version.map { String(cString: $0) } ?? "no TLS"
        return "libcurl \(version) (\(tls))"
    }

    /// Whether `url` answers HTTP at all (any status counts: it was reached), or why not.
    package static func check(_ url: String, engine: CurlEngine = .shared, timeout: Double = 5) async -> Result<Int, APIError> {
        let request = HTTPRequest(url: url, method: "GET", headers: [], body: [],
                                  timeouts: Timeouts(connect: timeout, stall: timeout, total: timeout))
        do {
            for try await event in engine.start(request) {
                if case .head(let head) = event { return .success(head.status) }
            }
            return .failure(APIError(type: "connection_error", message: "no response"))
        } catch let error as TransportError {
            return .failure(APIError(transport: error, requestID: nil))
        } catch {
            return .failure(APIError(type: "connection_error", message: String(describing: error)))
        }
    }
}
