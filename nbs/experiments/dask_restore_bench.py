"""Where the time of a piece-by-piece restore goes, and how fast it is (nbs/experiments/dask_restore.ipynb reads the
JSON this writes). Run from the repository root: python nbs/experiments/dask_restore_bench.py PART OUT.json
PART: model (FLOPs, peak, inference variants), e2e (restore_zarr at 1/8/64 Mvox, 1 vs 2 workers, one torch thread each)."""
import json, math, os, subprocess, sys, tempfile, time, warnings
from pathlib import Path
import numpy as np
import torch

def provenance(**settings):
    commit = subprocess.run(['git', 'rev-parse', '--short', 'HEAD'], capture_output=True, text=True).stdout.strip()
    return dict(commit=commit, date=time.strftime('%Y-%m-%dT%H:%M:%S+00:00', time.gmtime()),
                machine=f"{os.cpu_count()}-core x86-64 CPU, no GPU, SHARED with other jobs during the run",
                cpu=next((l.split(':')[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name')), '?'),
                torch=torch.__version__, settings=settings, made_by='nbs/experiments/dask_restore_bench.py')

def timed(fn, reps=3):
    "min wall and min CPU (process_time) seconds over `reps` calls"
    walls, cpus = [], []
    for _ in range(reps):
        t, c = time.perf_counter(), time.process_time(); fn(); walls.append(time.perf_counter() - t); cpus.append(time.process_time() - c)
    return min(walls), min(cpus)

def peak_gflops(threads):
    torch.set_num_threads(threads)
    a, b = torch.randn(2048, 2048), torch.randn(2048, 2048)
    a @ b
    w, c = timed(lambda: a @ b, 5)
    return 2 * 2048**3 / w / 1e9

def model_part(out):
    from affirm3d.modelfiles import pretrained
    from torch.utils.flop_counter import FlopCounterMode
    net = pretrained('small_f4').eval()
    x = torch.randn(1, 1, 16, 128, 128)
    with FlopCounterMode(display=False) as fc, torch.no_grad(): y = net(x)
    flops_per_vox = fc.get_total_flops() / y[0, 0].numel()
    res = dict(flops_per_out_voxel=flops_per_vox, peak_gflops={t: peak_gflops(t) for t in (1, 2)}, variants=[])
    print('flops/voxel', flops_per_vox, 'peak', res['peak_gflops'], flush=True)
    def add(name, fn, shape, threads):
        torch.set_num_threads(threads)
        xx = torch.randn(1, 1, *shape)
        fn(xx)                                                       # warm up
        w, c = timed(lambda: fn(xx), 3)
        nvox = 4 * math.prod(shape)
        row = dict(variant=name, tile=shape, threads=threads, mvox_s=nvox / w / 1e6, cpu_us_per_vox=1e6 * c / nvox,
                   gflops=flops_per_vox * nvox / w / 1e9)
        res['variants'].append(row); print(row, flush=True)
    def nograd(m): 
        def f(x):
            with torch.no_grad(): return m(x)
        return f
    def infer(m):
        def f(x):
            with torch.inference_mode(): return m(x)
        return f
    cl = pretrained('small_f4').eval().to(memory_format=torch.channels_last_3d)
    def chl(x):
        with torch.inference_mode(): return cl(x.contiguous(memory_format=torch.channels_last_3d))
    from affirm3d.export import export_onnx, OnnxGenerator
    d = Path(tempfile.mkdtemp())
    onnx = OnnxGenerator(export_onnx(net, d / 'small_f4.onnx'))
    for threads in (1, 2):
        for shape in ((16, 64, 64), (16, 128, 128), (32, 128, 128), (16, 256, 256)):
            add('no_grad', nograd(net), shape, threads)
        add('inference_mode', infer(net), (16, 128, 128), threads)
        add('channels_last_3d', chl, (16, 128, 128), threads)
        import onnxruntime as ort
        so = ort.SessionOptions(); so.intra_op_num_threads = threads
        sess = ort.InferenceSession(str(d / 'small_f4.onnx'), so, providers=['CPUExecutionProvider'])
        iname = sess.get_inputs()[0].name
        add('onnxruntime', lambda x: sess.run(None, {iname: x.numpy()}), (16, 128, 128), threads)
    # the restore of one (16+2*8)-slice piece: model vs everything else (normalise, pad, blend in float64, crop)
    from affirm3d.restore import restore
    torch.set_num_threads(1)
    vol = np.random.default_rng(0).random((32, 128, 128)).astype(np.float32)
    w_r, c_r = timed(lambda: restore(vol, net, with_consistency=False, progress=False, tile_zyx=(32, 128, 128)), 2)
    w_m, c_m = timed(lambda: nograd(net)(torch.from_numpy(vol)[None, None]), 2)
    res['piece_split'] = dict(piece=(32, 128, 128), restore_cpu_s=c_r, model_cpu_s=c_m, other_fraction=1 - c_m / c_r)
    print(res['piece_split'], flush=True)
    out['model'] = res

def e2e_part(out, sizes):
    from affirm3d.modelfiles import pretrained
    from affirm3d.bigio import create_ome_zarr
    from affirm3d.io import atomic_dir
    from affirm3d.restore_files import restore_zarr
    warnings.simplefilter('ignore')
    net = pretrained('small_f4').eval()
    d = Path(tempfile.mkdtemp())
    rows = []
    for (z, y, x), chunk_z, workers in sizes:
        src = d / f'in_{z}_{y}.ome.zarr'
        if not src.exists():
            rng = np.random.default_rng(0)
            with atomic_dir(src) as t:
                arr = create_ome_zarr(t, (z, y, x), (0.4, 0.1, 0.1), chunks=(16, y, x))
                for i in range(0, z, 16): arr[i:i + 16] = (rng.random((min(16, z - i), y, x)) * 1000).astype(np.float32)
        torch.set_num_threads(workers)                              # one torch thread per worker: CPU time stays honest
        outp = d / 'out.ome.zarr'
        t, c = time.perf_counter(), time.process_time()
        info = restore_zarr(src, outp, net, chunk_z=chunk_z, overwrite=True, progress=False, workers=workers)
        w, c = time.perf_counter() - t, time.process_time() - c
        nvox = 4 * z * y * x
        row = dict(input=(z, y, x), out_mvox=nvox / 1e6, chunk_z=chunk_z, workers=workers, pieces=info['pieces'],
                   wall_s=w, cpu_s=c, mvox_s=nvox / w / 1e6, cpu_us_per_vox=1e6 * c / nvox,
                   loadavg=os.getloadavg()[0])
        rows.append(row); print(row, flush=True)
        out['e2e'] = rows
        Path(sys.argv[2]).write_text(json.dumps(out, indent=1))

if __name__ == '__main__':
    part, path = sys.argv[1], Path(sys.argv[2])
    out = json.loads(path.read_text()) if path.exists() else dict(provenance=provenance(part=part))
    if part == 'model': model_part(out)
    elif part == 'e2e':
        e2e_part(out, [((16, 128, 128), None, 1), ((32, 256, 256), None, 1), ((32, 256, 256), 8, 1), ((32, 256, 256), 8, 2),
                       ((64, 512, 512), None, 1)])
    path.write_text(json.dumps(out, indent=1))
