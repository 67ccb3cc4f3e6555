"""IMS QTI 2.1 and 3.0 question banks: single item files and content packages (imsmanifest.xml), read
into neutral items and written back (docs/bank-format.md, "QTI").

QTI 3.0 names its elements and attributes in kebab case with a `qti-` prefix (`qti-choice-interaction`,
`response-identifier`); both versions are read by one reader after 3.0's names are turned into
2.1's (`choiceInteraction`, `responseIdentifier`). An item is scored as its source would score it,
or it is not imported: its correctResponse, or its mapping (lower and upper bounds, default values,
negative entries) worked out for every response a candidate can give, must come to what ExamDesk's
rule gives (full points for exactly the key, nothing otherwise; each blank its equal share), else the
item is listed as unsupported with the reason. Interactions ExamDesk cannot represent (hotspot,
order, match, hottext, inline choice, the graphic ones ...), template variables and response
processing it cannot honour are listed as unsupported with the file and the item identifier.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from xml.etree import ElementTree as ET

from app.banks.choice_scoring import NotHonoured, choice_key
from app.banks.markup import element_text, local_media
from app.banks.neutral import BankInfoRow, NeutralItem, ReadResult, number_json, true_false
from app.errors import Problem

Member = tuple[str, bytes]

NS_21 = "http://www.imsglobal.org/xsd/imsqti_v2p1"
NS_30 = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"
CP_21 = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_30 = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1"
EXAMDESK_NS = "urn:examdesk:bank:1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_21 = f"{NS_21} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1p2.xsd"
SCHEMA_30 = f"{NS_30} https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd"
CP_SCHEMA_21 = f"{CP_21} http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
CP_SCHEMA_30 = f"{CP_30} https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd"
VERSIONS = ("2.1", "3.0")

SUPPORTED = frozenset({"choiceInteraction", "textEntryInteraction", "extendedTextInteraction"})
# response processing ExamDesk can honour when an item writes its own (no template)
CUSTOM_OK = frozenset({"responseProcessing", "responseCondition", "responseIf", "responseElseIf", "responseElse",
                       "match", "variable", "correct", "mapResponse", "setOutcomeValue", "sum", "baseValue",
                       "isNull", "and", "or", "not", "gt", "gte"})  # fmt: skip
NOT_IN_STEM = frozenset({"choiceInteraction", "extendedTextInteraction", "rubricBlock", "feedbackBlock",
                         "feedbackInline", "modalFeedback", "templateBlock", "templateInline", "prompt",
                         "printedVariable"})  # fmt: skip
PROPORTIONAL = (
    "the source gives a share of the points per correct option chosen; ExamDesk does so only where "
    "the paper's blueprint sets proportional credit for multiple choice"
)


def qti_name(name: str) -> str:
    """A QTI 3.0 name in QTI 2.1's spelling: qti-choice-interaction -> choiceInteraction."""
    if name.startswith("qti-"):
        name = name[4:]
    elif "-" not in name:
        return name
    head, *rest = name.split("-")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def normalise(root: ET.Element) -> ET.Element:
    """QTI 3.0's element and attribute names in 2.1's spelling (namespaces are already gone)."""
    for e in root.iter():
        if isinstance(e.tag, str) and e.tag.startswith("qti-"):
            e.tag = qti_name(e.tag)
            e.attrib = {qti_name(k): v for k, v in e.attrib.items()}
        elif any("-" in k for k in e.attrib) and e.tag in ("simpleChoice", "prompt"):
            e.attrib = {qti_name(k): v for k, v in e.attrib.items()}
    return root


def kind_of(root: ET.Element) -> str:
    """'item', 'test', 'manifest' or '' for an XML document's root (namespaces gone)."""
    return {"assessmentItem": "item", "qti-assessment-item": "item", "assessmentTest": "test",
            "qti-assessment-test": "test", "manifest": "manifest"}.get(str(root.tag), "")  # fmt: skip


@dataclass
class _Decl:
    cardinality: str = "single"
    base_type: str = "identifier"
    correct: list[str] = field(default_factory=list)
    entries: list[tuple[str, Decimal, bool]] = field(default_factory=list)  # (key, value, case sensitive)
    has_mapping: bool = False
    default: Decimal = Decimal(0)
    lower: Decimal | None = None
    upper: Decimal | None = None

    def clamp(self, value: Decimal) -> Decimal:
        if self.lower is not None and value < self.lower:
            value = self.lower
        if self.upper is not None and value > self.upper:
            value = self.upper
        return value


