"""Reads a PostgreSQL server log (log_line_prefix '@@') from stdin and prints
the plans auto_explain logged for the queue's page query: statements on
"cases" with an ORDER BY (the cursor lookup and the counts have none)."""
import re
import sys

entries, cur = [], None
for line in sys.stdin:
    if line.startswith("@@"):
        cur = [line.rstrip("\n")]
        entries.append(cur)
    elif cur is not None:
        cur.append(line.rstrip("\n"))
total = 0.0
for e in entries:
    m = re.search(r"duration: ([0-9.]+) ms\s+plan:", e[0])
    body = "\n".join(l[1:] if l.startswith("\t") else l for l in e[1:])
    if not m or 'FROM "cases"' not in body or "ORDER BY" not in body:
        continue
    total += float(m.group(1))
    print(f"-- {m.group(1)} ms")
    print(body)
print(f"@@total {total:.3f}")
