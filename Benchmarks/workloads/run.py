"""The workload runner: W1-W5 of shared/reference/performance-anchors.md on LocalGlue and on
DuckDB, Polars and (optionally) PySpark, timed as whole processes, paired A B A B.

LocalGlue runs each workload as the Glue Studio job `Benchmarks/workloads/Wn.json` with
`localglue run`, under a job role whose policy allows reading input/ and writing output/ of the
bucket `localglue-bench` (see prepare_lake), so the timing
includes the lake, the role's trust check and the authorization of every S3 call. The other
engines run `engines.py`. Before timing, every engine's output is reduced to a summary (counts,
sums, per-group or per-partition figures) and compared with DuckDB's; a difference is printed and
makes the run exit 1.

Usage (normally through `make bench`):
  run.py --localglue PATH [--rows 1000000 10000000] [--runs 3] [--spark] [--workloads W1 W3]
         [--record Benchmarks/RESULTS.md]

Data: Benchmarks/data/events_<rows>.csv from generate_events.py (seeded: the same bytes every
time) and events_<rows>.parquet written from it by pyarrow (snappy, dictionary, 262,144-row row
groups). Each size gets its own lake in Benchmarks/data/lake-<rows>/, rebuilt on every run.
"""
import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
ROOT = os.path.dirname(BENCH)
DATA = os.path.join(BENCH, "data")
ACCOUNT = "123456789012"
ROLE = "localglue-bench-role"
WORKLOADS = ["W1", "W2", "W3", "W4", "W5"]
TITLES = {
    "W1": "CSV count, full typed parse",
    "W2": "CSV filter+project+cast -> Parquet",
    "W3": "CSV group by -> CSV",
    "W4": "Parquet filter+project -> Parquet",
    "W5": "CSV -> Parquet partitioned by country",
}


def log(message):
    print(message, file=sys.stderr, flush=True)


# MARK: - Data


def prepare_input(rows):
    """The input folder of one size: events.csv and events.parquet (hard links to the data files)."""
    os.makedirs(DATA, exist_ok=True)
    csv = os.path.join(DATA, f"events_{rows}.csv")
    parquet = os.path.join(DATA, f"events_{rows}.parquet")
    if not os.path.exists(csv):
        log(f"generating {csv}")
        subprocess.run([sys.executable, os.path.join(BENCH, "generate_events.py"), str(rows), csv + ".tmp"], check=True)
        os.replace(csv + ".tmp", csv)
    if not os.path.exists(parquet):
        log(f"writing {parquet}")
        import pyarrow as pa
        import pyarrow.csv as pacsv
        import pyarrow.parquet as pq
        types = {"order_id": pa.int64(), "customer_id": pa.int64(), "country": pa.string(), "category": pa.string(),
                 "event_time": pa.timestamp("ms"), "quantity": pa.int32(), "unit_price": pa.float64(),
                 "discount": pa.float64(), "note": pa.string()}
        table = pacsv.read_csv(csv, parse_options=pacsv.ParseOptions(newlines_in_values=True, double_quote=True),
                               convert_options=pacsv.ConvertOptions(column_types=types,
                                                                    strings_can_be_null=True))
        pq.write_table(table, parquet + ".tmp", compression="snappy", use_dictionary=True, row_group_size=262_144)
        os.replace(parquet + ".tmp", parquet)
    folder = os.path.join(DATA, f"input-{rows}")
    os.makedirs(folder, exist_ok=True)
    for name, source in (("events.csv", csv), ("events.parquet", parquet)):
        target = os.path.join(folder, name)
        if not os.path.exists(target) or os.stat(target).st_ino != os.stat(source).st_ino:
            if os.path.exists(target):
                os.remove(target)
            os.link(source, target)
    return folder, os.path.getsize(csv), os.path.getsize(parquet)