class _Unsupported(Exception):
    pass


class _Bad(Exception):
    pass


def _decimal(text: str | None, what: str) -> Decimal:
    try:
        value = Decimal((text or "").strip())
    except InvalidOperation:
        raise _Bad(f"{what} must be a number, got {text!r}") from None
    if not value.is_finite():
        raise _Bad(f"{what} must be a number, got {text!r}")
    return value


def _declarations(item: ET.Element) -> dict[str, _Decl]:
    out = {}
    for d in item.findall("responseDeclaration"):
        decl = _Decl(d.get("cardinality", "single"), d.get("baseType", "identifier"))
        correct = d.find("correctResponse")
        if correct is not None:
            decl.correct = [(v.text or "").strip() for v in correct.findall("value")]
        mapping = d.find("mapping")
        if mapping is not None:
            decl.has_mapping = True
            decl.default = _decimal(mapping.get("defaultValue", "0"), "defaultValue")
            if mapping.get("lowerBound") is not None:
                decl.lower = _decimal(mapping.get("lowerBound"), "lowerBound")
            if mapping.get("upperBound") is not None:
                decl.upper = _decimal(mapping.get("upperBound"), "upperBound")
            for entry in mapping.findall("mapEntry"):
                decl.entries.append((entry.get("mapKey", "").strip(), _decimal(entry.get("mappedValue"), "mappedValue"),
                                     entry.get("caseSensitive", "true").strip().lower() != "false"))  # fmt: skip
        if d.find("areaMapping") is not None:
            raise _Unsupported("an area mapping (areaMapping) belongs to a graphic interaction ExamDesk cannot show")
        out[d.get("identifier", "")] = decl
    return out


def _processing(item: ET.Element) -> str:
    """'match_correct', 'map_response', 'custom' or 'none'; unsupported processing is refused."""
    rp = item.find("responseProcessing")
    if rp is None:
        return "none"
    template = (rp.get("template") or rp.get("templateLocation") or "").strip()
    if template:
        name = template.rstrip("/").rsplit("/", 1)[-1].removesuffix(".xml")
        if name in ("match_correct", "map_response"):
            return name
        raise _Unsupported(f"the response processing template {name} is not one ExamDesk can honour "
                           "(match_correct, map_response)")  # fmt: skip
    for e in rp.iter():
        if e.tag == "equal" and e.get("toleranceMode", "exact") != "exact":
            raise _Unsupported(f"a numeric answer with a tolerance ({e.get('toleranceMode')} "
                               f"{e.get('tolerance', '')}): ExamDesk compares answers as written")  # fmt: skip
        if e.tag not in CUSTOM_OK:
            raise _Unsupported(f"its own response processing uses {e.tag}, which ExamDesk cannot honour")
    return "custom"


def _stated_points(item: ET.Element) -> Decimal | None:
    """The item's maximum score where it states one: a MAXSCORE outcome, or SCORE's normalMaximum."""
    for o in item.findall("outcomeDeclaration"):
        if o.get("identifier") == "MAXSCORE":
            value = o.find("defaultValue/value")
            if value is not None and (value.text or "").strip():
                return _decimal(value.text, "MAXSCORE")
    for o in item.findall("outcomeDeclaration"):
        if o.get("identifier") == "SCORE" and o.get("normalMaximum"):
            return _decimal(o.get("normalMaximum"), "normalMaximum")
    return None


def _custom_points(item: ET.Element) -> Decimal | None:
    """The score a custom processing sets for a correct response: its largest baseValue given to SCORE."""
    values = [_decimal(b.text, "baseValue") for s in item.iter("setOutcomeValue") if s.get("identifier") == "SCORE"
              for b in s.iter("baseValue")]  # fmt: skip
    return max(values) if values else None


@dataclass
class _Place:
    source: str  # the file messages name (the package, or the item file)
    where: str  # the item file inside the package and the item identifier
    folder: str  # the item file's folder inside the package, for its media
    source_id: str
    has_id: bool = True
    category: str = ""
    extra: ET.Element | None = None  # ExamDesk's own metadata, when the package came from ExamDesk


