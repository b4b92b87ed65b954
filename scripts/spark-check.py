"""The Spark differential check (`make spark-check`): every job LocalGlue can show a result for is
run twice on the same input files, once by `localglue run` and once by Spark, through the plain
PySpark script `localglue export --target pyspark` writes for it; then every target's output is
compared value for value.

The jobs:
- the sample lake's jobs in SampleData/jobs/ (inputs from SampleData/buckets, the catalog of
  Catalog/; orders-csv-to-parquet gets a generated orders.csv);
- every end-to-end case of Tests/EndToEndTests/Cases/ whose first run is expected to succeed
  (the others show denials, timeouts and refusals, which have no output to compare);
- the workloads W1-W5 of Benchmarks/workloads/ on 20,000 generated events.

For each job: a fresh lake is set up through `localglue` commands only (buckets, catalog, a job
role allowed s3:*, glue:* and kms:*, since IAM is not what this check is about); the buckets are
copied to Spark's folder before the run, so both engines read the same bytes; `localglue run`
must succeed; `localglue export --target pyspark` writes the script (a refusal by name is reported
as not exportable, not as a difference); `spark-submit --master local[2]` runs it with
`--path-prefix s3://=file://SPARK_FOLDER/buckets/`.

Comparison, per target (S3 targets, catalog targets at their table's location, Spigot samples):
both folders are read the same way (data files only; `key=value` folders become string columns;
Parquet through pyarrow, JSON Lines, CSV with its header, gzip by its magic bytes). Rows are
compared as multisets (Glue gives no order), column names case-insensitively. Floating-point values
are equal within a relative 1e-9 (absolute 1e-12), NaN equals NaN; every other value must be equal,
including its type (an int64 1 and a double 1.0 differ). Parquet column types are compared too.

Known divergences (Glue behaviour that a plain Spark script cannot reproduce) are listed in
KNOWN_DIVERGENCES with their reason; they are reported, not counted as failures. Everything else
is a difference and makes the check exit 1.

Usage: spark-check.py --localglue PATH [--only NAME ...] [--keep DIR] [--spark-submit PATH]
"""
import argparse
import bz2
import csv
import datetime
import decimal
import glob
import gzip
import io
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CASES = os.path.join(ROOT, "Tests", "EndToEndTests", "Cases")
WORKLOADS = os.path.join(ROOT, "Benchmarks", "workloads")
WORKLOAD_ROWS = 20_000
ALLOW_ALL = {"Version": "2012-10-17",
             "Statement": [{"Effect": "Allow", "Action": ["s3:*", "glue:*", "kms:*"], "Resource": "*"}]}

# (job name, target node id or "*") -> why the outputs cannot agree. Keep each entry explained in
# the README's "Known divergences from Spark" list.
KNOWN_DIVERGENCES = {}


def log(message):
    print(message, file=sys.stderr, flush=True)


class CheckError(Exception):
    """A job that could not be compared: its set-up, run or export failed unexpectedly."""


# MARK: - Jobs


class Job:
    """One job to compare: its CreateJob JSON and how to build its lake."""

    def __init__(self, name, definition, buckets, catalog=None, role=None, arguments=None):
        self.name = name
        self.definition = definition
        self.buckets = buckets          # {bucket: {key: bytes}} or {bucket: folder path}
        self.catalog = catalog or {}
        self.role = role
        self.arguments = arguments or {}


