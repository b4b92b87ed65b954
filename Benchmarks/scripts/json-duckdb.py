# The W1 aggregates over the JSON Lines form of the events file in DuckDB (2 threads), with the
# explicit schema: read_json(format='newline_delimited', columns=...). Usage: json-duckdb.py FILE
import duckdb, sys
con = duckdb.connect()
con.execute("SET threads=2")
r = con.execute(f"""SELECT count(*), sum(order_id), sum(customer_id), count(country), count(category), max(event_time), sum(quantity), sum(unit_price), count(discount), count(note)
FROM read_json('{sys.argv[1]}', format='newline_delimited', timestampformat='%Y-%m-%dT%H:%M:%S.%g',
columns={{'order_id':'BIGINT','customer_id':'BIGINT','country':'VARCHAR','category':'VARCHAR','event_time':'TIMESTAMP','quantity':'INTEGER','unit_price':'DOUBLE','discount':'DOUBLE','note':'VARCHAR'}})""").fetchall()
print(r)