def read_item(root: ET.Element, place: _Place, media: set[str], out: ReadResult) -> None:
    """One assessmentItem into `out`: an item, or an unsupported part or a problem naming it."""
    normalise(root)
    try:
        item = _item(root, place, media, out)
    except _Unsupported as exc:
        reason = str(exc)
        out.unsupported.append(Problem(place.source, None, place.where, reason))
        return
    except _Bad as exc:
        reason = str(exc)
        out.problems.append(Problem(place.source, None, place.where, reason))
        return
    out.items.append(item)


def _item(root: ET.Element, place: _Place, media: set[str], out: ReadResult) -> NeutralItem:
    if root.find("templateDeclaration") is not None or root.find("templateProcessing") is not None:
        raise _Unsupported("template variables (templateDeclaration): ExamDesk cannot make the item's values up")
    body = root.find("itemBody")
    if body is None:
        raise _Bad("no itemBody: the item has no question")
    interactions = [e for e in body.iter() if str(e.tag).endswith("Interaction")]
    others = sorted({str(e.tag) for e in interactions if e.tag not in SUPPORTED})
    if others:
        raise _Unsupported(f"{', '.join(others)} is not supported; ExamDesk has choiceInteraction, "
                           "textEntryInteraction and extendedTextInteraction")  # fmt: skip
    kinds = {str(e.tag) for e in interactions}
    if not interactions:
        raise _Unsupported("no interaction: nothing for a candidate to answer")
    if len(kinds) > 1 or (kinds != {"textEntryInteraction"} and len(interactions) > 1):
        raise _Unsupported(f"{len(interactions)} interactions in one item ({', '.join(sorted(kinds))}); ExamDesk "
                           "has one question per item (several blanks are fine)")  # fmt: skip
    decls = _declarations(root)
    processing = _processing(root)
    images: list[str] = []
    stem = element_text(body, skip=NOT_IN_STEM, blank=frozenset({"textEntryInteraction"}), images=images)
    first = interactions[0]
    prompt = first.find("prompt")
    if prompt is not None:
        stem = "\n".join(t for t in (stem, element_text(prompt, images=images)) if t)
    if not stem:
        raise _Bad("empty: the question has no text")
    feedback = [element_text(f) for f in root.findall("modalFeedback")]
    item = NeutralItem(source_id=place.source_id, type="essay", stem=stem, source=place.source,
                       location=place.where, has_id=place.has_id, category=place.category,
                       explanation="\n".join(t for t in feedback if t))  # fmt: skip
    for identifier in [e.get("responseIdentifier", "") for e in interactions]:
        if identifier not in decls:
            raise _Bad(f"the interaction's response {identifier!r} has no responseDeclaration")
    stated = _stated_points(root)
    if first.tag == "choiceInteraction":
        _choice(item, first, decls[first.get("responseIdentifier", "")], processing, root, stated, images, out)
    elif first.tag == "textEntryInteraction":
        _blanks(item, interactions, decls, processing, root, stated, out)
    else:
        decl = decls[first.get("responseIdentifier", "")]
        lines = first.get("expectedLines", "")
        item.type = "short_answer" if lines.isdigit() and int(lines) <= 5 else "essay"
        item.model_answer = "\n".join(decl.correct)
        item.points = stated
    _media(item, images, place, media, out)
    if place.extra is not None:
        _examdesk_extra(item, place.extra)
    return item


