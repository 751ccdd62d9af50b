import Foundation
import Logging
import Testing

@testable import Assistant
@testable import Integrations

/// The language-model reader (`UNDERSTANDING_MODEL=on`): the model's JSON is validated field
/// by field (`ReadingSchema`), anything it invents refuses the whole answer, and any failure
/// gives the offline reading, so the dialogue logic always gets a reading it can trust.
@Suite("Model reader: validated commands, offline fallback", .serialized)
struct ModelReaderTests {
    static let context = ReadingContext()

    static func read(_ json: String, _ message: String, context: ReadingContext = context)
        -> Result<Reading, ReadingSchema.Refusal>
    {
        ReadingSchema.reading(from: json, message: message, context: context, offline: Reading())
    }

    @Test func aValidAnswerBecomesCommandsAndDataCopiedFromTheMessage() throws {
        let message = "Mándeme 3 pares de guantes de vaqueta, soy Ana Ruiz, cédula 1.107.654.321"
        let json = """
            ```json
            {"intencion": "pedir", "productos": [{"accion": "agregar", "producto": "guantes de vaqueta",
             "cantidad": 3, "pares": true}], "consulta": null,
             "datos": {"nombre": "Ana Ruiz", "cedula": "1107654321", "correo": null}, "sin": ["correo"],
             "eleccion": null}
            ```
            """
        let reading = try Self.read(json, message).get()
        #expect(reading.source == .model)
        #expect(reading.intent == .add)
        #expect(reading.items.count == 1)
        #expect(reading.items.first?.action == .add)
        #expect(reading.items.first?.quantity == 3)
        #expect(reading.items.first?.pairs == true)
        #expect(reading.data.values[.name] == "Ana Ruiz")
        #expect(reading.data.values[.idNumber] == "1107654321", "the same digits as written with dots")
        #expect(reading.declined == [.email])
    }

