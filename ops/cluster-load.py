#!/usr/bin/env python3
"""Steady chat load and the after-check for ops/test-cluster and ops/bench scaleout (stdlib only).

  cluster-load.py load --fronts URL,URL --token T --prefix P --seconds S --customers N
                       [--image FILE] --out FILE
      N simulated customers for S seconds. Each customer runs chats one after another: the
      chat's messages are sent back to back (a greeting, a photo with a caption, an order with
      the client's data, "sí señor"), alternating between the front ends request by request,
      then it waits for every reply (GET /jobs/{id}?wait=) before the next chat. A refused or
      failed request is sent again with the same Idempotency-Key (a client's retry), so only
      a 202 counts as acknowledged. One JSON line per message goes to --out.

  cluster-load.py burst --fronts URL,URL --token T --prefix P --messages N --ids FILE [--senders K]
      N first messages of distinct chats posted by K senders (before the workers start: the
      load generator is no bottleneck); their job ids to FILE.
  cluster-load.py collect --fronts URL,URL --token T --ids FILE
      Waits for every job of FILE and prints JSON with replies_per_s: replies per second between
      the 10th and the 90th percentile of the chains' finish times (the workers' steady state).

  cluster-load.py check --sent FILE --phase NAME --psql CMD…
      Reads what the database holds for those chats (through psql, JSON) and prints, as
      cluster.<phase>.<figure>=N lines: sent (acknowledged), replied, lost, out_of_order
      (messages answered out of their chat's order), duplicate_turns (a message recorded or
      answered twice), duplicate_orders, orders, apologies (the "write it again" notice),
      rejected (never acknowledged). Exit 1 on any lost, out-of-order, duplicate turn or
      duplicate order.
"""

import argparse
import json
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

FINAL = {"completado", "fallido", "muerto"}


def chat_script(image):
    steps = [("text", "Buenas tardes")]
    if image:
        steps.append(("image", "¿Tienen de estos?"))
    steps.append(
        (
            "text",
            "Quiero 2 cascos dieléctricos y 2 pares de guantes dieléctricos. Mis datos: Luisa Fernanda Ríos, "
            "CC 1.144.056.789, tel 300 456 7812, luisa.rios@hotmail.com, dirección Carrera 100 # 11-60, "
            "barrio Ciudad Jardín, entregar en portería",
        )
    )
    steps.append(("text", "sí señor"))
    return steps


class Fronts:
    def __init__(self, urls, token):
        self.urls = urls
        self.token = token
        self.lock = threading.Lock()
        self.turn = 0

    def next(self):
        with self.lock:
            self.turn += 1
            return self.urls[self.turn % len(self.urls)]

    def request(self, method, path, body=None, headers=None, timeout=40):
        url = self.next() + path
        req = urllib.request.Request(url, data=body, method=method)
        req.add_header("Authorization", "Bearer " + self.token)
        for k, v in (headers or {}).items():
            req.add_header(k, v)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                return resp.status, resp.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()
        except OSError as e:
            return 0, str(e).encode()


def multipart(fields, file_field, file_name, file_bytes, content_type):
    boundary = "vd" + uuid.uuid4().hex
    out = []
    for k, v in fields.items():
        out.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode())
    out.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{file_name}"\r\n'
        f"Content-Type: {content_type}\r\n\r\n".encode()
    )
    out.append(file_bytes)
    out.append(f"\r\n--{boundary}--\r\n".encode())
    return b"".join(out), "multipart/form-data; boundary=" + boundary


def post_message(fronts, chat_id, kind, text, image_bytes, retry_until):
    """Posts one message until a 202 (same Idempotency-Key each time); returns (job_id, tries)."""
    key = uuid.uuid4().hex
    tries = 0
    while True:
        tries += 1
        if kind == "image":
            body, ctype = multipart({"chat_id": chat_id, "mensaje": text}, "imagen", "foto.png", image_bytes, "image/png")
            status, data = fronts.request("POST", "/chat/imagen", body, {"Content-Type": ctype, "Idempotency-Key": key})
        else:
            body = json.dumps({"chat_id": chat_id, "mensaje": text}).encode()
            status, data = fronts.request(
                "POST", "/chat/texto", body, {"Content-Type": "application/json", "Idempotency-Key": key}
            )
        if status == 202:
            return json.loads(data)["job_id"], tries
        if time.time() > retry_until:
            return None, tries
        time.sleep(min(0.2 * tries, 2))


def wait_job(fronts, job_id, deadline):
    while time.time() < deadline:
        wait = max(1, min(20, int(deadline - time.time())))
        status, data = fronts.request("GET", f"/jobs/{job_id}?wait={wait}", timeout=wait + 15)
        if status == 200:
            job = json.loads(data)
            if job.get("estado") in FINAL:
                return job
        else:
            time.sleep(0.5)
    return None


