/// One customer message as the agent receives it: what the customer wrote, and apart from
/// it, the text a machine read from their photo (a label's words or a description). The
/// two are never mixed: "quiero 2 de estos" is the customer's request, the photo says which
/// product "estos" is.
public struct CustomerMessage: Sendable, Equatable {
    public var text: String
    /// The photo's text; empty when a photo came but nothing could be read; nil without one.
    public var photoText: String?

    /// A phone number the customer shared as their own contact (Telegram's "share my
    /// number"); the channel checked that the contact is the sender's.
    public var sharedPhone: String?
    /// A place the customer shared, as text ("Ubicación: 3.45163, -76.53197"); kept with the
    /// delivery indications.
    public var sharedLocation: String?

    public init(_ text: String, photoText: String? = nil, sharedPhone: String? = nil, sharedLocation: String? = nil) {
        self.text = text
        self.photoText = photoText
        self.sharedPhone = sharedPhone
        self.sharedLocation = sharedLocation
    }

    /// Something shared without words (a contact or a location).
    public var hasSharedData: Bool { sharedPhone != nil || sharedLocation != nil }
}