def case_file_bytes(key, content):
    """The files of one `Buckets` entry of an end-to-end case (see CaseRunner.swift)."""
    if isinstance(content, dict) and "GenerateCSV" in content:
        generate = content["GenerateCSV"]
        rows, files = generate.get("Rows", 0), max(1, generate.get("Files", 1))
        per_file = (rows + files - 1) // files
        out = []
        for part in range(files):
            first = part * per_file
            lines = ["id,name,amount"] + [f"{row},name-{row % 97},{row // 4}.{(row % 4) * 25}"
                                          for row in range(first, min(rows, first + per_file))]
            out.append((f"{key}-{part}.csv", ("\n".join(lines) + "\n").encode()))
        return out
    if isinstance(content, str):
        return [(key, content.encode())]
    if "Lines" in content:
        return [(key, "".join(line + "\n" for line in content["Lines"]).encode())]
    if "JsonLines" in content:
        return [(key, "".join(json.dumps(record) + "\n" for record in content["JsonLines"]).encode())]
    if "SampleData" in content:
        with open(os.path.join(ROOT, "SampleData", content["SampleData"]), "rb") as handle:
            return [(key, handle.read())]
    raise CheckError(f"unknown object content {content!r}")


def case_jobs():
    jobs = []
    for path in sorted(glob.glob(os.path.join(CASES, "*.json"))):
        with open(path) as handle:
            spec = json.load(handle)
        runs = [step for step in spec.get("Steps", []) if step.get("Step") == "Run"]
        if not runs:
            continue
        first = runs[0]
        if first.get("State", "SUCCEEDED") != "SUCCEEDED" or "CommandErrorContains" in first or "Environment" in first:
            continue
        buckets = {}
        for bucket, objects in spec.get("Buckets", {}).items():
            buckets[bucket] = {}
            for key, content in objects.items():
                for name, data in case_file_bytes(key, content):
                    buckets[bucket][name] = data
        role = spec.get("Role", {}).get("Name")
        name = "case:" + os.path.basename(path)[:-5]
        jobs.append(Job(name, spec["Job"], buckets, spec.get("Catalog"), role, first.get("Arguments")))
    return jobs


def sample_jobs():
    jobs = []
    sample_buckets = os.path.join(ROOT, "SampleData", "buckets")
    with open(os.path.join(ROOT, "SampleData", "jobs", "rds-snapshot-orders.json")) as handle:
        definition = json.load(handle)
    buckets = {name: os.path.join(sample_buckets, name) for name in sorted(os.listdir(sample_buckets))}
    jobs.append(Job("sample:rds-snapshot-orders", definition, buckets, {"ImportSample": True}))

    with open(os.path.join(ROOT, "SampleData", "jobs", "orders-csv-to-parquet.json")) as handle:
        definition = json.load(handle)
    # The example of glue-semantics.md §4.5 names its buckets but ships no data: 200 orders with
    # empty amounts, a bad date, quoted commas and every country on both sides of the filter.
    lines = ["order_id,amount,country,order_date"]
    countries = ["US", "DE", "FR", "JP", "\"Korea, Republic of\""]
    for order in range(1, 201):
        amount = "" if order % 23 == 0 else f"{(order * 37) % 500}.{order % 100:02d}"
        date = "2024-02-30" if order % 41 == 0 else f"2024-{order % 12 + 1:02d}-{order % 28 + 1:02d}"
        lines.append(f"{order},{amount},{countries[order % len(countries)]},{date}")
    buckets = {"my-raw-bucket": {"orders/orders.csv": ("\n".join(lines) + "\n").encode()}}
    jobs.append(Job("sample:orders-csv-to-parquet", definition, buckets))
    return jobs


def workload_jobs():
    sys.path.insert(0, WORKLOADS)
    import run as workload_runner  # Benchmarks/workloads/run.py: the seeded event generator
    folder, _, _ = workload_runner.prepare_input(WORKLOAD_ROWS)
    jobs = []
    for workload in workload_runner.WORKLOADS:
        with open(os.path.join(WORKLOADS, f"{workload}.json")) as handle:
            definition = json.load(handle)
        buckets = {"localglue-bench": {"input/csv/events.csv": os.path.join(folder, "events.csv"),
                                       "input/parquet/events.parquet": os.path.join(folder, "events.parquet")}}
        jobs.append(Job(f"workload:{workload}", definition, buckets, role="localglue-bench-role"))
    return jobs


