#!/usr/bin/env python3
"""Checks generated AWS Glue / PySpark scripts without running them.

    check-glue-script.py FILE... [--require-pyspark] [--manifest PATH]

For each FILE:
  1. compiles it as `python3 -m py_compile` does (syntax errors are reported as FILE:LINE:COL);
  2. checks every `import awsglue...` / `from awsglue... import X` (and awsglueml, awsgluedq) against
     the manifest scripts/awsglue-api.json, and every `pyspark` import by importing it for real
     when pyspark is importable in this Python;
  3. follows, with a small flow-insensitive static analysis, which variables hold a GlueContext,
     Job, DynamicFrame, DynamicFrameReader/Writer, DataSink, a transform class, a SparkSession,
     a DataFrame, a Column or a pyspark module, and checks that every attribute used on them
     exists, that every keyword argument of a call is a parameter of the callee (unless it takes
     **kwargs) and that required parameters are given. awsglue names are checked against the
     manifest; pyspark names with getattr/inspect on the real classes and modules. Helper
     functions defined in the script are followed through their `-> Type` annotation and their
     calls are checked against their own signature;
  4. reports names that are used but never bound (a missing import).

Exit status: 0 when every file passes, 1 otherwise (2 for usage errors). Without pyspark importable
the pyspark names are counted and reported as not checked (a failure only with --require-pyspark).
"""

import argparse
import ast
import builtins
import difflib
import importlib
import inspect
import json
import os
import sys
from collections import namedtuple

DEFAULT_MANIFEST = os.path.join(os.path.dirname(os.path.abspath(__file__)), "awsglue-api.json")

# Ty: what the analysis knows about a value.
#   gmod/gcls/ginst/gcall: awsglue module / class / instance / callable, `name` is the qualified name,
#       `obj` the manifest entry (gcall: {"params", "returns"}), `extra` per kind.
#   pmod/pcls/pinst/pcall: pyspark module / class / instance / callable, `obj` the real object.
#   punk: a pyspark value while pyspark is not importable (names used on it are counted, unchecked).
#   local: a function defined in the script; `obj` is its ast node, `extra` its return Ty.
Ty = namedtuple("Ty", "kind name obj extra")


def is_glue_module(name):
    return name.split(".")[0] in ("awsglue", "awsglueml", "awsgluedq")


def suggestion(name, candidates):
    public = sorted(c for c in set(candidates)
                    if c and c != name and (not c.startswith("_") or name.startswith("_")))

    def folded(text):
        return text.lower().replace("_", "")
    same = [c for c in public if folded(c) == folded(name) and c != name]
    close = same or difflib.get_close_matches(name, public, n=1, cutoff=0.6)
    return " (did you mean '%s'?)" % close[0] if close else ""


class Manifest:
    """The awsglue API manifest: modules -> names -> classes/functions with parameters."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        self.modules = data["modules"]
        # public names of classes outside awsglue that awsglue classes extend (GlueContext extends
        # pyspark.sql.SQLContext), used only when pyspark is not importable
        self.external = data.get("external", {})

    def module(self, name):
        return self.modules.get(name)

    def resolve(self, qual, depth=0):
        """(kind, qualified name, entry) for a dotted name, following aliases; None if unknown."""
        if depth > 10:
            return None
        if qual in self.modules:
            return ("module", qual, self.modules[qual])
        parts = qual.split(".")
        for i in range(len(parts) - 1, 0, -1):
            mod = ".".join(parts[:i])
            if mod in self.modules:
                rest = parts[i:]
                if len(rest) != 1:
                    return None
                entry = self.modules[mod]["names"].get(rest[0])
                if entry is None:
                    return None
                if entry["kind"] in ("alias", "module"):
                    return self.resolve(entry["target"], depth + 1)
                return (entry["kind"], qual, entry)
        return None

    def public_names(self, module):
        entry = self.modules[module]
        if "all" in entry:
            return list(entry["all"])
        return [n for n in entry["names"] if not n.startswith("_")]

    def mro(self, qual):
        """Manifest classes of qual's hierarchy (qual first) and the bases outside the manifest."""
        seen, order, external = set(), [], []
        todo = [qual]
        while todo:
            q = todo.pop(0)
            if q in seen:
                continue
            seen.add(q)
            found = self.resolve(q)
            if found is None or found[0] != "class":
                external.append(q)
                continue
            order.append((found[1], found[2]))
            todo.extend(found[2].get("bases", []))
        return order, external

    def member(self, qual, name):
        """(kind, entry, owner) of a class member, or None; plus the external bases."""
        order, external = self.mro(qual)
        for owner, entry in order:
            if name in entry.get("methods", {}):
                method = entry["methods"][name]
                return (method["kind"], method, owner), external
            if name in entry.get("attributes", {}):
                return ("attribute", entry["attributes"][name], owner), external
        return None, external

    def member_names(self, qual):
        order, _ = self.mro(qual)
        names = []
        for _, entry in order:
            names.extend(entry.get("methods", {}))
            names.extend(entry.get("attributes", {}))
        return names

    def is_opaque(self, qual):
        order, _ = self.mro(qual)
        return any(entry.get("opaque") for _, entry in order)


