import GlueCore

extension ComparisonOperator {
    /// The type two columns meet in when compared (Spark's implicit casts, as
    /// ``Column/compare(_:_:)-(_,Column)`` applies them): hash joins cast both sides' keys to it so
    /// that equal values encode alike.
    ///
    /// - Throws: `InvalidInputException` when the types cannot be compared.
    public static func commonType(_ lhs: DataType, _ rhs: DataType) throws(GlueError) -> DataType {
        try Comparison.commonType(lhs, rhs)
    }
}
