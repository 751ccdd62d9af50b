import SpanishText

/// Reads checkout data out of a message (Rasa's slot extraction): labelled values ("cc
/// 16.789.432", "barrio Alameda", "me llamo Ana Gómez", a block "Nombre: …\nCC: …"), values
/// recognized by their shape (an e-mail, a street address, a phone, a cédula), a name,
/// a neighbourhood or delivery notes among them, and, for the slot the agent just asked
/// for, the plain answer ("San Fernando"). What the agent asked decides what a bare number
/// is: a 7-digit number after "¿su teléfono?" is a landline, not a cédula. Values are raw
/// text; `CheckoutForm` validates them. Linear in the message (`FieldScanner`).
public enum CheckoutFieldExtractor {
    public struct Extraction: Sendable, Equatable {
        public var values: [CheckoutSlot: String] = [:]
        /// The whole answer, offered for the slot that was asked for; the agent uses it only
        /// when the message is nothing else (not a question, not a product).
        public var freeText: String?
        /// The message without the data taken from it (same length: data is blanked out).
        public var remainder: String = ""
        /// Where each value read from free text (a name, a neighbourhood, notes) lies.
        public var freeRanges: [CheckoutSlot: Range<Int>] = [:]
        /// Slots whose value came after a label that only introduces data ("C.C. 52 361 076",
        /// "correo: …", "me llamo …"); a bare "soy …", the barrio's ("sector") and the notes'
        /// labels are not counted.
        public var labelled: Set<CheckoutSlot> = []
        /// The cédula read is a company's NIT ("factura a nombre del colegio con NIT 890…"):
        /// it stands for the cédula only when none was given.
        public var companyId = false
        /// Only labelled data volunteered while shopping ("mi nombre es Ana, necesito gafas"):
        /// kept for the checkout, which it does not start (set by the reader).
        public var volunteered = false

        public init(values: [CheckoutSlot: String] = [:], freeText: String? = nil, remainder: String = "") {
            self.values = values
            self.freeText = freeText
            self.remainder = remainder
        }

        /// Data the customer clearly meant as checkout data even before checkout: an e-mail
        /// or an address, or at least two fields.
        public var isStrong: Bool {
            values.count >= 2 || values[.email] != nil || values[.address] != nil || !labelled.isEmpty || onlyData
        }
        /// The message is nothing but data ("52 286 346", "+57 310 761 4493"): no word or
        /// number is left once the data is taken out.
        public var onlyData = false
    }

    /// `requested`: the slot the agent asked for; `known`: slots the form already holds.
    /// An emoji or pictograph (not a digit, "#" or "*", which Unicode also marks as emoji).
    static func isPictograph(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first else { return false }
        return first.properties.isEmoji && first.value >= 0x2190
    }

