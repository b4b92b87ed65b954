"""Tests of scripts/check-glue-script.py and its manifest scripts/awsglue-api.json.

Run: .venv/bin/python -m unittest discover -s scripts/tests
"""

import contextlib
import importlib.util
import io
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPTS = os.path.dirname(HERE)
CHECKER_PATH = os.path.join(SCRIPTS, "check-glue-script.py")
MANIFEST_PATH = os.path.join(SCRIPTS, "awsglue-api.json")
FIXTURE = os.path.join(HERE, "fixtures", "studio_job.py")
PLAIN = os.path.join(HERE, "fixtures", "plain_pyspark_job.py")

_spec = importlib.util.spec_from_file_location("check_glue_script", CHECKER_PATH)
checker = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(checker)

PYSPARK = checker.Spark().available


class NoSpark:
    """Stands in for checker.Spark when pyspark must look absent."""

    available = False
    version = None

    def import_module(self, name):
        return None


def run_checker(paths, *options, no_spark=False):
    out = io.StringIO()
    original = checker.Spark
    if no_spark:
        checker.Spark = NoSpark
    try:
        with contextlib.redirect_stdout(out):
            status = checker.main(list(paths) + list(options))
    finally:
        checker.Spark = original
    return status, out.getvalue()


class CheckerTestCase(unittest.TestCase):
    def setUp(self):
        with open(FIXTURE, encoding="utf-8") as handle:
            self.source = handle.read()
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def write(self, text, name="job.py"):
        path = os.path.join(self.tmp.name, name)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        return path

    def mutate(self, old, new):
        self.assertIn(old, self.source, "the fixture no longer contains the text this test mutates")
        return self.write(self.source.replace(old, new, 1))

    def line_of(self, text, needle):
        for number, line in enumerate(text.splitlines(), 1):
            if needle in line:
                return number
        self.fail("%r not in the script" % needle)

    def assertFails(self, path, message, line=None, no_spark=False):
        status, out = run_checker([path], no_spark=no_spark)
        self.assertEqual(status, 1, out)
        errors = [l for l in out.splitlines() if ": error: " in l]
        self.assertTrue(any(message in l for l in errors), "no error containing %r in:\n%s" % (message, out))
        if line is not None:
            self.assertTrue(any(l.startswith("%s:%d:" % (path, line)) and message in l for l in errors),
                            "error %r not reported at line %d:\n%s" % (message, line, out))
        self.assertIn("%s: FAILED" % path, out)
        return out


class TestGoodScript(CheckerTestCase):
    def test_studio_style_job_passes(self):
        status, out = run_checker([FIXTURE])
        self.assertEqual(status, 0, out)
        self.assertIn("%s: OK, " % FIXTURE, out)
        self.assertNotIn("error", out)

    def test_names_are_counted(self):
        status, out = run_checker([FIXTURE])
        summary = [l for l in out.splitlines() if l.startswith(FIXTURE + ": OK")][0]
        checked = int(summary.split("OK, ")[1].split(" ")[0])
        self.assertGreater(checked, 100, summary)

    def test_without_pyspark_names_are_reported_unchecked(self):
        status, out = run_checker([FIXTURE], no_spark=True)
        self.assertEqual(status, 0, out)
        self.assertRegex(out, r"pyspark not installed: [1-9][0-9]* pyspark names not checked")

    def test_require_pyspark_fails_without_pyspark(self):
        status, out = run_checker([FIXTURE], "--require-pyspark", no_spark=True)
        self.assertEqual(status, 1, out)
        self.assertIn("--require-pyspark", out)

    @unittest.skipUnless(PYSPARK, "pyspark is not importable (scripts/python-env.sh spark installs it)")
    def test_require_pyspark_passes_with_pyspark(self):
        status, out = run_checker([FIXTURE], "--require-pyspark")
        self.assertEqual(status, 0, out)

    def test_several_files_one_bad(self):
        bad = self.write("import awsglue.nothing\n", "bad.py")
        status, out = run_checker([FIXTURE, bad], no_spark=True)
        self.assertEqual(status, 1, out)
        self.assertIn("%s: OK" % FIXTURE, out)
        self.assertIn("%s: FAILED" % bad, out)


