import Support

extension AppConfig {
    /// `SECRET_KEY`, required where tokens or download links are signed or checked.
    public func requiredSecretKey() throws(ConfigError) -> String {
        guard let secret = secretKey else {
            throw ConfigError(setting: "SECRET_KEY", problem: "falta (se necesita para firmar y verificar tokens)")
        }
        guard secret.utf8.count >= 16 else {
            throw ConfigError(setting: "SECRET_KEY", problem: "debe tener al menos 16 caracteres")
        }
        return secret
    }
}
