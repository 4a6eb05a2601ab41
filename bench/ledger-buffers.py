#!/usr/bin/env python3
# The ledger list's condition by the buffers PostgreSQL reads, on the database bench/ledger.sh generated
# (docs/benchmarks.md, "Lists from the indexes"; docs/decisions/ledger-performance.md):
#   PGDB=bench bench/ledger-buffers.py "<condition with :names>" name=v,v... [name=v ...]
# e.g. bench/ledger-buffers.py "(c.unit_id in (:keeperUnits) and cp.unit_id in (:keeperUnits))" keeperUnits=2,11,20,29,38,47
# For the 30 pages of bench/LedgerLoad.java (level x status x type filters, pages 1-5), the count (limit 1001) and the
# page's ids are prepared with bound parameters and run by EXPLAIN (ANALYZE, BUFFERS) under a custom and under a
# generic plan (PostgreSQL may cache either); prints the buffers (shared hit + read) summed over the pages, the larger
# of the two per page, and the worst pages with their plans' first nodes. Buffers, unlike times, do not depend on
# what else runs on the machine. Filters and limit are bound here, as before Ledger wrote them into the SQL.
import os, subprocess, sys, re
cond = sys.argv[1]
vals = dict(a.split('=', 1) for a in sys.argv[2:])
LEVELS = ['SECRET', 'CONFIDENTIAL', 'TOP_SECRET']
def bind(sql, ps):
    args, types = [], []
    def rep(m):
        vs = ps[m.group(1)].split(',')
        out = []
        for v in vs:
            args.append(v if re.fullmatch(r'-?\d+', v) else "'" + v + "'")
            types.append('bigint' if re.fullmatch(r'-?\d+', v) else 'text')
            out.append('$%d' % len(args))
        return ', '.join(out)
    return re.sub(r':([a-zA-Z]+)', rep, sql), args, types
script = []
for i in range(30):
    f = " and c.secret_level = :level" + (" and cp.status = :status" if i % 2 == 0 else "") + (" and c.carrier_type = :type" if i % 3 == 1 else "")
    ps = dict(vals, level=LEVELS[i % 3], status='LIVE', type='PAPER', limit='20', offset=str(i % 5 * 20))
    where = " where " + cond + f
    for kind, q in (('count', "select count(*) from (select 1 from carrier_copies cp join carriers c on c.id = cp.carrier_id" + where + " limit 1001) m"),
                    ('page', "select cp.id from carrier_copies cp join carriers c on c.id = cp.carrier_id" + where + " order by cp.id desc limit :limit offset :offset")):
        sql, args, types = bind(q, ps)
        for mode in ('force_custom_plan', 'force_generic_plan'):
            script.append("set plan_cache_mode = %s;" % mode)
            script.append("prepare q(%s) as %s;" % (','.join(types), sql))
            script.append("\\echo ## %d %s %s" % (i, kind, mode[6:12]))
            script.append("explain (analyze, buffers, costs off, timing off, summary off) execute q(%s);" % ','.join(args))
            script.append("deallocate q;")
out = subprocess.run(['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', os.environ.get('PGDB', 'bench'), '-q', '-X'], input='\n'.join(script), capture_output=True, text=True).stdout
res = {}
cur = None
for line in out.splitlines():
    if line.startswith('## '):
        cur = tuple(line[3:].split()); res[cur] = [None, []]; continue
    if cur is None: continue
    m = re.search(r'Buffers: shared hit=(\d+)(?: read=(\d+))?', line)
    if m and res[cur][0] is None:
        res[cur][0] = int(m.group(1)) + int(m.group(2) or 0)
    n = re.search(r'(Index Only Scan|Index Scan Backward|Index Scan|Seq Scan|Bitmap Heap Scan|Hash Join|Nested Loop)(?: using (\w+))?(?: on (\w+))?', line)
    if n and len(res[cur][1]) < 3: res[cur][1].append((n.group(1) + ' ' + (n.group(2) or n.group(3) or '')).strip())
tot = {'count': 0, 'page': 0}; worst = []
for i in range(30):
    row = []
    for kind in ('count', 'page'):
        c = res.get((str(i), kind, 'custom'), [0, []]); g = res.get((str(i), kind, 'generi'), [0, []])
        b = max(c[0] or 0, g[0] or 0); tot[kind] += b; worst.append((b, i, kind, c[0], g[0], c[1], g[1]))
worst.sort(reverse=True)
print("buffers total count %d page %d; worst:" % (tot['count'], tot['page']))
for w in worst[:6]:
    print("  %6d  combo %2d %-5s custom %s %s | generic %s %s" % (w[0], w[1], w[2], w[3], w[5], w[4], w[6]))