class TestMutatedScripts(CheckerTestCase):
    def test_wrong_method(self):
        path = self.mutate("glueContext.create_dynamic_frame.from_options(",
                           "glueContext.create_dynamic_frame.from_option(")
        out = self.assertFails(path, "awsglue.dynamicframe.DynamicFrameReader has no method 'from_option' "
                                     "(did you mean 'from_options'?)")
        self.assertIn(":%d:" % self.line_of(self.source, "create_dynamic_frame.from_options("), out)

    def test_wrong_method_on_glue_context(self):
        path = self.mutate("glueContext.create_dynamic_frame.from_catalog(",
                           "glueContext.create_dynamic_frame_from_catalogs(")
        self.assertFails(path, "awsglue.context.GlueContext has no method 'create_dynamic_frame_from_catalogs' "
                               "(did you mean 'create_dynamic_frame_from_catalog'?)",
                         line=self.line_of(self.source, "create_dynamic_frame.from_catalog("))

    def test_wrong_method_on_sink(self):
        path = self.mutate("AmazonS3_node14.writeFrame(", "AmazonS3_node14.write_frame(")
        self.assertFails(path, "awsglue.data_sink.DataSink has no method 'write_frame'",
                         line=self.line_of(self.source, "AmazonS3_node14.writeFrame("))

    def test_wrong_keyword(self):
        path = self.mutate('format_options={"compression": "snappy"},', 'format_option={"compression": "snappy"},')
        self.assertFails(path, "awsglue.dynamicframe.DynamicFrameWriter.from_options() got an unexpected keyword "
                               "argument 'format_option' (did you mean 'format_options'?)",
                         line=self.line_of(self.source, 'format_options={"compression": "snappy"},'))

    def test_wrong_keyword_on_transform_apply(self):
        path = self.mutate("mappings=[", "mapping=[")
        self.assertFails(path, "ApplyMapping.apply() got an unexpected keyword argument 'mapping'")
        self.assertFails(path, "missing a required argument: 'mappings'")

    def test_missing_required_argument(self):
        path = self.mutate('old_name="name", new_name="customer_name", ', "")
        self.assertFails(path, "awsglue.transforms.field_transforms.RenameField.apply(): "
                               "missing a required argument: 'old_name'")

    def test_wrong_keyword_on_script_helper(self):
        path = self.mutate("glueContext, query=SqlQuery0,", "glueContext, sql=SqlQuery0,")
        self.assertFails(path, "sparkSqlQuery() got an unexpected keyword argument 'sql'")

    def test_helper_return_type_is_followed(self):
        path = self.mutate("df = SQLQuery_node8.toDF()", "df = SQLQuery_node8.to_df()")
        self.assertFails(path, "awsglue.dynamicframe.DynamicFrame has no method 'to_df' (did you mean 'toDF'?)")

    def test_missing_import(self):
        path = self.mutate("from awsglue.job import Job\n", "")
        self.assertFails(path, "name 'Job' is not defined (missing import: from awsglue.job import Job?)",
                         line=self.line_of(self.source, "job = Job(glueContext)") - 1)

    def test_missing_star_import(self):
        path = self.mutate("from awsglue.transforms import *\n", "")
        self.assertFails(path, "name 'ApplyMapping' is not defined")

    def test_unknown_awsglue_name(self):
        path = self.mutate("from awsglue.context import GlueContext", "from awsglue.context import GlueContex")
        self.assertFails(path, "cannot import name 'GlueContex' from 'awsglue.context' (did you mean 'GlueContext'?)",
                         line=self.line_of(self.source, "from awsglue.context import GlueContext"))

    def test_unknown_awsglue_module(self):
        path = self.mutate("from awsglue.utils import getResolvedOptions",
                           "from awsglue.util import getResolvedOptions")
        self.assertFails(path, "module 'awsglue.util' is not in the awsglue manifest (did you mean 'awsglue.utils'?)")

    def test_unknown_awsglueml_name(self):
        path = self.mutate("from awsglueml.transforms import FillMissingValues",
                           "from awsglueml.transforms import FillMissingValue")
        self.assertFails(path, "cannot import name 'FillMissingValue' from 'awsglueml.transforms'")

    def test_syntax_error(self):
        path = self.mutate("job.commit()", "job.commit(")
        out = self.assertFails(path, "SyntaxError")
        self.assertRegex(out, r"%s:\d+:\d+: error: SyntaxError: " % path.replace("\\", "\\\\"))

    def test_syntax_error_position(self):
        path = self.write("x = 1\ny = (2 +\n")
        status, out = run_checker([path])
        self.assertEqual(status, 1, out)
        self.assertIn("%s:2:5: error: SyntaxError:" % path, out)

    def test_agrees_with_py_compile(self):
        import py_compile
        good = self.write(self.source, "good.py")
        bad = self.mutate("job.init(args[\"JOB_NAME\"], args)", "job.init(args[\"JOB_NAME\"], args))")
        for path, ok in ((good, True), (bad, False)):
            try:
                py_compile.compile(path, cfile=os.path.join(self.tmp.name, "x.pyc"), doraise=True)
                compiled = True
            except py_compile.PyCompileError:
                compiled = False
            self.assertEqual(compiled, ok)
            status, out = run_checker([path], no_spark=True)
            self.assertEqual(status == 0, ok, out)

    def test_missing_file(self):
        status, out = run_checker([os.path.join(self.tmp.name, "absent.py")])
        self.assertEqual(status, 1, out)
        self.assertIn("cannot read", out)

    def test_unchecked_pyspark_names_do_not_fail(self):
        path = self.mutate("dropDuplicates(", "drop_duplicates_x(")
        status, out = run_checker([path], no_spark=True)
        self.assertEqual(status, 0, out)
        self.assertIn("pyspark not installed", out)

    @unittest.skipUnless(PYSPARK, "pyspark is not importable (scripts/python-env.sh spark installs it)")
    def test_wrong_dataframe_method(self):
        path = self.mutate("dropDuplicates(", "drop_duplicates_x(")
        self.assertFails(path, "has no method 'drop_duplicates_x'")

    @unittest.skipUnless(PYSPARK, "pyspark is not importable (scripts/python-env.sh spark installs it)")
    def test_wrong_functions_name(self):
        path = self.mutate("SqlFuncs.row_number()", "SqlFuncs.rownumber()")
        self.assertFails(path, "module 'pyspark.sql.functions' has no function 'rownumber'")

    @unittest.skipUnless(PYSPARK, "pyspark is not importable (scripts/python-env.sh spark installs it)")
    def test_wrong_spark_session_method(self):
        path = self.mutate('spark.sql("select count', 'spark.sqll("select count')
        self.assertFails(path, "SparkSession has no method 'sqll' (pyspark")

    @unittest.skipUnless(PYSPARK, "pyspark is not importable (scripts/python-env.sh spark installs it)")
    def test_wrong_pyspark_module(self):
        path = self.mutate("from pyspark.sql.window import Window", "from pyspark.sql.windows import Window")
        self.assertFails(path, "No module named 'pyspark.sql.windows'")

    @unittest.skipUnless(PYSPARK, "pyspark is not importable (scripts/python-env.sh spark installs it)")
    def test_dataframe_item_is_a_column(self):
        path = self.mutate('Union_node10.toDF().dropDuplicates(["order_id"])',
                           'Union_node10.toDF().filter(Union_node10.toDF()["order_id"].isNotNul())')
        self.assertFails(path, "Column has no method 'isNotNul' (pyspark 4.3.0) (did you mean 'isNotNull'?)"
                         .replace("4.3.0", checker.Spark().version))

    @unittest.skipUnless(PYSPARK, "pyspark is not importable (scripts/python-env.sh spark installs it)")
    def test_wrong_pyspark_keyword(self):
        path = self.mutate('Union_node10.toDF().dropDuplicates(["order_id"])',
                           'Union_node10.toDF().dropDuplicates(columns=["order_id"])')
        self.assertFails(path, "dropDuplicates() got an unexpected keyword argument 'columns'")


