/// How the fake processes Message Batches: how long they take, what each request's result is,
/// and how slowly results are served (so a test can kill a client mid-download).
package struct BatchScenario: Sendable, Equatable {
    /// Seconds from creation until a batch has ended (0: ended at the first retrieve).
    package var processingTime: Double
    /// Seconds before the create call answers, after the batch was recorded: a client killed
    /// meanwhile has created a batch whose id it never saw.
    package var createLatency: Double
    /// Seconds between result lines.
    package var resultLineInterval: Double
    /// Results other than success, by `custom_id`; requests not named here succeed.
    package var outcomes: [String: BatchOutcome]
    /// The analysis text of succeeded results.
    package var analysisText: String

    package init(processingTime: Double = 0, createLatency: Double = 0, resultLineInterval: Double = 0,
                outcomes: [String: BatchOutcome] = [:], analysisText: String = Scenario.defaultAnalysisText) {
        self.processingTime = processingTime
        self.createLatency = createLatency
        self.resultLineInterval = resultLineInterval
        self.outcomes = outcomes
        self.analysisText = analysisText
    }
}

/// One request's result in a batch.
package enum BatchOutcome: Sendable, Equatable {
    case succeeded
    /// A succeeded result whose text is this (invalid analysis JSON, say).
    case text(String)
    case errored(type: String, message: String)
    case expired
    case canceled

    /// The result's `type` on the wire.
    var type: String {
        switch self {
        case .succeeded, .text: "succeeded"
        case .errored: "errored"
        case .expired: "expired"
        case .canceled: "canceled"
        }
    }
}
