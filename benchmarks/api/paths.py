"""The read paths of the API benchmark, every one different: pages of plan entries and indicators by state and
filter, single plan entries, indicators (with their 20 measurements), assessments and organisations, the round.

Usage: paths.py FOLDER STATE ROUND   (FOLDER holds indicators.txt, entries.txt, assessments.txt, states.txt and
organisations.txt; writes reads.txt there)
"""

import random
import sys

folder, state, round_id = sys.argv[1:4]


def lines(name):
    return [l.strip() for l in open(f"{folder}/{name}") if l.strip()]


indicators, entries, assessments = lines("indicators.txt"), lines("entries.txt"), lines("assessments.txt")
states, organisations = lines("states.txt"), lines("organisations.txt")
rng = random.Random(17)
paths = []
paths += [f"/api/v1/indicators/{i}" for i in indicators]
paths += [f"/api/v1/plan-entries/{e}" for e in entries]
paths += [f"/api/v1/assessments/{a}" for a in rng.sample(assessments, min(3000, len(assessments)))]
paths += [f"/api/v1/organisations/{o}" for o in organisations]
for page in range(1, 21):
    for per in (10, 25, 50):
        paths.append(f"/api/v1/plan-entries?state={state}&page={page}&per={per}")
        paths.append(f"/api/v1/indicators?state={state}&page={page}&per={per}")
for name in rng.sample(states, min(150, len(states))):
    paths.append(f"/api/v1/plan-entries?state={name.replace(' ', '%20')}")
paths += [f"/api/v1/rounds?state={state}", f"/api/v1/rounds/{round_id}", "/api/v1/meetings", "/api/v1/agreements",
          "/api/v1/organisations"]
rng.shuffle(paths)
with open(f"{folder}/reads.txt", "w") as out:
    out.write("\n".join(paths) + "\n")
print(f"{len(paths)} read paths")
