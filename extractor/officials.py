"""Officials from a Doc's people: one record per person with a public role."""

from __future__ import annotations

from .models import Official
from .people import Person


def officials_of(people: list[Person]) -> list[Official]:
    return [
        Official(
            name=p.name,
            title=p.title,
            organization=p.organization,
            aliases=p.aliases,
            mentions=[(m.start, m.end) for m in p.mentions],
        )
        for p in people
        if p.is_official
    ]