class TestGlueContextInheritsSQLContext(CheckerTestCase):
    """GlueContext extends pyspark.sql.SQLContext: its methods are checked with pyspark, and
    against the manifest's snapshot of SQLContext's names without it."""

    def script(self, call):
        return self.write(
            "from pyspark.context import SparkContext\n"
            "from awsglue.context import GlueContext\n"
            "glueContext = GlueContext(SparkContext.getOrCreate())\n"
            "%s\n" % call)

    def test_inherited_method_passes_in_both_modes(self):
        path = self.script('glueContext.sql("select 1")\nglueContext.sparkSession\nglueContext._jvm')
        for no_spark in (False, True):
            status, out = run_checker([path], no_spark=no_spark)
            self.assertEqual(status, 0, out)

    def test_unknown_method_fails_in_both_modes(self):
        path = self.script('glueContext.sqll("select 1")')
        for no_spark in (False, True):
            self.assertFails(path, "awsglue.context.GlueContext has no method 'sqll'", line=4, no_spark=no_spark)

    @unittest.skipUnless(PYSPARK, "pyspark is not importable (scripts/python-env.sh spark installs it)")
    def test_inherited_method_arguments_are_checked(self):
        path = self.script('glueContext.sql(sqlQuerry="select 1")')
        self.assertFails(path, "unexpected keyword argument 'sqlQuerry'")


