"""The runs behind any_z_factor.ipynb: one seed of the held-out suite, the given methods, rows with provenance.

python any_z_factor_run.py SEED METHODS OUT.json [ANY_MODEL.pt]   (METHODS comma-separated, e.g. linear,cubic,RL,pretrained)
"""
import sys, time, warnings
from pathlib import Path
import torch
import affirm3d.bench as B
from affirm3d.bench import run_bench, results_json

seed, methods, out = int(sys.argv[1]), sys.argv[2].split(','), Path(sys.argv[3])
if len(sys.argv) > 4: B.ANY_F_MODEL = sys.argv[4]          # the any-f model under test (a file, before it is shipped)
torch.set_num_threads(1)
warnings.simplefilter('ignore')
t0, c0 = time.perf_counter(), time.process_time()
rows = run_bench(cases=[f'_s{seed}', 'golgi'], suite='held-out', methods=methods, steps=1, seed=seed, threads=1, verbose=True)
settings = dict(suite='held-out', seed=seed, methods=methods, any_f_model=str(B.ANY_F_MODEL),
                cases=f'every family x z factor at seed {seed}, Golgi f=2,3,4,2.5 (noise seed {seed})', threads=1,
                seconds=round(time.perf_counter() - t0), cpu_seconds=round(time.process_time() - c0),
                note='2-core CPU shared with three other sessions: seconds are not comparable')
out.write_text(results_json(dict(rows=rows), **settings))
print('wrote', out, len(rows), 'rows')
