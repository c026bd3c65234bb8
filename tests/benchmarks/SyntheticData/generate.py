#!/usr/bin/env python3
"""SYNTHETIC benchmark data: writes a gzip CSV in the CPES combined layout (docs/data-format.md) with the shape of the
real 2018 combined file (levels, years, breakdowns, tumour groups, 52 scored questions, suppression, CIs, expected
ranges, bands, change flags) but with INVENTED organisations and RANDOM figures. Nothing in it is a real result and
nothing is read from the real file. Organisation names say so ("Synthetic CCG 0001", "Synthetic Trust 0001",
"Synthetic Cancer Alliance 001"), question texts too ("Synthetic question 22").

For benchmarks only (tests/benchmarks): write it under /tmp, never into the repository, never import it into a
database anyone looks at.

  python3 tests/benchmarks/SyntheticData/generate.py --scale 10 --out /tmp/synthetic-cpes-10x.csv.gz

--scale 1 gives about the real file's 361,868 rows (195 CCGs, 145 Trusts, 19 Alliances); --scale 10 ten times the
CCGs, Trusts and Alliances (about 3.6 million rows). The combined layout only knows questionnaire years 2015-2018, so
the data grow by organisations, not years. Output is deterministic for a given --scale and --seed.
"""
import argparse
import gzip
import math
import random

HEADER = ("Geog,Trust.Code,Trust.Name,Year,Gender,IMD,Cancer.Type,Question.Number,Question.Text,"
          "adjusted.unadjusted.yearonyear,Number.of.responses,scored.percentage,Lower.95..confidence.interval,"
          "Upper.95..confidence.interval,Performance.Rating,Performance,Expected.Range..lower.,Expected.Range..upper.,"
          "Significant.Change.2017.2018,SignificantChangeOverallyears,Significance.test,qnum,abrvperformance,"
          "CALNCV18NM,cpesqtype")

# Scored questions of the 2015-2018 questionnaire (Questionnaire.cs): 52 numbers.
RANGES = [(1, 2), (5, 7), (8, 11), (12, 16), (17, 19), (20, 23), (25, 26), (28, 39), (41, 48), (49, 51), (52, 53), (54, 59)]
UNSCORED = {3, 4, 24, 27, 40, 43, 46}
QUESTIONS = [n for a, b in RANGES for n in range(a, b + 1) if n not in UNSCORED]
TUMOURS = ["Brain and CNS", "Breast", "Colorectal", "Gynaecological", "Haematological", "Head and Neck", "Lung",
           "Other", "Prostate", "Sarcoma", "Skin", "Upper Gastro", "Urological"]

# (year, gender, imd, cancer type, kind) per question, as in the real file.
ORG_COMBOS = ([(2018, "Both", "All", "All Cancers", k) for k in ("adjusted", "unadjusted", "yearonyear")]
              + [(2018, "Both", "All", t, "unadjusted") for t in TUMOURS]
              + [(y, "Both", "All", "All Cancers", "yearonyear") for y in (2015, 2016, 2017)])
BREAKDOWNS = ([(2018, g, "All", "All Cancers", "unadjusted") for g in ("Male", "Female")]
              + [(2018, "Both", str(q), "All Cancers", "unadjusted") for q in range(1, 6)])
ALLIANCE_COMBOS = ([(2018, "Both", "All", "All Cancers", k) for k in ("adjusted", "unadjusted", "yearonyear")]
                   + [(2018, "Both", "All", t, "unadjusted") for t in TUMOURS]
                   + [(y, "Both", "All", "All Cancers", "yearonyear") for y in (2016, 2017)] + BREAKDOWNS)
NATIONAL_COMBOS = [c for c in ALLIANCE_COMBOS if c[4] != "adjusted"]


def num(x):
    """Floats the way the real file writes them: whole numbers as 129.0, else up to 2 decimals."""
    return repr(float(round(x, 2)))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--scale", type=int, default=10)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", required=True, help="e.g. /tmp/synthetic-cpes-10x.csv.gz")
    a = p.parse_args()
    if not a.out.split("/")[-1].startswith("synthetic-"):
        p.error("the output file name must start with 'synthetic-' so nobody mistakes it for real data")
    rnd = random.Random(a.seed)
    alliances = [(f"E56{i:06d}", f"Synthetic Cancer Alliance {i:03d}") for i in range(1, 19 * a.scale + 1)]
    rows = 0

    def rows_for(geog, code, name, alliance, combos, size, out):
        nonlocal rows
        base = {q: rnd.uniform(55, 95) for q in QUESTIONS}
        for q in QUESTIONS:
            mean = q == 59
            for year, gender, imd, cancer, kind in combos:
                n = size if cancer == "All Cancers" and gender == "Both" and imd == "All" else max(0, int(size * rnd.uniform(0.02, 0.3)))
                n = max(0, int(n * rnd.uniform(0.8, 1.0)))
                suppressed = n < 21 or rnd.random() < 0.01
                p_ = min(99.5, max(1.0, base[q] + rnd.gauss(0, 4)))
                score = (p_ / 10.0) if mean else p_
                f = [geog, code, name, str(year), gender, imd, cancer, f"Q{q}", f"Synthetic question {q}", kind,
                     num(n), "", "", "", "", "", "", "", "", "", "", num(q), "", alliance, ""]
                if not suppressed:
                    f[11] = num(score)
                    if kind == "adjusted":
                        half = 1.96 * math.sqrt(p_ * (100 - p_) / n)
                        scale = 0.1 if mean else 1.0
                        f[12], f[13] = num(max(0, p_ - half) * scale), num(min(100, p_ + half) * scale)
                        lo, hi = base[q] - half, base[q] + half
                        f[16], f[17] = num(max(0, lo) * scale), num(min(100, hi) * scale)
                        band = "1.0" if p_ > hi else "3.0" if p_ < lo else "2.0"
                        f[14] = band
                        f[15] = {"1.0": "Above", "2.0": "Within", "3.0": "Below"}[band]
                    if kind == "yearonyear" and year == 2018:
                        f[18] = rnd.choices(["Unchanged", "Up", "Down"], [95, 2.5, 2.5])[0]
                        f[19] = rnd.choices(["Unchanged", "Up", "Down"], [95, 2.5, 2.5])[0]
                    if gender != "Both" or imd != "All":
                        f[20] = rnd.choices(["Not Significant", "Significant"], [3, 1])[0]
                out.write(",".join(f) + "\n")
                rows += 1

    with gzip.open(a.out, "wt", encoding="utf-8", newline="", compresslevel=6) as out:
        out.write(HEADER + "\n")
        rows_for("National", "All", "England", "", NATIONAL_COMBOS, 70000, out)
        for code, name in alliances:
            rows_for("Cancer Alliance", code, name, "", ALLIANCE_COMBOS, 3500, out)
        for i in range(1, 195 * a.scale + 1):
            _, alliance = alliances[(i - 1) % len(alliances)]
            rows_for("CCG", f"S{i:04d}", f"Synthetic CCG {i:04d}", alliance, ORG_COMBOS, rnd.randint(150, 900), out)
        for i in range(1, 145 * a.scale + 1):
            _, alliance = alliances[(i - 1) % len(alliances)]
            rows_for("Trust", f"T{i:04d}", f"Synthetic Trust {i:04d}", alliance, ORG_COMBOS, rnd.randint(200, 1500), out)
    print(f"{a.out}: {rows} synthetic rows (scale {a.scale})")


if __name__ == "__main__":
    main()