class TestPlainPySparkScript(CheckerTestCase):
    def setUp(self):
        super().setUp()
        with open(PLAIN, encoding="utf-8") as handle:
            self.source = handle.read()

    def test_plain_script_passes(self):
        for no_spark in (False, True):
            status, out = run_checker([PLAIN], no_spark=no_spark)
            self.assertEqual(status, 0, out)

    @unittest.skipUnless(PYSPARK, "pyspark is not importable (scripts/python-env.sh spark installs it)")
    def test_builder_chain_is_followed(self):
        path = self.mutate(".getOrCreate()", ".getOrCreat()")
        line = self.line_of(self.source, ".getOrCreate()")
        col = self.source.splitlines()[line - 1].index("getOrCreate") + 1
        self.assertFails(path, "SparkSession.Builder has no method 'getOrCreat' (pyspark", line=line)
        status, out = run_checker([path])
        self.assertIn("%s:%d:%d:" % (path, line, col), out)

    @unittest.skipUnless(PYSPARK, "pyspark is not importable (scripts/python-env.sh spark installs it)")
    def test_reader_and_writer_chains_are_followed(self):
        self.assertFails(self.mutate('.parquet(args.output', '.parket(args.output'),
                         "DataFrameWriter has no method 'parket' (pyspark")
        self.assertFails(self.mutate('how="left"', 'kind="left"'),
                         "DataFrame.join() got an unexpected keyword argument 'kind'")
        self.assertFails(self.mutate('.alias("n")', '.alias_("n")'), "Column has no method 'alias_'")


class TestAnalysisLimits(CheckerTestCase):
    def test_class_body_names_are_not_visible_in_methods(self):
        path = self.write(
            "class Sink:\n"
            "    def set(self, key, value):\n"
            "        return set([key, value])\n"
            "    def open(self, path, mode):\n"
            "        return open(path)\n")
        status, out = run_checker([path], no_spark=True)
        self.assertEqual(status, 0, out)

    def test_type_checking_imports_are_not_checked(self):
        path = self.write(
            "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n"
            "    from pyspark.sql._typing import ColumnOrName\n"
            "    from awsglue.nothing import Nothing\n"
            "def f(c: 'ColumnOrName') -> None:\n"
            "    return None\n")
        status, out = run_checker([path])
        self.assertEqual(status, 0, out)

    def test_unknown_values_are_not_guessed(self):
        path = self.write(
            "def helper(frame):\n"
            "    return frame.anything_at_all()\n"
            "x = helper(None).more()\n")
        status, out = run_checker([path], no_spark=True)
        self.assertEqual(status, 0, out)

    def test_types_merge_where_branches_meet(self):
        path = self.write(
            "import sys\n"
            "from pyspark.context import SparkContext\n"
            "from awsglue.context import GlueContext\n"
            "glueContext = GlueContext(SparkContext.getOrCreate())\n"
            "if len(sys.argv) > 2:\n"
            "    x = glueContext.create_dynamic_frame.from_catalog(database='d', table_name='t')\n"
            "else:\n"
            "    x = glueContext.spark_session.range(3)\n"
            "x.toDF()\n"
            "y = glueContext.create_dynamic_frame.from_catalog(database='d', table_name='t')\n"
            "if len(sys.argv) > 3:\n"
            "    y = y.drop_fields(['a'])\n"
            "y.toDFF()\n")
        for no_spark in (False, True):
            out = self.assertFails(path, "DynamicFrame has no method 'toDFF'", line=13, no_spark=no_spark)
            self.assertNotIn(":9:", out)

    def test_awsgluedq_is_reported(self):
        path = self.write("from awsgluedq.transforms import EvaluateDataQuality\n")
        self.assertFails(path, "module 'awsgluedq.transforms' is not in the awsglue manifest", line=1)


