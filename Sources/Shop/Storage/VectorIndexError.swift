import Foundation

public enum VectorIndexError: Error, Equatable, CustomStringConvertible, Sendable {
    case wrongDimension(expected: Int, got: Int)
    case wrongModel(expected: String, got: String)

    public var description: String {
        switch self {
        case .wrongDimension(let expected, let got):
            "vector de \(got) dimensiones en un índice de \(expected)"
        case .wrongModel(let expected, let got):
            "vectores del modelo \(got) en un índice del modelo \(expected)"
        }
    }
}
