import Foundation
import GlueCore

// The Parquet side of `convert`; the Parquet format's owner wires its reader and writer here.
extension ConvertRequest {
    func makeParquetReader() throws -> any BatchFileReader {
        throw GlueError(.unsupportedFeature, "Reading Parquet files is not available in this build yet.")
    }

    func makeParquetWriter(to url: URL, schema: Schema) throws -> any BatchFileWriter {
        throw GlueError(.unsupportedFeature, "Writing Parquet files is not available in this build yet.")
    }
}
