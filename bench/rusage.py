#!/usr/bin/env python3
"""Runs a command and writes "wall user sys" in seconds (microsecond resolution, from wait4's
rusage) to the file named first; GNU time rounds to 10 ms, too coarse for a 40 ms bare JVM.
Usage: rusage.py OUT_FILE COMMAND [ARGS...]; exits with the command's status."""
import os
import subprocess
import sys
import time

out_file, command = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
child = subprocess.Popen(command)
_, status, usage = os.wait4(child.pid, 0)
wall = time.perf_counter() - start
with open(out_file, "w") as out:
    out.write(f"{wall:.4f} {usage.ru_utime:.4f} {usage.ru_stime:.4f}\n")
sys.exit(os.waitstatus_to_exitcode(status))
