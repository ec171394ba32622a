import LuaHost
import TeachBack


/// What init.lua's settings make of the backend: built by the executable, applied by `:reload`.
public struct Reconfigured: Sendable {
    public var backend: (any StudentBackend)?
    public var info: BackendInfo
    public var parallel: Bool
    public init(backend: (any StudentBackend)?, info: BackendInfo, parallel: Bool) {
        self.backend = backend
        self.info = info
        self.parallel = parallel
    }
}
public typealias Reconfigure = @Sendable (ScriptConfig) -> Reconfigured