    /// `knownName`: the name the form holds, which a longer one extending it replaces.
    public static func extract(
        _ text: String, requested: CheckoutSlot?, known: Set<CheckoutSlot> = [], knownName: String? = nil
    ) -> Extraction {
        // "Valentina Ríos 🙋‍♀️": pictographs are spaces to the fields (one character for one,
        // so every offset stays).
        let text = String(text.map { isPictograph($0) ? " " : $0 })
        let scan = FieldScanner(text)
        var values: [CheckoutSlot: String] = [:]
        var used = [Bool](repeating: false, count: scan.characters.count)
        func use(_ range: Range<Int>) {
            for offset in range where used.indices.contains(offset) { used[offset] = true }
        }
        var assigned = [Bool](repeating: false, count: scan.entities.count)
        var freeRanges: [CheckoutSlot: Range<Int>] = [:]
        var labelled: Set<CheckoutSlot> = []
        func countLabel(_ label: FieldScanner.Label) {
            guard [.name, .idNumber, .phone, .email, .address].contains(label.slot), isFirm(label, scan) else { return }
            labelled.insert(label.slot)
        }
        var entityCursor = 0
        // Where an address that holds its whole line of a block ends (`blockLineEnd`).
        var addressLineEnd: Int?
        // Where the neighbourhood's value ends: a clause said after it is the note.
        var neighborhoodEnd: Int?

        // A company's NIT is the id only when no person's cédula is labelled beside it
        // ("NIT: 900.456.123-4 … CC contacto: 16.845.302").
        let hasPersonalId = scan.labels.contains { $0.slot == .idNumber && !isCompanyId($0, scan) }
        for (position, label) in scan.labels.enumerated() {
            if hasPersonalId, isCompanyId(label, scan) {
                // "NIT 900.772.159-3. Recibe: Ing. Claudia…": the NIT's sentence, not the name after.
                let end = min(
                    position + 1 < scan.labels.count
                        ? scan.labels[position + 1].range.lowerBound : scan.characters.count,
                    sentenceEnd(scan, from: label.range.upperBound))
                if let index = scan.entities.indices.first(where: { index in
                    scan.entities[index].range.lowerBound >= label.range.upperBound
                        && scan.entities[index].range.lowerBound < end && fits(label, scan.entities[index], scan)
                }) {
                    assigned[index] = true
                }
                use(label.range.lowerBound..<end)
                continue
            }
            // "dejar en la portería a nombre de Orlando de mantenimiento": a name's label inside
            // a delivery note says who receives it; it stays in the note.
            if label.slot == .name,
                isNote(Words(scan.text(scan.pieceStart(before: label.range.lowerBound)..<label.range.lowerBound)))
            {
                continue
            }
            // "¿Manejan factura electrónica? La necesito a nombre de Agroinsumos del Huila SAS"
            // once the name is known: the invoice's name, not the one who receives.
            if label.slot == .name, known.contains(.name),
                Words(scan.text(max(0, label.range.lowerBound - Self.invoiceReach)..<label.range.lowerBound)).texts
                    .contains(where: Self.invoiceWords.contains)
            {
                use(
                    label.range
                        .lowerBound..<min(
                            position + 1 < scan.labels.count
                                ? scan.labels[position + 1].range.lowerBound : scan.characters.count,
                            lineEnd(scan, from: label.range.upperBound, limit: scan.characters.count)))
                continue
            }
            var next = position + 1
            // Notes run over labels that introduce nothing ("avisar por WhatsApp cuando
            // lleguen", "llamar al cel"): a word of a label is data only with its value.
            // So does a label of another note ("Indicaciones: ingreso por la portería 2,
            // horario de recibo de 8:00 a 11:30"): one note, not the first half of it.
            if label.slot == .notes {
                while next < scan.labels.count, !isLive(next, scan) || scan.labels[next].slot == .notes { next += 1 }
            }
            let regionEnd = next < scan.labels.count ? scan.labels[next].range.lowerBound : scan.characters.count
            while entityCursor < scan.entities.count,
                scan.entities[entityCursor].range.lowerBound < label.range.upperBound
            {
                entityCursor += 1
            }
            // The label's value is the first entity of its kind before the next label.
            var entityIndex: Int?
            var candidate = entityCursor
            while candidate < scan.entities.count, scan.entities[candidate].range.lowerBound < regionEnd {
                if !assigned[candidate], fits(label, scan.entities[candidate], scan) {
                    entityIndex = candidate
                    break
                }
                candidate += 1
            }
            if let entityIndex {
                let entity = scan.entities[entityIndex]
                assigned[entityIndex] = true
                // "Dir: Carrera 4 # 17-21, frente al malecón" on a line of a labelled block:
                // the line is the address.
                let lineEnd =
                    label.slot == .address
                    ? blockAddressEnd(scan, label: label, from: entity.range.upperBound, limit: regionEnd)
                    : entity.range.upperBound
                if values[label.slot] == nil {
                    let start =
                        label.slot == .address
                        ? namedPlaceStart(scan, after: label.range.upperBound, before: entity.range.lowerBound)
                        : entity.range.lowerBound
                    values[label.slot] = scan.text(start..<lineEnd)
                    countLabel(label)
                }
                use(label.range)
                use(label.range.upperBound..<lineEnd)
                continue
            }
            var valueStart = label.range.upperBound
            while valueStart < regionEnd, scan.characters[valueStart].isWhitespace || scan.characters[valueStart] == ":"
            {
                valueStart += 1
            }
            // "me equivoqué de barrio, es El Jardín": the value after a comma and a copula.
            if valueStart < regionEnd, scan.characters[valueStart] == ",",
                startsWithCopula(scan.characters, from: valueStart + 1, limit: regionEnd)
            {
                valueStart += 1
            }
            // "el barrio no es Palermo, es La Estrella": the value runs past the comma to the
            // one that replaces the value denied (`withoutDenied` keeps that one).
            let denied =
                label.slot != .notes
                && withoutDenied(scan.text(valueStart..<regionEnd)) != scan.text(valueStart..<regionEnd)
            // Notes run to the end of their line ("de 8 a.m. a 5 p.m., timbrar"); other
            // values to the next separator.
            var end =
                label.slot == .notes
                ? lineEnd(scan, from: valueStart, limit: regionEnd)
                : min(
                    regionEnd,
                    scan.nextSeparator(after: denied ? scan.nextSeparator(after: valueStart) + 1 : valueStart))
            // "Dirección: Finca La Esperanza, vereda Carrizal. Barrio: …": a site without a
            // street goes on over the pieces that place it (a vereda, a km, a road).
            if label.slot == .address {
                end = ruralAddressEnd(scan, from: end, limit: regionEnd)
            }
            // "Indicaciones: ingreso por la puerta 1; avisar a la coordinación": notes go on
            // over a ";" before another note.
            if label.slot == .notes {
                end = notesEnd(scan, from: end, limit: regionEnd)
            }
            // A value stops at the next piece of shaped data; notes keep their numbers ("de 8 a 5").
            if label.slot != .notes, entityCursor < scan.entities.count {
                var cap = entityCursor
                // "barrio Poblado 2", "barrio Decepaz 3 etapa": the number closing the
                // neighbourhood's piece is part of its name.
                if label.slot == .neighborhood, opensPlace(scan.entities[cap], scan, valueStart: valueStart) {
                    cap += 1
                }
                if label.slot == .neighborhood, cap < scan.entities.count,
                    closesPlace(scan.entities[cap], scan, end: end)
                {
                    cap += 1
                }
                if cap < scan.entities.count { end = min(end, max(valueStart, scan.entities[cap].range.lowerBound)) }
            }
            if label.slot == .address { end = blockAddressEnd(scan, label: label, from: end, limit: regionEnd) }
            // "barrio Ciudad Córdoba y que llamen antes de llegar": a place or a name ends
            // where a clause of its own begins (the rest may be the note).
            if [.neighborhood, .name].contains(label.slot), valueStart < end,
                let cut = Self.clauseStart(
                    in: scan.text(valueStart..<end), place: label.slot == .neighborhood && !denied)
            {
                end = valueStart + cut
            }
            // "Horario de recepción de 7 a.m. a 4 p.m.": a schedule's label is part of the note.
            let keepsLabel =
                label.slot == .notes && Words(scan.text(label.range)).at(0) == "horario"
                && !QuantityFilter.timeWords(Words(scan.text(label.range.upperBound..<end))).isEmpty
            let raw = scan.text((keepsLabel ? label.range.lowerBound : label.range.upperBound)..<end)
            // Notes are kept as written ("es un local"); other values lose "es", "mi"…
            var value = label.slot == .notes ? dictatedNote(withoutCopula(trimmed(raw))) : cleanValue(raw)
            // "barrio, es la vereda La Moralia": the vereda without its article.
            if label.slot == .neighborhood { value = stripNeighborhood(value) }
            if [.name, .neighborhood].contains(label.slot) { value = withoutAside(value) }
            guard !value.isEmpty, values[label.slot] == nil else {
                // "…, llamar al celular": a label with no value after words of a note is the
                // note's word.
                if value.isEmpty,
                    isNote(Words(scan.text(scan.pieceStart(before: label.range.lowerBound)..<label.range.lowerBound)))
                {
                    continue
                }
                use(label.range)
                continue
            }
            // "me llamo Sandra, Sandra Milena Quintero", "a nombre de mi esposa, Luz Marina
            // Cárdenas": the full name after the comma.
            if label.slot == .name, let (name, after) = fullNameAfter(value, scan, from: end, limit: regionEnd) {
                value = name
                end = after
            }
            // "el nombre va con Y: Yesid Alberto Meza", "nombre correcto: …": a lowercase
            // value before a colon says how; the name is after the colon.
            if label.slot == .name, end < regionEnd, scan.characters[end] == ":",
                value.first.map({ !$0.isUppercase }) == true
            {
                let after = min(regionEnd, scan.nextSeparator(after: end + 1))
                if let name = leadingName(trimmed(scan.text(end + 1..<after))) {
                    value = name
                    end = after
                }
            }
            if label.slot == .name, !looksLikeName(value) {
                // "le habla Hernán Darío Restrepo de Medellín necesito…": the name that opens it.
                if let name = leadingName(value) {
                    value = name
                    if let found = raw.range(of: name) {
                        end = min(
                            end, label.range.upperBound + raw.distance(from: raw.startIndex, to: found.upperBound))
                    }
                } else if end < regionEnd, scan.characters[end] == ":" {
                    // "a nombre de la coordinadora: Luz Dary Ospina": the name after the colon.
                    let after = min(regionEnd, scan.nextSeparator(after: end + 1))
                    guard let name = leadingName(trimmed(scan.text(end + 1..<after))) else { continue }
                    value = name
                    end = after
                } else {
                    continue
                }
            }
            if [.idNumber, .phone].contains(label.slot), !value.contains(where: \.isNumber) { continue }
            // "correo no tengo", "email: ninguno": a label without an address is no e-mail.
            if label.slot == .email, !value.contains("@") { continue }
            values[label.slot] = value
            if label.slot == .neighborhood { neighborhoodEnd = end }
            countLabel(label)
            use(label.range)
            use(label.range.upperBound..<end)
        }

        for (index, entity) in scan.entities.enumerated() where !assigned[index] {
            // "que da a la calle 15" to "¿alguna indicación?": a street named without its house
            // number places the note; it does not replace the address already given.
            if case .address = entity.kind, requested == .notes, known.contains(.address),
                scan.text(entity.range).split(whereSeparator: { !$0.isNumber }).count < 2
            {
                continue
            }
            guard let slot = slot(for: entity.kind, values: values, requested: requested, known: known),
                values[slot] == nil
            else { continue }
            values[slot] = scan.text(entity.range)
            use(entity.range)
            if slot == .address, let end = blockLineEnd(scan, value: entity.range, used: used) {
                values[slot] = trimmed(scan.text(entity.range.lowerBound..<end))
                use(entity.range.upperBound..<end)
                addressLineEnd = end
            }
        }

        // What is left, in pieces between separators and the data already taken.
        let hasData = !values.isEmpty
        // "sí, mismos datos pero esta vez …: que me llamen al celular": a message that keeps the
        // stored data gives the note it changes.
        let keepsData = keepsStored(scan.words)
        let firstEntity =
            scan.entities.first { entity in
                if case .number(let digits, _) = entity.kind { return digits.count >= 6 }
                return true
            }?.range.lowerBound ?? Int.max
        var addressEnd = addressLineEnd ?? scan.entities.first { $0.kind == .address }?.range.upperBound
        let addressStart = scan.entities.first { $0.kind == .address }?.range.lowerBound
        var notes: [FieldChunk] = []
        let chunks = leftoverChunks(scan, used: used)
        // Where a piece already taken ends: the line (or sentence) of a company field ("Razón
        // social: …", "Ciudad: Cali") holds no slot's value, and a block's line taken whole by
        // its address holds nothing else.
        var takenLineEnd = -1
        // The last piece that was no value, when nothing was taken after it.
        var unread: FieldChunk?
        for chunk in chunks {
            let words = Words(chunk.text)
            if chunk.range.lowerBound < takenLineEnd {
                use(chunk.range)
                continue
            }
            // Inside a note already taken to its line's end.
            if let note = notes.last, chunk.range.lowerBound < note.range.upperBound { continue }
            // "Razón social:", "Recibe:": a label of no slot is never a value itself; a company
            // field's line is no data and no product ("quiero pedir guantes: 2" stays an order).
            if opensLabel(chunk, scan) {
                if isForeignLabel(words) {
                    // "Datos para despacho y factura: NIT 900.772.159-3. Recibe: Ing. Claudia…" on
                    // one line: the company's field ends with its sentence.
                    takenLineEnd = sentenceEnd(scan, from: chunk.range.upperBound)
                    use(chunk.range)
                } else if values[.neighborhood] == nil, words.count == 1, ruralPlaceLabels.contains(words[0]) {
                    // "Vereda: Campo Alegre" on its line: where a rural address is, its barrio.
                    let end = lineEnd(scan, from: chunk.range.upperBound, limit: scan.characters.count)
                    let value = trimmed(
                        scan.text(chunk.range.upperBound..<end).replacingOccurrences(of: ":", with: " "))
                    if !value.isEmpty, !used[chunk.range.upperBound..<end].contains(true) {
                        values[.neighborhood] = value
                        neighborhoodEnd = end
                        takenLineEnd = end
                        use(chunk.range.lowerBound..<end)
                    }
                }
                continue
            }
            guard !words.isEmpty, !isOnlyChatter(words) else { continue }
            // "Enviar a la Transversal 5 # 9-30": a delivery verb leading into the address is no note.
            if let addressStart, words.count <= maxAddressLeadWords, isNote(words),
                chunk.range.upperBound <= addressStart,
                scan.characters[chunk.range.upperBound..<addressStart].allSatisfy(\.isWhitespace)
            {
                continue
            }
            // A lone word is a name only as the whole answer ("mija" after "no tengo correo" is not).
            let lone = words.count < 2 && (hasData || chunks.count > 1)
            // A question is never a name ("¿aceptan Nequi?").
            // A name the form holds is replaced only when asked for or labelled, or by a longer
            // one that extends it (the full name given at checkout).
            if values[.address] != nil, let end = addressEnd, follows(chunk.range.lowerBound, end, in: scan),
                isAddressPart(words, chunk), let address = values[.address]
            {
                // "Carrera 4 # 25-90, obra Torres del Rodadero", "Km 7 vía Mamonal, Planta 3":
                // the part of the site right after the address is the address's.
                values[.address] = address + ", " + trimmed(chunk.text)
                addressEnd = chunk.range.upperBound
                use(chunk.range)
            } else if values[.address] == nil, hasData, let site = namedSite(words, chunk) ?? namedStreet(words, chunk)
            {
                // "…, correo …. Finca Los Naranjos, vereda Charguayaco": a rural site by its
                // name, among other data, is the address (what follows it may be the barrio);
                // so is a town's street without numbers ("Calle principal, diagonal a la
                // iglesia" on its line of a block, which it holds whole).
                values[.address] = site
                freeRanges[.address] = chunk.range
                addressEnd = chunk.range.upperBound
                use(chunk.range)
                if let end = blockLineEnd(scan, value: chunk.range, used: used) {
                    values[.address] = trimmed(scan.text(chunk.range.lowerBound..<end))
                    freeRanges[.address] = chunk.range.lowerBound..<end
                    addressEnd = end
                    takenLineEnd = end
                    use(chunk.range.upperBound..<end)
                }
            } else if values[.name] == nil, hasData || requested == .name || extendsName(knownName, chunk.text),
                !known.contains(.name) || requested == .name || extendsName(knownName, chunk.text),
                let name = looksLikeName(chunk.text) ? (chunk.text, 0) : nameAfterChatter(chunk.text), !lone,
                !text.contains("?"),
                chunk.range.lowerBound < firstEntity || requested == .name
            {
                values[.name] = name.0
                freeRanges[.name] = (chunk.range.lowerBound + name.1)..<chunk.range.upperBound
                use(chunk.range)
            } else if values[.neighborhood] == nil, let addressEnd, values[.address] != nil,
                follows(chunk.range.lowerBound, addressEnd, in: scan),
                looksLikePlace(words) || ruralPlaceStart(words) != nil
                    || looksLikePlace(Words(withoutAside(chunk.text)))
            {
                // "Av 136A N° 117-56 apto 302, Robledo": the place after the address; "…, en la
                // vereda El Cedro" too, from its kind on; "Cabo de la Vela (Uribia)" without
                // the town in brackets.
                values[.neighborhood] =
                    ruralPlaceStart(words).map { words.originalText($0..<words.count) } ?? withoutAside(chunk.text)
                freeRanges[.neighborhood] = chunk.range
                neighborhoodEnd = chunk.range.upperBound
                use(chunk.range)
            } else if values[.neighborhood] == nil, values[.address] == nil, hasData,
                let start = ruralPlaceStart(words), words.count > start + 1,
                Array(chunk.text)[words.words[start + 1].range.lowerBound].isUppercase
            {
                // "…, correo …. Yo vivo en la vereda Buenos Aires, finca El Porvenir": the vereda
                // said before the site, among other data, is where a barrio would be.
                values[.neighborhood] = words.originalText(start..<words.count)
                freeRanges[.neighborhood] = chunk.range
                neighborhoodEnd = chunk.range.upperBound
                use(chunk.range)
            } else if hasData || keepsData, values[.notes] == nil, !isLeadIn(words),
                isNote(words)
                    || (values[.address] != nil && addressEnd.map { chunk.range.lowerBound > $0 } == true
                        && (describesPlace(words)
                            || (neighborhoodEnd.map { chunk.range.lowerBound >= $0 } == true
                                && !text.contains("?") && saysAboutThePlace(words))))
            {
                // A note runs to the end of its line over times and numbers ("Entregar en
                // almacén, horario 8 a.m. a 5 p.m."), up to data already taken.
                // A period inside the chunk ("dejar con el Sr. Gómez") may end a sentence
                // before the chunk does: the note never ends inside its own chunk.
                var end = max(sentenceEnd(scan, from: chunk.range.lowerBound), chunk.range.upperBound)
                if let taken = (chunk.range.upperBound..<end).first(where: { used[$0] }) { end = taken }
                // "…barrio Mojica, obra de la esquina, preguntar por el maestro": the words
                // about the place just before the note, after the address, belong to it.
                var start = chunk.range.lowerBound
                if notes.isEmpty, let before = unread, let addressEnd, before.range.lowerBound > addressEnd,
                    !ColombianPlaces.saysCity(Words(before.text)),
                    follows(chunk.range.lowerBound, before.range.upperBound, in: scan)
                {
                    start = before.range.lowerBound
                }
                var text = trimmed(scan.text(start..<end))
                // "… barrio Ciudad Córdoba y que llamen antes": the note without the "y".
                if Words(text).at(0) == "y", let space = text.firstIndex(of: " ") {
                    // "…, y por favor entregar en la portería": the courtesy that joins it goes too.
                    text = withoutCourtesy(trimmed(String(text[text.index(after: space)...])))
                }
                // "… barrio El Carmen y pues el taller…": the spoken filler that joins it too.
                if Words(text).at(0) == "pues", let space = text.firstIndex(of: " ") {
                    text = trimmed(String(text[text.index(after: space)...]))
                }
                // "…, es al lado de la ferretería El Minero": where it is, without the "es".
                if Words(text).at(0) == "es", Self.opensLandmark(Words(text), at: 1),
                    let space = text.firstIndex(of: " ")
                {
                    text = trimmed(String(text[text.index(after: space)...]))
                }
                notes.append(FieldChunk(text: text.isEmpty ? chunk.text : text, range: start..<end))
            } else {
                unread = chunk
                continue
            }
            unread = nil
        }
        if let first = notes.first, let last = notes.last {
            values[.notes] = notes.map(\.text).joined(separator: ", ")
            freeRanges[.notes] = first.range.lowerBound..<last.range.upperBound
            for note in notes { use(note.range) }
        }

        for (slot, value) in values where slot != .notes {
            let kept = withoutDenied(value)
            // "no hay, es la vereda Morcá": the vereda without its article.
            values[slot] = slot == .neighborhood && kept != value ? stripNeighborhood(kept) : kept
            // "barrio no hay, eso es vereda. Vereda Bilbao": a rural word alone names no place.
            if slot == .neighborhood, let place = values[slot], case let placeWords = Words(place),
                placeWords.count == 1,
                ruralPlaceLabels.contains(placeWords[0])
            {
                values[slot] = nil
                freeRanges[slot] = nil
            }
        }
        // "Barrio no, es la vereda Churuvita", "Barrio o vereda: Vereda Llano Grande": a barrio
        // read as a few words in lower case ("no", "rural", "o vereda") gives way to the rural
        // place the message names with a capital.
        if let neighborhood = values[.neighborhood], !neighborhood.contains(where: \.isUppercase),
            Words(neighborhood).count <= maxPlainBarrioWords, let place = namedRuralPlace(in: text)
        {
            values[.neighborhood] = place
        }
        // "barrio Santa Bárbara Buga": the city after the neighbourhood is no part of it.
        if let neighborhood = values[.neighborhood] {
            values[.neighborhood] = ColombianPlaces.withoutCity(neighborhood)
        }
        var extraction = Extraction(values: values)
        extraction.freeRanges = freeRanges
        extraction.labelled = labelled.filter { values[$0] != nil && freeRanges[$0] == nil }
        extraction.companyId =
            values[.idNumber] != nil && !hasPersonalId && scan.labels.contains { isCompanyId($0, scan) }
        if let requested, values.isEmpty {
            if requested == .notes {
                extraction.freeText = dictatedNote(trimmed(text))
            } else {
                var leftover = leftoverChunks(scan, used: used).map(\.text).filter { !isOnlyChatter(Words($0)) }
                // "Acopi, Yumbo", "finca Villa Amparo, Tuluá": the city beside the neighbourhood
                // or the address is neither.
                if [.neighborhood, .address].contains(requested),
                    leftover.contains(where: { !ColombianPlaces.isCity(Words($0)) })
                {
                    leftover.removeAll { ColombianPlaces.isCity(Words($0)) }
                }
                let joined = leftover.joined(separator: ", ")
                extraction.freeText =
                    joined.isEmpty
                    ? nil
                    : cleanValue(
                        requested == .neighborhood
                            ? ColombianPlaces.withoutCity(stripNeighborhood(withoutAside(joined))) : joined)
            }
        }
        extraction.remainder = String(zip(scan.characters, used).map { $1 ? " " : $0 })
        extraction.onlyData =
            !values.isEmpty && !extraction.remainder.contains { $0.isLetter || $0.isNumber }
        return extraction
    }

