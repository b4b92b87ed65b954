import GlueColumnar
import GlueCore
import GlueExecution
import GlueTransforms
import Testing

@Suite struct ExplainTests {
    @Test("explain prints every node with inputs, consumers, flags and schemas")
    func explainPlan() throws {
        var pipeline = Pipeline(options: ExecutionOptions(parallelism: 2, channelCapacity: 4))
        let orders = pipeline.addSource(
            try InMemorySource([], schema: Schema(parsing: "order_id bigint, customer struct<name:string,country:string>, quantity int")),
            name: "orders")
        let renamed = try pipeline.add(RenameField("customer.country", to: "customer.nation"), inputs: [orders], name: "rename")
        let dropped = try pipeline.add(DropFields(["quantity"]), inputs: [renamed], name: "drop")
        let selected = try pipeline.add(SelectFields(["order_id", "customer.name"]), inputs: [renamed], name: "select")
        let union = try pipeline.add(UnionAll(), inputs: [selected, try pipeline.add(SelectFields(["order_id", "customer.name"]), inputs: [dropped], name: "select2")], name: "union")
        try pipeline.add(CountingSink(), inputs: [union], name: "count")
        try pipeline.add(OrderedSink { _ throws(GlueError) in }, inputs: [dropped], name: "write")
        try expectGolden(pipeline.explain(), "explain-basic.txt")
    }
}