def prepare_lake(localglue, rows, input_folder, bucket_folder):
    """A fresh lake with the layout the job files expect: bucket `localglue-bench` (mounted on
    `bucket_folder`) holding input/csv/events.csv, input/parquet/events.parquet (hard links) and
    the jobs' output/Wn/ folders; role `localglue-bench-role` that glue.amazonaws.com may assume,
    allowed to read input/ and write output/ (workloads/bench-role.*.json)."""
    lake = os.path.join(DATA, f"lake-{rows}")
    shutil.rmtree(lake, ignore_errors=True)
    for folder, name in (("csv", "events.csv"), ("parquet", "events.parquet")):
        os.makedirs(os.path.join(bucket_folder, "input", folder))
        os.link(os.path.join(input_folder, name), os.path.join(bucket_folder, "input", folder, name))
    os.makedirs(os.path.join(bucket_folder, "output"))

    def cli(*arguments):
        subprocess.run([localglue, "--lake", lake, *arguments], check=True, stdout=subprocess.DEVNULL)

    cli("init")
    cli("s3", "mb", "s3://localglue-bench", "--path", bucket_folder)
    cli("iam", "create-role", "--role-name", ROLE,
        "--assume-role-policy-document", "file://" + os.path.join(HERE, "bench-role.trust-policy.json"))
    cli("iam", "put-role-policy", "--role-name", ROLE, "--policy-name", "s3-access",
        "--policy-document", "file://" + os.path.join(HERE, "bench-role.s3-policy.json"))
    return lake


# MARK: - Results


def data_files(folder):
    """The files an engine wrote under `folder`, without hidden and marker files."""
    found = []
    for directory, _, names in os.walk(folder):
        for name in names:
            if name.startswith((".", "_")) or name.endswith(".crc"):
                continue
            found.append(os.path.join(directory, name))
    return sorted(found)


def summarize(workload, folder):
    """What must agree across engines, as plain Python values."""
    import duckdb
    con = duckdb.connect()
    files = data_files(folder)
    if not files:
        return {"error": "no output files"}
    if workload == "W1":
        row = con.execute("SELECT * FROM read_csv($files, header=true, all_varchar=true)", {"files": files}).fetchall()
        if len(row) != 1:
            return {"error": f"{len(row)} rows instead of 1"}
        values = list(row[0])
        if len(values) != 10:
            return {"error": f"{len(values)} columns instead of 10"}
        number = lambda text: float(text) if text not in (None, "") else None
        integers = [int(float(values[i])) for i in (0, 1, 2, 3, 4, 6, 8, 9)]
        timestamp = (values[5] or "").replace("T", " ").rstrip("Z")[:23]
        return {"integers": integers, "max_event_time": timestamp, "sum_unit_price": round(number(values[7]), 4)}
    if workload in ("W2", "W4"):
        row = con.execute("""SELECT count(*), sum(order_id), count(DISTINCT country), min(event_date)::VARCHAR,
            max(event_date)::VARCHAR, sum(CAST(amount AS DECIMAL(18,2)))::VARCHAR, count(amount) FROM read_parquet($files)""",
                          {"files": files}).fetchone()
        columns = [c[0] for c in con.execute("DESCRIBE SELECT * FROM read_parquet($files)", {"files": files}).fetchall()]
        return {"rows": row[0], "sum_order_id": row[1], "countries": row[2], "dates": [row[3], row[4]],
                "sum_amount": row[5], "amounts": row[6], "columns": columns}
    if workload == "W3":
        rows = con.execute("""SELECT country, category, CAST(revenue AS DOUBLE), CAST(orders AS BIGINT)
            FROM read_csv($files, header=true) ORDER BY 1, 2""", {"files": files}).fetchall()
        return {"groups": len(rows), "rows": [[c, k, round(r, 4), n] for c, k, r, n in rows]}
    if workload == "W5":
        partitions = {}
        columns = set()
        for path in files:
            parent = os.path.basename(os.path.dirname(path))
            if not parent.startswith("country="):
                return {"error": f"{path} is not in a country=<value> folder"}
            country = urllib.parse.unquote(parent[len("country="):])
            count = con.execute("SELECT count(*) FROM read_parquet($file)", {"file": path}).fetchone()[0]
            partitions[country] = partitions.get(country, 0) + count
            columns.update(c[0] for c in con.execute("DESCRIBE SELECT * FROM read_parquet($file)", {"file": path}).fetchall())
        return {"partitions": sorted(partitions.items()), "rows": sum(partitions.values()),
                "country_in_files": "country" in columns}
    raise ValueError(workload)


