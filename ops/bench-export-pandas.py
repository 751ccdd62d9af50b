"""pandas side of `ops/bench export`: loads the rows of the given SELECT from the SQLite file
(not timed), then times DataFrame.to_csv to a file RUNS times (the fastest counts, as for the
Swift side). Prints rows=, seconds=, rows_per_s=.

usage: bench-export-pandas.py DATABASE SQL PARAMS_JSON OUTPUT_CSV [RUNS]
"""

import json
import sqlite3
import sys
import time

import pandas as pd


def main() -> None:
    database, sql, params, output = sys.argv[1:5]
    runs = int(sys.argv[5]) if len(sys.argv) > 5 else 1
    with sqlite3.connect(database) as connection:
        frame = pd.read_sql_query(sql, connection, params=json.loads(params))
    seconds = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        frame.to_csv(output, index=False)
        seconds = min(seconds, time.perf_counter() - start)
    print(f"rows={len(frame)}")
    print(f"seconds={seconds:.3f}")
    print(f"rows_per_s={int(len(frame) / seconds)}")


if __name__ == "__main__":
    main()
