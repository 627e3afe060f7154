"""The typed records the extractor returns, serialisable to the FACTS.md JSON.

Every record is a frozen dataclass so that facts can be hashed, deduplicated and
shared between processes (the batch engine pickles them) without surprises.
`to_dict()` gives exactly the layout of ``shared/spec/FACTS.md`` plus the extra
fields turnover adds (``span``, ``qualifier``, ``speaker``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["value", "change", "target"]
Flow = Literal["turnover", "export"]


@dataclass(frozen=True, slots=True)
class Period:
    """An inclusive run of months, both ends as ``YYYY-MM``."""

    start: str
    end: str

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(f"{year:04d}-01", f"{year:04d}-12")

    @classmethod
    def months(cls, year: int, first: int, last: int, end_year: int | None = None) -> Period:
        return cls(f"{year:04d}-{first:02d}", f"{(end_year or year):04d}-{last:02d}")

    @property
    def is_full_year(self) -> bool:
        return self.start[5:] == "01" and self.end[5:] == "12" and self.start[:4] == self.end[:4]

    @property
    def month_count(self) -> int:
        sy, sm = int(self.start[:4]), int(self.start[5:])
        ey, em = int(self.end[:4]), int(self.end[5:])
        return (ey - sy) * 12 + em - sm + 1

    def to_dict(self) -> dict[str, str]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Fact:
    """One trade fact, grounded in the article by ``quote`` and ``span``.

    ``span`` holds the character offsets of ``quote`` in the original article
    text, so ``text[span[0]:span[1]] == quote`` always holds.
    """

    kind: Kind
    flow: Flow
    countries: tuple[str, str]
    value: float | None
    currency: str | None
    percent: float | None
    period: Period | None
    by: int | None
    quote: str
    span: tuple[int, int]
    qualifier: str | None = None
    speaker: str | None = None

    @property
    def key(self) -> tuple[Any, ...]:
        """Identity of a fact inside one article (FACTS.md: one fact per key)."""
        amount = self.percent if self.kind == "change" else self.value
        when = self.by if self.kind == "target" else self.period
        return (self.kind, self.flow, self.countries, self.currency, amount, when)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "flow": self.flow,
            "countries": list(self.countries),
            "value": self.value,
            "currency": self.currency,
            "percent": self.percent,
            "period": self.period.to_dict() if self.period else None,
            "by": self.by,
            "quote": self.quote,
            "span": list(self.span),
            "qualifier": self.qualifier,
            "speaker": self.speaker,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Fact:
        period = data.get("period")
        span = data.get("span") or (0, 0)
        return cls(
            kind=data["kind"],
            flow=data["flow"],
            countries=tuple(data["countries"]),  # type: ignore[arg-type]
            value=data.get("value"),
            currency=data.get("currency"),
            percent=data.get("percent"),
            period=Period(period["start"], period["end"]) if period else None,
            by=data.get("by"),
            quote=data["quote"],
            span=(int(span[0]), int(span[1])),
            qualifier=data.get("qualifier"),
            speaker=data.get("speaker"),
        )


@dataclass(frozen=True, slots=True)
class Person:
    """A named state official (FACTS.md "A person")."""

    name: str
    country: str | None
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "role": self.role}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Person:
        return cls(name=data["name"], country=data.get("country"), role=data.get("role"))


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """What the extractor returns for one article."""

    doc: str
    published: str | None
    title: str | None
    facts: tuple[Fact, ...] = field(default_factory=tuple)
    people: tuple[Person, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "published": self.published,
            "title": self.title,
            "facts": [f.to_dict() for f in self.facts],
            "people": [p.to_dict() for p in self.people],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleFacts:
        return cls(
            doc=data["doc"],
            published=data.get("published"),
            title=data.get("title"),
            facts=tuple(Fact.from_dict(f) for f in data.get("facts") or ()),
            people=tuple(Person.from_dict(p) for p in data.get("people") or ()),
        )