    static let copulas: Set<String> = ["es", "era", "seria", "sería", "queda"]

    /// The most words that lead into an address without being data ("enviar a la", "me lo
    /// mandan a la").
    static let maxAddressLeadWords = 5

    /// A label that surely introduces its slot's value ("soy …" may introduce a trade, unless
    /// a full name follows it: "soy Andrés Felipe Contreras, les escribo de Cúcuta").
    static func isFirm(_ label: FieldScanner.Label, _ scan: FieldScanner) -> Bool {
        guard TextFold.fold(scan.text(label.range)) == "soy" else { return true }
        let end = min(scan.characters.count, label.range.upperBound + maxNameLookahead)
        let following = scan.text(label.range.upperBound..<end).split(whereSeparator: \.isWhitespace).prefix(2)
        return following.count == 2
            && following.allSatisfy { $0.first?.isUppercase == true && $0.allSatisfy(\.isLetter) }
    }

    /// How far after "soy" its two capitalized name words are looked for.
    static let maxNameLookahead = 60

    /// A "NIT" label (a company's tax id, which may stand for the cédula).
    static func isCompanyId(_ label: FieldScanner.Label, _ scan: FieldScanner) -> Bool {
        label.slot == .idNumber && TextFold.fold(scan.text(label.range)) == "nit"
    }

