"""Put the printed documents' fonts into resources/fonts/ from Debian's font packages.

    apt-get install fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-lxgw-wenkai unicode-data
    pip install fonttools
    python tools/fonts.py                 # reads the installed packages (under /)
    python tools/fonts.py --root DIR      # or packages unpacked with `dpkg-deb -x PACKAGE.deb DIR`

Run it when a font should change and commit what it writes. What it writes, and why:

- AR PL SungtiL GB (文鼎PL报宋, ``gbsn00lp.ttf``, 5.2 MB) for Song and AR PL KaitiM GB
  (文鼎PL中楷, ``gkai00mp.ttf``, 4.6 MB) for Kai: Arphic's own GB 2312 fonts, TrueType outlines,
  copied unchanged with the licence's own file ``ARPHICPL.TXT`` unaltered. The Arphic Public
  License lets anyone copy unchanged copies (§1); a changed copy, a subset included, must say in
  the file how it was changed and be made available to all third parties (§2), which a program
  for police stations cannot promise. AR PL UMing CN draws the same glyphs for these characters
  (it was built from these fonts) but is 21 MB, so it could only ship as such a subset.
- WenKai Supplement (``wenkai-supplement.ttf``, 0.16 MB): the characters of the 通用规范汉字表
  (2013; Unihan's kTGH) that the Hei face (WenQuanYi Micro Hei) lacks, about 280 of them, many
  only found in names (䶮, 𬱖), cut from LXGW WenKai (SIL OFL 1.1), which has every one. A cut
  font is a Modified Version under the OFL, which may not be called by the Reserved Font Names
  ("LXGW", "霞鹜"): it is renamed, and its file and the licence file say where it comes from.

Characters outside a face are drawn in the Hei face, then the supplement, by the per-character
fallback of desktop/reports/fonts.py. No freely licensed simplified-Chinese FangSong with
TrueType outlines exists in Debian (cwTeX FangSong has traditional characters only; FandolFang
is CFF, GPL-3.0 with a font exception): FangSong text is set in the Song face.
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "resources" / "fonts"
HEI = FONTS / "wqy-microhei.ttc"

ARPHIC = {
    "usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf": "gbsn00lp.ttf",
    "usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf": "gkai00mp.ttf",
}
ARPHIC_LICENCE = "usr/share/doc/fonts-arphic-gbsn00lp/license/english/ARPHICPL.TXT.gz"
WENKAI = "usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf"
WENKAI_COPYRIGHT = "usr/share/doc/fonts-lxgw-wenkai/copyright"
UNIHAN = "usr/share/unicode/Unihan_OtherMappings.txt.bz2"

SUPPLEMENT = "wenkai-supplement.ttf"
SUPPLEMENT_LICENCE = "LICENSE-wenkai-supplement.txt"
SUPPLEMENT_FAMILY = "WenKai Supplement"
SUPPLEMENT_POSTSCRIPT = "WenKaiSupplement-Regular"


def general_standard_characters(unihan: Path) -> set[int]:
    """The 8,105 characters of the 通用规范汉字表, from Unihan's kTGH field."""
    found = set()
    with bz2.open(unihan, "rt", encoding="utf-8") as lines:
        for line in lines:
            if "\tkTGH\t" in line:
                found.add(int(line.split("\t", 1)[0][2:], 16))
    if len(found) != 8105:
        raise SystemExit(f"{unihan}: {len(found)} kTGH characters, the table has 8105")
    return found


def copy_arphic(root: Path) -> None:
    for source, name in ARPHIC.items():
        shutil.copyfile(root / source, FONTS / name)
    with gzip.open(root / ARPHIC_LICENCE, "rb") as licence:
        (FONTS / "ARPHICPL.TXT").write_bytes(licence.read())


def make_supplement(root: Path) -> int:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    hei = set(TTFont(HEI, fontNumber=0).getBestCmap())
    wanted = general_standard_characters(root / UNIHAN) - hei
    font = TTFont(root / WENKAI, recalcTimestamp=False)
    version = font["name"].getDebugName(5).split(";")[0].removeprefix("Version ")  # 1.250
    missing = wanted - set(font.getBestCmap())
    if missing:
        raise SystemExit(f"LXGW WenKai lacks {''.join(map(chr, sorted(missing)))}")
    options = subset.Options()
    options.layout_features = []  # reportlab draws characters one by one: no ligatures
    options.glyph_names = False
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)
    names = font["name"]
    # Every name a user sees, in every language (霞鹜文楷 included), is the new one.
    names.names = [r for r in names.names if r.nameID not in (1, 2, 3, 4, 6, 16, 17, 18, 21, 22)]
    notice = (
        f"Cut from LXGW WenKai {version} (SIL OFL 1.1) for Outreach Desk by tools/fonts.py: "
        "only the characters of the 通用规范汉字表 that WenQuanYi Micro Hei lacks, no layout "
        "features, renamed as the OFL requires of a Modified Version."
    )
    for name_id, value in (
        (1, SUPPLEMENT_FAMILY),
        (2, "Regular"),
        (3, f"{SUPPLEMENT_POSTSCRIPT};{version}"),
        (4, SUPPLEMENT_FAMILY),
        (6, SUPPLEMENT_POSTSCRIPT),
        (10, notice),
    ):
        names.setName(value, name_id, 3, 1, 0x409)
    font.save(FONTS / SUPPLEMENT)
    (FONTS / SUPPLEMENT_LICENCE).write_text(
        supplement_licence(font["name"].getDebugName(0), notice, root), encoding="utf-8"
    )
    return len(wanted)


def supplement_licence(copyright_notice: str, notice: str, root: Path) -> str:
    """The original's copyright lines and the OFL's text (from Debian's copyright file)."""
    text = (root / WENKAI_COPYRIGHT).read_text(encoding="utf-8")
    start = text.index("License: OFL-1.1\n -----")
    end = text.index("\nLicense: GPL-3+", start)
    body = []
    for line in text[start:end].splitlines()[1:]:
        body.append("" if line == " ." else line.removeprefix(" "))
    return (
        f"WenKai Supplement ({SUPPLEMENT})\n{notice}\n\n"
        f"{copyright_notice}\n"
        'with Reserved Font Names "霞鹜" and "LXGW" (Debian\'s copyright file of '
        "fonts-lxgw-wenkai).\n\n" + "\n".join(body).strip() + "\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("/"), help="where the packages are")
    root = parser.parse_args().root
    copy_arphic(root)
    count = make_supplement(root)
    for path in sorted(FONTS.iterdir()):
        print(f"{path.stat().st_size:>10,}  {path.relative_to(ROOT)}")
    print(f"supplement: {count} characters")


if __name__ == "__main__":
    main()
