# SPDX-License-Identifier: EPL-2.0
"""Prints the hottest frames of a JFR recording (JDK 17 has no `jfr view`): for each execution sample,
its top frame and its first frame in a blitz.* method. Usage: hot-frames.py RECORDING.jfr [N]"""
import collections
import re
import subprocess
import sys

recording, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 12
text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", recording],
                      capture_output=True, text=True, check=True).stdout
top, blitz, samples = collections.Counter(), collections.Counter(), 0
for event in text.split("jdk.ExecutionSample")[1:]:
    frames = re.findall(r"^\s+([\w$.<>]+)\(.*\)\s+line:", event, flags=re.M)
    if not frames:
        continue
    samples += 1
    top[frames[0]] += 1
    first_blitz = next((f for f in frames if f.startswith("blitz.")), None)
    if first_blitz:
        blitz[first_blitz] += 1
print(f"{samples} samples")
for title, counter in (("top frames", top), ("first blitz.* frame", blitz)):
    print(title + ":")
    for frame, n in counter.most_common(count):
        print(f"  {100 * n / samples:5.1f} %  {frame}")