    /// A chunk of one to four words right before ":" at the start of its line or piece:
    /// a label.
    static func opensLabel(_ chunk: FieldChunk, _ scan: FieldScanner) -> Bool {
        var after = chunk.range.upperBound
        while after < scan.characters.count, scan.characters[after] == " " { after += 1 }
        guard after < scan.characters.count, scan.characters[after] == ":" else { return false }
        var before = chunk.range.lowerBound
        while before > 0, scan.characters[before - 1] == " " { before -= 1 }
        let words = chunk.text.split(whereSeparator: \.isWhitespace)
        return (1...4).contains(words.count) && (before == 0 || "\n/|;,-".contains(scan.characters[before - 1]))
    }

    /// Labels of a company's or an order's fields that are none of the checkout's slots.
    static func isForeignLabel(_ words: Words) -> Bool {
        words.texts.contains { foreignLabelWords.contains($0) }
    }

    /// Where a labelled address starts: at the name of the place said before it ("Dirección:
    /// Mina La Aurora, vía a Remedios km 4"; a capitalized name of a few words and a comma),
    /// else at the address itself.
    static func namedPlaceStart(_ scan: FieldScanner, after labelEnd: Int, before addressStart: Int) -> Int {
        var start = labelEnd
        while start < addressStart, ": ".contains(scan.characters[start]) { start += 1 }
        guard start < addressStart else { return addressStart }
        let gap = scan.text(start..<addressStart).trimmingCharacters(in: .whitespaces)
        let words = gap.split(whereSeparator: \.isWhitespace)
        guard gap.hasSuffix(","), (1...maxPlaceNameWords).contains(words.count),
            scan.characters[start].isUppercase, !gap.contains(where: { $0.isNumber || "\n;:".contains($0) })
        else { return addressStart }
        return start
    }

