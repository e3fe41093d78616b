#!/usr/bin/env python3
"""CPU seconds of a command's threads, grouped by thread name (JIT compiler, GC, Broadsheet's workers).

  bench/thread-cpu.py COMMAND [ARG ...]

Runs COMMAND, reads /proc/PID/task/*/stat of it and its children every 20 ms, and prints, when it
exits, each thread-name group's user + system seconds as last seen. JFR's samples leave out the JIT
compiler and GC threads, and -XX:+CITime counts elapsed compile time, which a loaded machine inflates;
this counts what the kernel charged. The last 20 ms of a thread can be missed. Linux only.

Example: bench/thread-cpu.py java -jar site-gen/target/broadsheet.jar build --source content-site --out /tmp/s
"""
import collections
import os
import re
import subprocess
import sys
import time


def descendants(pid):
    found = [pid]
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            for child in f.read().split():
                found += descendants(int(child))
    except OSError:
        pass
    return found


def thread_times(pid):
    """(thread id, name, cpu seconds) of each thread of pid."""
    tick = os.sysconf("SC_CLK_TCK")
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        yield tid, name, (int(fields[11]) + int(fields[12])) / tick


def group(name):
    """'GC Thread' for 'GC Thread#1', 'Worker' for 'Worker-12' (the kernel cuts names to 15 characters)."""
    return re.sub(r"[#\d-]+$", "", name).strip() or name


def main(argv):
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    last = {}
    while child.poll() is None:
        for pid in descendants(child.pid):
            try:
                for tid, name, cpu in thread_times(pid):
                    last[(pid, tid)] = (name, cpu)
            except OSError:
                pass  # gone meanwhile
        time.sleep(0.02)
    groups = collections.Counter()
    for name, cpu in last.values():
        groups[group(name)] += cpu
    for name, cpu in groups.most_common():
        if cpu > 0:
            print(f"{cpu:7.2f} s  {name}")
    print(f"{sum(groups.values()):7.2f} s  all threads seen (exit {child.returncode})")
    return child.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
