"""Time of the TEI export (every text's document and the ``teiCorpus``) of an edition.

    python benchmarks/synthetic.py /tmp/syn --texts 50
    python benchmarks/tei_export.py /tmp/syn/edition [--out DIR] [--repeat 3]

Loads and annotates the edition once (not timed), then times :func:`edition.derived.tei.files`
``--repeat`` times and prints the median wall and CPU time (the CPU time of this process,
steadier than the wall time on a shared machine) and the bytes written; ``--out`` writes the
files, so that two versions of the exporter can be compared byte for byte. Run it with
``PYTHONPATH`` at each version's checkout to compare them.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from edition.build.generate import load
from edition.build.settings import read_settings
from edition.derived import tei


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("edition", type=Path, help="an edition's folder (with mkdocs.yml)")
    parser.add_argument("--out", type=Path, help="write the TEI files here")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    settings = read_settings(args.edition / "mkdocs.yml")
    corpus = load(settings)
    wall, cpu, size = [], [], 0
    for _ in range(args.repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        found = list(tei.files(corpus, settings.edition))
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        size = sum(len(data) for _, data in found)
    if args.out:
        for rel, data in found:
            path = args.out / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    print(
        f"{len(corpus.texts)} texts, {len(found)} TEI files, {size:,} bytes: median of "
        f"{args.repeat} runs {statistics.median(wall):.3f} s wall, "
        f"{statistics.median(cpu):.3f} s CPU"
    )


if __name__ == "__main__":
    main()