def run_load(args):
    fronts = Fronts(args.fronts.split(","), args.token)
    image = open(args.image, "rb").read() if args.image else None
    steps = chat_script(image)
    stop_at = time.time() + args.seconds
    out_lock = threading.Lock()
    out = open(args.out, "w")
    counts = {"chats": 0, "accepted": 0, "rejected": 0}

    def customer(n):
        k = 0
        while time.time() < stop_at:
            k += 1
            chat_id = f"{args.prefix}-{n}-{k}"
            sent = []
            for seq, (kind, text) in enumerate(steps):
                job_id, tries = post_message(fronts, chat_id, kind, text, image, time.time() + args.drain)
                sent.append({"chat": chat_id, "seq": seq, "kind": kind, "text": text, "job": job_id,
                             "tries": tries, "sent_at": time.time()})
            for msg in sent:
                job = wait_job(fronts, msg["job"], time.time() + args.drain) if msg["job"] else None
                msg["state"] = job.get("estado") if job else None
                msg["done_at"] = time.time()
            with out_lock:
                counts["chats"] += 1
                for msg in sent:
                    counts["accepted" if msg["job"] else "rejected"] += 1
                    out.write(json.dumps(msg, ensure_ascii=False) + "\n")
                out.flush()
            if args.pause > 0:
                time.sleep(args.pause)

    threads = [threading.Thread(target=customer, args=(n,), daemon=True) for n in range(args.customers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.close()
    print(f"cluster-load: {counts['chats']} chats, {counts['accepted']} mensajes aceptados, "
          f"{counts['rejected']} rechazados", file=sys.stderr)


def run_burst(args):
    """Posts the messages (8 senders); the job ids go to --ids, one a line."""
    fronts = Fronts(args.fronts.split(","), args.token)
    text = "Quiero 2 cascos dieléctricos y 2 pares de guantes dieléctricos, ¿a cómo están?"
    jobs = [None] * args.messages
    nxt = {"i": 0}
    lock = threading.Lock()

    def sender():
        while True:
            with lock:
                i = nxt["i"]
                if i >= args.messages:
                    return
                nxt["i"] += 1
            jobs[i], _ = post_message(fronts, f"{args.prefix}-{i}", "text", text, None, time.time() + 60)

    senders = [threading.Thread(target=sender, daemon=True) for _ in range(args.senders)]
    for t in senders:
        t.start()
    for t in senders:
        t.join()
    with open(args.ids, "w") as out:
        for job in jobs:
            out.write((job or "") + "\n")


def finished_at(job):
    """The job's last update (its chain's end) in seconds, whatever the date encoding."""
    value = job.get("actualizado")
    if isinstance(value, (int, float)):
        return float(value)
    import datetime

    return datetime.datetime.fromisoformat(str(value).replace("Z", "+00:00")).timestamp()


def run_collect(args):
    """Waits for every job of --ids; prints the reply rate between the 10th and 90th percentile
    of the finish times (the workers' steady state: neither their start nor the last stragglers)."""
    fronts = Fronts(args.fronts.split(","), args.token)
    ids = [line.strip() for line in open(args.ids)]
    ends = [None] * len(ids)

    def waiter(part):
        for i in part:
            if ids[i]:
                job = wait_job(fronts, ids[i], time.time() + args.drain)
                if job and job.get("estado") == "completado":
                    ends[i] = finished_at(job)

    parts = [list(range(k, len(ids), 16)) for k in range(16)]
    waiters = [threading.Thread(target=waiter, args=(p,), daemon=True) for p in parts]
    for t in waiters:
        t.start()
    for t in waiters:
        t.join()
    if args.redis:
        # The API shows whole seconds; the job records keep milliseconds (the worker's clock).
        import subprocess

        host, _, port = args.redis.rpartition(":")
        wanted = [i for i, e in enumerate(ends) if e is not None]
        script = "".join(f"HGET vd:job:{ids[i]} actualizado\n" for i in wanted)
        res = subprocess.run(["redis-cli", "-h", host, "-p", port], input=script, capture_output=True, text=True,
                             timeout=120)
        values = res.stdout.split()
        if res.returncode == 0 and len(values) == len(wanted):
            for i, v in zip(wanted, values):
                ends[i] = int(v) / 1000
    done = sorted(e for e in ends if e is not None)
    rate = 0.0
    if len(done) >= 10:
        lo, hi = int(len(done) * 0.1), int(len(done) * 0.9) - 1
        rate = (hi - lo) / max(done[hi] - done[lo], 1e-6)
    print(json.dumps({"messages": len(ids), "replied": len(done), "replies_per_s": round(rate, 2),
                      "seconds": round(done[-1] - done[0], 3) if done else 0}))


def psql_json(cmd, sql):
    import subprocess

    res = subprocess.run(cmd + ["-At", "-c", sql], capture_output=True, text=True, timeout=120)
    if res.returncode != 0:
        raise SystemExit(f"cluster-load: psql falló: {res.stderr.strip()}")
    text = res.stdout.strip()
    return json.loads(text) if text else []


def run_check(args):
    sent = [json.loads(line) for line in open(args.sent)]
    prefix = args.prefix
    like = f"%:{prefix}-%"
    rows = psql_json(args.psql, (
        "SELECT coalesce(json_agg(json_build_array(chat_id, remitente, contenido, metadata->>'fuente') ORDER BY id), "
        f"'[]') FROM mensajes WHERE chat_id LIKE '{like}'"))
    orders = psql_json(args.psql, (
        "SELECT coalesce(json_agg(json_build_array(chat_id, n)), '[]') FROM "
        f"(SELECT chat_id, count(*) AS n FROM pedidos WHERE chat_id LIKE '{like}' GROUP BY chat_id) o"))

    history = {}
    for chat_id, sender, content, source in rows:
        history.setdefault(chat_id.rsplit(":", 1)[-1], []).append((sender, content, source))
    by_chat = {}
    for msg in sent:
        by_chat.setdefault(msg["chat"], []).append(msg)

    acked = [m for m in sent if m["job"]]
    figures = {"sent": len(acked), "replied": 0, "lost": 0, "out_of_order": 0, "duplicate_turns": 0,
               "duplicate_orders": 0, "orders": 0, "apologies": 0, "rejected": len(sent) - len(acked),
               "chats": len(by_chat)}
    problems = []
    for chat, msgs in by_chat.items():
        msgs = sorted(msgs, key=lambda m: m["seq"])
        turns = history.get(chat, [])
        # The customer's messages as stored, each with the agent replies that follow it.
        stored = []
        for sender, content, source in turns:
            if sender == "usuario":
                stored.append([content, 0])
            elif sender == "agente" and stored:
                stored[-1][1] += 1
                if source == "aviso":
                    figures["apologies"] += 1
        position = []
        for msg in msgs:
            if not msg["job"]:
                continue
            found = [i for i, (content, _) in enumerate(stored) if content.startswith(msg["text"])]
            if len(found) > 1:
                figures["duplicate_turns"] += len(found) - 1
                problems.append(f"{chat}: mensaje {msg['seq']} guardado {len(found)} veces")
            if not found or stored[found[0]][1] == 0 or msg.get("state") != "completado":
                figures["lost"] += 1
                problems.append(f"{chat}: mensaje {msg['seq']} sin respuesta (estado {msg.get('state')})")
                continue
            if stored[found[0]][1] > 1:
                figures["duplicate_turns"] += stored[found[0]][1] - 1
                problems.append(f"{chat}: mensaje {msg['seq']} respondido {stored[found[0]][1]} veces")
            figures["replied"] += 1
            position.append((found[0], msg["seq"]))
        for (a, sa), (b, sb) in zip(position, position[1:]):
            if b < a:
                figures["out_of_order"] += 1
                problems.append(f"{chat}: mensaje {sb} guardado antes que el {sa}")
    for _chat, n in orders:
        figures["orders"] += 1
        if n > 1:
            figures["duplicate_orders"] += n - 1
            problems.append(f"{_chat}: {n} pedidos")
    for name in ("chats", "sent", "replied", "lost", "out_of_order", "duplicate_turns", "duplicate_orders",
                 "orders", "apologies", "rejected"):
        print(f"cluster.{args.phase}.{name}={figures[name]}")
    for line in problems[:20]:
        print(f"cluster-load: {args.phase}: {line}", file=sys.stderr)
    bad = figures["lost"] + figures["out_of_order"] + figures["duplicate_turns"] + figures["duplicate_orders"]
    sys.exit(1 if bad or not acked else 0)


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="cmd", required=True)
    # What every command that talks to the front ends needs.
    http = argparse.ArgumentParser(add_help=False)
    http.add_argument("--fronts", required=True)
    http.add_argument("--token", required=True)
    load = sub.add_parser("load", parents=[http])
    load.add_argument("--prefix", required=True)
    load.add_argument("--seconds", type=float, default=30)
    load.add_argument("--customers", type=int, default=6)
    load.add_argument("--pause", type=float, default=0.2)
    load.add_argument("--drain", type=float, default=120)
    load.add_argument("--image")
    load.add_argument("--out", required=True)
    burst = sub.add_parser("burst", parents=[http])
    burst.add_argument("--prefix", required=True)
    burst.add_argument("--messages", type=int, default=1000)
    burst.add_argument("--senders", type=int, default=8)
    burst.add_argument("--ids", required=True)
    collect = sub.add_parser("collect", parents=[http])
    collect.add_argument("--ids", required=True)
    collect.add_argument("--drain", type=float, default=300)
    collect.add_argument("--redis", help="HOST:PORT: finish times in ms from the job records")
    check = sub.add_parser("check")
    check.add_argument("--sent", required=True)
    check.add_argument("--phase", required=True)
    check.add_argument("--prefix", required=True)
    check.add_argument("--psql", nargs=argparse.REMAINDER, required=True)
    args = parser.parse_args()
    {"load": run_load, "burst": run_burst, "collect": run_collect, "check": run_check}[args.cmd](args)


if __name__ == "__main__":
    main()
