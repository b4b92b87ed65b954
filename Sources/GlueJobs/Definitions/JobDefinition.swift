import Foundation
import GlueCore

/// A Glue job definition: the `CreateJob` request shape, as `aws glue create-job --cli-input-json`
/// takes it and `aws glue get-job` returns it (with `CreatedOn`/`LastModifiedOn` added).
///
/// Field names are Glue's; unknown fields are rejected as the AWS CLI's parameter validation
/// rejects them, so a typo never silently changes a job.
public struct JobDefinition: Codable, Sendable, Equatable {
    public var name: String
    /// The role name or ARN the runs act as.
    public var role: String
    public var command: JobCommand
    /// `SCRIPT`, `VISUAL` or `NOTEBOOK` (absent means `SCRIPT`).
    public var jobMode: String?
    public var description: String?
    public var logUri: String?
    public var executionProperty: ExecutionProperty?
    public var defaultArguments: [String: String]?
    public var nonOverridableArguments: [String: String]?
    public var connections: ConnectionsList?
    public var maxRetries: Int?
    public var allocatedCapacity: Int?
    /// Minutes; Glue's default is 2880 (480 from Glue 5.0).
    public var timeout: Int?
    public var maxCapacity: Double?
    public var securityConfiguration: String?
    public var tags: [String: String]?
    public var notificationProperty: NotificationProperty?
    public var glueVersion: String?
    public var numberOfWorkers: Int?
    public var workerType: String?
    public var codeGenConfigurationNodes: [String: CodeGenConfigurationNode]?
    public var executionClass: String?
    public var maintenanceWindow: String?
    public var jobRunQueuingEnabled: Bool?
    public var profileName: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name = "Name"
        case role = "Role"
        case command = "Command"
        case jobMode = "JobMode"
        case description = "Description"
        case logUri = "LogUri"
        case executionProperty = "ExecutionProperty"
        case defaultArguments = "DefaultArguments"
        case nonOverridableArguments = "NonOverridableArguments"
        case connections = "Connections"
        case maxRetries = "MaxRetries"
        case allocatedCapacity = "AllocatedCapacity"
        case timeout = "Timeout"
        case maxCapacity = "MaxCapacity"
        case securityConfiguration = "SecurityConfiguration"
        case tags = "Tags"
        case notificationProperty = "NotificationProperty"
        case glueVersion = "GlueVersion"
        case numberOfWorkers = "NumberOfWorkers"
        case workerType = "WorkerType"
        case codeGenConfigurationNodes = "CodeGenConfigurationNodes"
        case executionClass = "ExecutionClass"
        case maintenanceWindow = "MaintenanceWindow"
        case jobRunQueuingEnabled = "JobRunQueuingEnabled"
        case profileName = "ProfileName"
    }

    /// Creates a definition.
    public init(name: String, role: String, command: JobCommand = JobCommand(name: "glueetl"), codeGenConfigurationNodes: [String: CodeGenConfigurationNode]? = nil) {
        self.name = name
        self.role = role
        self.command = command
        self.codeGenConfigurationNodes = codeGenConfigurationNodes
        if codeGenConfigurationNodes != nil { jobMode = "VISUAL" }
    }

    /// The default Glue version of new jobs ("Jobs created without a Glue version default to Glue 5.1").
    public static let defaultGlueVersion = "5.1"

    /// The run timeout in minutes when the job sets none (Glue 5.0 and later: 480; before: 2880).
    public var effectiveTimeoutMinutes: Int {
        if let timeout { return timeout }
        let major = Int((glueVersion ?? Self.defaultGlueVersion).split(separator: ".").first ?? "5") ?? 5
        return major >= 5 ? 480 : 2_880
    }

    /// `ExecutionProperty.MaxConcurrentRuns`, default 1.
    public var maxConcurrentRuns: Int { executionProperty?.maxConcurrentRuns ?? 1 }

    /// Decodes a `CreateJob` request (or `get-job`'s `Job`) from JSON, checking every rule AWS's
    /// parameter validation and Glue check before a job is stored.
    ///
    /// - Throws: `InvalidInputException` naming the field or node.
    public static func decode(json: Data, allowingOutputFields: Bool = true) throws(GlueError) -> JobDefinition {
        let definition: JobDefinition
        do {
            definition = try JSONDecoder().decode(JobDefinition.self, from: json)
        } catch let error as DecodingError {
            throw GlueError(.invalidInput, "Invalid job definition: \(DecodingErrorText.describe(error))")
        } catch {
            throw GlueError(.invalidInput, "Invalid job definition: \(error)")
        }
        try definition.validate()
        return definition
    }

    /// Checks the definition's own rules and, for visual jobs, the node graph.
    ///
    /// - Throws: `InvalidInputException` naming the field or node.
    public func validate() throws(GlueError) {
        _ = try GlueName(name, kind: .job)
        if role.isEmpty { throw GlueError(.invalidInput, "Role must not be empty.") }
        if let timeout, timeout < 1 || timeout > 10_080 {
            throw GlueError(.invalidInput, "Timeout must be between 1 and 10080 minutes, not \(timeout).")
        }
        if let maxRetries, maxRetries < 0 { throw GlueError(.invalidInput, "MaxRetries must not be negative.") }
        if let runs = executionProperty?.maxConcurrentRuns, runs < 1 {
            throw GlueError(.invalidInput, "ExecutionProperty.MaxConcurrentRuns must be at least 1.")
        }
        if let jobMode, !["SCRIPT", "VISUAL", "NOTEBOOK"].contains(jobMode) {
            throw GlueError(.invalidInput, "JobMode must be SCRIPT, VISUAL or NOTEBOOK, not \(jobMode).")
        }
        if let nodes = codeGenConfigurationNodes { _ = try JobGraph(nodes: nodes) }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let any = try decoder.container(keyedBy: AnyKey.self)
        let known = Set(CodingKeys.allCases.map(\.rawValue)).union(["CreatedOn", "LastModifiedOn"])
        if let unknown = any.allKeys.map(\.stringValue).sorted().first(where: { !known.contains($0) }) {
            throw DecodingError.dataCorrupted(.init(
                codingPath: [],
                debugDescription: "Unknown parameter in input: \"\(unknown)\", must be one of: \(CodingKeys.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        role = try container.decode(String.self, forKey: .role)
        command = try container.decode(JobCommand.self, forKey: .command)
        jobMode = try container.decodeIfPresent(String.self, forKey: .jobMode)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        logUri = try container.decodeIfPresent(String.self, forKey: .logUri)
        executionProperty = try container.decodeIfPresent(ExecutionProperty.self, forKey: .executionProperty)
        defaultArguments = try container.decodeIfPresent([String: String].self, forKey: .defaultArguments)
        nonOverridableArguments = try container.decodeIfPresent([String: String].self, forKey: .nonOverridableArguments)
        connections = try container.decodeIfPresent(ConnectionsList.self, forKey: .connections)
        maxRetries = try container.decodeIfPresent(Int.self, forKey: .maxRetries)
        allocatedCapacity = try container.decodeIfPresent(Int.self, forKey: .allocatedCapacity)
        timeout = try container.decodeIfPresent(Int.self, forKey: .timeout)
        maxCapacity = try container.decodeIfPresent(Double.self, forKey: .maxCapacity)
        securityConfiguration = try container.decodeIfPresent(String.self, forKey: .securityConfiguration)
        tags = try container.decodeIfPresent([String: String].self, forKey: .tags)
        notificationProperty = try container.decodeIfPresent(NotificationProperty.self, forKey: .notificationProperty)
        glueVersion = try container.decodeIfPresent(String.self, forKey: .glueVersion)
        numberOfWorkers = try container.decodeIfPresent(Int.self, forKey: .numberOfWorkers)
        workerType = try container.decodeIfPresent(String.self, forKey: .workerType)
        codeGenConfigurationNodes = try container.decodeIfPresent([String: CodeGenConfigurationNode].self, forKey: .codeGenConfigurationNodes)
        executionClass = try container.decodeIfPresent(String.self, forKey: .executionClass)
        maintenanceWindow = try container.decodeIfPresent(String.self, forKey: .maintenanceWindow)
        jobRunQueuingEnabled = try container.decodeIfPresent(Bool.self, forKey: .jobRunQueuingEnabled)
        profileName = try container.decodeIfPresent(String.self, forKey: .profileName)
    }
}

/// Mirrors Glue `JobCommand`.
public struct JobCommand: Codable, Sendable, Equatable {
    /// `glueetl`, `pythonshell`, `gluestreaming` or `glueray`.
    public var name: String?
    public var scriptLocation: String?
    public var pythonVersion: String?
    public var runtime: String?

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case scriptLocation = "ScriptLocation"
        case pythonVersion = "PythonVersion"
        case runtime = "Runtime"
    }

    /// Creates a command.
    public init(name: String? = "glueetl", scriptLocation: String? = nil, pythonVersion: String? = "3") {
        self.name = name
        self.scriptLocation = scriptLocation
        self.pythonVersion = pythonVersion
    }
}

/// Mirrors Glue `ExecutionProperty`.
public struct ExecutionProperty: Codable, Sendable, Equatable {
    public var maxConcurrentRuns: Int?

    enum CodingKeys: String, CodingKey {
        case maxConcurrentRuns = "MaxConcurrentRuns"
    }
}

/// Mirrors Glue `ConnectionsList`.
public struct ConnectionsList: Codable, Sendable, Equatable {
    public var connections: [String]?

    enum CodingKeys: String, CodingKey {
        case connections = "Connections"
    }
}

/// Mirrors Glue `NotificationProperty`.
public struct NotificationProperty: Codable, Sendable, Equatable {
    public var notifyDelayAfter: Int?

    enum CodingKeys: String, CodingKey {
        case notifyDelayAfter = "NotifyDelayAfter"
    }
}