def target_nodes(definition):
    """The job's output nodes with their node id, type and fields."""
    found = []
    for node_id, wrapper in sorted(definition.get("CodeGenConfigurationNodes", {}).items()):
        for kind, fields in wrapper.items():
            if kind in ("S3DirectTarget", "S3GlueParquetTarget", "CatalogTarget", "S3CatalogTarget", "Spigot"):
                found.append(dict(fields, NodeId=node_id, Kind=kind))
    return found


# MARK: - Lakes


class Lake:
    def __init__(self, localglue, folder):
        self.localglue = localglue
        self.folder = folder

    def cli(self, *arguments, check=True):
        result = subprocess.run([self.localglue, "--lake", self.folder, *arguments], capture_output=True, text=True,
                                env=dict(os.environ, TZ="UTC"))
        if check and result.returncode != 0:
            raise CheckError(f"localglue {' '.join(arguments[:3])} failed ({result.returncode}): "
                             f"{result.stderr.strip() or result.stdout.strip()}")
        return result

    def set_up(self, job, staging):
        self.cli("init")
        buckets = dict(job.buckets)
        for node in target_nodes(job.definition):
            if "Path" in node:  # a target's bucket may exist only as the job's output (git keeps no empty folders)
                buckets.setdefault(urllib.parse.urlparse(node["Path"]).netloc, {})
        for bucket, objects in sorted(buckets.items()):
            self.cli("s3", "mb", f"s3://{bucket}")
            if isinstance(objects, str):
                if os.path.isdir(objects) and os.listdir(objects):
                    self.cli("s3", "cp", objects, f"s3://{bucket}/", "--recursive")
                continue
            if not objects:
                continue
            folder = os.path.join(staging, bucket)
            for key, content in objects.items():
                path = os.path.join(folder, key)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                if isinstance(content, bytes):
                    with open(path, "wb") as handle:
                        handle.write(content)
                else:
                    shutil.copyfile(content, path)
            self.cli("s3", "cp", folder, f"s3://{bucket}/", "--recursive")
        self.set_up_catalog(job.catalog, staging)
        for node in target_nodes(job.definition):
            if "Database" in node and "Path" not in node:  # a catalog target writes at its table's location
                bucket = urllib.parse.urlparse(self.table_location(node["Database"], node["Table"])[0]).netloc
                if bucket not in buckets:
                    buckets[bucket] = {}
                    self.cli("s3", "mb", f"s3://{bucket}")
        role = job.role or role_name(job.definition.get("Role", "job-role"))
        trust = {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow", "Principal": {"Service": "glue.amazonaws.com"},
                                "Action": "sts:AssumeRole"}]}
        self.cli("iam", "create-role", "--role-name", role, "--assume-role-policy-document", json.dumps(trust))
        self.cli("iam", "put-role-policy", "--role-name", role, "--policy-name", "all",
                 "--policy-document", json.dumps(ALLOW_ALL))

    def set_up_catalog(self, catalog, staging):
        if catalog.get("ImportSample"):
            self.cli("glue", "import-catalog", os.path.join(ROOT, "Catalog"))
        databases, tables = catalog.get("Databases", []), catalog.get("Tables", {})
        if databases or tables:
            root = os.path.join(staging, ".catalog")
            os.makedirs(os.path.join(root, "databases"), exist_ok=True)
            for database in databases:
                with open(os.path.join(root, "databases", database["Name"] + ".json"), "w") as handle:
                    json.dump(database, handle)
            for database, listed in tables.items():
                os.makedirs(os.path.join(root, "tables", database), exist_ok=True)
                for table in listed:
                    with open(os.path.join(root, "tables", database, table["Name"] + ".json"), "w") as handle:
                        json.dump(table, handle)
            self.cli("glue", "import-catalog", root)
        for qualified, partitions in catalog.get("Partitions", {}).items():
            database, table = qualified.split(".", 1)
            self.cli("glue", "batch-create-partition", "--database-name", database, "--table-name", table,
                     "--partition-input-list", json.dumps(partitions))

    def table_location(self, database, table):
        output = self.cli("glue", "get-table", "--database-name", database, "--name", table).stdout
        described = json.loads(output)["Table"]
        descriptor = described.get("StorageDescriptor", {})
        return descriptor.get("Location"), table_format(described)


