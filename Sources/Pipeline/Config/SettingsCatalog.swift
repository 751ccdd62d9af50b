import Support

/// Every setting the two processes read, and the old backend's keys with what became of
/// them, so that an old `.env` either works or says why: each old key that is not honoured
/// gets one warning line at start ("ignorada: …, use … en su lugar"), and a key in `.env`
/// that no setting reads is named once. A test checks that every key a configuration reads
/// is listed here.
public enum SettingsCatalog {
    /// Keys read by this system's configurations (both processes, every section).
    public static let known: Set<String> = [
        // processes, storage, logging
        "REDIS_URL", "QUEUES_DIR", "DATABASE_URL", "HOST", "PORT", "LOG_LEVEL", "LOG_FILE", "SECRET_KEY",
        "UPLOADS_DIR", "CORS_ORIGINS", "ACCESS_TOKEN_EXPIRE_MINUTES", "LOG_FORMAT", "METRICS_PORT", "METRICS_HOST",
        // traces (OpenTelemetry's own names)
        "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL",
        "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_HEADERS", "OTEL_EXPORTER_OTLP_TIMEOUT",
        "OTEL_SERVICE_NAME", "OTEL_SDK_DISABLED", "OTEL_BSP_SCHEDULE_DELAY", "OTEL_BSP_MAX_QUEUE_SIZE",
        "OTEL_BSP_MAX_EXPORT_BATCH_SIZE",
        // the staff console
        "CONSOLE_SECURE_COOKIE", "CONSOLE_SESSION_HOURS",
        // blobs and exports
        "BLOBS_BACKEND", "BLOBS_DIR", "BLOBS_RETENTION_HOURS", "EXPORTS_DIR", "EXPORTS_LINK_TTL",
        "EXPORTS_CLEANUP_INTERVAL",
        // outside APIs
        "GOOGLE_API_KEY", "GEMINI_BASE_URL", "OPENAI_API_KEY", "OPENAI_BASE_URL", "TELEGRAM_TOKEN",
        "TELEGRAM_WEBHOOK_SECRET", "TELEGRAM_API_BASE_URL", "TELEGRAM_MODE", "TELEGRAM_POLL_TIMEOUT",
        "TELEGRAM_WELCOME_TEXT",
        // the agent, search and media
        "LLM_PROVIDER", "DEFAULT_MODEL", "MAX_TOKENS", "TEMPERATURE", "MAX_HISTORY_LENGTH", "LLM_TIMEOUT_S",
        "LLM_MAX_CONCURRENT", "LLM_MAX_PER_S",
        "ORDER_WAIT_S", "TOP_K", "EMBEDDINGS_PROVIDER", "EMBEDDINGS_URL", "EMBEDDING_MODEL", "EMBEDDING_DIMENSIONS",
        "EMBEDDINGS_BATCH_SIZE", "EMBEDDINGS_RATE_LIMIT", "EMBEDDINGS_TIMEOUT_S", "SEARCH_DATA_DIR",
        "SEARCH_THRESHOLD", "VISION_PROVIDER", "VISION_MODEL", "OCR_LANGUAGES", "TRANSCRIPTION_PROVIDER",
        "TRANSCRIPTION_MODEL", "UNDERSTANDING_DATA_DIR", "UNDERSTANDING_MODEL",
        // hostile input: limits, rate limits, callbacks, retention (issue 16)
        "RATE_LIMIT_TOKEN_PER_MIN", "RATE_LIMIT_CHAT_PER_MIN", "MAX_WAIT_POLLS", "MAX_WAIT_POLLS_PER_TOKEN",
        "MAX_CONCURRENT_UPLOADS", "CALLBACK_ALLOWED_NETWORKS", "DELIVERY_MAX_WAIT_S", "RETENTION_SWEEP_INTERVAL_S",
        "MESSAGES_RETENTION_DAYS", "DIALOGUE_RETENTION_DAYS",
    ]

    /// Keys of the old backend's `.env` that this system does not read, with what to do.
    public static let retired: [String: String] = [
        "ALGORITHM": "los tokens siempre se firman con HS256 y SECRET_KEY",
        "REFRESH_TOKEN_EXPIRE_DAYS": "no hay tokens de refresco; cree uno nuevo con vendedor-enqueuer token",
        "BACKEND_CORS_ORIGINS": "use CORS_ORIGINS en su lugar",
        "ALLOWED_ORIGINS": "use CORS_ORIGINS en su lugar",
        "GEMINI_API_KEY": "use GOOGLE_API_KEY en su lugar",
        "GEMINI_MODEL": "use DEFAULT_MODEL en su lugar",
        "OPENAI_MODEL": "use DEFAULT_MODEL con LLM_PROVIDER=openai en su lugar",
        "TELEGRAM_BOT_TOKEN": "use TELEGRAM_TOKEN en su lugar",
        "WEBHOOK_URL": "configure el webhook con vendedor-enqueuer set-webhook --url …",
        "TELEGRAM_WEBHOOK_URL": "configure el webhook con vendedor-enqueuer set-webhook --url …",
        "DEBUG": "use LOG_LEVEL=debug en su lugar",
        "ENVIRONMENT": "no cambia el comportamiento; cada proceso se configura con sus propias variables",
        "APP_NAME": "el nombre de la tienda sale del texto de la empresa (PUT /contexto)",
        "PROJECT_NAME": "el nombre de la tienda sale del texto de la empresa (PUT /contexto)",
        "API_V1_STR": "las rutas no tienen prefijo de versión (vea GET /openapi.json)",
        "VECTOR_DB_PATH": "los vectores viven en la base de datos (DATABASE_URL)",
        "CHROMA_DB_PATH": "los vectores viven en la base de datos (DATABASE_URL)",
        "CHROMA_PERSIST_DIRECTORY": "los vectores viven en la base de datos (DATABASE_URL)",
        "FAISS_INDEX_PATH": "los vectores viven en la base de datos (DATABASE_URL)",
        "UPLOAD_DIR": "use UPLOADS_DIR en su lugar",
        "WORKERS": "use --concurrency en vendedor-workers, o varios procesos",
    ]

    /// One warning line per old key that is set but not honoured, and one for the keys of
    /// `.env` that no setting reads (process variables are not judged: the system has many).
    public static func warnings(_ environment: Environment) -> [String] {
        var lines: [String] = []
        for key in retired.keys.sorted() where environment.values[key] != nil {
            lines.append("ignorada: \(key) — \(retired[key]!)")
        }
        let unknown = environment.dotEnvKeys.subtracting(known).subtracting(retired.keys).sorted()
        if !unknown.isEmpty {
            lines.append("claves de .env que nada lee (¿error de escritura?): \(unknown.joined(separator: ", "))")
        }
        return lines
    }
}
