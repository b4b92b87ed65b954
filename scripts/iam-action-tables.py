#!/usr/bin/env python3
"""Writes Sources/GlueIAM/Validation/ActionTables/*.json, the linter's action tables.

Input: parliament 1.6.4's bundled iam_definition.json (from the PyPI wheel, which ships AWS's
Service Authorization Reference as data). Only the services the runner uses are kept, reduced to
what the linter needs: actions with their resource types and condition keys, resource types with
their ARN formats, and condition keys with their types.
    python3 scripts/iam-action-tables.py PATH/TO/iam_definition.json
"""
import json
import os
import sys

SERVICES = ["s3", "glue", "iam", "sts", "kms", "logs"]
definition = json.load(open(sys.argv[1]))
out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "GlueIAM", "Validation", "ActionTables")
for prefix in SERVICES:
    actions, resources, conditions = {}, {}, {}
    for service in definition:
        if service["prefix"] != prefix:
            continue
        for privilege in service["privileges"]:
            entry = actions.setdefault(privilege["privilege"], {"resourceTypes": [], "conditionKeys": []})
            for rt in privilege["resource_types"]:
                name = rt["resource_type"]
                if name and name not in entry["resourceTypes"]:
                    entry["resourceTypes"].append(name)
                for key in rt["condition_keys"]:
                    if key not in entry["conditionKeys"]:
                        entry["conditionKeys"].append(key)
        for resource in service["resources"]:
            resources[resource["resource"]] = {"arn": resource["arn"], "conditionKeys": resource["condition_keys"]}
        for condition in service["conditions"]:
            conditions[condition["condition"]] = condition["type"]
    table = {"prefix": prefix, "actions": dict(sorted(actions.items())), "resourceTypes": dict(sorted(resources.items())),
             "conditionKeys": dict(sorted(conditions.items()))}
    with open(os.path.join(out_dir, f"{prefix}.json"), "w") as f:
        json.dump(table, f, separators=(",", ":"), sort_keys=False)
        f.write("\n")
print("ok")
