import Foundation

/// Describes a customer's photo with Gemini (`generateContent` with the image inline and
/// the caption), asking for a short product-oriented description in Spanish.
public struct GeminiImageDescriber: ImageReader {
    public var client: GeminiClient
    /// nil = the client's model (`DEFAULT_MODEL`).
    public var model: String?

    public init(client: GeminiClient, model: String? = nil) {
        self.client = client
        self.model = model
    }

    public var source: ImageReading.Source { .gemini }

    static let instruction = """
        Eres el asistente de ventas de una tienda colombiana de seguridad industrial (elementos de protección \
        personal, extintores, señalización y dotación). Un cliente envió una foto por chat. Describe en español, \
        en una a cuatro frases, los productos que se ven: tipo de producto, color, material, talla, marca, \
        referencia o norma cuando se alcancen a leer. Si la foto muestra una lista escrita, una cotización o una \
        etiqueta, transcribe los productos y las cantidades. No inventes precios ni datos que no se vean. \
        Responde solo con la descripción, sin saludos.
        """

    public func read(_ key: String, in store: any BlobStore, format: MediaFormat, caption: String) async throws
        -> ImageReading
    {
        let image = try await store.load(key)
        let request = GeminiRequest(
            contents: [.user(.text(Self.prompt(caption: caption)), .inline(image, mimeType: format.mime))],
            systemInstruction: Self.instruction,
            generationConfig: GeminiGenerationConfig(temperature: 0.2, maxOutputTokens: 1_024))
        let reply = try await client.generateContent(request, model: model)
        var text = reply.text.trimmed
        if text.count > ImageReading.maxCharacters { text = String(text.prefix(ImageReading.maxCharacters)) }
        return ImageReading(text: text, source: .gemini)
    }

    static func prompt(caption: String) -> String {
        caption.isEmpty
            ? "Foto enviada por el cliente, sin mensaje."
            : "Mensaje del cliente junto con la foto: «\(caption)»"
    }
}
