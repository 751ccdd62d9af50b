import Integrations
import Support

/// What the photo and voice-note handlers need: the blob store, the photo reader chosen by
/// `VISION_PROVIDER` and the transcriber chosen by `TRANSCRIPTION_PROVIDER` (nil = none).
package struct MediaResources: Sendable {
    var blobs: any BlobStore
    var reader: any ImageReader
    var transcriber: (any Transcriber)?

    package init(blobs: any BlobStore, reader: any ImageReader, transcriber: (any Transcriber)?) {
        self.blobs = blobs
        self.reader = reader
        self.transcriber = transcriber
    }

    /// Built from the configuration; `policy` is the in-call retry policy of the outside
    /// APIs (tests pass tiny delays). A process serving the vision queue with OCR stops at
    /// start when Tesseract is missing.
    package init(
        blobs: any BlobStore, vision: VisionConfig, transcription: TranscriptionConfig, servesVision: Bool = true,
        transport: any HTTPTransport = CurlTransport(), policy: ProviderHTTP.RetryPolicy = .standard
    ) throws(ConfigError) {
        let reader: any ImageReader
        switch vision.provider {
        case .ocr:
            let tesseract = TesseractReader(languages: vision.ocrLanguages, timeout: vision.ocrTimeout)
            guard !servesVision || tesseract.isInstalled() else {
                throw ConfigError(
                    setting: "VISION_PROVIDER",
                    problem: "es ocr pero no se encontró el programa tesseract (apt: tesseract-ocr tesseract-ocr-spa)")
            }
            reader = tesseract
        case .gemini:
            reader = GeminiImageDescriber(
                client: GeminiClient(config: vision.gemini, transport: transport, policy: policy))
        }
        var transcriber: (any Transcriber)?
        if transcription.provider == .openai {
            transcriber = OpenAITranscriptionClient(
                config: transcription.openAI, model: transcription.model, language: transcription.language,
                transport: transport, policy: policy)
        }
        self.init(blobs: blobs, reader: reader, transcriber: transcriber)
    }
}