class TestCommandLine(CheckerTestCase):
    def test_cli_exit_status_and_output(self):
        bad = self.mutate("job.commit()", "job.comit()")
        result = subprocess.run([sys.executable, CHECKER_PATH, FIXTURE, bad],
                                capture_output=True, text=True, timeout=120)
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn("%s: OK" % FIXTURE, result.stdout)
        self.assertIn("awsglue.job.Job has no method 'comit' (did you mean 'commit'?)", result.stdout)

    def test_cli_usage_error(self):
        result = subprocess.run([sys.executable, CHECKER_PATH], capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 2)


class TestManifest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(MANIFEST_PATH, encoding="utf-8") as handle:
            cls.data = json.load(handle)
        cls.manifest = checker.Manifest(MANIFEST_PATH)

    def test_every_module_names_its_source(self):
        for name, module in self.data["modules"].items():
            source = module["source"]
            if source["kind"] == "github":
                self.assertEqual(source["repo"], "awslabs/aws-glue-libs", name)
                self.assertRegex(source["commit"], r"^[0-9a-f]{40}$", name)
                self.assertTrue(source["path"].endswith(".py"), name)
            else:
                self.assertEqual(source["kind"], "aws-docs", name)
                self.assertTrue(name.startswith("awsglueml"), name)

    def test_aliases_bases_and_types_resolve(self):
        for module_name, module in self.data["modules"].items():
            for name, entry in module["names"].items():
                if entry["kind"] in ("alias", "module"):
                    self.assertIsNotNone(self.manifest.resolve(entry["target"]), entry["target"])
                if entry["kind"] != "class":
                    continue
                for base in entry["bases"]:
                    if base.startswith("awsglue"):
                        self.assertEqual(self.manifest.resolve(base)[0], "class", base)
                members = list(entry["methods"].values())
                for method in members:
                    self.assert_type(method.get("returns"), "%s.%s" % (module_name, name))
                for attribute in entry["attributes"].values():
                    self.assert_type(attribute, "%s.%s" % (module_name, name))

    def assert_type(self, text, where):
        if text is None or text in ("dict",) or text.startswith("pyspark."):
            return
        found = self.manifest.resolve(text)
        self.assertIsNotNone(found, "%s: %s" % (where, text))
        self.assertEqual(found[0], "class", "%s: %s" % (where, text))

    def test_parameters_are_well_formed(self):
        kinds = {"positional_or_keyword", "var_positional", "var_keyword", "keyword_only"}
        for module in self.data["modules"].values():
            for entry in module["names"].values():
                callables = [entry] if entry["kind"] == "function" else list(entry.get("methods", {}).values())
                for c in callables:
                    names = [p["name"] for p in c["params"]]
                    self.assertEqual(len(names), len(set(names)), names)
                    self.assertNotIn("self", names)
                    for p in c["params"]:
                        self.assertIn(p["kind"], kinds)
                    checker.signature_from_params(c["params"])  # raises on a bad order

    def test_glue_studio_callables(self):
        def params(qual, method):
            found, _ = self.manifest.member(qual, method)
            self.assertIsNotNone(found, "%s.%s" % (qual, method))
            return [p["name"] for p in found[1]["params"]]

        self.assertEqual(params("awsglue.dynamicframe.DynamicFrameWriter", "from_options")[:6],
                         ["frame", "connection_type", "connection_options", "format", "format_options",
                          "transformation_ctx"])
        self.assertIn("additional_options", params("awsglue.dynamicframe.DynamicFrameReader", "from_catalog"))
        self.assertEqual(params("awsglue.dynamicframe.DynamicFrame", "fromDF"), ["dataframe", "glue_ctx", "name"])
        self.assertEqual(params("awsglue.data_sink.DataSink", "setCatalogInfo"),
                         ["catalogDatabase", "catalogTableName", "catalogId"])
        self.assertEqual(params("awsglue.transforms.dynamicframe_filter.Filter", "__call__")[:3],
                         ["frame", "f", "transformation_ctx"])
        self.assertEqual(params("awsglue.job.Job", "init"), ["job_name", "args"])
        self.assertIn("getSink", self.manifest.member_names("awsglue.context.GlueContext"))
        self.assertEqual(self.manifest.resolve("awsglue.DynamicFrame")[1], "awsglue.dynamicframe.DynamicFrame")

    def test_counts_match(self):
        counts = self.data["counts"]
        self.assertEqual(counts["modules"], len(self.data["modules"]))
        classes = sum(1 for m in self.data["modules"].values() for e in m["names"].values() if e["kind"] == "class")
        self.assertEqual(counts["classes"], classes)


if __name__ == "__main__":
    unittest.main()