def _choice(item: NeutralItem, interaction: ET.Element, decl: _Decl, processing: str, root: ET.Element,
            stated: Decimal | None, images: list[str], out: ReadResult) -> None:  # fmt: skip
    choices = [(c.get("identifier", ""), element_text(c, skip=frozenset({"feedbackInline"}), images=images))
               for c in interaction.findall("simpleChoice")]  # fmt: skip
    if len(choices) < 2:
        raise _Bad("a choice question needs two choices or more")
    ids = [c for c, _t in choices]
    if len(set(ids)) != len(ids):
        raise _Bad("two choices have the same identifier")
    if any(not text for _c, text in choices):
        raise _Bad("a choice has no text")
    texts = [t for _c, t in choices]
    if len(set(texts)) != len(texts):
        raise _Bad("two choices read the same")
    max_choices = int(interaction.get("maxChoices", "1") or "1") if decl.cardinality != "single" else 1
    if decl.cardinality not in ("single", "multiple"):
        raise _Unsupported(f"a choice response of cardinality {decl.cardinality}")
    item.options = tuple(texts)
    shuffle = interaction.get("shuffle", "false").strip().lower() == "true"
    fixed = any(c.get("fixed", "false").strip().lower() == "true" for c in interaction.findall("simpleChoice"))
    item.shuffle = shuffle and not fixed
    if (
        decl.has_mapping
        and processing in ("map_response", "custom")
        and (processing == "map_response" or any(True for _m in root.iter("mapResponse")))
    ):
        value = {key: mapped for key, mapped, _case in reversed(decl.entries)}
        try:
            key, best, proportional = choice_key(ids, value, decl.default, decl.lower, decl.upper, max_choices)
            points: Decimal | None = best
        except NotHonoured as exc:
            shown = ", ".join(f"{k}: {number_json(v)}" for k, v in value.items())
            raise _Unsupported(
                f"its mapping ({shown}; default {number_json(decl.default)}, bounds "
                f"{number_json(decl.lower)}..{number_json(decl.upper)}): {exc}"
            ) from None
        if proportional:
            out.warnings.append(Problem(item.source, None, item.location, PROPORTIONAL))
    else:
        if not decl.correct:
            raise _Bad("no correctResponse: the key is not stated")
        unknown = [v for v in decl.correct if v not in ids]
        if unknown:
            raise _Bad(f"the correctResponse names {unknown[0]}, which is no choice")
        key = set(decl.correct)
        points = stated or (_custom_points(root) if processing == "custom" else None)
        if points is None and processing == "match_correct":
            points = Decimal(1)
    item.key = tuple(text for c, text in choices if c in key)
    item.points = points
    if decl.cardinality == "single":
        item.type = "single"
        verdicts = [true_false(t) for t in texts]
        if len(texts) == 2 and None not in verdicts and verdicts[0] != verdicts[1]:
            item.type = "true_false"
            item.options = ()
    else:
        item.type = "multiple"


def _blanks(item: NeutralItem, interactions: list[ET.Element], decls: dict[str, _Decl], processing: str,
            root: ET.Element, stated: Decimal | None, out: ReadResult) -> None:  # fmt: skip
    item.type = "fill_in"
    answers: list[tuple[str, ...]] = []
    worth: list[Decimal | None] = []
    for e in interactions:
        decl = decls[e.get("responseIdentifier", "")]
        if decl.cardinality != "single":
            raise _Unsupported(f"a text entry of cardinality {decl.cardinality}")
        accepted: list[str] = []
        value: Decimal | None = None
        if decl.has_mapping and processing in ("map_response", "custom"):
            positive = [(k, v) for k, v, _c in decl.entries if decl.clamp(v) > 0]
            wrong = decl.clamp(decl.default)
            values = {decl.clamp(v) for _k, v in positive}
            if wrong != 0 or len(values) > 1 or any(decl.clamp(v) < 0 for _k, v, _c in decl.entries):
                raise _Unsupported("its mapping gives some answers part of the points, or takes points off; "
                                   "ExamDesk gives a blank its share for an accepted answer, or nothing")  # fmt: skip
            accepted = [k for k, _v in positive]
            value = values.pop() if values else None
            cased = [k for k, _v, case in decl.entries if case and k != k.casefold()]
        else:
            accepted = list(decl.correct)
            cased = [k for k in accepted if k != k.casefold()]
        for answer in decl.correct:
            if answer not in accepted and not decl.has_mapping:
                accepted.append(answer)
        if not accepted:
            raise _Bad(f"the blank {e.get('responseIdentifier')} has no accepted answer")
        if cased:
            out.warnings.append(Problem(item.source, None, item.location, f"the source compares {cased[0]!r} with "
                                        "its letter case; ExamDesk accepts it in any case"))  # fmt: skip
        answers.append(tuple(accepted))
        worth.append(value)
    if all(w is not None for w in worth):
        if len(set(worth)) > 1:
            raise _Unsupported("its blanks are worth different points; ExamDesk gives each blank an equal share")
        item.points = sum((w for w in worth if w is not None), Decimal(0))
    else:
        item.points = stated or (_custom_points(root) if processing == "custom" else None)
        if item.points is None and processing == "match_correct":
            item.points = Decimal(1)
    item.key = tuple(answers)


