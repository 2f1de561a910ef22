"""What WeasyPrint's tagged PDF still lacks for PDF/UA-1, added with pikepdf.

WeasyPrint 70 writes a structure tree, but:

- the content of page-margin boxes (running heads, page numbers) is marked as
  tagged content whose structure elements hang nowhere in the tree
  (Matterhorn checkpoint 18 wants them as artifacts);
- table header cells have no `/Scope`;
- link annotations lack the Print flag and a `/Contents` description;
- structure elements carry no `/Lang` (`render.py` records each element's
  language while WeasyPrint builds the tree; here the redundant ones are
  dropped, so only a change of language is written);
- the second half of a link broken over two lines has its annotation under a
  `/NonStruct` kid of the `/Link` instead of the `/Link`.

Everything here is deterministic: the same input gives the same bytes.
"""

from __future__ import annotations

import io

import pikepdf
from pikepdf import Array, Dictionary, Name

# Annotation flags (ISO 32000-1, 12.5.3): Print; not Hidden, not NoView.
PRINT_FLAG = 4
HIDDEN_FLAGS = 2 | 32


def _key(obj: pikepdf.Object) -> tuple[int, int]:
    return obj.objgen


def _kids(element: pikepdf.Object) -> list[pikepdf.Object]:
    kids = element.get("/K")
    if kids is None:
        return []
    if isinstance(kids, Array):
        return [kid for kid in kids if isinstance(kid, Dictionary)]
    return [kids] if isinstance(kids, Dictionary) else []


def _struct_elements(root: pikepdf.Object) -> list[pikepdf.Object]:
    """Every structure element reachable from the tree root, in document order."""
    found: list[pikepdf.Object] = []
    seen: set[tuple[int, int]] = set()
    stack = list(reversed(_kids(root)))
    while stack:
        element = stack.pop()
        if element.get("/Type") in (Name.OBJR, Name.MCR):
            continue
        if element.is_indirect:
            if _key(element) in seen:
                continue
            seen.add(_key(element))
        found.append(element)
        stack.extend(reversed(_kids(element)))
    return found


def _parent_tree(root: pikepdf.Object) -> dict[int, pikepdf.Object]:
    """The structure root's ParentTree as {key: value} (WeasyPrint writes a flat /Nums)."""
    tree = root.get("/ParentTree")
    if tree is None:
        return {}
    nums = tree.get("/Nums", Array())
    return {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}


def _artifacts(pdf: pikepdf.Pdf, reachable: set[tuple[int, int]]) -> None:
    """Marked content whose structure element is outside the tree becomes an artifact."""
    root = pdf.Root.StructTreeRoot
    parents = _parent_tree(root)
    for number, page in enumerate(pdf.pages):
        page_obj = page.obj
        key = page_obj.get("/StructParents")
        if key is None:
            key = number  # WeasyPrint numbers the pages' parent-tree entries from 0
        entries = parents.get(int(key))
        if not isinstance(entries, Array):
            continue
        orphans = {
            mcid
            for mcid, element in enumerate(entries)
            if isinstance(element, Dictionary) and _key(element) not in reachable
        }
        if not orphans:
            continue
        instructions = pikepdf.parse_content_stream(page)
        changed = False
        for index, instruction in enumerate(instructions):
            if str(instruction.operator) != "BDC":
                continue
            operands = instruction.operands
            properties = operands[1] if len(operands) > 1 else None
            if not isinstance(properties, Dictionary) or "/MCID" not in properties:
                continue
            if int(properties.MCID) in orphans:
                artifact = [Name.Artifact, Dictionary(Type=Name.Pagination)]
                instructions[index] = pikepdf.ContentStreamInstruction(
                    artifact, pikepdf.Operator("BDC")
                )
                changed = True
        if changed:
            page_obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(instructions))
            for mcid in orphans:
                entries[mcid] = None


def _scope(elements: list[pikepdf.Object], parent_of: dict) -> None:
    """`/Scope` on every table header cell: Column in a header row, Row otherwise."""
    for element in elements:
        if element.get("/S") != Name.TH:
            continue
        row = parent_of.get(_key(element))
        section = parent_of.get(_key(row)) if row is not None else None
        in_head = section is not None and section.get("/S") == Name.THead
        scope = Name.Column if in_head or _first_row(row, section) else Name.Row
        attributes = element.get("/A")
        if isinstance(attributes, Array):
            table = next(
                (a for a in attributes if isinstance(a, Dictionary) and a.get("/O") == Name.Table),
                None,
            )
            if table is None:
                table = Dictionary(O=Name.Table)
                attributes.append(table)
        elif isinstance(attributes, Dictionary) and attributes.get("/O") == Name.Table:
            table = attributes
        else:
            table = Dictionary(O=Name.Table)
            element.A = Array([attributes, table]) if attributes is not None else table
        table.Scope = scope


