/// The non-null values of one column chunk in their physical type, as the pages decode them.
///
/// Only the array of the column's physical type is used. Byte-array columns whose pages are all
/// dictionary-encoded keep dictionary indices (`indices`) instead of copying values.
struct PhysicalValues {
    var booleans: [Bool] = []
    var int32s: [Int32] = []
    var int64s: [Int64] = []
    var floats: [Float] = []
    var doubles: [Double] = []
    var byteArrays = ByteArrayValues()
    /// Dictionary indices of byte-array values while every page so far used the dictionary.
    var indices: [Int32] = []
    /// Whether byte-array values are still held as `indices`.
    var isIndexed = false
}
