# W1 of performance-anchors.md in DuckDB (2 threads): the full typed parse of the events CSV with
# the explicit schema and the RFC 4180 dialect. Usage: w1-duckdb.py FILE
import duckdb, sys
con = duckdb.connect()
con.execute("SET threads=2")
r = con.execute(f"""SELECT count(*), sum(order_id), sum(customer_id), count(country), count(category), max(event_time), sum(quantity), sum(unit_price), count(discount), count(note)
FROM read_csv('{sys.argv[1]}', header=true, delim=',', quote='"', escape='"', new_line='\\n',
columns={{'order_id':'BIGINT','customer_id':'BIGINT','country':'VARCHAR','category':'VARCHAR','event_time':'TIMESTAMP','quantity':'INTEGER','unit_price':'DOUBLE','discount':'DOUBLE','note':'VARCHAR'}})""").fetchall()
print(r)
