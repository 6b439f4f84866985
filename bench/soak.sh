#!/usr/bin/env bash
# One cold start: start the server, warm up, soak, then look for stuck threads and at the heap after a full GC.
# Usage: [WARMUP=60] bench/soak.sh [TENANTS=50] [CLIENTS=64] [SECONDS=300]
source "$(dirname "$0")/common.sh"
start_server
# WARMUP seconds of the same load first, so that the heap is compared warm against warm (pool
# filled, caches and JIT settled), not against the empty server. The driver's statement caches fill
# for minutes (a statement per tenant, query and connection): WARMUP=300 lets them fill first.
$BENCH soak "${1:-50}" "${2:-64}" "${WARMUP:-60}" > /dev/null
jcmd "$PAYARA" GC.run >/dev/null; before=$(jcmd "$PAYARA" GC.heap_info | grep -oE 'used [0-9]+K' | head -1)
jcmd "$PAYARA" GC.class_histogram > target/bench-histogram-before.txt
$BENCH soak "${1:-50}" "${2:-64}" "${3:-300}"
sleep 5
jstack "$PAYARA" > target/bench-jstack.txt
echo "request threads still running 5 s after the load: $(grep -A1 '"http-thread-pool' target/bench-jstack.txt | grep -c RUNNABLE)"
echo "threads in EclipseLink descriptor initialisation: $(grep -c 'ClassDescriptor.initialize' target/bench-jstack.txt || true)"
jcmd "$PAYARA" GC.run >/dev/null; after=$(jcmd "$PAYARA" GC.heap_info | grep -oE 'used [0-9]+K' | head -1)
echo "heap after full GC: before the soak $before, after $after"
# GC.class_histogram forces a full GC itself, so both histograms count live objects only.
jcmd "$PAYARA" GC.class_histogram > target/bench-histogram-after.txt
echo "classes whose live bytes grew most during the soak:"
awk 'FNR == NR && $1 ~ /^[0-9]+:$/ { before[$4] = $3; next }
     $1 ~ /^[0-9]+:$/ { grew = $3 - before[$4]; if (grew > 0) print grew, $2 - 0, $4 }' \
    target/bench-histogram-before.txt target/bench-histogram-after.txt | sort -rn | head -12 |
    awk '{ printf "  %+8.1f KB  %s\n", $1 / 1024, $3 }'
stop_server