    @Test func anythingInventedOrOutOfRangeRefusesTheWholeAnswer() {
        let message = "quiero 2 cascos blancos"
        let refused: [(String, String)] = [
            (#"{"datos": {"cedula": "1107654321"}}"#, "a cédula the message does not contain"),
            (#"{"intencion": "comprar_todo"}"#, "an intent outside the closed set"),
            (#"{"productos": [{"accion": "regalar", "producto": "cascos", "cantidad": 2}]}"#, "an unknown action"),
            (#"{"productos": [{"accion": "agregar", "producto": "cascos", "cantidad": 0}]}"#, "zero units"),
            (#"{"productos": [{"accion": "agregar", "producto": "cascos", "cantidad": 100000}]}"#, "too many units"),
            (
                #"{"productos": [{"accion": "agregar", "producto": "cascos", "cantidad": 99999999999999999999999}]}"#,
                "a quantity no integer holds"
            ),
            (#"{"eleccion": "99999999999999999999"}"#, "a list position no integer holds"),
            (
                #"{"productos": [{"accion": "agregar", "producto": "botas de caucho", "cantidad": 2}]}"#,
                "a product the customer never named"
            ),
            (#"{"datos": {"clave": "2"}}"#, "a field that is not a checkout field"),
            (#"{"sin": ["nombre"]}"#, "declining a required field"),
            (#"{"eleccion": "el bonito"}"#, "a choice outside the set"),
            ("Claro, le agrego los cascos.", "prose instead of JSON"),
            (#"{"consulta": ""# + String(repeating: "a", count: 9_000) + #""}"#, "an oversized answer"),
        ]
        for (json, what) in refused {
            guard case .failure = Self.read(json, message) else {
                Issue.record("accepted \(what)")
                continue
            }
        }
        // The same product in another form of the customer's word is theirs.
        let singular = Self.read(
            #"{"productos": [{"accion": "agregar", "producto": "casco blanco", "cantidad": 2}]}"#, message)
        #expect((try? singular.get())?.items.first?.quantity == 2)
        // A product of the cart may be named by its catalog name ("súmele 2 a esos").
        let cart = ReadingContext(cartIsEmpty: false, cartNames: ["Guantes vaqueta"])
        let fromCart = Self.read(
            #"{"productos": [{"accion": "sumar", "producto": "Guantes vaqueta", "cantidad": 2}]}"#,
            "súmele 2 a esos", context: cart)
        #expect((try? fromCart.get())?.items.first?.action == .increase)
    }

    /// A model that fails, answers garbage or invents never decides: the offline reading is used.
    @Test func everyModelFailureGivesTheOfflineReading() async throws {
        let offline = try ExampleReader(directory: TestPaths.bankDirectory)
        let message = "quiero 2 cascos dieléctricos"
        let expected = offline.readNow(message, context: Self.context)
        for model: any ReadingModel in [
            ScriptedModel(.failure), ScriptedModel(.answer("no sé")),
            ScriptedModel(.answer(#"{"datos": {"cedula": "999"}}"#)),
        ] {
            let reader = ModelReader(model: model, fallback: offline, logger: Logger(label: "test"))
            var reading = await reader.read(message, context: Self.context)
            // The classifier's confidence may differ in its last digits between two runs
            // (floating-point sums); everything else must be the offline reading's.
            #expect(abs(reading.confidence - expected.confidence) < 1e-6)
            reading.confidence = expected.confidence
            #expect(reading == expected)
            #expect(reading.source != .model)
        }
        let trusted = ModelReader(
            model: ScriptedModel(
                .answer(
                    #"{"intencion": "pedir", "productos": [{"accion": "agregar", "producto": "cascos", "cantidad": 2}]}"#
                )),
            fallback: offline, logger: Logger(label: "test"))
        let reading = await trusted.read(message, context: Self.context)
        #expect(reading.source == .model)
        #expect(reading.items.first?.quantity == 2)
    }

    /// Through the pipeline with a fake OpenAI-compatible server: the model's reading of a
    /// message drives the cart, an answer that invents a product is not obeyed, and a
    /// failing model leaves the chat answered from the offline reading.
    @Test func theModelsReadingDrivesTheCartAndItsInventionsDoNot() async throws {
        try await FakeOpenAI.run { fake in
            fake.chat { call in
                guard call.system.hasPrefix("Lees mensajes de clientes") else {
                    return .nullContent("content_filter")  // replies: the composed text is used
                }
                switch call.lastUser {
                case "me manda tres pares de los de vaqueta pues":
                    return .text(
                        #"{"intencion": "pedir", "productos": [{"accion": "agregar", "producto": "vaqueta", "cantidad": 3, "pares": true}]}"#
                    )
                case "y póngale lo de siempre":
                    return .text(
                        #"{"intencion": "pedir", "productos": [{"accion": "agregar", "producto": "casco dieléctrico", "cantidad": 5}]}"#
                    )
                default:
                    return .text("{")
                }
            }
            var config = ReplyModelTests.openAIConfig(fake)
            config.modelReads = true
            let h = try await AgentHarness(config: config)
            let added = try await h.say("lector-1", "me manda tres pares de los de vaqueta pues")
            #expect(added.reply.lowercased().contains("vaqueta"), "\(added.reply)")
            #expect(added.reply.contains("3"), "\(added.reply)")
            let invented = try await h.say("lector-1", "y póngale lo de siempre")
            #expect(!invented.reply.lowercased().contains("casco"), "the model invented a product: \(invented.reply)")
            // Broken JSON: the offline reader reads the go-ahead; the checkout starts.
            let onward = try await h.say("lector-1", "listo, eso es todo")
            #expect(!onward.reply.isEmpty)
            #expect(
                fake.chatCalls.filter { $0.system.hasPrefix("Lees mensajes de clientes") }.count == 3,
                "each message was given to the model to read")
            await h.tearDown()
        }
    }
}

/// A reading model that answers from a script (the validation and the fallback are what is
/// tested here; the wire format is tested with the fake servers).
private struct ScriptedModel: ReadingModel {
    enum Behaviour: Sendable {
        case answer(String)
        case failure
    }

    struct Unavailable: Error {}

    let behaviour: Behaviour

    init(_ behaviour: Behaviour) { self.behaviour = behaviour }

    func read(system: String, message: String) async throws -> String {
        switch behaviour {
        case .answer(let text): return text
        case .failure: throw Unavailable()
        }
    }
}
