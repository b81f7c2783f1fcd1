#!/bin/bash
# usage: mech-bench.sh BIN DB PORT
BIN=$1; DB=$2; PORT=$3
$BIN serve --database $DB --port $PORT > /tmp/mech-serve-$PORT.log 2>&1 &
PID=$!
for i in $(seq 1 100); do curl -s -o /dev/null http://127.0.0.1:$PORT/healthz && break; sleep 0.2; done
echo "first page (index build in the request if not built yet): $(curl -s -o /dev/null -w '%{time_total}' http://127.0.0.1:$PORT/recommendations/101)"
sleep 3
times=()
for id in $(seq 201 37 2050); do times+=($(curl -s -o /dev/null -w '%{time_total}' http://127.0.0.1:$PORT/recommendations/$id)); done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "warm pages: n=" NR " p50=" a[int(NR/2)] " p95=" a[int(NR*0.95)]}'
kill $PID
