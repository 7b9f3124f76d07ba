"""Link gate: every internal link, image and anchor in the built site resolves, checked on the
HTML itself (any builder), and `mkdocs build --strict` refuses broken Markdown links."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.read.settings import load_site

from .helpers import copy_project, mkdocs_build, run
from .linkcheck import broken_links, main


def test_every_internal_link_image_and_anchor_in_the_site_resolves(built: Path, capsys) -> None:
    site, _ = load_site(built / "mkdocs.yml", "mkdocs.yml")
    broken, checked = broken_links(built / "site", site_url=site.url)
    with capsys.disabled():
        print(f"\nlinks: {checked} links in the built site checked, {len(broken)} broken")
    assert [str(problem) for problem in broken] == []
    pages = len(list((built / "site").rglob("*.html")))
    assert checked > 10 * pages  # every page has its nav, style sheets and scripts at least


def _write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    return folder


def test_the_checker_finds_each_kind_of_broken_link(tmp_path: Path) -> None:
    site = _write(
        tmp_path,
        {
            "index.html": """<!doctype html><html><head>
<link rel="stylesheet" href="style.css"><script src="missing.js"></script></head><body>
<a href="a/">ok</a> <a href="a/#step-2">ok anchor</a> <a href="a/#nope">bad anchor</a>
<a href="#here" id="here">ok here</a> <a href="#gone">bad here</a> <a href="#">top</a>
<a href="b/">no page</a> <a href="/a/?s=x,y">ok query</a> <a href="a">ok no slash</a>
<img src="img/dot.png" alt=""> <img srcset="img/dot.png 1x, img/big.png 2x" alt="">
<a href="https://example.org/nowhere">external</a> <a href="mailto:x@example.org">mail</a>
<a href="https://published.example/a/">ours, absolute</a>
<a href="https://published.example/c/">ours, absolute, missing</a>
<p style="background: url('img/none.png')">styled</p>
</body></html>""",
            "a/index.html": '<!doctype html><h2 id="step-2">Step 2</h2><a href="../">up</a>',
            "style.css": 'body { background: url("img/dot.png"); }\np { background: url(gone); }',
            "img/dot.png": "not really a picture",
        },
    )
    broken, checked = broken_links(site, site_url="https://published.example/")
    assert [str(problem) for problem in broken] == [
        "index.html:2: missing.js: no such file in the site",
        'index.html:3: a/#nope: no element with id "nope" on that page',
        'index.html:4: #gone: no element with id "gone" on that page',
        "index.html:5: b/: no such file in the site",
        "index.html:6: img/big.png: no such file in the site",
        "index.html:9: https://published.example/c/: no such file in the site",
        "index.html:10: img/none.png: no such file in the site",
        "style.css:2: gone: no such file in the site",
    ]
    assert checked == 22


def test_the_checker_runs_from_the_command_line(tmp_path: Path, capsys) -> None:
    site = _write(tmp_path, {"index.html": '<a href="nowhere/">x</a><a href="index.html">y</a>'})
    assert main([str(site)]) == 1
    out = capsys.readouterr().out
    assert "index.html:1: nowhere/: no such file in the site" in out
    assert "2 links checked: 1 broken" in out
    (site / "nowhere").mkdir()
    (site / "nowhere" / "index.html").write_text("<p>here</p>")
    assert main([str(site)]) == 0


@pytest.mark.site
def test_a_strict_build_refuses_a_broken_markdown_link_or_anchor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = copy_project(tmp_path)
    monkeypatch.chdir(folder)
    assert run("build") == 0
    result = mkdocs_build(folder)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    page = folder / "docs" / "links.md"
    page.write_text("# Links\n\n[Help](urgent-hlep.md)\n")
    result = mkdocs_build(folder)
    assert result.returncode == 1
    assert "contains a link 'urgent-hlep.md', but the target is not found" in result.stderr
    page.write_text("# Links\n\n[Help](urgent-help.md#no-such-heading)\n")
    result = mkdocs_build(folder)
    assert result.returncode == 1
    assert "does not contain an anchor '#no-such-heading'" in result.stderr