def _media(item: NeutralItem, images: list[str], place: _Place, media: set[str], out: ReadResult) -> None:
    found = []
    for src in images:
        name = local_media(src)
        if name is None:
            out.warnings.append(Problem(place.source, None, place.where, f"an image from {src[:60]!r} is not "
                                        "loaded: only files of the package are kept"))  # fmt: skip
            continue
        path = posixpath.normpath(posixpath.join(place.folder, name)) if place.folder else posixpath.normpath(name)
        if path not in media:
            out.warnings.append(Problem(place.source, None, place.where, f"media file not found: {path}"))
        found.append(path)
    item.media = tuple(dict.fromkeys(found))


def _examdesk_extra(item: NeutralItem, extra: ET.Element) -> None:
    """What ExamDesk wrote about its own item in the manifest (area, code, levels, ...), read back."""
    item.area = extra.get("area", "")
    item.code = extra.get("code", "")
    item.levels = tuple(int(v) if v.isdigit() else v for v in extra.get("levels", "").split(",") if v)
    if extra.get("difficulty", "").isdigit():
        item.difficulty = int(extra.get("difficulty", ""))
    item.enemies = tuple(v for v in extra.get("enemies", "").split(",") if v)
    kind = extra.get("type", "")
    if kind in ("short_answer", "essay") and item.type in ("short_answer", "essay"):
        item.type = kind
    try:
        item.rubric = tuple(((p.text or "").strip(), Decimal(p.get("max", ""))) for p in extra.findall("point"))
    except InvalidOperation:
        item.rubric = ()
    model = extra.find("answer")
    if model is not None:
        item.model_answer = (model.text or "").strip()
    if extra.get("media"):
        item.media = tuple(extra.get("media", "").split("|"))


# -- packages --------------------------------------------------------------------------------------------


def read_qti(package: str, xml: Sequence[tuple[str, str, ET.Element]], members: set[str]) -> ReadResult:
    """QTI items of a package. `xml`: (member name, path inside the package, root) of its XML files
    that are QTI (items, tests, manifests); `members`: every path inside the package."""
    result = ReadResult()
    manifests = [(n, r, root) for n, r, root in xml if kind_of(root) == "manifest"]
    by_path = {rel: (name, root) for name, rel, root in xml}
    if manifests:
        for _name, rel, root in manifests:
            _read_manifest(package, rel, root, by_path, members, result)
        return result
    roots = [(n, r, root) for n, r, root in xml if kind_of(root) == "item"]
    categories = {}
    for _n, rel, root in xml:
        if kind_of(root) == "test":
            categories.update(_test_categories(normalise(root), posixpath.dirname(rel)))
    counts: dict[str, int] = {}
    for _n, _rel, root in roots:
        counts[root.get("identifier", "")] = counts.get(root.get("identifier", ""), 0) + 1
    for _name, rel, root in roots:
        identifier = root.get("identifier", "")
        # an identifier repeated across files: each keeps its own by its file
        source_id = identifier if identifier and counts[identifier] == 1 else rel.rsplit(".", 1)[0]
        place = _Place(package, f"{rel} [{identifier}]", posixpath.dirname(rel), source_id,
                       category=categories.get(rel, ""))  # fmt: skip
        read_item(root, place, members, result)
    return result


def _test_categories(test: ET.Element, folder: str) -> dict[str, str]:
    """Item file -> 'test / part / section' titles, from an assessmentTest's item references."""
    out = {}

    def walk(e: ET.Element, trail: tuple[str, ...]) -> None:
        for child in e:
            if child.tag in ("testPart", "assessmentSection"):
                walk(child, (*trail, child.get("title") or child.get("identifier") or ""))
            elif child.tag == "assessmentItemRef" and child.get("href"):
                out[_join(folder, child.get("href", ""))] = " / ".join(t for t in trail if t)

    walk(test, (test.get("title") or test.get("identifier") or "",))
    return out


def _join(folder: str, href: str) -> str:
    href = href.split("#", 1)[0]
    while href.startswith("./"):
        href = href[2:]
    return posixpath.normpath(posixpath.join(folder, href)) if folder else posixpath.normpath(href)


