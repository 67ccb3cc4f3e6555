"""The catalogue: standards, blueprints and banks loaded together, and papers built from them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from app import paths
from app.banks.bank_file import BankSet, read_banks
from app.banks.blueprint_file import BlueprintRule, choose_mix, read_blueprints
from app.banks.standard_file import read_standard_text, read_standards, read_weights
from app.domain.blueprint import skill_blueprint, theory_blueprint
from app.domain.item_versions import Observed, calibrated_levels
from app.domain.paper_assembly import Paper, PaperAssembler, build_skill_paper
from app.domain.standards import Level, LevelId, Part, Standard
from app.errors import DataFileError, Problem, UserFacingError


def read_standards_from(sources: Sequence[tuple[str, str]]) -> dict[str, Standard]:
    """Standards held in memory, by code; a later edition replaces an earlier one."""
    problems: list[Problem] = []
    out: dict[str, Standard] = {}
    for name, text in sources:
        try:
            std = read_standard_text(text, name)
        except DataFileError as exc:
            problems += exc.problems
            continue
        out[std.code] = std
    if problems:
        raise DataFileError(problems)
    return out


@dataclass
class Catalog:
    standards: dict[str, Standard]
    blueprints: list[BlueprintRule]
    bank_paths: Sequence[Path]
    imported: Sequence[tuple[str, str]] = ()  # banks imported into the store, as (name, YAML text)
    _banks: BankSet | None = field(default=None, repr=False)
    bundled_standards: dict[str, Standard] | None = field(default=None, repr=False)  # before any import
    imported_standards: Sequence[tuple[str, str]] = ()  # standards imported into the store

    @classmethod
    def load(
        cls,
        *,
        standards_dir: Path | None = None,
        blueprints_dir: Path | None = None,
        bank_paths: Sequence[Path] | None = None,
    ) -> Catalog:
        return cls(
            standards=read_standards(standards_dir or paths.standards_dir()),
            blueprints=read_blueprints(blueprints_dir or paths.blueprints_dir()),
            bank_paths=list(bank_paths) if bank_paths else [paths.samples_dir()],
        )

    @property
    def banks(self) -> BankSet:
        if self._banks is None:
            self._banks = read_banks(self.bank_paths, self.standards, sources=self.imported)
        return self._banks

    def with_imported(self, sources: Sequence[tuple[str, str]], standards: Sequence[tuple[str, str]] = ()) -> Catalog:
        """The bundled catalogue with these imported banks and standards (as (name, YAML text),
        oldest first) added; an imported edition of a standard replaces the one of the same code."""
        bundled = self.bundled_standards if self.bundled_standards is not None else self.standards
        merged = dict(bundled)
        if standards:
            merged.update(read_standards_from(standards))
        return Catalog(merged, self.blueprints, self.bank_paths, tuple(sources), None, bundled, tuple(standards))

    def standard(self, code: str) -> Standard:
        try:
            return self.standards[code]
        except KeyError:
            known = ", ".join(sorted(self.standards))
            raise UserFacingError("unknown standard {code}; known: {known}", code=repr(code), known=known) from None

    def level(self, std: Standard, level: LevelId, subtype: str | None = None) -> Level:
        try:
            levels = std.level_list(subtype)
        except KeyError:
            known = "、".join(st.name for st in std.subtypes) or "none"
            raise UserFacingError("{standard} has no subtype {subtype}; subtypes: {known}",
                                  standard=std.code, subtype=repr(subtype), known=known) from None
        for lv in levels:
            if str(lv.level) == str(level):
                return lv
        known = ", ".join(str(lv.level) for lv in levels)
        raise UserFacingError("{standard} has no level {level}; levels: {known}",
                              standard=std.code, level=repr(level), known=known)

    def build_paper(
        self,
        code: str,
        level: LevelId,
        part: Part,
        seed: int | str,
        *,
        subtype: str | None = None,
        weights_file: Path | None = None,
    ) -> Paper:
        return self.builder(code, level, part, subtype=subtype, weights_file=weights_file)(seed)

    def effective(self, code: str, subtype: str | None = None, weights_file: Path | None = None) -> Standard:
        """The standard as a paper or command uses it: with the exam owner's weight file applied
        (weight tables, areas of the owner's own, the rules the owner set), if one is given."""
        std = self.standard(code)
        return read_weights(weights_file, std, subtype) if weights_file is not None else std

    def _resolve(
        self, code: str, level: LevelId, subtype: str | None, weights_file: Path | None
    ) -> tuple[Standard, Level, BankSet]:
        std = self.effective(code, subtype, weights_file)
        lv = self.level(std, level, subtype)
        if weights_file is None:
            return std, lv, self.banks
        # the banks read against the effective standard: items in the owner's own areas are
        # checked against the content codes the weight file gives them
        banks = read_banks(self.bank_paths, {**self.standards, std.code: std}, sources=self.imported)
        return std, lv, banks

    def assembler(
        self, code: str, level: LevelId, *, subtype: str | None = None, weights_file: Path | None = None,
        observed: Observed | None = None,
    ) -> PaperAssembler:  # fmt: skip
        """A theory-paper assembler; its allocation is computed once for all candidates. With
        `observed` (item statistics kept by the store), items answered by enough candidates take
        their calibrated difficulty instead of the one their bank declares (points stay as they are)."""
        std, lv, banks = self._resolve(code, level, subtype, weights_file)
        mix = choose_mix(self.blueprints, std.code, subtype, lv.level)
        items = banks.items_for(std.code, subtype, lv.level)
        levels = calibrated_levels(items, observed or {})
        if levels:
            items = [replace(it, difficulty=levels[it.id]) if it.id in levels else it for it in items]
        return PaperAssembler(theory_blueprint(std, lv, mix, subtype), items)

    def builder(
        self,
        code: str,
        level: LevelId,
        part: Part,
        *,
        subtype: str | None = None,
        weights_file: Path | None = None,
    ) -> Callable[[int | str], Paper]:
        """A function seed -> paper for one standard, level and part."""
        if part is Part.THEORY:
            return self.assembler(code, level, subtype=subtype, weights_file=weights_file).build
        if part is Part.SKILL:
            std, lv, banks = self._resolve(code, level, subtype, weights_file)
            blueprint = skill_blueprint(std, lv, subtype)
            tasks = banks.tasks_for(std.code, subtype, lv.level)
            return lambda seed: build_skill_paper(blueprint, tasks, seed)
        raise UserFacingError("the comprehensive review has no paper: a panel scores it")