class Spark:
    """Access to the real pyspark, when it is importable in this Python."""

    def __init__(self):
        try:
            import pyspark  # noqa: F401
            import pyspark.sql
            self.available = True
            self.version = pyspark.__version__
            self.simple_names = {}
            for name in dir(pyspark.sql):
                value = getattr(pyspark.sql, name)
                if inspect.isclass(value):
                    self.simple_names[name] = value
            self.simple_names["ParentDataFrame"] = pyspark.sql.DataFrame
            self.simple_names["ParentColumn"] = pyspark.sql.Column
            self.simple_names["ParentDataFrameReader"] = pyspark.sql.DataFrameReader
            self.simple_names["ParentDataFrameWriter"] = pyspark.sql.DataFrameWriter
            self.simple_names["ParentGroupedData"] = pyspark.sql.GroupedData
            from pyspark import SparkContext, RDD
            self.simple_names["SparkContext"] = SparkContext
            self.simple_names["RDD"] = RDD
        except Exception:  # ImportError, or a broken installation
            self.available = False
            self.version = None

    def import_module(self, name):
        """The module, or None when there is no such module."""
        module, problem = self.try_import(name)
        return module

    def try_import(self, name):
        """(module, None), (None, 'missing') or (None, reason) when the module exists but cannot be
        imported here (a dependency such as numpy or pandas is not installed)."""
        try:
            return importlib.import_module(name), None
        except ModuleNotFoundError as exc:
            missing = exc.name or ""
            if missing == name or name.startswith(missing + ".") or not missing:
                return None, "missing"
            return None, "needs %s" % missing
        except Exception as exc:  # ImportError from inside the module, or anything it raises
            return None, "%s: %s" % (type(exc).__name__, exc)

    def on_subclass(self, cls, attr):
        todo, seen = list(cls.__subclasses__()), set()
        while todo:
            sub = todo.pop()
            if sub in seen:
                continue
            seen.add(sub)
            try:
                inspect.getattr_static(sub, attr)
                return True
            except AttributeError:
                pass
            if attr in self.instance_attributes(sub)[0]:
                return True
            todo.extend(sub.__subclasses__())
        return False

    def instance_attributes(self, cls):
        """Names a pyspark class's instances get in their methods (self.x = ...), its annotations
        and __slots__: attributes not visible on the class itself."""
        cache = self.__dict__.setdefault("_instance_attributes", {})
        if cls in cache:
            return cache[cls]
        names = set()
        complete = True
        for klass in inspect.getmro(cls):
            if klass is object:
                continue
            names.update(getattr(klass, "__annotations__", {}) or {})
            slots = klass.__dict__.get("__slots__", ())
            names.update([slots] if isinstance(slots, str) else slots)
            try:
                tree = ast.parse(_dedent(inspect.getsource(klass)))
            except (OSError, TypeError, SyntaxError):
                complete = False
                continue
            for node in ast.walk(tree):
                if (isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store)
                        and isinstance(node.value, ast.Name) and node.value.id == "self"):
                    names.add(node.attr)
        cache[cls] = (names, complete)
        return cache[cls]

    def class_from_annotation(self, annotation, func=None):
        if annotation is inspect.Signature.empty or annotation is None:
            return None
        if inspect.isclass(annotation):
            return annotation if annotation.__module__.startswith("pyspark") else None
        if isinstance(annotation, str):
            # 'DataFrame', 'SparkSession.Builder'; Optional[...]/Union[...] stay unknown
            parts = annotation.strip().strip("'\"").split(".")
            value = self.simple_names.get(parts[0])
            if value is None and func is not None:
                value = getattr(func, "__globals__", {}).get(parts[0])
            for part in parts[1:]:
                value = getattr(value, part, None)
            if inspect.isclass(value) and value.__module__.startswith("pyspark"):
                return value
        return None


def _dedent(source):
    lines = source.splitlines()
    indent = min((len(l) - len(l.lstrip()) for l in lines if l.strip()), default=0)
    return "\n".join(l[indent:] for l in lines)


def ty_of_py_value(value, name):
    if inspect.ismodule(value):
        return Ty("pmod", value.__name__, value, None)
    if inspect.isclass(value):
        return Ty("pcls", "%s.%s" % (value.__module__, value.__qualname__), value, None)
    if inspect.isroutine(value):
        return Ty("pcall", name, value, False)
    module = getattr(type(value), "__module__", "") or ""
    if module.startswith("pyspark"):
        cls = type(value)
        return Ty("pinst", "%s.%s" % (cls.__module__, cls.__qualname__), cls, None)
    if callable(value):
        return Ty("pcall", name, value, False)
    return None


def signature_from_params(params, add_self=False):
    """An inspect.Signature from manifest parameters."""
    result = []
    if add_self:
        result.append(inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD))
    for p in params:
        if p["kind"] == "var_positional":
            result.append(inspect.Parameter(p["name"], inspect.Parameter.VAR_POSITIONAL))
        elif p["kind"] == "var_keyword":
            result.append(inspect.Parameter(p["name"], inspect.Parameter.VAR_KEYWORD))
        elif p["kind"] == "keyword_only":
            result.append(inspect.Parameter(p["name"], inspect.Parameter.KEYWORD_ONLY,
                                            default=None if p.get("default") else inspect.Parameter.empty))
        else:
            result.append(inspect.Parameter(p["name"], inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                            default=None if p.get("default") else inspect.Parameter.empty))
    return inspect.Signature(result)


def signature_from_ast(args):
    P = inspect.Parameter
    result = []
    positional = list(args.posonlyargs) + list(args.args)
    first_default = len(positional) - len(args.defaults)
    for i, a in enumerate(positional):
        kind = P.POSITIONAL_ONLY if i < len(args.posonlyargs) else P.POSITIONAL_OR_KEYWORD
        result.append(P(a.arg, kind, default=None if i >= first_default else P.empty))
    if args.vararg:
        result.append(P(args.vararg.arg, P.VAR_POSITIONAL))
    for a, d in zip(args.kwonlyargs, args.kw_defaults):
        result.append(P(a.arg, P.KEYWORD_ONLY, default=P.empty if d is None else None))
    if args.kwarg:
        result.append(P(args.kwarg.arg, P.VAR_KEYWORD))
    return inspect.Signature(result)


