#!/usr/bin/env python3
"""FAISS IndexFlatIP on one thread, side by side with `vendedor-bench vector`.

Usage: bench-vector.py DIR   (DIR holds shape, base.f32, queries.f32 and ids.i64 written by
the Swift benchmark). Prints key=value lines:
  vector.faiss_qps             batched queries per second (the same query set, one call)
  vector.faiss_qps_single      one query per call
  vector.identical             fraction of queries whose top-k ids are identical, in order,
                               to the Swift index's
  vector.faiss_recall          FAISS's own top-k against a float64 brute force (50 queries)
"""
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import faiss  # noqa: E402
import numpy as np  # noqa: E402


def main() -> None:
    directory = sys.argv[1]
    rows, dim, nq, k = (int(v) for v in open(os.path.join(directory, "shape")).read().split())
    base = np.fromfile(os.path.join(directory, "base.f32"), dtype=np.float32).reshape(rows, dim)
    queries = np.fromfile(os.path.join(directory, "queries.f32"), dtype=np.float32).reshape(nq, dim)
    ours = np.fromfile(os.path.join(directory, "ids.i64"), dtype=np.int64).reshape(nq, k)

    faiss.omp_set_num_threads(1)
    index = faiss.IndexFlatIP(dim)
    index.add(base)
    index.search(queries[:8], k)  # warm-up

    answered, start = 0, time.perf_counter()
    while True:
        _, ids = index.search(queries, k)
        answered += nq
        if time.perf_counter() - start >= 3:
            break
    print(f"vector.faiss_qps={answered / (time.perf_counter() - start):.0f}")

    singles = min(nq, 200)
    start = time.perf_counter()
    for q in range(singles):
        index.search(queries[q : q + 1], k)
    print(f"vector.faiss_qps_single={singles / (time.perf_counter() - start):.0f}")

    same = sum(1 for q in range(nq) if np.array_equal(ids[q], ours[q]))
    print(f"vector.identical={same / nq:.4f}")

    checked = min(nq, 50)
    exact = base.astype(np.float64) @ queries[:checked].astype(np.float64).T
    found = 0
    for q in range(checked):
        top = np.argsort(-exact[:, q], kind="stable")[:k]
        found += len(set(top.tolist()) & set(ids[q].tolist()))
    print(f"vector.faiss_recall={found / (checked * k):.4f}")
    mismatches = [q for q in range(nq) if not np.array_equal(ids[q], ours[q])][:3]
    for q in mismatches:
        print(f"consulta {q}: vendedor {ours[q].tolist()} faiss {ids[q].tolist()}", file=sys.stderr)


if __name__ == "__main__":
    main()
