"""The generator's layout keeps its promises: each layer imports only from the layers below it,
no import cycle (not even inside a function), short modules, and one list of generated folders
that .gitignore follows."""

from __future__ import annotations

import ast
from pathlib import Path

from generator.pages.outputs import GENERATED_FOLDERS

from .helpers import ROOT

PACKAGE = ROOT / "generator"
# Lowest first. A module may import from its own layer and the ones before it.
LAYERS = [
    ("generator.problems", "generator.model"),
    ("generator.stretch_schema",),
    ("generator.read",),
    ("generator.figures",),
    ("generator.checks",),
    ("generator.pages",),
    ("generator.write", "generator.write_editions"),
    ("generator.site",),
    ("generator.cli", "generator.__main__"),
]
# Only what runs after MkDocs may load MkDocs, a browser or a PDF library.
AFTER_MKDOCS_ONLY = ("mkdocs", "playwright", "pypdf")
MAX_LINES = 300


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> int:
    for number, prefixes in enumerate(LAYERS):
        if any(module == prefix or module.startswith(prefix + ".") for prefix in prefixes):
            return number
    raise AssertionError(f"{module} belongs to no layer: add it to LAYERS")


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function, relative ones resolved."""
    package = module_name(path).rsplit(".", 1)[0] if path.name != "__init__.py" else None
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = (package or module_name(path)).split(".")
                base = ".".join(anchor[: len(anchor) - node.level + 1] + ([base] if base else []))
            found.add(base)
            # `from generator.pages import urls` imports the module generator.pages.urls.
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return found


def generator_modules() -> dict[str, Path]:
    """Every module of the package but the package's own (empty) __init__."""
    modules = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}
    return {name: path for name, path in modules.items() if name != "generator"}


def own_imports() -> dict[str, set[str]]:
    modules = generator_modules()
    return {name: imports_of(path) & set(modules) for name, path in modules.items()}


def test_each_layer_imports_only_from_the_layers_below_it() -> None:
    wrong = [
        f"{module} imports {imported}"
        for module, imported_modules in own_imports().items()
        for imported in sorted(imported_modules)
        if layer_of(imported) > layer_of(module)
    ]
    assert wrong == []


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle of the graph, as the modules along it, or []."""
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> list[str]:
        if module in path:
            return [*path[path.index(module) :], module]
        if module in done:
            return []
        for imported in sorted(graph.get(module, ())):
            cycle = visit(imported, [*path, module])
            if cycle:
                return cycle
        done.add(module)
        return []

    for module in sorted(graph):
        cycle = visit(module, [])
        if cycle:
            return cycle
    return []


def test_no_module_imports_itself_round_a_cycle() -> None:
    graph = {
        module: {
            imported
            for imported in imports
            if imported != module and not module.startswith(imported + ".")
        }
        for module, imports in own_imports().items()
    }  # a module's own package (its __init__), named in `from package import module`, is not
    assert find_cycle(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) == []


def test_the_layer_test_sees_a_lazy_import_inside_a_function(tmp_path: Path) -> None:
    module = tmp_path / "lazy.py"
    module.write_text("def f():\n    from generator.pages import urls\n")
    assert "generator.pages.urls" in imports_of_anywhere(module)


def imports_of_anywhere(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
    return found


def test_only_the_site_layer_loads_mkdocs_a_browser_or_pypdf() -> None:
    wrong = [
        f"{name} imports {imported}"
        for name, path in generator_modules().items()
        if layer_of(name) != layer_of("generator.site")
        for imported in sorted(imports_of(path))
        if imported.split(".")[0] in AFTER_MKDOCS_ONLY
    ]
    assert wrong == []


def test_no_module_is_longer_than_a_screenful_or_six() -> None:
    long = {
        name: lines
        for name, path in generator_modules().items()
        if (lines := len(path.read_text("utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_gitignore_ignores_exactly_the_generated_folders() -> None:
    """English's folders under docs/, and the same under every language's docs/<code>/."""
    lines = [line.strip() for line in (ROOT / ".gitignore").read_text().splitlines()]
    ignored = {line.removeprefix("docs/").rstrip("/") for line in lines if line.startswith("docs/")}
    english = {folder for folder in ignored if not folder.startswith("*/")}
    languages = {folder.removeprefix("*/") for folder in ignored if folder.startswith("*/")}
    assert english == set(GENERATED_FOLDERS)
    assert languages == set(GENERATED_FOLDERS)
