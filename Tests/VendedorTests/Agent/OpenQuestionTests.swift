import Foundation
import Testing

@testable import Assistant
@testable import Shop

/// A greeting that also asks for a product by another of its names, and the go-ahead given
/// while the agent's question is still open: before, the first was answered with the
/// greeting alone (the clause read as small talk) and the second with "Aún no tiene
/// productos en su pedido", the options forgotten.
@Suite(.serialized) struct OpenQuestionTests {
    @Test func theLexiconsOtherNamesAreProductWordsNotSmallTalk() throws {
        let lexicon = try SearchLexicon.load(directory: TestPaths.repoRoot.appendingPathComponent("data/busqueda").path)
        for word in ["portacarnet", "enterizo", "matafuego"] {
            #expect(lexicon.productNameWords.contains(word), "\(word)")
        }
        // Words of longer names, attributes and needs are not names.
        for word in ["alta", "cara", "rodilla", "amarillo", "quiero"] {
            #expect(!lexicon.productNameWords.contains(word), "\(word)")
        }
        let reader = try ExampleReader(directory: TestPaths.bankDirectory)
        var context = ReadingContext(
            catalogWords: MessageTokens.catalogWords(["Porta credencial", "Overol antifluido"]))
        context.otherNames = MessageTokens.catalogWords(lexicon.productNameWords.sorted())
        for text in ["Buenas tardes necesito portacarnets, tienen?", "hola buen día, unos matafuegos por favor"] {
            let reading = reader.readNow(text, context: context)
            #expect(reading.productText.texts.contains { context.otherNames.contains($0) }, "\(text)")
        }
    }

    @Test func aGreetingWithARequestByAnotherNameShowsTheProduct() async throws {
        let h = try await AgentHarness()
        for (chat, text) in [
            ("g1", "Buenas tardes, cordial saludo.\nme interesan unos portacarnets"),
            ("g2", "hola buenas noches quisiera 3 matafuegos"),
        ] {
            let reply = try await h.say(chat, text)
            #expect(
                reply.reply.contains("Porta credencial") || reply.reply.contains("Extintor"), "\(text): \(reply.reply)")
        }
        await h.tearDown()
    }

    @Test func theGoAheadWhileTheOptionsWaitAsksForTheChoiceAgain() async throws {
        let h = try await AgentHarness()
        let options = try await h.say("o1", "necesito 4 extintores")
        #expect(options.reply.contains("¿Cuál prefiere"), "\(options.reply)")
        let reply = try await h.say("o1", "listo, eso sería todo, ¿qué sigue?")
        #expect(!reply.reply.contains("Aún no tiene productos"), "\(reply.reply)")
        #expect(reply.reply.contains("¿Cuál prefiere"), "\(reply.reply)")
        let chosen = try await h.say("o1", "el primero")
        #expect(chosen.reply.contains("agregué 4"), "\(chosen.reply)")
        await h.tearDown()
    }
}

/// A quantity with nothing named nor shown, and a greeting with an adjective before its
/// noun: before, "«7» no lo manejamos", "«cordial saludo» no lo manejamos".
@Suite(.serialized) struct BareQuantityTests {
    @Test func aQuantityWithNoProductAsksWhichProduct() async throws {
        let h = try await AgentHarness()
        for (chat, text) in [("q1", "mándeme 7 unidades"), ("q2", "ok, x3 por favor"), ("q3", "docena y media")] {
            let reply = try await h.say(chat, text)
            #expect(!reply.reply.contains("no lo manejamos"), "\(text): \(reply.reply)")
            #expect(reply.reply.contains("¿De qué producto serían las"), "\(text): \(reply.reply)")
        }
        let greeting = try await h.say("q4", "Buen día, reciban un cordial saludo.")
        #expect(!greeting.reply.contains("no lo manejamos"), "\(greeting.reply)")
        await h.tearDown()
    }
}