    static let maxPlaceNameWords = 5

    /// A piece that is a rural site and its capitalized name ("Finca Los Naranjos", "la
    /// hacienda El Recreo"), without the article before it; nil otherwise.
    static func namedSite(_ words: Words, _ chunk: FieldChunk) -> String? {
        var start = 0
        if ["la", "mi", "nuestra"].contains(words.at(0)) { start = 1 }
        let characters = Array(chunk.text)
        guard start + 1 < words.count, words.count - start <= maxPlaceNameWords + 1,
            FieldScanner.siteWords.contains(words[start]),
            characters.indices.contains(words.words[start + 1].range.lowerBound),
            characters[words.words[start + 1].range.lowerBound].isUppercase
        else { return nil }
        return trimmed(String(characters[words.words[start].range.lowerBound...]))
    }

    /// A piece that opens with a street word and the street's name, without a number ("Calle
    /// principal", "Avenida del Río"): a street of a town whose streets have no numbers; nil
    /// otherwise.
    static func namedStreet(_ words: Words, _ chunk: FieldChunk) -> String? {
        guard (2...maxPlaceNameWords + 1).contains(words.count), townStreetWords.contains(words[0]),
            words.texts.allSatisfy({ $0.allSatisfy(\.isLetter) })
        else { return nil }
        let characters = Array(chunk.text)
        guard let first = (1..<words.count).first(where: { !nameParticles.contains(words[$0]) }),
            characters.indices.contains(words.words[first].range.lowerBound),
            characters[words.words[first].range.lowerBound].isUppercase || townStreetNames.contains(words[first])
        else { return nil }
        return trimmed(String(characters[words.words[0].range.lowerBound...]))
    }

    /// Street words a town's street may be named by without a number.
    static let townStreetWords: Set<String> = [
        "calle", "cll", "carrera", "cra", "avenida", "av", "diagonal", "transversal", "malecon",
    ]
    /// Names of a town's streets written without capitals ("calle principal").
    static let townStreetNames: Set<String> = [
        "principal", "central", "real", "primera", "segunda", "tercera", "nueva", "vieja", "comercio",
    ]

    /// In a block of data written one value to a line ("Wilmer Quiñones\n98456230\n…\nAvenida
    /// La Playa casa 14, junto al kiosco Las Palmeras\nEl Morro"), an address that opens its
    /// line holds the whole line: what follows its commas is the address's, not a note or a
    /// neighbourhood. The end of that line, or nil when the message is no such block, the
    /// address does not open its line, another value or label is on the line, or what
    /// follows is a place alone ("Calle 5 # 3-20, Villa del Sur" names the barrio).
    static func blockLineEnd(_ scan: FieldScanner, value: Range<Int>, used: [Bool]) -> Int? {
        let characters = scan.characters
        guard characters.lazy.filter({ $0 == "\n" }).count >= minBlockLines - 1 else { return nil }
        var start = value.lowerBound
        while start > 0, characters[start - 1] == " " || characters[start - 1] == "\t" { start -= 1 }
        guard start == 0 || characters[start - 1] == "\n" else { return nil }
        var end = value.upperBound
        while end < characters.count, characters[end] != "\n" { end += 1 }
        while end > value.upperBound, isTrimmed(characters[end - 1]) { end -= 1 }
        guard end > value.upperBound, !used[value.upperBound..<end].contains(true),
            // "…, Parque Industrial Los Robles bodega 14": a short number is the unit's.
            !scan.entities.contains(where: {
                $0.range.lowerBound >= value.upperBound && $0.range.lowerBound < end && !isUnitNumber($0)
            }),
            !scan.labels.contains(where: { $0.range.lowerBound >= value.upperBound && $0.range.lowerBound < end })
        else { return nil }
        let rest = Words(scan.text(value.upperBound..<end))
        guard !rest.isEmpty, ruralPlaceStart(rest) == nil else { return nil }
        // "Km 3 vía Espinal - Guamo, Molino La Espiga" above "Vereda Montalvo": the place
        // after the comma is part of the site when the next line is the barrio or vereda.
        if looksLikePlace(rest), !nextLineOpensPlace(characters, after: end) { return nil }
        return end
    }

