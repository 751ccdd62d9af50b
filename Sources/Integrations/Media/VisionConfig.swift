import Support

/// How photos are read: `VISION_PROVIDER` = `ocr` (default: Tesseract with Spanish data,
/// offline) or `gemini` (a description by `generateContent`; needs `GOOGLE_API_KEY`, model
/// `VISION_MODEL` or else `DEFAULT_MODEL`). `OCR_LANGUAGES` sets Tesseract's languages (spa).
public struct VisionConfig: Sendable {
    public enum Provider: String, Sendable {
        case ocr, gemini
    }

    public var provider: Provider
    public var gemini: GeminiConfig
    public var ocrLanguages: String
    public var ocrTimeout: Duration

    public init(
        provider: Provider = .ocr, gemini: GeminiConfig = GeminiConfig(apiKey: nil), ocrLanguages: String = "spa",
        ocrTimeout: Duration = .seconds(60)
    ) {
        self.provider = provider
        self.gemini = gemini
        self.ocrLanguages = ocrLanguages
        self.ocrTimeout = ocrTimeout
    }

    public init(environment env: Environment) throws(ConfigError) {
        let provider = Provider(rawValue: try env.choice("VISION_PROVIDER", ["ocr", "gemini"], default: "ocr"))!
        var gemini = try GeminiConfig(environment: env)
        if provider == .gemini {
            _ = try gemini.requireKey(for: "VISION_PROVIDER=gemini")
            if let model = env["VISION_MODEL"] { gemini.model = model }
        }
        let languages = env.string("OCR_LANGUAGES", default: "spa")
        guard languages.allSatisfy({ $0.isLetter || $0 == "+" || $0 == "_" }) else {
            throw ConfigError(setting: "OCR_LANGUAGES", problem: "debe ser como spa o spa+eng")
        }
        self.init(provider: provider, gemini: gemini, ocrLanguages: languages)
    }
}
