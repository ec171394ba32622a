/// Where and how to reach Claude: from `ANTHROPIC_API_KEY`, `ANTHROPIC_BASE_URL`,
/// `TEACHBACK_MODEL` / `--model` / `init.lua`.
package struct ClaudeConfig: Sendable {
    package static let defaultBaseURL = "https://api.anthropic.com"
    package static let defaultModel = "claude-sonnet-4-5"
    package static let apiVersion = "2023-06-01"

    /// Without a trailing slash; may carry a path prefix (requests go to `{base}/v1/messages`).
    package var baseURL: String
    package var apiKey: String
    package var model: String
    package var timeouts: Timeouts
    package var retry: RetryPolicy

    package init(apiKey: String, baseURL: String = defaultBaseURL, model: String = defaultModel,
                 timeouts: Timeouts = Timeouts(), retry: RetryPolicy = RetryPolicy()) {
        self.apiKey = apiKey
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.model = model
        self.timeouts = timeouts
        self.retry = retry
    }

    package var messagesURL: String { baseURL + "/v1/messages" }

    /// The key as `:backend` and `doctor` show it: enough to recognise, never enough to use.
    package var maskedKey: String {
        apiKey.count <= 12 ? "****" : String(apiKey.prefix(7)) + "…" + String(apiKey.suffix(4))
    }
}

/// Said before each retry, so the user sees "retrying in 1.0s (1/2)" rather than silence.
package struct RetryNotice: Sendable, Equatable {
    package var retry: Int
    package var of: Int
    package var delay: Double
    package var reason: String
}
