/// What a customer's message does in the dialogue (a dialogue act). Raw values are the
/// labels of the example bank (`data/entendimiento/intenciones.tsv`) and of the model's JSON.
public enum Intent: String, Sendable, CaseIterable, Codable {
    case greet = "saludo"
    case thank = "gracias"
    case bye = "despedida"
    case smalltalk = "charla"
    /// "sí", "dale", "confirmo": yes to what the agent asked.
    case confirm = "confirmar"
    /// "no", "ninguna", "todavía no".
    case deny = "negar"
    /// "eso es todo", "sigamos", "ya, facture": done adding, on to checkout.
    case proceed = "seguir"
    case cancel = "cancelar"
    case add = "pedir"
    /// "que sean 7 mejor", "bájele a 4": a line's new quantity.
    case setQuantity = "cambiar_cantidad"
    /// "súmele 2 más".
    case increase = "sumar"
    /// "quíteme uno".
    case decrease = "restar"
    case remove = "quitar"
    /// "entonces déme las que tenga", "ok las 3 que hay".
    case acceptAvailable = "aceptar_disponible"
    case askPrice = "consultar_precio"
    case askStock = "consultar_disponibilidad"
    case askUse = "consultar_uso"
    /// "¿cuál es más económico?" among the products just listed.
    case compare = "comparar"
    /// "el segundo", "el de 14 mil": one of the products just listed.
    case choose = "elegir"
    case viewCart = "ver_pedido"
    case giveData = "dar_datos"
    /// "perdón, el correo es …": one field replaced.
    case correctField = "corregir_dato"
    case companyShipping = "empresa_envios"
    case companyHours = "empresa_horario"
    case companyLocation = "empresa_ubicacion"
    case companyServices = "empresa_servicios"
    case companyContact = "empresa_contacto"
    case companyPayments = "empresa_pagos"
    case companyInfo = "empresa_info"

    /// The company text's topic this intent asks about.
    public var companyTopic: CompanyAnswerer.Topic? {
        switch self {
        case .companyShipping: .shipping
        case .companyHours: .hours
        case .companyLocation: .location
        case .companyServices: .services
        case .companyContact: .contact
        case .companyPayments: .payments
        case .companyInfo: .company
        default: nil
        }
    }

    /// Product questions: answered from the catalog.
    public var asksAboutProducts: Bool {
        [.askPrice, .askStock, .askUse, .compare].contains(self)
    }

    /// Changes to the cart's lines.
    public var changesCart: Bool {
        [.add, .setQuantity, .increase, .decrease, .remove, .acceptAvailable].contains(self)
    }

    /// Short answers to what the agent asked (yes, no, that's all).
    public var isAnswer: Bool {
        [.confirm, .deny, .proceed].contains(self)
    }

    /// Greetings, thanks, goodbyes and small talk.
    public var isSocial: Bool {
        [.greet, .thank, .bye, .smalltalk].contains(self)
    }
}
