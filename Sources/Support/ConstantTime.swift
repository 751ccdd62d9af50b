/// Comparisons whose time does not depend on where two secrets differ.
public enum ConstantTime {
    /// True when `a` and `b` hold the same bytes; looks at every byte of `b` whatever happens.
    public static func equals(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        var difference = UInt8(truncatingIfNeeded: left.count ^ right.count) | (left.count == right.count ? 0 : 1)
        for index in right.indices {
            difference |= (index < left.count ? left[index] : 0) ^ right[index]
        }
        return difference == 0
    }
}