    /// A number of at most `maxUnitDigits` digits that reads as no phone ("bodega 14").
    static func isUnitNumber(_ entity: FieldScanner.Entity) -> Bool {
        guard case .number(let digits, let phoneLike) = entity.kind else { return false }
        return !phoneLike && digits.count <= maxUnitDigits
    }

    static let maxUnitDigits = 4

    /// The line after the one ending at `end` opens with "barrio" or a rural place's label
    /// ("Vereda Montalvo"). Reads at most `maxPlaceLineLead` characters of it.
    static func nextLineOpensPlace(_ characters: [Character], after end: Int) -> Bool {
        var start = end
        while start < characters.count, characters[start] != "\n" { start += 1 }
        start += 1
        guard start < characters.count else { return false }
        var stop = start
        while stop < characters.count, stop - start < maxPlaceLineLead, characters[stop] != "\n" { stop += 1 }
        guard let first = Words(String(characters[start..<stop])).texts.first else { return false }
        return first == "barrio" || ruralPlaceLabels.contains(first)
    }

    static let maxPlaceLineLead = 40

    /// The fewest lines of a block of data.
    static let minBlockLines = 4

    /// Parts of a site that follow its street address ("obra Torres del Rodadero", "Planta 3",
    /// "bodega 2"): the part's kind, then a number or a capitalized name.
    static let addressPartWords: Set<String> = [
        "planta", "obra", "bodega", "local", "oficina", "torre", "bloque", "interior", "edificio", "galpon", "nave",
        "modulo", "consultorio", "almacen", "sede", "puesto", "pasaje", "conjunto", "parqueadero", "posada", "hotel",
    ]

    /// A piece of two to `maxPlaceNameWords` words that is a part of a site (`addressPartWords`).
    /// "obra bodega Transportes Bayona": kinds of parts may follow one another before the name.
    static func isAddressPart(_ words: Words, _ chunk: FieldChunk) -> Bool {
        guard (2...maxPlaceNameWords).contains(words.count), addressPartWords.contains(words[0]) else { return false }
        var name = 1
        while name < words.count - 1,
            addressPartWords.contains(words[name]) || FieldScanner.siteWords.contains(words[name])
        {
            name += 1
        }
        if words[name].allSatisfy(\.isNumber) { return true }
        let characters = Array(chunk.text)
        let start = words.words[name].range.lowerBound
        return characters.indices.contains(start) && characters[start].isUppercase
    }

    /// Labels of a rural place that stands for the barrio ("Vereda: Campo Alegre").
    static let ruralPlaceLabels: Set<String> = ["vereda", "corregimiento", "caserio", "inspeccion"]

    static let foreignLabelWords: Set<String> = [
        "empresa", "razon", "social", "compania", "cargo", "ciudad", "departamento", "municipio", "area", "dependencia",
        "proyecto", "fecha", "oc", "factura", "facturacion", "facturar", "centro", "costos", "plazo", "pago",
        "cotizacion", "sucursal", "sede", "pais", "nit",
    ]

    /// The value after the one denied: "no es Palermo, es La Estrella" → "La Estrella", "no
    /// es Palermo sino La Estrella" → "La Estrella"; the value itself otherwise. Looks at
    /// a few words only.
    static func withoutDenied(_ value: String) -> String {
        let characters = Array(value)
        let words = Words(value)
        // "pues no hay, es la vereda Morcá": a spoken filler may lead; "no hay" (nothing of the
        // kind) is a denial the value follows even without a comma.
        var first = 0
        while first < min(words.count, 2), deniedLeads.contains(words[first]) { first += 1 }
        guard words.count - first >= 4, words.count <= maxDeniedWords, words[first] == "no",
            copulas.contains(words[first + 1]) || absentVerbs.contains(words[first + 1])
        else {
            return value
        }
        let absent = absentVerbs.contains(words[first + 1])
        // "Barrio no hay, ponga Corregimiento de Camarones": what to write instead.
        if absent, let put = (first + 2..<words.count - 1).first(where: { putVerbs.contains(words[$0]) }) {
            return trimmed(String(characters[words.words[put + 1].range.lowerBound...]))
        }
        for index in (first + (absent ? 2 : 3))..<words.count {
            let word = words[index]
            let gap = characters[words.words[index - 1].range.upperBound..<words.words[index].range.lowerBound]
            guard word == "sino" || ((gap.contains(",") || absent) && copulas.contains(word)) else { continue }
            var next = index + 1
            if word == "sino", next < words.count, copulas.contains(words[next]) { next += 1 }
            guard next < words.count else { return value }
            return trimmed(String(characters[words.words[next].range.lowerBound...]))
        }
        return value
    }

    /// "ponga", "anote": what the customer asks to write in place of a value there is none of.
    static let putVerbs: Set<String> = [
        "ponga", "pongale", "pongan", "pone", "coloque", "coloquele", "escriba", "escribale", "anote", "anotele",
    ]

    /// Fillers said before a denial ("pues no hay…").
    static let deniedLeads: Set<String> = ["pues", "bueno", "eh", "ah", "mm"]
    /// "no hay", "no tiene": there is none of what was asked (then what it is instead).
    static let absentVerbs: Set<String> = ["hay", "tiene", "tengo", "aplica", "maneja"]
    /// The most words a denied value and its correction have.
    static let maxDeniedWords = 16

    /// Words after "y" that open a clause of its own, not a second word of a place or name.
    static let clauseOpeners: Set<String> = [
        "que", "por", "porfa", "llamar", "llamen", "llame", "dejar", "dejen", "deje", "preguntar", "pregunten",
        "pregunte", "timbrar", "timbren", "timbre", "entregar", "entreguen", "entregue", "avisar", "avisen", "avise",
        "si", "para", "como", "mi", "correo", "celular", "cedula", "telefono",
    ]