def _first_row(row, section) -> bool:
    """A row of header cells only is a header row even without <thead>."""
    if row is None:
        return False
    cells = _kids(row)
    return bool(cells) and all(cell.get("/S") == Name.TH for cell in cells)


def _annotations(pdf: pikepdf.Pdf) -> None:
    """Links are printed (Print flag) and described (`/Contents`) for assistive technology."""
    for page in pdf.pages:
        for annotation in page.obj.get("/Annots", Array()):
            if annotation.get("/Subtype") not in (Name.Link, Name.Widget):
                continue
            flags = int(annotation.get("/F", 0))
            annotation.F = (flags | PRINT_FLAG) & ~HIDDEN_FLAGS
            if annotation.get("/Subtype") == Name.Link and "/Contents" not in annotation:
                action = annotation.get("/A")
                if isinstance(action, Dictionary) and "/URI" in action:
                    annotation.Contents = pikepdf.String(str(action.URI))
                else:
                    annotation.Contents = pikepdf.String(_internal_label(pdf))


def _internal_label(pdf: pikepdf.Pdf) -> str:
    lang = str(pdf.Root.get("/Lang", "")).lower()
    return (
        "Odkaz na jiné místo v dokumentu" if lang.startswith("cs") else "Link within the document"
    )


def _languages(elements_root: pikepdf.Object, default: str) -> None:
    """Keep `/Lang` only where the language changes from the enclosing element's."""

    def walk(element: pikepdf.Object, inherited: str) -> None:
        for kid in _kids(element):
            if kid.get("/Type") in (Name.OBJR, Name.MCR):
                continue
            lang = kid.get("/Lang")
            if lang is not None:
                if str(lang) == inherited:
                    del kid["/Lang"]
                else:
                    inherited_here = str(lang)
                    walk(kid, inherited_here)
                    continue
            walk(kid, inherited)

    walk(elements_root, default)


def _link_parents(pdf: pikepdf.Pdf, root: pikepdf.Object) -> None:
    """A link broken over two lines has its second annotation under a /NonStruct kid of
    the /Link: the annotation belongs to the /Link itself."""
    tree = root.get("/ParentTree")
    if tree is None:
        return
    nums = tree.get("/Nums", Array())
    index = {int(nums[i]): i + 1 for i in range(0, len(nums), 2)}
    for page in pdf.pages:
        for annotation in page.obj.get("/Annots", Array()):
            if annotation.get("/Subtype") != Name.Link or "/StructParent" not in annotation:
                continue
            slot = index.get(int(annotation.StructParent))
            element = nums[slot] if slot is not None else None
            if not isinstance(element, Dictionary) or element.get("/S") == Name.Link:
                continue
            link = element.get("/P")
            while isinstance(link, Dictionary) and link.get("/S") not in (Name.Link, None):
                link = link.get("/P")
            if not isinstance(link, Dictionary) or link.get("/S") != Name.Link:
                continue
            kids = element.get("/K")
            if not isinstance(kids, Array):
                continue
            objr = next((kid for kid in kids if _refers_to(kid, annotation)), None)
            if objr is None:
                continue
            element.K = Array([kid for kid in kids if not _refers_to(kid, annotation)])
            link_kids = link.get("/K")
            if not isinstance(link_kids, Array):
                link.K = Array([link_kids]) if link_kids is not None else Array()
            link.K.append(objr)
            nums[slot] = link


def _refers_to(kid: pikepdf.Object, annotation: pikepdf.Object) -> bool:
    return (
        isinstance(kid, Dictionary)
        and kid.get("/Type") == Name.OBJR
        and kid.get("/Obj") is not None
        and kid.Obj.objgen == annotation.objgen
    )


def finish(data: bytes) -> bytes:
    """The PDF with the fixes above; the same `data` always gives the same bytes."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root.get("/StructTreeRoot")
        if root is not None:
            elements = _struct_elements(root)
            reachable = {_key(e) for e in elements if e.is_indirect}
            parent_of: dict[tuple[int, int], pikepdf.Object] = {}
            for element in [root, *elements]:
                for kid in _kids(element):
                    if kid.is_indirect:
                        parent_of[_key(kid)] = element
            _artifacts(pdf, reachable)
            _scope(elements, parent_of)
            _link_parents(pdf, root)
            _languages(root, str(pdf.Root.get("/Lang", "")))
        _annotations(pdf)
        out = io.BytesIO()
        # deterministic_id: the file identifier comes from the content, not the clock.
        pdf.save(out, deterministic_id=True, compress_streams=True)
        return out.getvalue()
