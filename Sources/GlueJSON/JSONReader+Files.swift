import GlueColumnar
import GlueCore

extension JSONReader {
    /// Reads several files, decoding up to `filesInFlight` of them at once: batches come out in
    /// file order (each file's in its own order), tagged with the file's index; error records
    /// follow in the same order. Memory holds a few batches per file in flight (see
    /// ``OrderedFileBatches``).
    public func readFiles(_ inputs: [FileInput], filesInFlight: Int = 3) -> OrderedFileBatches<JSONErrorRecord> {
        let reader = self
        return OrderedFileBatches(count: inputs.count, filesInFlight: filesInFlight) { index, emit throws(GlueError) in
            let stream = reader.stream(fileName: inputs[index].fileName, source: try inputs[index].open())
            while let batch = try stream.next() {
                guard emit(batch, stream.takeErrors()) else { return }
            }
            _ = emit(nil, stream.takeErrors())
        }
    }
}