def _read_manifest(package: str, rel: str, manifest: ET.Element, by_path: dict[str, tuple[str, ET.Element]],
                   members: set[str], out: ReadResult) -> None:  # fmt: skip
    folder = posixpath.dirname(rel)
    bank = manifest.find("metadata/bank")
    if bank is not None:  # written by ExamDesk: the bank it came from
        out.info[package] = BankInfoRow(bank.get("bank", ""), bank.get("title", ""), bank.get("standard", ""),
                                        bank.get("subtype", ""), bank.get("version", ""))  # fmt: skip
    resources = manifest.find("resources")
    if resources is None:
        out.problems.append(Problem(package, None, rel, "the manifest has no resources"))
        return
    base = _join(folder, resources.get("base", "")) if resources.get("base") else folder
    categories: dict[str, str] = {}
    items = []
    for res in resources.findall("resource"):
        kind = res.get("type", "")
        where = _join(_join(base, res.get("base", "")) if res.get("base") else base, res.get("href", "")) \
            if res.get("href") else ""  # fmt: skip
        if kind.startswith(("imsqti_test", "imsqti_assessment")) and where in by_path:
            categories.update(_test_categories(normalise(by_path[where][1]), posixpath.dirname(where)))
        elif kind.startswith("imsqti_item"):
            items.append((res, where))
    for res, where in items:
        identifier = res.get("identifier", "")
        if where not in by_path:
            if where in members:
                out.problems.append(Problem(package, None, f"{rel} [{identifier}]", f"{where} is no QTI item"))
            else:
                out.problems.append(Problem(package, None, f"{rel} [{identifier}]", f"the manifest names "
                                            f"{where or '(no href)'}, which is not in the package"))  # fmt: skip
            continue
        root = by_path[where][1]
        extra = res.find("metadata/examdesk")
        place = _Place(package, f"{where} [{root.get('identifier', '')}]", posixpath.dirname(where),
                       identifier or root.get("identifier", ""), category=categories.get(where, ""),
                       extra=extra)  # fmt: skip
        if kind_of(root) != "item":
            out.problems.append(Problem(package, None, place.where, "the manifest's item resource is no "
                                        "assessmentItem"))  # fmt: skip
            continue
        read_item(root, place, members, out)


# -- writing ------------------------------------------------------------------------------------------


def _lines(parent: ET.Element, text: str, tag: str = "p") -> None:
    """Text as one element whose lines are separated by <br/>."""
    p = ET.SubElement(parent, tag)
    lines = text.split("\n")
    p.text = lines[0]
    for line in lines[1:]:
        br = ET.SubElement(p, "br")
        br.tail = line


def _value_decl(item: ET.Element, identifier: str, cardinality: str, base: str, values: Sequence[str]) -> ET.Element:
    d = ET.SubElement(item, "responseDeclaration", identifier=identifier, cardinality=cardinality, baseType=base)
    if values:
        c = ET.SubElement(d, "correctResponse")
        for v in values:
            ET.SubElement(c, "value").text = v
    return d


