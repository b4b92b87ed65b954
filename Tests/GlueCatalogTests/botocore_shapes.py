"""Checks LocalGlue's catalog JSON against botocore's Glue service model.

  botocore_shapes.py validate OPERATION FILE   the JSON printed for OPERATION matches its output shape
                                               (no unknown keys, required members, member types)
  botocore_shapes.py table-input FILE          writes a TableInput that sets every member the model
                                               allows (checked with botocore's ParamValidator)
  botocore_shapes.py round-trip INPUT OUTPUT   every TableInput member of INPUT is in GetTable's OUTPUT

Exits 1 with one line per problem; prints "N passed, 0 failed" otherwise.
"""
import datetime
import json
import re
import sys

import botocore.session
from botocore.validate import ParamValidator

MODEL = botocore.session.get_session().get_service_model("glue")
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(\+00:00|Z)$")


def check(value, shape, path, problems):
    kind = shape.type_name
    if kind == "structure":
        if not isinstance(value, dict):
            problems.append(f"{path}: expected an object for {shape.name}")
            return
        for key in value:
            if key not in shape.members:
                problems.append(f"{path}.{key}: not a member of {shape.name}")
        for key in shape.required_members:
            if key not in value:
                problems.append(f"{path}: missing required member {key} of {shape.name}")
        for key, member in shape.members.items():
            if key in value:
                check(value[key], member, f"{path}.{key}", problems)
    elif kind == "list":
        if not isinstance(value, list):
            problems.append(f"{path}: expected a list")
            return
        for index, item in enumerate(value):
            check(item, shape.member, f"{path}[{index}]", problems)
    elif kind == "map":
        if not isinstance(value, dict):
            problems.append(f"{path}: expected a map")
            return
        for key, item in value.items():
            check(key, shape.key, f"{path}<key>", problems)
            check(item, shape.value, f"{path}[{key}]", problems)
    elif kind == "string":
        if not isinstance(value, str):
            problems.append(f"{path}: expected a string")
        elif shape.enum and value not in shape.enum:
            problems.append(f"{path}: {value!r} is not one of {shape.enum}")
        else:
            low = shape.metadata.get("min")
            high = shape.metadata.get("max")
            if low is not None and len(value) < low or high is not None and len(value) > high:
                problems.append(f"{path}: length {len(value)} outside {low}..{high}")
    elif kind in ("integer", "long"):
        if not isinstance(value, int) or isinstance(value, bool):
            problems.append(f"{path}: expected an integer")
    elif kind in ("double", "float"):
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            problems.append(f"{path}: expected a number")
    elif kind == "boolean":
        if not isinstance(value, bool):
            problems.append(f"{path}: expected a boolean")
    elif kind == "timestamp":
        if not (isinstance(value, (int, float)) and not isinstance(value, bool)) and not (isinstance(value, str) and ISO.match(value)):
            problems.append(f"{path}: {value!r} is not a timestamp as the AWS CLI prints one")
    elif kind == "blob":
        if not isinstance(value, str):
            problems.append(f"{path}: expected base64 text")


def sample(shape, depth=0):
    kind = shape.type_name
    if kind == "structure":
        if depth > 6:
            return {key: sample(shape.members[key], depth + 1) for key in shape.required_members}
        return {key: sample(member, depth + 1) for key, member in shape.members.items()}
    if kind == "list":
        return [sample(shape.member, depth + 1)]
    if kind == "map":
        return {"key1": sample(shape.value, depth + 1)}
    if kind == "string":
        if shape.enum:
            return shape.enum[0]
        return "x" * max(1, shape.metadata.get("min", 1))
    if kind in ("integer", "long"):
        return max(1, shape.metadata.get("min", 1))
    if kind in ("double", "float"):
        return 1.5
    if kind == "boolean":
        return True
    if kind == "timestamp":
        return "2024-10-28T12:00:00+00:00"
    return "x"


def main(argv):
    problems = []
    checked = 0
    if argv[1] == "validate":
        operation, path = argv[2], argv[3]
        with open(path) as f:
            value = json.load(f)
        shape = MODEL.operation_model(operation).output_shape
        check(value, shape, operation, problems)
        checked = 1
    elif argv[1] == "table-input":
        shape = MODEL.shape_for("TableInput")
        table_input = sample(shape)
        table_input["Name"] = "every_member"
        table_input["PartitionKeys"][0]["Name"] = "p"
        request = {"DatabaseName": "shapes", "TableInput": table_input}
        params = json.loads(json.dumps(request))
        for key in ("LastAccessTime", "LastAnalyzedTime"):
            params["TableInput"][key] = datetime.datetime(2024, 10, 28, 12, tzinfo=datetime.timezone.utc)
        report = ParamValidator().validate(params, MODEL.operation_model("CreateTable").input_shape)
        if report.has_errors():
            problems.append(report.generate_report())
        with open(argv[2], "w") as f:
            json.dump(table_input, f, indent=2)
        checked = 1
    elif argv[1] == "round-trip":
        with open(argv[2]) as f:
            table_input = json.load(f)
        with open(argv[3]) as f:
            table = json.load(f)["Table"]
        for key in MODEL.shape_for("TableInput").members:
            checked += 1
            if key not in table:
                problems.append(f"TableInput.{key} set by create-table is missing from get-table")
    else:
        problems.append(f"unknown command {argv[1]}")
    for problem in problems:
        print(problem)
    print(f"{checked - (1 if problems and checked else 0)} passed, {1 if problems else 0} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