class Env:
    def __init__(self, parent=None, is_class=False):
        self.vars = {}
        self.parent = parent
        self.is_class = is_class

    def lookup(self, name):
        env = self
        while env is not None:
            if name in env.vars:
                return env.vars[name]
            env = env.parent
        return None


# ---------------------------------------------------------------------------------------------
# Undefined names: a small scope analysis (module, functions, lambdas, comprehensions, classes).
# ---------------------------------------------------------------------------------------------

SCOPE_NODES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef,
               ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


def target_names(target, out):
    for node in ast.walk(target):
        if isinstance(node, ast.Name):
            out.add(node.id)
        elif isinstance(node, ast.Starred) and isinstance(node.value, ast.Name):
            out.add(node.value.id)


def bound_in(body_nodes, out, globals_out):
    """Names bound by statements in one scope (not descending into nested scopes)."""
    todo = list(body_nodes)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(node.name)
            todo.extend(node.decorator_list)
            if not isinstance(node, ast.ClassDef):
                todo.extend(d for d in node.args.defaults + node.args.kw_defaults if d is not None)
            else:
                todo.extend(node.bases)
            continue
        if isinstance(node, (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            # walrus targets inside comprehensions bind in the enclosing scope
            for sub in ast.walk(node):
                if isinstance(sub, ast.NamedExpr) and isinstance(sub.target, ast.Name):
                    out.add(sub.target.id)
            continue
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            out.add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                if alias.name != "*":
                    out.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(node, ast.ExceptHandler) and node.name:
            out.add(node.name)
        elif isinstance(node, ast.Global):
            globals_out.update(node.names)
            out.update(node.names)
        elif isinstance(node, ast.Nonlocal):
            out.update(node.names)
        elif hasattr(ast, "MatchAs") and isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
            out.add(node.name)
        elif hasattr(ast, "MatchMapping") and isinstance(node, ast.MatchMapping) and node.rest:
            out.add(node.rest)
        todo.extend(ast.iter_child_nodes(node))


class Scope:
    def __init__(self, names, parent, is_class=False):
        self.names = names
        self.parent = parent
        self.is_class = is_class


class UndefinedNames:
    def __init__(self, checker, tree, star_names):
        self.checker = checker
        self.wildcard = False
        module_names, globals_declared = set(), set()
        bound_in(tree.body, module_names, globals_declared)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("globals", "exec"):
                self.wildcard = True  # names may be created at run time
            if isinstance(node, ast.ImportFrom) and any(a.name == "*" for a in node.names):
                names = star_names(node)
                if names is None:
                    self.wildcard = True
                else:
                    module_names.update(names)
            if isinstance(node, ast.Global):
                module_names.update(node.names)
        self.module = Scope(module_names | {"__name__", "__file__", "__doc__", "__builtins__",
                                            "__spec__", "__loader__", "__package__", "__annotations__"},
                            None)
        self.builtins = set(dir(builtins))

    def run(self, tree):
        for stmt in tree.body:
            self.visit(stmt, self.module)

    def defined(self, name, scope):
        first = True
        while scope is not None:
            if (first or not scope.is_class) and name in scope.names:
                return True
            first = False
            scope = scope.parent
        return name in self.builtins

    def hint(self, name, scope):
        """'(missing import: from awsglue.job import Job?)' when a manifest module exports the name."""
        manifest = self.checker.manifest
        for module in sorted(manifest.modules, key=lambda m: (m.count("."), m)):
            if name in manifest.modules[module]["names"] and not name.startswith("_"):
                return " (missing import: from %s import %s?)" % (module, name)
        return suggestion(name, self.candidates(scope))

    def candidates(self, scope):
        names = set(self.builtins)
        while scope is not None:
            names |= scope.names
            scope = scope.parent
        return names

    def visit(self, node, scope):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for d in node.decorator_list:
                self.visit(d, scope)
            self.visit_arguments_outer(node.args, scope)
            if node.returns is not None:
                self.visit(node.returns, scope)
            names, glob = self.param_names(node.args), set()
            bound_in(node.body, names, glob)
            names -= glob
            inner = Scope(names, scope)
            for stmt in node.body:
                self.visit(stmt, inner)
            return
        if isinstance(node, ast.Lambda):
            self.visit_arguments_outer(node.args, scope)
            inner = Scope(self.param_names(node.args), scope)
            self.visit(node.body, inner)
            return
        if isinstance(node, ast.ClassDef):
            for d in node.decorator_list + node.bases + [k.value for k in node.keywords]:
                self.visit(d, scope)
            names, glob = set(), set()
            bound_in(node.body, names, glob)
            inner = Scope(names, scope, is_class=True)
            for stmt in node.body:
                self.visit(stmt, inner)
            return
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            names = set()
            for gen in node.generators:
                target_names(gen.target, names)
            inner = Scope(names, scope)
            for i, gen in enumerate(node.generators):
                self.visit(gen.iter, scope if i == 0 else inner)
                for cond in gen.ifs:
                    self.visit(cond, inner)
            if isinstance(node, ast.DictComp):
                self.visit(node.key, inner)
                self.visit(node.value, inner)
            else:
                self.visit(node.elt, inner)
            return
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            if not self.wildcard and not self.defined(node.id, scope):
                self.checker.error(node, "name '%s' is not defined%s"
                                   % (node.id, self.hint(node.id, scope)))
            return
        for child in ast.iter_child_nodes(node):
            self.visit(child, scope)

    def visit_arguments_outer(self, args, scope):
        for d in args.defaults + [d for d in args.kw_defaults if d is not None]:
            self.visit(d, scope)
        for a in args.posonlyargs + args.args + args.kwonlyargs + [args.vararg, args.kwarg]:
            if a is not None and a.annotation is not None:
                self.visit(a.annotation, scope)

    @staticmethod
    def param_names(args):
        names = {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs}
        if args.vararg:
            names.add(args.vararg.arg)
        if args.kwarg:
            names.add(args.kwarg.arg)
        return names


# ---------------------------------------------------------------------------------------------
# The per-file checker.
# ---------------------------------------------------------------------------------------------

class FileChecker:
    def __init__(self, path, manifest, spark):
        self.path = path
        self.manifest = manifest
        self.spark = spark
        self.errors = []
        self.glue_checked = 0
        self.spark_checked = 0
        self.script_checked = 0
        self.spark_unchecked = 0
        self.pending_functions = []
        self.notes = {}

    # -- reporting ---------------------------------------------------------------------------
    def error(self, node, message, line=None, col=None):
        if isinstance(node, ast.Attribute) and getattr(node, "end_lineno", None):
            # point at the attribute's name, not at the start of a long chain
            line, col, node = node.end_lineno, node.end_col_offset - len(node.attr) + 1, None
        if node is not None:
            line = getattr(node, "lineno", line or 1)
            col = getattr(node, "col_offset", (col or 1) - 1) + 1
        self.errors.append((line or 1, col or 1, message))

    # -- entry -------------------------------------------------------------------------------
    def run(self):
        try:
            with open(self.path, "rb") as handle:
                source = handle.read()
        except OSError as exc:
            self.errors.append((0, 0, "cannot read: %s" % exc.strerror))
            return
        try:
            compile(source, self.path, "exec", dont_inherit=True)
        except SyntaxError as exc:
            self.errors.append((exc.lineno or 1, exc.offset or 1, "%s: %s" % (type(exc).__name__, exc.msg)))
            return
        except ValueError as exc:  # e.g. source code string cannot contain null bytes
            self.errors.append((1, 1, "SyntaxError: %s" % exc))
            return
        tree = ast.parse(source, self.path)
        UndefinedNames(self, tree, self.star_import_names).run(tree)
        env = Env()
        self.block(tree.body, env)
        while self.pending_functions:
            node, parent_env = self.pending_functions.pop(0)
            self.function_body(node, parent_env)
        self.errors.sort()

    def note_unimportable(self, module, problem):
        """A pyspark module that exists but cannot be imported in this Python: its names are
        counted as not checked, and the reason is printed once per file."""
        self.spark_unchecked += 1
        self.notes.setdefault("%s cannot be imported here (%s): its names are not checked" % (module, problem), None)

    def star_import_names(self, node):
        module = node.module or ""
        if node.level:
            return None
        if is_glue_module(module):
            if self.manifest.module(module) is None:
                return set()  # reported by the import check
            return set(self.manifest.public_names(module))
        if module.split(".")[0] == "pyspark" and self.spark.available:
            mod = self.spark.import_module(module)
            if mod is None:
                return set()
            return set(getattr(mod, "__all__", None) or [n for n in dir(mod) if not n.startswith("_")])
        return None

    # -- statements ---------------------------------------------------------------------------
    def block(self, statements, env):
        for stmt in statements:
            self.statement(stmt, env)

    def statement(self, node, env):
        if isinstance(node, ast.Assign):
            value = self.infer(node.value, env)
            for target in node.targets:
                self.bind(target, value, env)
        elif isinstance(node, ast.AnnAssign):
            value = self.infer(node.value, env) if node.value is not None else None
            declared = self.annotation_type(node.annotation, env)
            self.bind(node.target, declared or value, env)
        elif isinstance(node, ast.AugAssign):
            self.infer(node.value, env)
            self.bind(node.target, None, env)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            self.import_statement(node, env)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for d in node.decorator_list:
                self.infer(d, env)
            for d in node.args.defaults + [d for d in node.args.kw_defaults if d is not None]:
                self.infer(d, env)
            returns = self.annotation_type(node.returns, env) if node.returns is not None else None
            env.vars[node.name] = Ty("local", node.name, node, returns)
            self.pending_functions.append((node, env))
        elif isinstance(node, ast.ClassDef):
            for d in node.decorator_list + node.bases + [k.value for k in node.keywords]:
                self.infer(d, env)
            env.vars[node.name] = None
            self.block(node.body, Env(env, is_class=True))
        elif isinstance(node, (ast.For, ast.AsyncFor)):
            self.infer(node.iter, env)
            before = dict(env.vars)
            self.bind(node.target, None, env)
            self.block(node.body, env)
            self.merge(env, before)  # the body may run zero times
            self.block(node.orelse, env)
        elif isinstance(node, ast.While):
            self.infer(node.test, env)
            before = dict(env.vars)
            self.block(node.body, env)
            self.merge(env, before)
            self.block(node.orelse, env)
        elif isinstance(node, ast.If) and not self.is_type_checking(node.test):
            self.infer(node.test, env)
            before = dict(env.vars)
            self.block(node.body, env)
            after_body = dict(env.vars)
            env.vars = before
            self.block(node.orelse, env)
            self.merge(env, after_body)
        elif isinstance(node, ast.Try) or node.__class__.__name__ == "TryStar":
            before = dict(env.vars)
            self.block(node.body, env)
            self.block(node.orelse, env)
            outcomes = [dict(env.vars)]
            for handler in node.handlers:
                env.vars = dict(before)
                self.statement(handler, env)
                outcomes.append(dict(env.vars))
            env.vars = outcomes[0]
            for other in outcomes[1:]:
                self.merge(env, other)
            self.block(node.finalbody, env)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                self.infer(item.context_expr, env)
                if item.optional_vars is not None:
                    self.bind(item.optional_vars, None, env)
            self.block(node.body, env)
        elif isinstance(node, ast.If) and self.is_type_checking(node.test):
            # `if TYPE_CHECKING:` imports exist for type checkers only; they are never run
            for stmt in node.body:
                for sub in ast.walk(stmt):
                    if isinstance(sub, (ast.Import, ast.ImportFrom)):
                        for alias in sub.names:
                            if alias.name != "*":
                                env.vars[alias.asname or alias.name.split(".")[0]] = None
            self.block(node.orelse, env)
        elif isinstance(node, ast.ExceptHandler):
            if node.type is not None:
                self.infer(node.type, env)
            if node.name:
                env.vars[node.name] = None
            self.block(node.body, env)
        else:
            for field, value in ast.iter_fields(node):
                if isinstance(value, ast.expr):
                    self.infer(value, env)
                elif isinstance(value, list):
                    for item in value:
                        if isinstance(item, ast.stmt):
                            self.statement(item, env)
                        elif isinstance(item, ast.ExceptHandler):
                            self.statement(item, env)
                        elif isinstance(item, ast.expr):
                            self.infer(item, env)
                        elif isinstance(item, ast.AST):  # match_case, withitem, ...
                            self.generic(item, env)

    @staticmethod
    def merge(env, other):
        """Where two control-flow paths meet, a variable keeps its type only if both agree."""
        for name in set(env.vars) | set(other):
            if env.vars.get(name) != other.get(name):
                env.vars[name] = None

    @staticmethod
    def is_type_checking(test):
        return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
            (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")

    def function_body(self, node, parent_env):
        while parent_env.is_class:  # a class body's names are not visible inside its methods
            parent_env = parent_env.parent
        env = Env(parent_env)
        args = node.args
        for a in args.posonlyargs + args.args + args.kwonlyargs + [args.vararg, args.kwarg]:
            if a is not None:
                env.vars[a.arg] = self.annotation_type(a.annotation, parent_env) if a.annotation is not None else None
        self.block(node.body, env)

    def bind(self, target, value, env):
        if isinstance(target, ast.Name):
            env.vars[target.id] = value
        elif isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                self.bind(element, None, env)
        elif isinstance(target, ast.Starred):
            self.bind(target.value, None, env)
        elif isinstance(target, ast.Attribute):
            self.infer(target.value, env)  # the object must exist; setting attributes is not checked
        elif isinstance(target, ast.Subscript):
            self.infer(target.value, env)
            self.infer(target.slice, env)

    def annotation_type(self, annotation, env):
        if annotation is None:
            return None
        if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
            try:
                annotation = ast.parse(annotation.value, mode="eval").body
            except SyntaxError:
                return None
        else:
            self.infer(annotation, env)
        ty = self.static_type(annotation, env)
        if ty is None:
            return None
        if ty.kind == "gcls":
            return Ty("ginst", ty.name, ty.obj, None)
        if ty.kind == "pcls":
            return Ty("pinst", ty.name, ty.obj, None)
        return None

    def static_type(self, node, env):
        """The type a Name/Attribute expression denotes, without reporting anything."""
        if isinstance(node, ast.Name):
            return env.lookup(node.id)
        if isinstance(node, ast.Attribute):
            base = self.static_type(node.value, env)
            if base is None:
                return None
            if base.kind == "gmod":
                found = self.manifest.resolve(base.name + "." + node.attr)
                return self.glue_ty_from_resolved(found) if found else None
            if base.kind == "pmod" and hasattr(base.obj, node.attr):
                return ty_of_py_value(getattr(base.obj, node.attr), base.name + "." + node.attr)
        return None

    # -- imports ------------------------------------------------------------------------------
    def glue_ty_from_resolved(self, found):
        kind, qual, entry = found
        if kind == "module":
            return Ty("gmod", qual, entry, None)
        if kind == "class":
            return Ty("gcls", qual, entry, None)
        if kind == "function":
            return Ty("gcall", qual, entry, False)
        return None

    def import_statement(self, node, env):
        if isinstance(node, ast.Import):
            for alias in node.names:
                name = alias.name
                top = name.split(".")[0]
                where = alias if hasattr(alias, "lineno") else node
                if is_glue_module(name):
                    self.glue_checked += 1
                    if self.manifest.module(name) is None:
                        self.error(where, "module '%s' is not in the awsglue manifest%s"
                                   % (name, suggestion(name, self.manifest.modules)))
                        env.vars[alias.asname or top] = None
                        continue
                    bound = name if alias.asname else top
                    env.vars[alias.asname or top] = Ty("gmod", bound, self.manifest.module(bound), None)
                elif top == "pyspark":
                    if not self.spark.available:
                        self.spark_unchecked += 1
                        env.vars[alias.asname or top] = Ty("punk", name, None, None)
                        continue
                    module, problem = self.spark.try_import(name)
                    if module is None and problem != "missing":
                        self.note_unimportable(name, problem)
                        env.vars[alias.asname or top] = Ty("punk", name, None, None)
                        continue
                    self.spark_checked += 1
                    if module is None:
                        self.error(where, "No module named '%s' in pyspark %s" % (name, self.spark.version))
                        env.vars[alias.asname or top] = None
                        continue
                    bound = module if alias.asname else self.spark.import_module(top)
                    env.vars[alias.asname or top] = Ty("pmod", bound.__name__, bound, None)
                else:
                    env.vars[alias.asname or top] = None
            return
        module = node.module or ""
        if node.level:
            for alias in node.names:
                if alias.name != "*":
                    env.vars[alias.asname or alias.name] = None
            return
        if is_glue_module(module):
            self.glue_checked += 1
            entry = self.manifest.module(module)
            if entry is None:
                self.error(node, "module '%s' is not in the awsglue manifest%s"
                           % (module, suggestion(module, self.manifest.modules)))
                for alias in node.names:
                    if alias.name != "*":
                        env.vars[alias.asname or alias.name] = None
                return
            for alias in node.names:
                where = alias if hasattr(alias, "lineno") else node
                if alias.name == "*":
                    for name in self.manifest.public_names(module):
                        found = self.manifest.resolve(module + "." + name)
                        env.vars[name] = self.glue_ty_from_resolved(found) if found else None
                    continue
                self.glue_checked += 1
                found = self.manifest.resolve(module + "." + alias.name)
                if found is None:
                    self.error(where, "cannot import name '%s' from '%s'%s"
                               % (alias.name, module, suggestion(alias.name, entry["names"])))
                    env.vars[alias.asname or alias.name] = None
                else:
                    env.vars[alias.asname or alias.name] = self.glue_ty_from_resolved(found)
            return
        if module.split(".")[0] == "pyspark":
            if not self.spark.available:
                self.spark_unchecked += 1 + sum(1 for a in node.names if a.name != "*")
                for alias in node.names:
                    if alias.name != "*":
                        env.vars[alias.asname or alias.name] = Ty("punk", module + "." + alias.name, None, None)
                return
            mod, problem = self.spark.try_import(module)
            if mod is None and problem != "missing":
                self.note_unimportable(module, problem)
                for alias in node.names:
                    if alias.name != "*":
                        env.vars[alias.asname or alias.name] = Ty("punk", module + "." + alias.name, None, None)
                return
            self.spark_checked += 1
            if mod is None:
                self.error(node, "No module named '%s' in pyspark %s" % (module, self.spark.version))
                for alias in node.names:
                    if alias.name != "*":
                        env.vars[alias.asname or alias.name] = None
                return
            for alias in node.names:
                where = alias if hasattr(alias, "lineno") else node
                if alias.name == "*":
                    names = getattr(mod, "__all__", None) or [n for n in dir(mod) if not n.startswith("_")]
                    for name in names:
                        if hasattr(mod, name):
                            env.vars[name] = ty_of_py_value(getattr(mod, name), module + "." + name)
                    continue
                self.spark_checked += 1
                if hasattr(mod, alias.name):
                    value = getattr(mod, alias.name)
                else:
                    value = self.spark.import_module(module + "." + alias.name)
                if value is None:
                    self.error(where, "cannot import name '%s' from '%s' (pyspark %s)%s"
                               % (alias.name, module, self.spark.version, suggestion(alias.name, dir(mod))))
                    env.vars[alias.asname or alias.name] = None
                else:
                    env.vars[alias.asname or alias.name] = ty_of_py_value(value, module + "." + alias.name)
            return
        for alias in node.names:
            if alias.name != "*":
                env.vars[alias.asname or alias.name] = None

    # -- expressions --------------------------------------------------------------------------
    def generic(self, node, env):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.expr):
                self.infer(child, env)
            elif isinstance(child, ast.keyword):
                self.infer(child.value, env)
            elif isinstance(child, ast.stmt):
                self.statement(child, env)
            elif isinstance(child, ast.AST):
                self.generic(child, env)

    def infer(self, node, env):
        if node is None:
            return None
        if isinstance(node, ast.Name):
            return env.lookup(node.id)
        if isinstance(node, ast.Attribute):
            base = self.infer(node.value, env)
            return self.attribute(base, node.attr, node, is_call=False)
        if isinstance(node, ast.Call):
            return self.call(node, env)
        if isinstance(node, ast.Subscript):
            base = self.infer(node.value, env)
            self.infer(node.slice, env)
            if base is not None and base.kind == "ginst":
                found, _ = self.manifest.member(base.name, "__getitem__")
                if found and found[1].get("returns"):
                    return self.type_from_string(found[1]["returns"])
            if base is not None and base.kind == "pinst":
                return self.spark_item(base.obj, node.slice)
            return None
        if isinstance(node, ast.Lambda):
            inner = Env(env)
            for a in node.args.posonlyargs + node.args.args + node.args.kwonlyargs:
                inner.vars[a.arg] = None
            for a in (node.args.vararg, node.args.kwarg):
                if a is not None:
                    inner.vars[a.arg] = None
            for d in node.args.defaults + [d for d in node.args.kw_defaults if d is not None]:
                self.infer(d, env)
            self.infer(node.body, inner)
            return None
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            inner = Env(env)
            for gen in node.generators:
                self.infer(gen.iter, inner)
                self.bind(gen.target, None, inner)
                for cond in gen.ifs:
                    self.infer(cond, inner)
            if isinstance(node, ast.DictComp):
                self.infer(node.key, inner)
                self.infer(node.value, inner)
            else:
                self.infer(node.elt, inner)
            return None
        if isinstance(node, ast.NamedExpr):
            value = self.infer(node.value, env)
            self.bind(node.target, value, env)
            return value
        if isinstance(node, ast.IfExp):
            self.infer(node.test, env)
            a = self.infer(node.body, env)
            b = self.infer(node.orelse, env)
            return a if a == b else None
        self.generic(node, env)
        return None

    def spark_item(self, cls, index):
        """The type of cls_instance[index] for a pyspark class: from __getitem__'s return
        annotation, or a Column for df["name"] (DataFrame.__getitem__ returns Column or DataFrame)."""
        getitem = inspect.getattr_static(cls, "__getitem__", None)
        if getitem is None or not inspect.isfunction(getitem):
            return None
        try:
            returns = inspect.signature(getitem).return_annotation
        except (TypeError, ValueError):
            return None
        value_cls = self.spark.class_from_annotation(returns, getitem)
        column = self.spark.simple_names.get("Column")
        dataframe = self.spark.simple_names.get("DataFrame")
        if value_cls is None and dataframe is not None and issubclass(cls, dataframe) \
                and isinstance(index, ast.Constant) and isinstance(index.value, (str, int)):
            value_cls = column
        if value_cls is None:
            return None
        return Ty("pinst", "%s.%s" % (value_cls.__module__, value_cls.__qualname__), value_cls, None)

    def type_from_string(self, text):
        """A manifest 'returns'/'attribute' type string as a Ty."""
        if not text:
            return None
        if text.startswith("pyspark."):
            if not self.spark.available:
                return Ty("punk", text, None, None)
            module, _, name = text.rpartition(".")
            mod = self.spark.import_module(module)
            value = getattr(mod, name, None) if mod is not None else None
            if inspect.isclass(value):
                return Ty("pinst", text, value, None)
            return None
        found = self.manifest.resolve(text)
        if found and found[0] == "class":
            return Ty("ginst", found[1], found[2], None)
        return None

    # -- attributes ---------------------------------------------------------------------------
    def attribute(self, base, attr, node, is_call):
        if base is None:
            return None
        kind = base.kind
        what = "method" if is_call else "attribute"
        if kind == "gmod":
            self.glue_checked += 1
            found = self.manifest.resolve(base.name + "." + attr)
            if found is None:
                self.error(node, "module '%s' has no attribute '%s'%s"
                           % (base.name, attr, suggestion(attr, base.obj["names"])))
                return None
            return self.glue_ty_from_resolved(found)
        if kind in ("ginst", "gcls"):
            if self.manifest.is_opaque(base.name):
                return None
            found, external = self.manifest.member(base.name, attr)
            if found is not None:
                self.glue_checked += 1
                mkind, entry, owner = found
                if mkind == "attribute":
                    return self.type_from_string(entry)
                if attr == "apply" and mkind == "classmethod":
                    call, _ = self.manifest.member(base.name, "__call__")
                    if call is not None:  # GlueTransform.apply(*args, **kwargs) forwards to __call__
                        return Ty("gcall", base.name + ".apply", call[1], False)
                unbound = kind == "gcls" and mkind == "method"
                return Ty("gcall", "%s.%s" % (base.name, attr), entry, unbound)
            for ext in external:
                if ext.startswith("pyspark"):
                    if not self.spark.available:
                        snapshot = self.manifest.external.get(ext)
                        if snapshot is None or attr in snapshot["names"]:
                            self.spark_unchecked += 1
                            return Ty("punk", ext + "." + attr, None, None)
                        continue
                    ext_ty = self.type_from_string(ext)
                    if ext_ty is not None and (inspect.getattr_static(ext_ty.obj, attr, None) is not None
                                               or attr in self.spark.instance_attributes(ext_ty.obj)[0]):
                        ext_ty = Ty("pinst" if kind == "ginst" else "pcls", ext_ty.name, ext_ty.obj, None)
                        return self.attribute(ext_ty, attr, node, is_call)
                elif ext:
                    return None  # a base outside awsglue and pyspark (Exception, argparse...): unchecked
            self.glue_checked += 1
            candidates = self.manifest.member_names(base.name)
            for ext in external:
                candidates += self.manifest.external.get(ext, {}).get("names", [])
            self.error(node, "%s has no %s '%s'%s" % (base.name, what, attr, suggestion(attr, candidates)))
            return None
        if kind == "punk":
            self.spark_unchecked += 1
            return Ty("punk", base.name + "." + attr, None, None)
        if kind == "pmod":
            self.spark_checked += 1
            if hasattr(base.obj, attr):
                return ty_of_py_value(getattr(base.obj, attr), base.name + "." + attr)
            sub = self.spark.import_module(base.name + "." + attr)
            if sub is not None:
                return Ty("pmod", sub.__name__, sub, None)
            self.error(node, "module '%s' has no %s '%s' (pyspark %s)%s"
                       % (base.name, "function" if is_call else "attribute", attr, self.spark.version,
                          suggestion(attr, dir(base.obj))))
            return None
        if kind in ("pinst", "pcls"):
            cls = base.obj
            self.spark_checked += 1
            try:
                static = inspect.getattr_static(cls, attr)
            except AttributeError:
                if kind == "pinst":
                    names, complete = self.spark.instance_attributes(cls)
                    if attr in names:
                        return None
                    if not complete:
                        self.spark_checked -= 1
                        self.spark_unchecked += 1
                        return None
                if self.spark.on_subclass(cls, attr):
                    # the variable may hold a subclass (an annotation names the base class, or
                    # pyspark 4's DataFrame whose implementation is a subclass): not decidable here
                    self.spark_checked -= 1
                    self.spark_unchecked += 1
                    return None
                if kind == "pinst" and hasattr(cls, "__getattr__") and not is_call:
                    # e.g. DataFrame.__getattr__: df.some_column is a Column; unknown columns are runtime errors
                    column = self.spark.simple_names.get("Column")
                    return Ty("pinst", "pyspark.sql.Column", column, None) if column else None
                self.error(node, "%s has no %s '%s' (pyspark %s)%s"
                           % (base.name, what, attr, self.spark.version,
                              suggestion(attr, [n for n in dir(cls)])))
                return None
            if isinstance(static, property):
                if static.fget is None:
                    return None
                try:
                    ret = inspect.signature(static.fget).return_annotation
                except (TypeError, ValueError):
                    return None
                value_cls = self.spark.class_from_annotation(ret, static.fget)
                return Ty("pinst", "%s.%s" % (value_cls.__module__, value_cls.__qualname__), value_cls, None) \
                    if value_cls else None
            if isinstance(static, (classmethod, staticmethod)):
                return Ty("pcall", "%s.%s" % (base.name, attr), getattr(cls, attr), False)
            if inspect.isfunction(static):
                return Ty("pcall", "%s.%s" % (base.name, attr), static, kind == "pinst")
            try:
                value = getattr(cls, attr)
            except Exception:
                return None
            return ty_of_py_value(value, "%s.%s" % (base.name, attr))
        if kind in ("gcall", "pcall", "local"):
            return None
        return None

    # -- calls --------------------------------------------------------------------------------
    def call(self, node, env):
        func = node.func
        if isinstance(func, ast.Attribute):
            base = self.infer(func.value, env)
            callee = self.attribute(base, func.attr, func, is_call=True)
        else:
            callee = self.infer(func, env)
        for arg in node.args:
            self.infer(arg.value if isinstance(arg, ast.Starred) else arg, env)
        for keyword in node.keywords:
            self.infer(keyword.value, env)
        if callee is None:
            return None
        kind = callee.kind
        if kind == "gcls":
            if self.manifest.is_opaque(callee.name):
                return Ty("ginst", callee.name, callee.obj, None)
            init, _ = self.manifest.member(callee.name, "__init__")
            if init is not None:
                self.check_arguments(signature_from_params(init[1]["params"]), node, callee.name, "glue")
            return Ty("ginst", callee.name, callee.obj, None)
        if kind == "gcall":
            sig = signature_from_params(callee.obj["params"], add_self=bool(callee.extra))
            self.check_arguments(sig, node, callee.name, "glue")
            return self.type_from_string(callee.obj.get("returns"))
        if kind == "local":
            self.check_arguments(signature_from_ast(callee.obj.args), node, callee.name, "script")
            return callee.extra
        if kind == "punk":
            self.spark_unchecked += sum(1 for k in node.keywords if k.arg)
            return Ty("punk", callee.name + "()", None, None)
        if kind == "pcls":
            try:
                sig = inspect.signature(callee.obj)
            except (TypeError, ValueError):
                sig = None
            if sig is not None:
                self.check_arguments(sig, node, callee.name, "spark")
            return Ty("pinst", callee.name, callee.obj, None)
        if kind == "pcall":
            function = callee.obj
            try:
                sig = inspect.signature(function)
            except (TypeError, ValueError):
                return None
            if callee.extra:  # a plain function looked up on the class, called on an instance
                params = list(sig.parameters.values())[1:]
                sig = sig.replace(parameters=params)
            self.check_arguments(sig, node, callee.name, "spark")
            value_cls = self.spark.class_from_annotation(sig.return_annotation, function)
            if value_cls is not None:
                return Ty("pinst", "%s.%s" % (value_cls.__module__, value_cls.__qualname__), value_cls, None)
            return None
        if kind == "pinst":
            cls = callee.obj
            if not callable(cls) or inspect.getattr_static(cls, "__call__", None) is None:
                self.error(node, "%s object is not callable" % callee.name)
            return None
        return None

    def count(self, origin):
        if origin == "glue":
            self.glue_checked += 1
        elif origin == "spark":
            self.spark_checked += 1
        else:
            self.script_checked += 1

    def check_arguments(self, sig, node, name, origin):
        P = inspect.Parameter
        params = sig.parameters
        var_keyword = any(p.kind == P.VAR_KEYWORD for p in params.values())
        keyword_names = [n for n, p in params.items() if p.kind in (P.POSITIONAL_OR_KEYWORD, P.KEYWORD_ONLY)]
        has_star = any(isinstance(a, ast.Starred) for a in node.args)
        has_double_star = any(k.arg is None for k in node.keywords)
        good_keywords = []
        for keyword in node.keywords:
            if keyword.arg is None:
                continue
            self.count(origin)
            if keyword.arg in keyword_names or var_keyword:
                good_keywords.append(keyword.arg)
            else:
                where = keyword if hasattr(keyword, "lineno") else node
                self.error(where, "%s() got an unexpected keyword argument '%s'%s"
                           % (name, keyword.arg, suggestion(keyword.arg, keyword_names)))
        if has_star or has_double_star:
            return
        self.count(origin)
        positional = [a for a in node.args if not isinstance(a, ast.Starred)]
        try:
            sig.bind(*([None] * len(positional)), **{k: None for k in good_keywords})
        except TypeError as exc:
            self.error(node, "%s(): %s" % (name, exc))


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="check-glue-script.py",
        description="Check generated AWS Glue / PySpark scripts: syntax, awsglue names against "
                    "the manifest, pyspark names against the installed pyspark.")
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--require-pyspark", action="store_true",
                        help="fail when pyspark is not importable (otherwise pyspark names are only counted)")
    parser.add_argument("--manifest", default=DEFAULT_MANIFEST, help="the awsglue API manifest (JSON)")
    args = parser.parse_args(argv)

    try:
        manifest = Manifest(args.manifest)
    except (OSError, ValueError, KeyError) as exc:
        print("check-glue-script: cannot load manifest %s: %s" % (args.manifest, exc), file=sys.stderr)
        return 2
    spark = Spark()
    failed = False
    if args.require_pyspark and not spark.available:
        print("check-glue-script: --require-pyspark: pyspark is not importable in %s" % sys.executable)
        failed = True
    for path in args.files:
        checker = FileChecker(path, manifest, spark)
        checker.run()
        for line, col, message in checker.errors:
            print("%s:%d:%d: error: %s" % (path, line, col, message))
        checked = "%d names checked (%d awsglue, %d pyspark, %d script helpers)" % (
            checker.glue_checked + checker.spark_checked + checker.script_checked,
            checker.glue_checked, checker.spark_checked, checker.script_checked)
        if checker.errors:
            failed = True
            print("%s: FAILED, %d error%s; %s" % (path, len(checker.errors),
                                                   "" if len(checker.errors) == 1 else "s", checked))
        else:
            print("%s: OK, %s" % (path, checked))
        for note in checker.notes:
            print("%s: note: %s" % (path, note))
        if not spark.available and checker.spark_unchecked:
            print("%s: pyspark not installed: %d pyspark names not checked" % (path, checker.spark_unchecked))
        elif checker.spark_unchecked:
            print("%s: %d pyspark names not checked" % (path, checker.spark_unchecked))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
