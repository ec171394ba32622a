import LuaHost
import TeachBack


/// What init.lua's settings make of the backend: built by the executable, applied by `:reload`.
package struct Reconfigured: Sendable {
    package var backend: (any StudentBackend)?
    package var info: BackendInfo
    package var parallel: Bool
    package init(backend: (any StudentBackend)?, info: BackendInfo, parallel: Bool) {
        self.backend = backend
        self.info = info
        self.parallel = parallel
    }
}
package typealias Reconfigure = @Sendable (ScriptConfig) -> Reconfigured