def _outcomes(item: ET.Element, points: Decimal | None) -> None:
    ET.SubElement(item, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float")
    if points is not None:
        o = ET.SubElement(item, "outcomeDeclaration", identifier="MAXSCORE", cardinality="single", baseType="float")
        ET.SubElement(ET.SubElement(o, "defaultValue"), "value").text = _num(points)


def _num(value: Decimal) -> str:
    return str(number_json(value))


def _all_or_nothing(item: ET.Element, points: Decimal) -> None:
    rp = ET.SubElement(item, "responseProcessing")
    cond = ET.SubElement(rp, "responseCondition")
    when = ET.SubElement(cond, "responseIf")
    match = ET.SubElement(when, "match")
    ET.SubElement(match, "variable", identifier="RESPONSE")
    ET.SubElement(match, "correct", identifier="RESPONSE")
    ET.SubElement(ET.SubElement(when, "setOutcomeValue", identifier="SCORE"), "baseValue",
                  baseType="float").text = _num(points)  # fmt: skip
    other = ET.SubElement(cond, "responseElse")
    ET.SubElement(ET.SubElement(other, "setOutcomeValue", identifier="SCORE"), "baseValue", baseType="float").text = "0"


def item_xml(it: NeutralItem, identifier: str) -> ET.Element:
    """One neutral item as a QTI 2.1 assessmentItem (3.0's names are made from it by `to_30`)."""
    root = ET.Element("assessmentItem", identifier=identifier, title=identifier, adaptive="false",
                      timeDependent="false")  # fmt: skip
    points = it.points if it.points is not None else Decimal(1)
    body = ET.Element("itemBody")
    if it.type in ("single", "multiple", "true_false"):
        options = it.options if it.type != "true_false" else ("正确", "错误")
        ids = [f"choice_{chr(65 + n)}" if n < 26 else f"choice_{n}" for n in range(len(options))]
        if it.type == "true_false":
            key = [ids[0] if true_false(str(it.key[0]) if it.key else "") else ids[1]]
        else:
            key = [ids[options.index(k)] for k in it.key if k in options]
        cardinality = "multiple" if it.type == "multiple" else "single"
        _value_decl(root, "RESPONSE", cardinality, "identifier", key)
        _outcomes(root, it.points)
        interaction = ET.SubElement(body, "choiceInteraction", responseIdentifier="RESPONSE",
                                    shuffle="false" if it.shuffle is False else "true",
                                    maxChoices="0" if it.type == "multiple" else "1")  # fmt: skip
        _lines(interaction, it.stem, "prompt")
        for cid, text in zip(ids, options, strict=True):
            choice = ET.SubElement(interaction, "simpleChoice", identifier=cid)
            choice.text = text
        root.append(body)
        _all_or_nothing(root, points)
    elif it.type == "fill_in":
        share = points / max(len(it.key), 1)
        names = [f"RESPONSE_{n + 1}" for n in range(len(it.key))]
        for name, blank in zip(names, it.key, strict=True):
            d = _value_decl(root, name, "single", "string", [str(blank[0])] if blank else [])
            mapping = ET.SubElement(d, "mapping", defaultValue="0", lowerBound="0", upperBound=_num(share))
            for answer in blank:
                ET.SubElement(mapping, "mapEntry", mapKey=str(answer), mappedValue=_num(share), caseSensitive="false")
        _outcomes(root, it.points)
        p = ET.SubElement(body, "p")
        pieces = re.split(r"_{4,}", it.stem)
        p.text = pieces[0]
        last: ET.Element | None = None
        for n, piece in enumerate(pieces[1:]):
            last = ET.SubElement(p, "textEntryInteraction", responseIdentifier=names[n] if n < len(names) else "X",
                                 expectedLength="15")  # fmt: skip
            last.tail = piece
        root.append(body)
        rp = ET.SubElement(root, "responseProcessing")
        total = ET.SubElement(ET.SubElement(rp, "setOutcomeValue", identifier="SCORE"), "sum")
        for name in names:
            ET.SubElement(total, "mapResponse", identifier=name)
    else:
        _value_decl(root, "RESPONSE", "single", "string", [it.model_answer] if it.model_answer else [])
        _outcomes(root, it.points)
        _lines(body, it.stem)
        ET.SubElement(body, "extendedTextInteraction", responseIdentifier="RESPONSE",
                      expectedLines="4" if it.type == "short_answer" else "12")  # fmt: skip
        root.append(body)
    for src in it.media:
        div = body.find("p") if body.find("p") is not None else body.find("choiceInteraction/prompt")
        if div is not None:
            ET.SubElement(div, "img", src=src, alt=posixpath.basename(src))
    if it.explanation:  # shown whatever the response: FEEDBACK never takes the value EXPLANATION
        ET.SubElement(root, "outcomeDeclaration", identifier="FEEDBACK", cardinality="single", baseType="identifier")
        fb = ET.SubElement(root, "modalFeedback", outcomeIdentifier="FEEDBACK", identifier="EXPLANATION",
                           showHide="hide")  # fmt: skip
        fb.text = it.explanation
    return root


def to_30(root: ET.Element) -> ET.Element:
    """A QTI 2.1 tree in 3.0's names: qti- prefixed kebab-case elements and attributes (XHTML stays)."""
    html = {"p", "br", "img", "div", "span"}

    def kebab(name: str) -> str:
        return re.sub(r"(?<!^)([A-Z])", lambda m: "-" + m[1].lower(), name)

    for e in root.iter():
        if e.tag in html:
            continue
        e.tag = "qti-" + kebab(str(e.tag))
        e.attrib = {kebab(k): v for k, v in e.attrib.items()}
    return root


def _ordered_item(root: ET.Element) -> ET.Element:
    """The item's children in the order the XSD wants: declarations, body, processing, feedback."""
    rank = {"responseDeclaration": 0, "outcomeDeclaration": 1, "itemBody": 2, "responseProcessing": 3,
            "modalFeedback": 4}  # fmt: skip
    children = sorted(list(root), key=lambda e: rank.get(str(e.tag), 5))
    for c in list(root):
        root.remove(c)
    root.extend(children)
    return root


def write_qti(items: Sequence[NeutralItem], info: BankInfoRow | None = None, version: str = "2.1") -> bytes:
    """A QTI content package (.zip): imsmanifest.xml and one item file per question, items/ID.xml;
    ExamDesk's own fields (area, code, levels, difficulty, rubric) in each resource's metadata."""
    info = info or BankInfoRow()
    ns, cp = (NS_21, CP_21) if version == "2.1" else (NS_30, CP_30)
    schema, cp_schema = (SCHEMA_21, CP_SCHEMA_21) if version == "2.1" else (SCHEMA_30, CP_SCHEMA_30)
    kind = "imsqti_item_xmlv2p1" if version == "2.1" else "imsqti_item_xmlv3p0"
    buffer = io.BytesIO()
    manifest = ET.Element("manifest", {"xmlns": cp, "xmlns:xsi": XSI, "xmlns:ed": EXAMDESK_NS,
                                       "identifier": _xml_id(info.bank or "examdesk-bank"),
                                       "xsi:schemaLocation": cp_schema})  # fmt: skip
    meta = ET.SubElement(manifest, "metadata")
    ET.SubElement(meta, "schema").text = "QTI Package"
    ET.SubElement(meta, "schemaversion").text = "2.1" if version == "2.1" else "3.0.0"
    bank = {"bank": info.bank, "title": info.title, "standard": info.standard, "subtype": info.subtype,
            "version": info.version}  # fmt: skip
    ET.SubElement(meta, "ed:bank", {k: v for k, v in bank.items() if v})
    ET.SubElement(manifest, "organizations")
    resources = ET.SubElement(manifest, "resources")
    used: set[str] = set()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for n, it in enumerate(items, 1):
            identifier = _xml_id(it.source_id if it.has_id else f"item-{n:04d}")
            while identifier in used:
                identifier += "_"
            used.add(identifier)
            root = _ordered_item(item_xml(it, identifier))
            if version == "3.0":
                to_30(root)
            root.set("xmlns", ns)
            root.set("xmlns:xsi", XSI)
            root.set("xsi:schemaLocation", schema)
            href = f"items/{identifier}.xml"
            archive.writestr(href, b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8",
                             xml_declaration=False))  # fmt: skip
            res = ET.SubElement(resources, "resource", identifier=identifier, type=kind, href=href)
            extra = ET.SubElement(ET.SubElement(res, "metadata"), "ed:examdesk", _extra_attrs(it, info))
            for text, mx in it.rubric:
                ET.SubElement(extra, "ed:point", max=_num(mx)).text = text
            if it.model_answer:
                ET.SubElement(extra, "ed:answer").text = it.model_answer
            ET.SubElement(res, "file", href=href)
        archive.writestr("imsmanifest.xml", b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(
            manifest, encoding="utf-8", xml_declaration=False))  # fmt: skip
    return buffer.getvalue()


def _extra_attrs(it: NeutralItem, info: BankInfoRow) -> dict[str, str]:
    attrs = {"type": it.type, "area": it.area, "code": it.code, "levels": ",".join(str(v) for v in it.levels),
             "difficulty": str(it.difficulty or ""), "enemies": ",".join(it.enemies), "media": "|".join(it.media),
             "bank": info.bank, "standard": info.standard}  # fmt: skip
    return {k: v for k, v in attrs.items() if v}


def _xml_id(text: str) -> str:
    """An XML identifier (NCName-like) from an item id."""
    ident = re.sub(r"[^\w.-]", "_", text)
    return ident if re.match(r"^[^\W\d]", ident) else f"I{ident}"
