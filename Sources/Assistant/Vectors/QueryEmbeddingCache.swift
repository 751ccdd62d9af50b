import Foundation

/// Query vectors remembered by model and folded text, the least recently used dropped
/// first: many customers write the same words ("guantes de vaqueta", "extintor"), and a
/// vector of the same words from the same model is the same vector. Bounded: at most
/// `capacity` entries, texts of at most `maxKeyLength` characters (longer ones are not
/// kept). Every operation is O(1) (a dictionary and a doubly linked list over slots).
public final class QueryEmbeddingCache: @unchecked Sendable {
    public let capacity: Int
    public static let maxKeyLength = 512

    private struct Key: Hashable {
        var model: String
        var text: String
    }

    private struct Slot {
        var key: Key
        var vector: [Float]
        var newer: Int
        var older: Int
    }

    private let lock = NSLock()
    private var slots: [Slot] = []
    private var index: [Key: Int] = [:]
    /// Most and least recently used slots (-1 when empty).
    private var newest = -1
    private var oldest = -1
    public private(set) var hits = 0
    public private(set) var misses = 0

    public init(capacity: Int = 4_096) {
        self.capacity = max(1, capacity)
    }

    public var count: Int { lock.withLock { index.count } }

    /// The vector stored for `text` of `model`, now the most recently used; nil when absent.
    public func vector(model: String, text: String) -> [Float]? {
        lock.withLock {
            guard let slot = index[Key(model: model, text: text)] else {
                misses += 1
                return nil
            }
            hits += 1
            touch(slot)
            return slots[slot].vector
        }
    }

    /// Stores a vector, dropping the least recently used entry when full.
    public func store(_ vector: [Float], model: String, text: String) {
        guard text.count <= Self.maxKeyLength else { return }
        let key = Key(model: model, text: text)
        lock.withLock {
            if let slot = index[key] {
                slots[slot].vector = vector
                touch(slot)
                return
            }
            let slot: Int
            if slots.count < capacity {
                slot = slots.count
                slots.append(Slot(key: key, vector: vector, newer: -1, older: -1))
            } else {
                slot = oldest
                unlink(slot)
                index[slots[slot].key] = nil
                slots[slot] = Slot(key: key, vector: vector, newer: -1, older: -1)
            }
            index[key] = slot
            pushNewest(slot)
        }
    }

    private func touch(_ slot: Int) {
        guard slot != newest else { return }
        unlink(slot)
        pushNewest(slot)
    }

    private func unlink(_ slot: Int) {
        let newer = slots[slot].newer
        let older = slots[slot].older
        if newer >= 0 { slots[newer].older = older } else { newest = older }
        if older >= 0 { slots[older].newer = newer } else { oldest = newer }
        slots[slot].newer = -1
        slots[slot].older = -1
    }

    private func pushNewest(_ slot: Int) {
        slots[slot].older = newest
        slots[slot].newer = -1
        if newest >= 0 { slots[newest].newer = slot }
        newest = slot
        if oldest < 0 { oldest = slot }
    }
}
