import Integrations
import Support

/// Channel callbacks (issue 16), read by both executables: the networks a callback may reach
/// although they are not public (`CALLBACK_ALLOWED_NETWORKS`, comma-separated addresses or
/// CIDRs such as `10.0.0.0/8, ::1/128`; empty: public addresses only), refused at
/// registration by the front end and at connect time by the workers; and how long a reply
/// may keep being refused with 429 (`DELIVERY_MAX_WAIT_S`, 3600) before its delivery fails
/// and frees its chat's turn.
public struct CallbackConfig: Sendable, Equatable {
    public var addresses: AddressPolicy
    public var maxWaitSeconds: Double

    public init(addresses: AddressPolicy = .publicOnly, maxWaitSeconds: Double = 3_600) {
        self.addresses = addresses
        self.maxWaitSeconds = maxWaitSeconds
    }

    public init(environment env: Environment) throws(ConfigError) {
        let list = env.string("CALLBACK_ALLOWED_NETWORKS", default: "")
        guard let addresses = AddressPolicy(parsing: list) else {
            throw ConfigError(
                setting: "CALLBACK_ALLOWED_NETWORKS",
                problem: "debe ser una lista de direcciones IP o redes CIDR separadas por comas")
        }
        let wait = try env.double("DELIVERY_MAX_WAIT_S", default: 3_600)
        guard wait.isFinite, (1...604_800).contains(wait) else {
            throw ConfigError(setting: "DELIVERY_MAX_WAIT_S", problem: "debe estar entre 1 y 604800 segundos")
        }
        self.init(addresses: addresses, maxWaitSeconds: wait)
    }
}
