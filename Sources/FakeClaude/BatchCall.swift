/// Which Message Batches endpoint a request is for, by method and path.
enum BatchCall: Equatable {
    case create
    case list
    case retrieve(String)
    case cancel(String)
    case results(String)
    case delete(String)

    init?(_ request: HTTPRequest) {
        let path = request.path
        if let range = path.range(of: "/v1/messages/batches") {
            let rest = path[range.upperBound...].split(separator: "/").map(String.init)
            switch (request.method, rest.count) {
            case ("POST", 0): self = .create
            case ("GET", 0): self = .list
            case ("GET", 1): self = .retrieve(rest[0])
            case ("POST", 2) where rest[1] == "cancel": self = .cancel(rest[0])
            case ("DELETE", 1): self = .delete(rest[0])
            default: return nil
            }
        } else if request.method == "GET", path.hasPrefix("/fake-results/"), path.hasSuffix(".jsonl") {
            self = .results(String(path.dropFirst("/fake-results/".count).dropLast(".jsonl".count)))
        } else {
            return nil
        }
    }

    var kind: RequestKind {
        switch self {
        case .create: .batchCreate
        case .list: .batchList
        case .retrieve: .batchRetrieve
        case .cancel: .batchCancel
        case .results: .batchResults
        case .delete: .batchDelete
        }
    }
}
