import GlueCore

/// Runs a `simulate-cases` file: decides every case and compares with its expectation.
public enum SimulationCaseRunner {
    /// The outcome of one case.
    public struct Outcome: Sendable {
        /// The case's identifier.
        public var id: String
        /// The decision, or `nil` when the case could not be read.
        public var decision: EvaluationDecision?
        /// The expected decision, when given.
        public var expected: EvaluationDecision?
        /// Why the case could not be read.
        public var error: String?
        /// AWS's denial message for a denied case.
        public var message: String?

        /// Whether the case passed (decided and, when expected, as expected).
        public var passed: Bool { error == nil && (expected == nil || expected == decision) }

        /// The JSON line `simulate-cases` prints: `{"id": ..., "decision": ...}` plus `expected`
        /// when it differs, or `error`.
        public var jsonLine: String {
            var members = [JSONMember("id", .string(id))]
            if let decision { members.append(JSONMember("decision", .string(decision.caseSpelling))) }
            if let expected, expected != decision {
                members.append(JSONMember("expected", .string(expected.caseSpelling)))
            }
            if let error { members.append(JSONMember("error", .string(error))) }
            return JSONValue.object(members).serialized()
        }
    }

    /// Runs every case of a file's text (a JSON array of cases, or one case object).
    ///
    /// A case that cannot be read is reported with its error; the other cases still run.
    /// - Throws: `InvalidInputException` when the text is not JSON or not an array of objects.
    public static func run(json text: String) throws(GlueError) -> [Outcome] {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: text)
        } catch {
            throw GlueError(.invalidInput, "The cases file is not valid JSON: \(error.message)", cause: error.cause)
        }
        let elements: [JSONValue]
        switch value {
        case .array(let items): elements = items
        case .object: elements = [value]
        default: throw GlueError(.invalidInput, "A cases file must hold a JSON array of cases.")
        }
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            let path = JSONPath.root.appending(index: index)
            do throws(GlueError) {
                let simulationCase = try SimulationCase(json: element, path: path)
                outcomes.append(run(simulationCase))
            } catch {
                outcomes.append(
                    Outcome(
                        id: element["id"]?.scalarText ?? "#\(index)", decision: nil,
                        expected: element["expect"]?.stringValue.flatMap(SimulationCase.decision), error: error.message,
                        message: nil))
            }
        }
        return outcomes
    }

    /// Decides one case.
    public static func run(_ simulationCase: SimulationCase) -> Outcome {
        let result = PolicyEvaluator.evaluate(simulationCase.request, policies: simulationCase.policies)
        return Outcome(
            id: simulationCase.id, decision: result.decision, expected: simulationCase.expected, error: nil,
            message: result.decision == .allowed ? nil : result.denialMessage())
    }
}
