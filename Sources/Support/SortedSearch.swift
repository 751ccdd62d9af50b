extension RandomAccessCollection where Element: Comparable, Index == Int {
    /// Binary search in ascending elements: the index of the first one ≥ `bound`
    /// (`endIndex` when none is), in O(log n).
    public func sortedFirstIndex(atLeast bound: Element) -> Int {
        var low = startIndex
        var high = endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if self[middle] < bound { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