def differences(expected, actual, workload):
    """Human-readable differences between two summaries (floating point within 1e-6 relative)."""
    if workload == "W3" and "rows" in expected and "rows" in actual:
        found = []
        if expected["groups"] != actual["groups"]:
            found.append(f"groups {actual['groups']} != {expected['groups']}")
        for want, got in zip(expected["rows"], actual["rows"]):
            if want[:2] != got[:2] or want[3] != got[3] or abs(want[2] - got[2]) > 1e-6 * max(1.0, abs(want[2])):
                found.append(f"group {got} != {want}")
                break
        return found
    found = []
    for key in expected:
        want, got = expected.get(key), actual.get(key)
        if isinstance(want, float) and isinstance(got, float):
            if abs(want - got) > 1e-6 * max(1.0, abs(want)):
                found.append(f"{key}: {got} != {want}")
        elif want != got:
            found.append(f"{key}: {got} != {want}")
    return found


# MARK: - Timing


def measure(command, env, output, scratch):
    """Runs one whole process after deleting its previous output; returns (seconds, peak MiB)."""
    shutil.rmtree(output, ignore_errors=True)
    timing = os.path.join(scratch, "time")
    completed = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", timing, *command], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if completed.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {completed.returncode}:\n{completed.stderr[-2000:]}")
    seconds, kilobytes = open(timing).read().split()[-2:]
    return float(seconds), int(kilobytes) / 1024


