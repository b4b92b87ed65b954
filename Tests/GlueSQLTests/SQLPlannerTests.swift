import Foundation
import GlueColumnar
import GlueCore
import GlueSQL
import GlueTransforms
import Testing

@Suite struct SQLPlannerTests {
    func run(_ sql: String) throws -> [String] {
        try SQLHarness.rows(SQLHarness.run(sql, [("people", SQLHarness.people), ("depts", SQLHarness.depts)]))
    }

    @Test func projectionFilterAndOrder() throws {
        #expect(try run("SELECT name, age + 1 AS next FROM people WHERE age > 26 ORDER BY next DESC") == ["Ann | 31", "Eve | 34", "NULL | 42"].reversed())
        #expect(try run("SELECT upper(name) FROM people WHERE id IN (1, 2) ORDER BY 1") == ["ANN", "BOB"])
        #expect(try run("SELECT id FROM people WHERE name LIKE '%e%' ORDER BY id NULLS FIRST") == ["5", "NULL"].reversed())
    }

    @Test func groupByHavingAndAggregates() throws {
        let rows = try run("SELECT dept, count(*) AS n, sum(age) AS total, avg(score) FROM people GROUP BY dept HAVING count(*) >= 1 ORDER BY dept NULLS LAST")
        #expect(rows == ["a | 2 | 30 | 2.375", "b | 2 | 58 | -1.0", "c | 1 | 41 | 2.0", "NULL | 1 | 25 | 9.75"])
        #expect(try run("SELECT count(DISTINCT age), max(name) FROM people") == ["4 | bob"])
    }

    @Test func joins() throws {
        #expect(try run("SELECT p.name, d.title FROM people p JOIN depts d ON p.dept = d.dept ORDER BY p.id") == ["Eve | Beta", "Ann | Alpha", "bob | Beta", "Cy | Alpha"])
        #expect(try run("SELECT p.id, d.title FROM people p LEFT JOIN depts d ON p.dept = d.dept WHERE p.id > 3 ORDER BY p.id") == ["4 | NULL", "5 | NULL"])
        #expect(try run("SELECT * FROM depts d LEFT ANTI JOIN people p ON p.dept = d.dept ORDER BY title") == ["d | Delta", "NULL | Null"])
    }

    @Test func unionWithAndSubquery() throws {
        let rows = try run("WITH young AS (SELECT name FROM people WHERE age < 30) SELECT name FROM young UNION ALL SELECT title FROM (SELECT * FROM depts) x WHERE dept = 'a' ORDER BY name")
        #expect(rows == ["Alpha", "Dee", "bob"])
        #expect(try run("SELECT dept FROM people UNION SELECT dept FROM depts ORDER BY dept") == ["NULL", "a", "b", "c", "d"])
    }

    @Test func splitSubscripts() throws {
        #expect(try run("SELECT split(title, 'l')[0], split(title, 'l')[1], split(title, 'l')[-1], size(split(title, 'e')), element_at(split(title, 'e'), -1) FROM depts ORDER BY title")
            == ["A | pha | NULL | 1 | Alpha", "Beta | NULL | NULL | 2 | ta", "De | ta | NULL | 2 | lta", "Nu |  | NULL | 1 | Null"])
    }

    @Test func errorsNameTheUnknown() throws {
        #expect {
            _ = try run("SELECT nmae FROM people")
        } throws: { error in
            "\(error)".contains("`nmae`") && "\(error)".contains("`name`")
        }
        #expect {
            _ = try run("SELECT uper(name) FROM people")
        } throws: { error in
            "\(error)".contains("`uper`") && "\(error)".contains("`upper`")
        }
        #expect {
            _ = try run("SELECT row_number() OVER (ORDER BY id) FROM people")
        } throws: { error in
            "\(error)".contains("window functions")
        }
        #expect {
            _ = try run("SELECT name, count(*) FROM people GROUP BY dept")
        } throws: { error in
            "\(error)".contains("MISSING_AGGREGATION")
        }
    }
}

