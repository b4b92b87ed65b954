import GlueCore
import Testing

@Suite struct DataTypeTests {
    @Test("Every catalog type string round-trips", arguments: [
        "boolean", "tinyint", "smallint", "int", "bigint", "float", "double", "decimal(10,2)", "decimal(38,38)",
        "string", "char(10)", "varchar(255)", "binary", "date", "timestamp", "timestamp_ntz", "array<string>",
        "map<string,array<int>>", "struct<a:int,b:string>", "array<struct<name:string,position:array<double>>>",
        "choice<int,string>", "struct<`order id`:int>",
    ])
    func roundTrip(typeString: String) throws {
        let type = try DataType(parsing: typeString)
        #expect(type.description == typeString)
        #expect(try DataType(parsing: type.description) == type)
    }

    @Test("Aliases, case and spaces are accepted")
    func aliases() throws {
        #expect(try DataType(parsing: "INTEGER") == .int)
        #expect(try DataType(parsing: "long") == .bigint)
        #expect(try DataType(parsing: "Short") == .smallint)
        #expect(try DataType(parsing: "byte") == .tinyint)
        #expect(try DataType(parsing: "decimal") == .decimal(precision: 10, scale: 0))
        #expect(try DataType(parsing: "decimal(5)") == .decimal(precision: 5, scale: 0))
        #expect(try DataType(parsing: " map < string , struct < x : int > > ") == .map(key: .string, value: .struct([Field("x", .int)])))
        #expect(try DataType(parsing: "timestampntz") == .timestampNTZ)
    }

    @Test("Bad type strings are InvalidInputException with a position", arguments: [
        "", "integr", "decimal(39,2)", "decimal(5,6)", "array<int", "map<int>", "struct<a int>", "char(0)",
        "int extra", "choice<int>", "decimal(99999999999,1)",
    ])
    func badTypeStrings(typeString: String) {
        #expect(throws: GlueError.self) { try DataType(parsing: typeString) }
        do {
            _ = try DataType(parsing: typeString)
        } catch {
            #expect(error.code == .invalidInput)
            #expect(error.message.contains("at character"))
        }
    }

    @Test("Column lists parse into schemas")
    func schemaParsing() throws {
        let schema = try Schema(parsing: "id bigint, `order id` int, price decimal(10,2), tags array<string>")
        #expect(schema.names == ["id", "order id", "price", "tags"])
        #expect(schema[2].dataType == .decimal(precision: 10, scale: 2))
        #expect(schema.firstIndex(named: "ID") == 0)
        #expect(schema.description == "id bigint, order id int, price decimal(10,2), tags array<string>")
        #expect(throws: GlueError.self) { try Schema(parsing: "a int, A string") }
        #expect(throws: GlueError.self) { try Schema(parsing: "a int,") }
        #expect(try Schema(parsing: "  ").count == 0)
    }

    @Test("Type predicates")
    func predicates() {
        #expect(DataType.bigint.isIntegral && DataType.bigint.isNumeric)
        #expect(!DataType.double.isIntegral && DataType.double.isNumeric)
        #expect(DataType.varchar(3).isString && !DataType.binary.isString)
        #expect(DataType.int.integerBitWidth == 32)
        #expect(!DataType.array(.int).isPrimitive)
    }
}