    /// The character offset in `value` where "y" opens a clause of its own ("… y que llamen
    /// antes", "… y por favor…"); nil when there is none. One pass.
    /// A place (`place`: the neighbourhood) also ends where a copula or a spoken filler opens a
    /// sentence about it ("barrio Belén es el taller de la esquina", "barrio El Carmen y pues
    /// el taller…"): a name of a neighbourhood has neither.
    static func clauseStart(in value: String, place: Bool = false) -> Int? {
        let words = Words(value)
        guard words.count > 2 else { return nil }
        for index in 1..<(words.count - 1) {
            if words[index] == "y",
                clauseOpeners.contains(words[index + 1]) || (place && placeClauseOpeners.contains(words[index + 1]))
            {
                return words.words[index].range.lowerBound
            }
            // "barrio El Centro al lado del mercado": a landmark after the place's name opens
            // the note.
            if place, Self.opensLandmark(words, at: index) {
                return words.words[index].range.lowerBound
            }
            // "barrio ahora es El Limonar": a copula after words that only lead to the value
            // introduces it.
            if place, copulas.contains(words[index]) || words[index] == "pues",
                !words.texts[..<index].allSatisfy(copulaLeads.contains)
            {
                return words.words[index].range.lowerBound
            }
        }
        return nil
    }

    /// "al lado de", "frente a", "cerca del", "junto al", "diagonal a", "detrás de", "enseguida
    /// de", "contiguo al" at word `index`: where a landmark begins.
    static func opensLandmark(_ words: Words, at index: Int) -> Bool {
        let next = words.at(index + 1)
        switch words.at(index) {
        case "al": return next == "lado" || next == "ladito" || next == "frente"
        case "frente", "junto", "diagonal", "contiguo": return ["a", "al", "de", "del"].contains(next)
        case "cerca", "detras", "enseguida", "despues": return ["de", "del", "al"].contains(next)
        default: return false
        }
    }

    /// Words that may come before the copula that introduces a value ("ahora es", "ya no es",
    /// "en realidad es").
    static let copulaLeads: Set<String> = [
        "ahora", "ya", "nuevo", "si", "no", "tambien", "bien", "realmente", "realidad", "en", "mejor", "pues",
        "entonces", "el", "la", "mi", "su", "actual", "correcto", "verdad", "de",
    ]

    /// Words after "y" that open a sentence about the place, not a second word of its name
    /// ("San Pedro y San Pablo" keeps its "y").
    static let placeClauseOpeners: Set<String> = ["pues", "ahi", "alli", "el", "la", "es", "queda", "son", "en"]

    /// Whether the text from `start` (after spaces) opens with "es", "era", "sería" or "queda"
    /// and a space. Looks at a dozen characters at most.
    static func startsWithCopula(_ characters: [Character], from start: Int, limit: Int) -> Bool {
        var index = start
        while index < limit, characters[index] == " " { index += 1 }
        var word = ""
        while index < limit, word.count <= 6, characters[index].isLetter {
            word.append(characters[index])
            index += 1
        }
        return index < limit && characters[index] == " " && copulas.contains(word.lowercased())
    }

    static func fits(_ slot: CheckoutSlot, _ kind: FieldScanner.Entity.Kind) -> Bool {
        switch (slot, kind) {
        case (.idNumber, .number), (.phone, .number), (.email, .email), (.address, .address): true
        default: false
        }
    }

    /// Whether `entity` may be the value of `label`: a short number ("12345") only right
    /// after its label, in the same clause; "whatsapp pero mi nieta…, quisiera 1 cono" has
    /// no phone in it.
    static func fits(_ label: FieldScanner.Label, _ entity: FieldScanner.Entity, _ scan: FieldScanner) -> Bool {
        guard fits(label.slot, entity.kind) else { return false }
        guard case .number(let digits, _) = entity.kind, digits.count < minDigits else { return true }
        // "CC Holguines local 205" (a mall): a short number is a cédula (too short, so it is
        // asked again) only right after its label ("cédula 12").
        if label.slot == .idNumber, digits.count < 5,
            scan.characters[label.range.upperBound..<max(label.range.upperBound, entity.range.lowerBound)]
                .contains(where: { $0.isLetter })
        {
            return false
        }
        var next = scan.nextSeparator(after: label.range.upperBound)
        while next < scan.characters.count, scan.characters[next] == ":" { next = scan.nextSeparator(after: next + 1) }
        return next >= entity.range.lowerBound
    }

    /// The digits of a number that is a cédula or phone wherever it stands.
    static let minDigits = 6

    /// Whether label `index` introduces a value: it ends in ":", opens its line, or a value
    /// of its shape follows it before the next label or line break.
    static func isLive(_ index: Int, _ scan: FieldScanner) -> Bool {
        let label = scan.labels[index]
        var after = label.range.upperBound
        while after < scan.characters.count, scan.characters[after] == " " { after += 1 }
        if after < scan.characters.count, scan.characters[after] == ":" { return true }
        var before = label.range.lowerBound
        while before > 0, scan.characters[before - 1] == " " { before -= 1 }
        if before == 0 || scan.characters[before - 1] == "\n" { return true }
        let limit = min(
            index + 1 < scan.labels.count ? scan.labels[index + 1].range.lowerBound : scan.characters.count,
            lineEnd(scan, from: label.range.upperBound, limit: scan.characters.count))
        switch label.slot {
        case .idNumber, .phone, .email, .address:
            return scan.entities.contains { entity in
                entity.range.lowerBound >= label.range.upperBound && entity.range.lowerBound < limit
                    && fits(label, entity, scan)
            }
        default:
            return true
        }
    }

    /// The slot an unlabelled entity fills. A phone-shaped number is a phone; another number
    /// of 6–10 digits answers what was asked (a landline after "¿su teléfono?", a cédula
    /// after "¿su cédula?"), else the cédula first (when the form has none) and the phone next.
    static func slot(
        for kind: FieldScanner.Entity.Kind, values: [CheckoutSlot: String], requested: CheckoutSlot?,
        known: Set<CheckoutSlot>
    ) -> CheckoutSlot? {
        switch kind {
        case .email: return .email
        case .address: return .address
        case .number(let digits, let phoneLike):
            if phoneLike { return .phone }
            guard (6...10).contains(digits.count) else { return nil }
            let landline = digits.count == 7 || (digits.count == 10 && digits.hasPrefix("60"))
            if requested == .phone, values[.phone] == nil, landline { return .phone }
            if requested == .idNumber, values[.idNumber] == nil { return .idNumber }
            if values[.idNumber] == nil, !known.contains(.idNumber) { return .idNumber }
            if landline, values[.phone] == nil { return .phone }
            return values[.idNumber] == nil ? .idNumber : nil
        }
    }

