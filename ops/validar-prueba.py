#!/usr/bin/env python3
"""Checks data/evaluacion/{conversaciones,busqueda}_prueba against data/catalogo.csv. Run from the repo root."""
import csv, json, re, sys
cat = {int(r["id"]): r for r in csv.DictReader(open("data/catalogo.csv", encoding="utf-8"))}
err = []
convs = json.load(open("data/evaluacion/conversaciones_prueba.json", encoding="utf-8"))["conversaciones"]
ids = [c["id"] for c in convs]
err += [f"id repetido {i}" for i in set(ids) if ids.count(i) > 1]
CAMPOS = ["cedula", "nombre", "telefono", "correo", "direccion", "barrio", "indicaciones"]
def cliente(cid, k):
    if sorted(k) != sorted(CAMPOS): err.append(f"{cid}: campos {sorted(k)}")
    if not re.fullmatch(r"\d{6,10}", k.get("cedula") or ""): err.append(f"{cid}: cédula {k.get('cedula')}")
    if not re.fullmatch(r"3\d{9}|60\d{8}|\d{7}", k.get("telefono") or ""): err.append(f"{cid}: teléfono {k.get('telefono')}")
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z.]+", k.get("correo") or ""): err.append(f"{cid}: correo {k.get('correo')}")
    err.extend(f"{cid}: falta {f}" for f in CAMPOS[:-1] if not k.get(f))
for c in convs:
    if not c["mensajes"] or not all(isinstance(m, str) and m.strip() for m in c["mensajes"]): err.append(f"{c['id']}: mensajes")
    for p in c.get("clientes_previos", []): cliente(c["id"], p)
    e = c["esperado"]
    if e is None: continue
    pid = [p for p, _ in e["items"]]
    if len(set(pid)) != len(pid): err.append(f"{c['id']}: producto repetido")
    for p, q in e["items"]:
        r = cat.get(p)
        if r is None or r["activo"] != "1" or not 0 < q <= int(r["stock"]): err.append(f"{c['id']}: item {p} x{q}")
    cliente(c["id"], e["cliente"])
n = 0
for i, line in enumerate(open("data/evaluacion/busqueda_prueba.tsv", encoding="utf-8"), 1):
    if line.startswith("#") or line.startswith("tipo\t"): continue
    f = line.rstrip("\n").split("\t"); n += 1
    if len(f) != 3: err.append(f"tsv {i}: {len(f)} columnas"); continue
    esp = [int(x) for x in f[2].split(",") if x]
    if (f[0] == "sin_resultado") != (not esp): err.append(f"tsv {i}: esperados/tipo")
    err += [f"tsv {i}: id {x}" for x in esp if x not in cat or cat[x]["activo"] != "1"]
print(f"{len(convs)} conversaciones, {n} consultas, {len(err)} errores", *err, sep="\n")
sys.exit(1 if err else 0)
