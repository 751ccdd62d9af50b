/// Every error code a caller can get in `{"error": {"codigo", "mensaje"}}`: a closed set,
/// so the HTTP edge maps each to its status with an exhaustive switch and a new code cannot
/// silently become a 422. Raw values are the contract's Spanish codes.
public enum ErrorCode: String, Sendable, CaseIterable, Codable {
    // The shop's rules.
    case validation = "validacion"
    case notFound = "no_encontrado"
    case conflict = "conflicto"
    case invalidTransition = "transicion_invalida"
    case insufficientStock = "stock_insuficiente"
    case productNotFound = "producto_no_encontrado"
    case productInactive = "producto_inactivo"
    case tooManyRows = "demasiadas_filas"
    case configuration = "configuracion"
    // The HTTP edge.
    case badRequest = "solicitud_invalida"
    case unauthenticated = "no_autenticado"
    case tokenExpired = "token_expirado"
    case forbidden = "prohibido"
    case originNotAllowed = "origen_no_permitido"
    case invalidLink = "enlace_invalido"
    case linkExpired = "enlace_vencido"
    case fileGone = "archivo_no_disponible"
    case methodNotAllowed = "metodo_no_permitido"
    case bodyTooLarge = "cuerpo_demasiado_grande"
    case unsupportedMediaType = "tipo_no_soportado"
    case tooManyRequests = "demasiadas_solicitudes"
    case unavailable = "no_disponible"
    /// Redis reached its `maxmemory`: nothing new can be accepted until the queues drain.
    case overloaded = "sobrecargado"
    case notReady = "no_listo"
    case internalError = "error_interno"
}
