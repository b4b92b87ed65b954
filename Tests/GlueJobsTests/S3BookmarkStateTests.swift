import Foundation
@testable import GlueJobs
import Testing

@Suite struct S3BookmarkStateTests {
    @Test("An object modified in the run start's millisecond, before it, stays processed after the state is saved and loaded")
    func sameMillisecond() throws {
        let runStart = Date(timeIntervalSince1970: 1_732_000_000.1239)
        let modified = Date(timeIntervalSince1970: 1_732_000_000.1232)
        let state = S3BookmarkState.initial(runStart: runStart, processed: [(key: "in/a.csv", lastModified: modified)], bandMillis: 900_000)
        #expect(state.hasProcessed(key: "in/a.csv", lastModified: modified))
        let loaded = try #require(S3BookmarkState(jsonObject: state.jsonObject))
        #expect(loaded.runStartTime < runStart)
        #expect(loaded.hasProcessed(key: "in/a.csv", lastModified: modified))
        #expect(!loaded.hasProcessed(key: "in/b.csv", lastModified: modified))
        #expect(!loaded.hasProcessed(key: "in/a.csv", lastModified: runStart.addingTimeInterval(0.002)))
    }
}
