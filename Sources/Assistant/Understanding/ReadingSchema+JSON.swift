import Support

// The reading's JSON schema, as OpenAI's strict structured outputs and Gemini's
// `responseSchema` want it.
extension ReadingSchema {
    static var intents: [JSONValue] { Intent.allCases.map { .string($0.rawValue) } }
    static var actions: [JSONValue] { ItemCommand.Action.allCases.map { .string($0.rawValue) } }
    static var slots: [String] { CheckoutSlot.allCases.map(\.rawValue) }

    /// JSON Schema for OpenAI (`strict`: every property required, nullable as a type union).
    public static var jsonSchema: JSONValue {
        func nullable(_ type: String) -> JSONValue { .object(["type": .array([.string(type), .string("null")])]) }
        let item: JSONValue = .object([
            "type": .string("object"), "additionalProperties": .bool(false),
            "required": .array(["accion", "producto", "cantidad", "pares"].map(JSONValue.string)),
            "properties": .object([
                "accion": .object(["type": .string("string"), "enum": .array(actions)]),
                "producto": .object(["type": .string("string")]),
                "cantidad": nullable("integer"),
                "pares": .object(["type": .string("boolean")]),
            ]),
        ])
        let data: JSONValue = .object([
            "type": .string("object"), "additionalProperties": .bool(false),
            "required": .array(slots.map(JSONValue.string)),
            "properties": .object(Dictionary(uniqueKeysWithValues: slots.map { ($0, nullable("string")) })),
        ])
        return .object([
            "type": .string("object"), "additionalProperties": .bool(false),
            "required": .array(
                ["intencion", "productos", "consulta", "datos", "sin", "eleccion"].map(JSONValue.string)),
            "properties": .object([
                "intencion": .object([
                    "type": .array([.string("string"), .string("null")]), "enum": .array(intents + [.null]),
                ]),
                "productos": .object(["type": .string("array"), "items": item]),
                "consulta": nullable("string"),
                "datos": data,
                "sin": .object([
                    "type": .string("array"),
                    "items": .object([
                        "type": .string("string"), "enum": .array([.string("correo"), .string("indicaciones")]),
                    ]),
                ]),
                "eleccion": nullable("string"),
            ]),
        ])
    }

    /// The same for Gemini (OpenAPI subset: upper-case types, `nullable`).
    public static var geminiSchema: JSONValue {
        func type(_ name: String, nullable: Bool = false) -> [String: JSONValue] {
            nullable ? ["type": .string(name), "nullable": .bool(true)] : ["type": .string(name)]
        }
        var intent = type("STRING", nullable: true)
        intent["enum"] = .array(intents)
        var action = type("STRING")
        action["enum"] = .array(actions)
        var item = type("OBJECT")
        item["properties"] = .object([
            "accion": .object(action), "producto": .object(type("STRING")),
            "cantidad": .object(type("INTEGER", nullable: true)), "pares": .object(type("BOOLEAN")),
        ])
        item["required"] = .array(["accion", "producto"].map(JSONValue.string))
        var data = type("OBJECT")
        data["properties"] = .object(
            Dictionary(uniqueKeysWithValues: slots.map { ($0, .object(type("STRING", nullable: true))) }))
        var products = type("ARRAY")
        products["items"] = .object(item)
        var declined = type("ARRAY")
        declined["items"] = .object(type("STRING"))
        var root = type("OBJECT")
        root["properties"] = .object([
            "intencion": .object(intent), "productos": .object(products),
            "consulta": .object(type("STRING", nullable: true)),
            "datos": .object(data), "sin": .object(declined), "eleccion": .object(type("STRING", nullable: true)),
        ])
        root["required"] = .array(["intencion", "productos"].map(JSONValue.string))
        return .object(root)
    }
}
