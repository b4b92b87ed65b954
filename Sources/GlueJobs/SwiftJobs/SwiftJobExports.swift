// A Swift job imports only GlueJobs: the records (`DynamicRecord`, `Value`), schemas and errors its
// closures and transforms use come with it.
@_exported import GlueColumnar
@_exported import GlueCore
@_exported import GlueTransforms
