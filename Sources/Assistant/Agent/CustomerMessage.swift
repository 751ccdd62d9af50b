/// One customer message as the agent receives it: what the customer wrote, and apart from
/// it, the text a machine read from their photo (a label's words or a description). The
/// two are never mixed: "quiero 2 de estos" is the customer's request, the photo says which
/// product "estos" is.
public struct CustomerMessage: Sendable, Equatable {
    public var text: String
    /// The photo's text; empty when a photo came but nothing could be read; nil without one.
    public var photoText: String?

    public init(_ text: String, photoText: String? = nil) {
        self.text = text
        self.photoText = photoText
    }
}
