#!/usr/bin/env python
"""Keep README.md in step with nbs/index.ipynb (Quarto, which nbdev_readme needs, is not installable here).

README.md is the markdown cells of nbs/index.ipynb joined by blank lines, code cells shown as ```python
blocks (hidden cells, marked `#| hide`, are left out). `--check` exits 1 when README.md differs; `--write` rewrites it.
"""
import json, re, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent

def render(nb_path: Path) -> str:
    cells = json.loads(nb_path.read_text(encoding='utf-8'))['cells']
    parts = []
    for c in cells:
        src = ''.join(c['source']).strip()
        if not src or src.startswith('#| hide'): continue
        if c['cell_type'] == 'markdown': parts.append(src)
        elif c['cell_type'] == 'code': parts.append('```python\n' + src + '\n```')
    text = '\n\n'.join(parts) + '\n'
    text = re.sub(r'\]\((\d\d[a-z]?_[\w-]+)\.ipynb\)', r'](nbs/\1.ipynb)', text)  # notebook links from the repo root
    text = text.replace('](experiments/', '](nbs/experiments/')
    return text.replace('](images/', '](nbs/images/').replace('](data/', '](nbs/data/')

if __name__ == '__main__':
    text = render(root / 'nbs' / 'index.ipynb')
    readme = root / 'README.md'
    if '--write' in sys.argv: readme.write_text(text, encoding='utf-8'); print('README.md written')
    elif readme.read_text(encoding='utf-8') != text:
        sys.exit('README.md is out of step with nbs/index.ipynb: edit the notebook, then run python .ci/readme_sync.py --write')
    else: print('README.md is in step with nbs/index.ipynb')
