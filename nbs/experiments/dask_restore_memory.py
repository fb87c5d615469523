"""Bounded memory: restore an OME-Zarr whose restored output is at least 4x the memory a child process may use
(RLIMIT_AS, its whole address space), and report its peak RSS. Run from the repository root:
    python nbs/experiments/dask_restore_memory.py full OUT.json      # 1.5 GiB limit, 1.6 Gvox (6 GiB) output, planes of 512²
    python nbs/experiments/dask_restore_memory.py fast OUT.json      # the test's size (see 07b_restore_files)
The network is a cheap stand-in (nearest z upsampling and a 3-slice mean along z: reach 1 slice): memory depends on the
piece and tile sizes, not on the network's arithmetic, and the real networks would take hours here for 1 Gvox."""
import json, os, resource, subprocess, sys, tempfile, time
from pathlib import Path

CHILD = r'''
import json, resource, sys, time, warnings
limit, src, out, memory = int(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4])
if limit: resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
import numpy as np, torch
from affirm3d.restore_files import restore_zarr
class StandIn(torch.nn.Module):
    z_factor, stride = 4, 1
    def forward(self, x):
        up = torch.nn.functional.interpolate(x, scale_factor=(4, 1, 1), mode='nearest')
        return torch.nn.functional.avg_pool3d(up, (3, 1, 1), stride=1, padding=(1, 0, 0), count_include_pad=False)
warnings.simplefilter('ignore')
torch.set_num_threads(1)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.time()
info = restore_zarr(src, out, StandIn().eval(), memory_bytes=memory, tile_zyx=(4, 256, 256), progress=False, overwrite=True)
print(json.dumps(dict(peak_rss_mib=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, rss_after_imports_mib=before / 1024,
                      seconds=time.time() - t, pieces=info['pieces'], shape=info['shape'])))
'''

def make_input(path, shape):
    import numpy as np
    from affirm3d.bigio import create_ome_zarr
    from affirm3d.io import atomic_dir
    rng = np.random.default_rng(0)
    with atomic_dir(path) as t:
        arr = create_ome_zarr(t, shape, (0.4, 0.1, 0.1), chunks=(8,) + shape[1:], dtype='uint16')
        for z in range(0, shape[0], 8): arr[z:z + 8] = rng.integers(0, 4000, (min(8, shape[0] - z),) + shape[1:], dtype=np.uint16)

def run(shape, limit, memory, workdir):
    src, out = Path(workdir) / 'in.ome.zarr', Path(workdir) / 'out.ome.zarr'
    if not src.exists(): make_input(src, shape)
    env = dict(os.environ, OMP_NUM_THREADS='1', MALLOC_ARENA_MAX='2')     # RLIMIT_AS counts each thread's malloc arena (64 MB) too
    p = subprocess.run([sys.executable, '-c', CHILD, str(int(limit)), str(src), str(out), str(memory)], capture_output=True, text=True, env=env)
    if p.returncode: raise RuntimeError(p.stderr[-2000:])
    res = json.loads(p.stdout.strip().splitlines()[-1])
    out_bytes = 4 * 4 * shape[0] * shape[1] * shape[2]
    return dict(res, input=shape, limit_gib=limit / 2**30, memory_bytes=memory, output_gib=out_bytes / 2**30,
                output_over_limit=out_bytes / limit if limit else None,
                output_over_rise=out_bytes / 2**20 / max(1e-9, res['peak_rss_mib'] - res['rss_after_imports_mib']))

if __name__ == '__main__':
    mode, path = sys.argv[1], Path(sys.argv[2])
    shape, limit, memory = {'full': ((1536, 512, 512), 1.5 * 2**30, 256e6), 'fast': ((64, 512, 512), 1.5 * 2**30, 256e6)}[mode]
    with tempfile.TemporaryDirectory(dir=os.environ.get('AFFIRM3D_SCRATCH')) as d:
        row = run(shape, limit, memory, d)
    commit = subprocess.run(['git', 'rev-parse', '--short', 'HEAD'], capture_output=True, text=True).stdout.strip()
    out = dict(provenance=dict(commit=commit, date=time.strftime('%Y-%m-%dT%H:%M:%S+00:00', time.gmtime()),
                               machine=f'{os.cpu_count()}-core x86-64 CPU, shared with other jobs', mode=mode,
                               made_by='nbs/experiments/dask_restore_memory.py'), rows=[row])
    path.write_text(json.dumps(out, indent=1)); print(json.dumps(row))
