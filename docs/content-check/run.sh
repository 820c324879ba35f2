#!/bin/bash
# usage: run.sh SHA [window|sheet|both]
sha=$1; what=${2:-both}
export PYTHONPATH=/tmp/noedit:/work/cmp/wt-$sha QT_QPA_PLATFORM=offscreen LANG=C.UTF-8
unset LANGUAGE LC_ALL LC_MESSAGES
cd /tmp
exec nice -n 10 timeout 900 /work/venv/bin/python /work/cmp/capture.py /work/cmp/out-$sha $what
