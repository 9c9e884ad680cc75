#!/usr/bin/env python3
"""Runs a command and says whether it stayed within a time and a memory
budget: what a hostile case asserts for inputs built to hang cls or eat the
machine's memory (a huge file, deep nesting, an alias bomb).

    bounded.py SECONDS MEGABYTES COMMAND [ARG...]

Prints `exit N` and `within SECONDS s and MEGABYTES MB`, or what was
exceeded; the command's own outputs go to `bounded.out` and `bounded.err`.
The budgets are loose on purpose (the sanitizer build is slower and bigger,
CI machines are busy): they catch a hang or a runaway, not a slowdown.
Memory is the peak resident size of the command (no address-space limit is
set: AddressSanitizer reserves terabytes of it).
"""
import resource
import subprocess
import sys
import time


def main():
    seconds, megabytes = float(sys.argv[1]), float(sys.argv[2])
    command = sys.argv[3:]
    start = time.monotonic()
    with open("bounded.out", "wb") as out, open("bounded.err", "wb") as err:
        try:
            status = subprocess.run(command, stdout=out, stderr=err, timeout=seconds).returncode
        except subprocess.TimeoutExpired:
            print(f"killed after {seconds:g} s: a hang")
            return 1
    elapsed = time.monotonic() - start
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"exit {status}")
    if peak_mb > megabytes:
        print(f"peak memory {peak_mb:.0f} MB, over {megabytes:g} MB")
        return 1
    print(f"within {seconds:g} s and {megabytes:g} MB")
    if elapsed > seconds / 2:
        print(f"note: took {elapsed:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