def role_name(role):
    return role.rsplit("/", 1)[-1] if role.startswith("arn:") else role


def table_format(table):
    """The data format of a catalog table, from its classification or serde."""
    parameters = dict(table.get("StorageDescriptor", {}).get("Parameters", {}), **table.get("Parameters", {}))
    classification = parameters.get("classification", "").lower()
    if classification in ("csv", "json", "parquet"):
        return classification
    descriptor = table.get("StorageDescriptor", {})
    serde = descriptor.get("SerdeInfo", {}).get("SerializationLibrary", "").lower()
    if "parquet" in serde or "parquet" in descriptor.get("InputFormat", "").lower():
        return "parquet"
    if "json" in serde:
        return "json"
    return "csv"


# MARK: - Reading outputs


def data_files(folder):
    found = []
    for directory, _, names in os.walk(folder):
        relative = os.path.relpath(directory, folder)
        if any(part.startswith((".", "_")) for part in relative.split(os.sep) if part != "."):
            continue
        for name in names:
            if name.startswith((".", "_")) or name.endswith(".crc"):
                continue
            found.append(os.path.join(directory, name))
    return sorted(found)


def partition_values(folder, path):
    values = {}
    for part in os.path.relpath(os.path.dirname(path), folder).split(os.sep):
        if "=" in part:
            key, value = part.split("=", 1)
            value = urllib.parse.unquote(value)
            values[key.lower()] = None if value == "__HIVE_DEFAULT_PARTITION__" else value
    return values


def decompressed(path):
    with open(path, "rb") as handle:
        data = handle.read()
    if data[:2] == b"\x1f\x8b":
        return gzip.decompress(data)
    if data[:3] == b"BZh":
        return bz2.decompress(data)
    return data


INTEGER_TEXT = re.compile(r"-?[0-9]+")
DECIMAL_TEXT = re.compile(r"-?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|NaN|-?Infinity")


def csv_value(cell):
    """A CSV cell as text, except numbers: an integer stays exact, a number with a fraction or an
    exponent becomes a float, so sums added up in another order compare within the tolerance."""
    if INTEGER_TEXT.fullmatch(cell):
        return int(cell)
    if DECIMAL_TEXT.fullmatch(cell):
        return float(cell.replace("Infinity", "inf"))
    return cell


def read_output(folder, data_format, separator=","):
    """Rows (lower-cased column names) and the Parquet column types of every data file under folder."""
    rows, types = [], {}
    for path in data_files(folder):
        partitions = partition_values(folder, path)
        if data_format == "parquet":
            import pyarrow.parquet as pq
            table = pq.read_table(path)
            for field in table.schema:
                types.setdefault(field.name.lower(), set()).add(str(field.type))
            batch = table.to_pylist()
        elif data_format == "json":
            text = decompressed(path).decode("utf-8")
            batch = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            text = decompressed(path).decode("utf-8")
            reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
            lines = list(reader)
            if not lines:
                continue
            header = lines[0]
            batch = [{name: csv_value(cell) for name, cell in zip(header, line)} for line in lines[1:]]
        for row in batch:
            record = {key.lower(): value for key, value in row.items()}
            record.update(partitions)
            rows.append(record)
    return rows, types


# MARK: - Comparing