def engine_commands(args, rows, lake, workload, input_folder, bucket_folder, output_folder):
    """engine name -> (command, output folder)."""
    python = sys.executable
    engines = {
        "localglue": ([args.localglue, "--lake", lake, "run", os.path.join(HERE, f"{workload}.json")],
                      os.path.join(bucket_folder, "output", workload)),
    }
    for engine in ["duckdb", "polars"] + (["spark"] if args.spark and rows <= args.spark_max_rows else []):
        engines[engine] = ([python, os.path.join(HERE, "engines.py"), engine, workload, input_folder],
                           os.path.join(output_folder, f"{engine}-{workload}"))
    return {name: (command + ([] if name == "localglue" else [out]), out) for name, (command, out) in engines.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--localglue", required=True, help="path of the release localglue binary")
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--runs", type=int, default=3, help="counted runs per engine (after one warm-up)")
    parser.add_argument("--workloads", nargs="+", default=WORKLOADS)
    parser.add_argument("--spark", action="store_true", help="also run PySpark local[2] (slow to start)")
    parser.add_argument("--spark-max-rows", type=int, default=1_000_000,
                        help="run Spark only on sizes up to this many rows (default 1M: a 10M Spark round takes minutes)")
    parser.add_argument("--record", help="write the table to this Markdown file")
    args = parser.parse_args()
    args.localglue = os.path.abspath(args.localglue)

    env = dict(os.environ, POLARS_MAX_THREADS="2", PYSPARK_PYTHON=sys.executable)
    results = []  # (rows, workload, engine, seconds, mbps, peak, ratio, agrees)
    failures = []
    for rows in args.rows:
        input_folder, csv_bytes, parquet_bytes = prepare_input(rows)
        with tempfile.TemporaryDirectory(prefix="localglue-bench-") as scratch:
            output_folder = os.path.join(scratch, "out")
            bucket_folder = os.path.join(scratch, "localglue-bench")
            os.makedirs(output_folder)
            lake = prepare_lake(args.localglue, rows, input_folder, bucket_folder)
            for workload in args.workloads:
                engines = engine_commands(args, rows, lake, workload, input_folder, bucket_folder, output_folder)
                input_bytes = parquet_bytes if workload == "W4" else csv_bytes
                summaries = {}
                for name, (command, out) in engines.items():  # warm-up, and the results check
                    log(f"{rows} {workload} {name}: warm-up")
                    measure(command, env, out, scratch)
                    summaries[name] = summarize(workload, out)
                agrees = {}
                for name, summary in summaries.items():
                    found = ["no output"] if "error" in summary else differences(summaries["duckdb"], summary, workload)
                    if "error" in summary:
                        found = [summary["error"]]
                    agrees[name] = not found
                    if found:
                        failures.append(f"{rows} {workload} {name}: " + "; ".join(found))
                times = {name: [] for name in engines}
                peaks = {name: [] for name in engines}
                ratios = {name: [] for name in engines}
                for run in range(args.runs):  # paired: every engine once per round
                    log(f"{rows} {workload}: run {run + 1}/{args.runs}")
                    round_times = {}
                    for name, (command, out) in engines.items():
                        seconds, peak = measure(command, env, out, scratch)
                        times[name].append(seconds)
                        peaks[name].append(peak)
                        round_times[name] = seconds
                    for name in engines:
                        ratios[name].append(round_times[name] / max(round_times["duckdb"], 0.001))
                for name in engines:
                    seconds = statistics.median(times[name])
                    results.append((rows, workload, name, seconds, input_bytes / 1e6 / max(seconds, 0.001),
                                    statistics.median(peaks[name]), statistics.median(ratios[name]), agrees[name]))

    table = render(results, args)
    print(table)
    if failures:
        print("\nResults differ from DuckDB's:\n" + "\n".join(failures))
    if args.record:
        with open(args.record, "w") as handle:
            handle.write(header(args) + table + "\n")
            if failures:
                handle.write("\nResults that differ from DuckDB's:\n\n" + "\n".join(f"- {f}" for f in failures) + "\n")
    sys.exit(1 if failures else 0)


def render(results, args):
    lines = ["| workload | engine | rows | wall s | MB/s | peak MiB | x DuckDB | same result |",
             "|---|---|---|---|---|---|---|---|"]
    for rows, workload, engine, seconds, mbps, peak, ratio, agrees in results:
        label = f"{workload} {TITLES[workload]}"
        name = f"**{engine}**" if engine == "localglue" else engine
        lines.append(f"| {label} | {name} | {rows:,} | {seconds:.2f} | {mbps:.0f} | {peak:.0f} | {ratio:.2f} | {'yes' if agrees else 'NO'} |")
    return "\n".join(lines)


def version(command):
    try:
        completed = subprocess.run(command, capture_output=True, text=True, timeout=60)
        return (completed.stdout.strip() or completed.stderr.strip()).splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "unknown"


def header(args):
    import duckdb
    import polars
    cpu = "unknown"
    if os.path.exists("/proc/cpuinfo"):
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    versions = [f"DuckDB {duckdb.__version__}", f"Polars {polars.__version__}", version(["swift", "--version"])]
    if args.spark:
        import pyspark
        versions.append(f"PySpark {pyspark.__version__} on {version(['java', '-version']) or 'Java'}")
    return (f"# Workload results\n\nGenerated by `make bench` (Benchmarks/workloads/run.py) on "
            f"{datetime.date.today().isoformat()}: {cpu}, {os.cpu_count()} cores, {memory:.0f} GiB, "
            f"{platform.platform()}.\nVersions: {'; '.join(versions)}.\n\n"
            "Whole processes, 2 threads per engine, inputs in the page cache; one warm-up, then "
            f"{args.runs} paired rounds (every engine once per round); medians. `x DuckDB` is the median of the "
            "per-round ratios. `same result`: the engine's output summary equals DuckDB's (counts, sums, groups, "
            "partitions). LocalGlue runs each workload as a Glue Studio job (`Benchmarks/workloads/Wn.json`) with "
            "`localglue run`, under a role allowed to read the input and write the output prefix of one bucket.\n\n")


if __name__ == "__main__":
    main()
