#!/usr/bin/env python3
"""Checks a dashboard JSON against Grafana's dashboard schema.

Usage: check-dashboard.py DASHBOARD.json

The schema is Grafana's own (the dashboard kind and each panel plugin's options and field
config), as generated into the grafana-foundation-sdk package (ops/test installs it into
var/venv). The dashboard is decoded into the schema's types and encoded back: a key the
schema does not know is dropped on the way, a value of another shape comes back changed,
so any difference between the file and its round trip is an error. On top of that: every
panel type is one Grafana ships a schema for, every panel has an integer grid position
inside the 24-column grid, every query names a Prometheus datasource and has a refId.
Prints one line per problem and exits 1 when there is any, else prints SUCCESS.
"""

import json
import sys

from grafana_foundation_sdk.cog import plugins
from grafana_foundation_sdk.cog import runtime as cogruntime
from grafana_foundation_sdk.cog.encoder import JSONEncoder
from grafana_foundation_sdk.models.dashboard import Dashboard


def differences(original, decoded, path, problems):
    """Keys the schema dropped and values it changed (defaults it added are fine)."""
    if isinstance(original, dict):
        if not isinstance(decoded, dict):
            problems.append(f"{path or '/'}: not an object in the schema")
            return
        for key, value in original.items():
            if key not in decoded:
                problems.append(f"{path}/{key}: not in Grafana's schema")
            else:
                differences(value, decoded[key], f"{path}/{key}", problems)
    elif isinstance(original, list):
        if not isinstance(decoded, list) or len(decoded) != len(original):
            problems.append(f"{path}: list changed by the schema")
            return
        for index, (a, b) in enumerate(zip(original, decoded)):
            differences(a, b, f"{path}[{index}]", problems)
    elif original != decoded or type(original) is not type(decoded):
        problems.append(f"{path}: {original!r} read back as {decoded!r}")


def main(argv):
    if len(argv) != 2:
        print("usage: check-dashboard.py DASHBOARD.json", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as handle:
        original = json.load(handle)
    plugins.register_default_plugins()
    known_panels = set(cogruntime.Runtime().panelcfg_variants.keys())
    problems = []
    for key in ("title", "uid", "schemaVersion", "panels"):
        if key not in original:
            problems.append(f"/{key}: missing")
    for index, panel in enumerate(original.get("panels", [])):
        where = f"/panels[{index}]"
        kind = panel.get("type")
        if kind != "row" and kind not in known_panels:
            problems.append(f"{where}/type: {kind!r} is not a panel type Grafana has a schema for")
        grid = panel.get("gridPos", {})
        for field in ("h", "w", "x", "y"):
            if not isinstance(grid.get(field), int) or isinstance(grid.get(field), bool):
                problems.append(f"{where}/gridPos/{field}: not an integer")
        if isinstance(grid.get("x"), int) and isinstance(grid.get("w"), int) and grid["x"] + grid["w"] > 24:
            problems.append(f"{where}/gridPos: wider than Grafana's 24 columns")
        for number, target in enumerate(panel.get("targets", [])):
            if not target.get("refId"):
                problems.append(f"{where}/targets[{number}]/refId: missing")
            source = target.get("datasource") or panel.get("datasource") or {}
            if source.get("type") != "prometheus":
                problems.append(f"{where}/targets[{number}]/datasource: not a Prometheus datasource")
    decoded = json.loads(json.dumps(Dashboard.from_json(original), cls=JSONEncoder))
    differences(original, decoded, "", problems)
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(f"SUCCESS: {len(original.get('panels', []))} panels match Grafana's dashboard schema")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