def canonical(value, digits=9):
    """A hashable, order-insensitive key for a value; floats rounded to `digits` significant digits."""
    if value is None:
        return ("null",)
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int):
        return ("int", value)
    if isinstance(value, float):
        if math.isnan(value):
            return ("float", "nan")
        if math.isinf(value):
            return ("float", str(value))
        return ("float", float(f"{value:.{digits}g}"))
    if isinstance(value, decimal.Decimal):
        return ("decimal", value.normalize() if value == value else "nan")
    if isinstance(value, datetime.datetime):
        return ("datetime", utc_naive(value).isoformat())
    if isinstance(value, (datetime.date, datetime.time)):
        return (type(value).__name__, value.isoformat())
    if isinstance(value, bytes):
        return ("bytes", value)
    if isinstance(value, dict):
        return ("struct", tuple(sorted((str(key).lower(), canonical(item, digits)) for key, item in value.items())))
    if isinstance(value, (list, tuple)):
        return ("array", tuple(canonical(item, digits) for item in value))
    return (type(value).__name__, value)


def utc_naive(value):
    """A timestamp as a naive UTC datetime: Parquet's INT96 and non-adjusted timestamps read naive,
    UTC-adjusted ones read with a zone; the instant is what is compared (the type check sees the rest)."""
    if value.tzinfo is None:
        return value
    return value.astimezone(datetime.timezone.utc).replace(tzinfo=None)


def values_equal(left, right):
    if isinstance(left, datetime.datetime) and isinstance(right, datetime.datetime):
        return utc_naive(left) == utc_naive(right)
    if isinstance(left, float) and isinstance(right, float):
        if math.isnan(left) or math.isnan(right):
            return math.isnan(left) and math.isnan(right)
        return math.isclose(left, right, rel_tol=1e-9, abs_tol=1e-12)
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return set(map(str.lower, left)) == set(map(str.lower, right)) and all(
            values_equal(left[key], {k.lower(): v for k, v in right.items()}[key.lower()]) for key in left)
    if isinstance(left, (list, tuple)):
        return len(left) == len(right) and all(values_equal(a, b) for a, b in zip(left, right))
    return left == right


def row_key(row, columns, digits=9):
    return tuple(canonical(row.get(column), digits) for column in columns)


def compare_rows(expected, actual):
    """Differences between two multisets of rows (LocalGlue's, Spark's), as readable lines."""
    differences = []
    columns_expected = sorted({key for row in expected for key in row})
    columns_actual = sorted({key for row in actual for key in row})
    if columns_expected != columns_actual:
        differences.append(f"columns differ: LocalGlue {columns_expected}, Spark {columns_actual}")
    columns = sorted(set(columns_expected) | set(columns_actual))
    if len(expected) != len(actual):
        differences.append(f"row counts differ: LocalGlue {len(expected)}, Spark {len(actual)}")
    pending = {}
    for row in actual:
        pending.setdefault(row_key(row, columns), []).append(row)
    unmatched = []
    for row in expected:
        bucket = pending.get(row_key(row, columns))
        if bucket:
            bucket.pop()
        else:
            unmatched.append(row)
    leftovers = [row for bucket in pending.values() for row in bucket]
    # Floats near a rounding edge land in different keys: pair what is left within the tolerance
    # (quadratic, so only for a few hundred rows; beyond that the outputs differ anyway).
    if len(unmatched) * len(leftovers) > 250_000:
        still = unmatched
        unmatched = []
    else:
        still = []
    for row in unmatched:
        match = next((index for index, other in enumerate(leftovers)
                      if all(values_equal(row.get(column), other.get(column)) for column in columns)), None)
        if match is None:
            still.append(row)
        else:
            leftovers.pop(match)
    for row in still[:5]:
        differences.append(f"only in LocalGlue: {printable(row, columns)}")
    for row in leftovers[:5]:
        differences.append(f"only in Spark:     {printable(row, columns)}")
    if len(still) > 5 or len(leftovers) > 5:
        differences.append(f"... {len(still)} rows only in LocalGlue, {len(leftovers)} only in Spark in all")
    return differences