    /// The end of the sentence that starts at `start`: a line end, or a ".", "!" or "?"
    /// followed by a capital ("… del piso. Gracias"); "8 a.m. a 5 p.m." goes on.
    static func sentenceEnd(_ scan: FieldScanner, from start: Int) -> Int {
        let end = lineEnd(scan, from: start, limit: scan.characters.count)
        var index = start
        while index < end {
            if [".", "!", "?"].contains(scan.characters[index]) {
                var next = index + 1
                while next < end, scan.characters[next].isWhitespace { next += 1 }
                if next == end || scan.characters[next].isUppercase { return index }
            }
            index += 1
        }
        return end
    }

    /// In a block of labelled lines with the neighbourhood labelled apart ("Dirección: Km 8
    /// Zona Industrial, Planta 2\nBarrio: Mamonal"), an address label at the start of its line
    /// (or after " / ") holds the whole line: the pieces after its commas ("Planta 2", "frente
    /// al malecón") are the address's, not a neighbourhood. `end` otherwise. Reads the label's
    /// line once.
    static func blockAddressEnd(_ scan: FieldScanner, label: FieldScanner.Label, from end: Int, limit: Int) -> Int {
        guard end < limit, scan.labels.contains(where: { $0.slot == .neighborhood && $0 != label }) else { return end }
        var start = label.range.lowerBound
        // "- Dirección: …", "• Dirección: …": a list's mark may open the line.
        while start > 0, " \t-•*".contains(scan.characters[start - 1]) { start -= 1 }
        guard start == 0 || "\n/|".contains(scan.characters[start - 1]) else { return end }
        var lineEnd = end
        while lineEnd < limit, !"\n|/".contains(scan.characters[lineEnd]) { lineEnd += 1 }
        // An e-mail, a phone or a cédula on the same line ("apto 302, stiven@une.net.co") is
        // another field; a short number ("Planta 2", "bodega 21") is the address's.
        if let next = scan.entities.first(where: { entity in
            guard entity.range.lowerBound >= end, entity.range.lowerBound < lineEnd else { return false }
            if case .number(let digits, let phoneLike) = entity.kind { return phoneLike || digits.count >= 6 }
            return true
        }) {
            lineEnd = next.range.lowerBound
        }
        // Not the words that lead into the next label ("…, en el barrio …", "… y barrio …").
        while lineEnd > end {
            if " ,;/-.\t".contains(scan.characters[lineEnd - 1]) {
                lineEnd -= 1
                continue
            }
            var wordStart = lineEnd
            while wordStart > end, scan.characters[wordStart - 1].isLetter { wordStart -= 1 }
            guard wordStart < lineEnd, wordStart > end,
                leadWords.contains(TextFold.fold(String(scan.characters[wordStart..<lineEnd])))
            else { break }
            lineEnd = wordStart
        }
        return lineEnd
    }

    /// Words that lead into a label ("en el barrio", "y el celular"): a value's lead-in words
    /// (`leadInWords`) and the joiners.
    static let leadWords: Set<String> = leadInWords.union(["y", "e", "con"])

    /// The end of the line that starts at `start` (a line break, ";" or "|"), within `limit`.
    static func lineEnd(_ scan: FieldScanner, from start: Int, limit: Int) -> Int {
        var end = start
        while end < limit, !"\n;|".contains(scan.characters[end]) { end += 1 }
        return end
    }

    /// Only separators and spaces lie between `end` and `start`.
    static func follows(_ start: Int, _ end: Int, in scan: FieldScanner) -> Bool {
        guard start >= end else { return false }
        return scan.characters[end..<start].allSatisfy { $0.isWhitespace || ",;-/".contains($0) }
    }

    /// One to four words of letters that are not a delivery note, a label or a request.
    /// "en la vereda El Cedro", "vereda Moyano": where a rural place (`ruralPlaceLabels` and a
    /// name of at most `maxRuralNameWords` words) opens in a piece said after the address,
    /// past the words that lead to it; nil when the piece is no such place.
    static func ruralPlaceStart(_ words: Words) -> Int? {
        var index = 0
        while index < words.count, ruralPlaceStartLeads.contains(words[index]) { index += 1 }
        guard index + 1 < words.count, words.count - index - 1 <= maxRuralNameWords,
            ruralPlaceLabels.contains(words[index])
        else { return nil }
        return index
    }

    static let maxRuralNameWords = 4
    /// The most words of a barrio in lower case that a rural place named in the message replaces.
    static let maxPlainBarrioWords = 3
    /// Words before a rural place's kind in its piece ("yo vivo en la vereda …").
    static let ruralPlaceStartLeads: Set<String> = [
        "en", "la", "de", "del", "y", "es", "queda", "yo", "vivo", "vivimos", "quedamos", "estamos", "eso",
    ]

    static func looksLikePlace(_ words: Words) -> Bool {
        // "Poblado 2", "Comuneros 1": a place's name may end in a short number.
        let named = words.texts.indices.allSatisfy { index in
            words[index].allSatisfy(\.isLetter)
                || (index > 0 && index == words.count - 1 && words[index].count <= 2
                    && words[index].allSatisfy(\.isNumber))
        }
        guard (1...4).contains(words.count), named else { return false }
        // "Calle 5 # 10-20, Cali": the city is no neighbourhood.
        if ColombianPlaces.isCity(words) { return false }
        let articles: Set<String> = ["el", "la", "los", "las", "de", "del"]
        return !isNote(words)
            && !words.texts.contains {
                labelWords.contains($0) || (Lexicon.fillers.contains($0) && !articles.contains($0))
            }
    }

    /// The words of the slots' labels that are not common words ("cc", "barrio", "correo").
    static let labelWords: Set<String> = Set(CheckoutSlot.allCases.flatMap { $0.labelWords.flatMap { $0 } })
        .subtracting(Lexicon.fillers)

    struct FieldChunk {
        var text: String
        var range: Range<Int>
    }

    /// Pieces of text not yet used, split at separators and used ranges, trimmed.
    static func leftoverChunks(_ scan: FieldScanner, used: [Bool]) -> [FieldChunk] {
        var isSeparator = [Bool](repeating: false, count: scan.characters.count)
        for index in scan.separators { isSeparator[index] = true }
        var chunks: [FieldChunk] = []
        var start: Int?
        func close(_ end: Int) {
            guard let begin = start else { return }
            start = nil
            var from = begin
            var to = end
            while from < to, isTrimmed(scan.characters[from]) { from += 1 }
            while to > from, isTrimmed(scan.characters[to - 1]) { to -= 1 }
            if from < to { chunks.append(FieldChunk(text: String(scan.characters[from..<to]), range: from..<to)) }
        }
        for index in scan.characters.indices {
            if isSeparator[index] || used[index] {
                close(index)
            } else if start == nil {
                start = index
            }
        }
        close(scan.characters.count)
        return chunks
    }

    static func isTrimmed(_ c: Character) -> Bool {
        c.isWhitespace || ":.,;-¿?¡!\"'()".contains(c)
    }
}
