#!/usr/bin/env bash
# Word error rate of the local Transcribe stand-in's recogniser (ffmpeg + pocketsphinx, exactly as
# LocalTranscribe runs them) on answers spoken by espeak-ng. Prints one line per clip and the total:
#   wer <value> words=<n>
# Needs: espeak-ng ffmpeg pocketsphinx pocketsphinx-en-us python3.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sentences=(
  "I migrated the billing service to Kubernetes and reduced latency by forty percent"
  "At my last job I designed the database schema and wrote the migrations myself"
  "First I measure the latency then I look at the slow queries and add an index"
  "I have used Java and Python for six years mostly with Spring Boot and Django"
  "We moved our batch jobs from virtual machines to serverless functions on AWS"
  "I write unit tests first and run them in continuous integration on every commit"
)
total_words=0
total_errors=0
i=0
for text in "${sentences[@]}"; do
  i=$((i + 1))
  espeak-ng -s 150 -w "$work/$i.wav" "$text"
  ffmpeg -y -loglevel error -i "$work/$i.wav" -ar 16000 -ac 1 -sample_fmt s16 "$work/$i.16k.wav"
  heard=$(pocketsphinx_continuous -infile "$work/$i.16k.wav" -logfn /dev/null 2>/dev/null | head -1)
  read -r errors words < <(python3 - "$text" "$heard" <<'PY'
import sys
ref = sys.argv[1].lower().split()
hyp = sys.argv[2].lower().split()
d = list(range(len(hyp) + 1))
for i, r in enumerate(ref, 1):
    prev, d[0] = d[0], i
    for j, h in enumerate(hyp, 1):
        prev, d[j] = d[j], min(d[j] + 1, d[j - 1] + 1, prev + (r != h))
print(d[len(hyp)], len(ref))
PY
)
  total_words=$((total_words + words))
  total_errors=$((total_errors + errors))
  printf 'clip %d: %d errors / %d words | heard: %s\n' "$i" "$errors" "$words" "$heard"
done
python3 -c "print('wer %.3f words=%d' % ($total_errors / $total_words, $total_words))"