def printable(row, columns):
    return "{" + ", ".join(f"{column}: {row.get(column)!r}" for column in columns) + "}"


def compare_types(expected, actual):
    differences = []
    for column in sorted(set(expected) & set(actual)):
        if expected[column] != actual[column]:
            differences.append(f"Parquet type of {column} differs: LocalGlue {sorted(expected[column])}, "
                               f"Spark {sorted(actual[column])}")
    return differences


# MARK: - Running one job


def spark_environment():
    """spark-submit of the pip package finds Spark inside the package only with SPARK_HOME set."""
    import pyspark
    return dict(os.environ, TZ="UTC", SPARK_HOME=os.path.dirname(pyspark.__file__), PYSPARK_PYTHON=sys.executable)


def check_job(job, args, scratch):
    folder = os.path.join(scratch, re.sub(r"[^A-Za-z0-9_.-]", "_", job.name))
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    lake = Lake(args.localglue, os.path.join(folder, "lake"))
    lake.set_up(job, os.path.join(folder, "input"))
    job_file = os.path.join(folder, "job.json")
    with open(job_file, "w") as handle:
        json.dump(job.definition, handle, indent=2)

    spark_root = os.path.join(folder, "spark")
    shutil.copytree(os.path.join(lake.folder, "buckets"), os.path.join(spark_root, "buckets"), symlinks=True)

    started = time.monotonic()
    run = ["run", job_file]
    if job.arguments:
        run += ["--arguments", json.dumps(job.arguments)]
    lake.cli(*run)
    localglue_seconds = time.monotonic() - started

    export_folder = os.path.join(folder, "export")
    exported = lake.cli("export", job_file, "--target", "pyspark", "--output-dir", export_folder, check=False)
    if exported.returncode == 254:
        # Refused by name at export time (issue 13: never a script that fails on the cluster).
        return {"job": job.name, "status": "not exportable", "reason": exported.stderr.strip()}
    if exported.returncode != 0:
        raise CheckError(f"localglue export failed ({exported.returncode}): {exported.stderr.strip()}")
    scripts = glob.glob(os.path.join(export_folder, "*.py"))
    if len(scripts) != 1:
        raise CheckError(f"export wrote {len(scripts)} scripts, expected one")
    glue_folder = os.path.join(folder, "export-glue")
    lake.cli("export", job_file, "--target", "glue", "--output-dir", glue_folder)
    glue_scripts = glob.glob(os.path.join(glue_folder, "*.py"))
    # Both scripts compile and use only awsglue and pyspark names that exist (pyspark imported for real).
    checked = subprocess.run([sys.executable, os.path.join(HERE, "check-glue-script.py"), "--require-pyspark",
                              *scripts, *glue_scripts], capture_output=True, text=True)
    if checked.returncode != 0:
        raise CheckError(f"check-glue-script failed:\n{checked.stdout.strip()}\n{checked.stderr.strip()}")

    started = time.monotonic()
    command = [args.spark_submit, "--master", "local[2]", "--conf", "spark.ui.enabled=false",
               "--conf", "spark.sql.session.timeZone=UTC", scripts[0],
               "--path-prefix", "s3://=file://" + os.path.join(spark_root, "buckets") + "/"]
    result = subprocess.run(command, capture_output=True, text=True, env=spark_environment())
    spark_seconds = time.monotonic() - started
    if result.returncode != 0:
        tail = "\n".join(result.stderr.strip().splitlines()[-25:])
        raise CheckError(f"spark-submit failed ({result.returncode}):\n{tail}")

    report = {"job": job.name, "status": "compared", "targets": [], "localglue_s": localglue_seconds,
              "spark_s": spark_seconds, "scripts_checked": 1 + len(glue_scripts)}
    for node in target_nodes(job.definition):
        if node["Kind"] in ("CatalogTarget", "S3CatalogTarget"):
            location, data_format = lake.table_location(node["Database"], node["Table"])
        else:
            location = node["Path"]
            data_format = {"glueparquet": "parquet"}.get(node.get("Format", "").lower(), node.get("Format", "").lower())
            if node["Kind"] == "S3GlueParquetTarget":
                data_format = "parquet"
            if node["Kind"] == "Spigot":
                data_format = "json"
        parsed = urllib.parse.urlparse(location)
        relative = os.path.join(parsed.netloc, parsed.path.lstrip("/"))
        ours, our_types = read_output(os.path.join(lake.folder, "buckets", relative), data_format)
        theirs, their_types = read_output(os.path.join(spark_root, "buckets", relative), data_format)
        differences = compare_rows(ours, theirs) + compare_types(our_types, their_types)
        known = KNOWN_DIVERGENCES.get((job.name, node["NodeId"])) or KNOWN_DIVERGENCES.get((job.name, "*"))
        report["targets"].append({"node": node["NodeId"], "kind": node["Kind"], "location": location,
                                  "rows": len(ours), "spark_rows": len(theirs), "differences": differences,
                                  "known": known if differences else None})
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--localglue", required=True, help="the localglue binary")
    parser.add_argument("--spark-submit", default=os.path.join(os.path.dirname(sys.executable), "spark-submit"))
    parser.add_argument("--only", nargs="*", help="job names (or parts of them) to check")
    parser.add_argument("--keep", help="work in this folder and keep it (default: a temporary folder)")
    args = parser.parse_args()
    args.localglue = os.path.abspath(args.localglue)

    scratch = os.path.abspath(args.keep) if args.keep else tempfile.mkdtemp(prefix="localglue-spark-check-")
    os.makedirs(scratch, exist_ok=True)
    began = time.monotonic()
    jobs = sample_jobs() + case_jobs() + workload_jobs()
    if args.only:
        jobs = [job for job in jobs if any(part in job.name for part in args.only)]

    reports, failures = [], 0
    for job in jobs:
        log(f"== {job.name}")
        try:
            report = check_job(job, args, scratch)
        except CheckError as error:
            report = {"job": job.name, "status": "error", "reason": str(error)}
        reports.append(report)
        if report["status"] == "compared":
            for target in report["targets"]:
                state = "equal" if not target["differences"] else ("known divergence" if target["known"] else "DIFFERENT")
                log(f"   {target['node']} ({target['kind']}): {target['rows']} rows LocalGlue, "
                    f"{target['spark_rows']} rows Spark: {state}")
                for line in target["differences"]:
                    log(f"     {line}")
                if target["known"]:
                    log(f"     known: {target['known']}")
                elif target["differences"]:
                    failures += 1
            log(f"   LocalGlue {report['localglue_s']:.2f} s, Spark {report['spark_s']:.2f} s")
        else:
            log(f"   {report['status']}: {report['reason']}")
            if report["status"] == "error":
                failures += 1

    compared = [report for report in reports if report["status"] == "compared"]
    targets = [target for report in compared for target in report["targets"]]
    print(f"spark-check: {len(jobs)} jobs, {len(compared)} compared "
          f"({len(targets)} outputs, {sum(t['rows'] for t in targets)} rows), "
          f"{sum(1 for r in reports if r['status'] == 'not exportable')} not exportable, "
          f"{sum(1 for r in reports if r['status'] == 'error')} errors, "
          f"{sum(1 for t in targets if t['differences'] and not t['known'])} outputs with differences, "
          f"{sum(1 for t in targets if t['known'])} known divergences, "
          f"{sum(r['scripts_checked'] for r in compared)} scripts name-checked, "
          f"{time.monotonic() - began:.0f} s")
    for report in reports:
        if report["status"] == "not exportable":
            print(f"  not exportable: {report['job']}: {report['reason']}")
    if not args.keep:
        shutil.rmtree(scratch, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
