"""The demo's fraud-free communities (无诈社区): each community's households, a year of
door-to-door visits, evidence and the creation status — some communities awarded, one losing
its plaque after a resident was defrauded after a warning.

A plaque is put in question by every card seller or person abroad listed in its community
after it (``fraud_free.flagged_communities``). As a working station does, the officer reviews
each within days and keeps the plaque (a repeated 已授牌 step with what the review found), so
Today lists only those listed in the last few days, not yet reviewed; the one community whose
resident was defrauded after a warning loses its plaque (摘牌) instead.

Drawn from a random stream of its own, after everything else, so the rest of the demo is the
same row for row with or without it.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import Any

from desktop.domain import community_visits as visit_store
from desktop.domain import fraud_free as fraud_free_store

Sink = Callable[[str, Sequence[str], list[tuple]], None]
_DAY = 86_400

_VISIT_NOTES = ("部分住户外出务工，已留资料", "老人较多，重点讲解冒充公检法诈骗",
                "协助群众开启来电预警功能", "一户拒绝安装，已做解释工作", "夜间走访")  # fmt: skip
_GRID_NAMES = ("黄丽", "韦春燕", "覃海燕", "蓝秀英", "莫小红", "罗建华", "韦志强", "卢美玲")
# What a review that keeps the plaque found, by the kinds of record it looked at.
_REVIEWS = {
    frozenset({"card_seller"}): "经复核，新列管的涉“两卡”人员已约谈训诫并落实管控，不影响创建成果，保留牌匾",
    frozenset({"person_abroad"}): "经复核，新列管的滞留境外人员系创建前出境，已落实劝返措施，保留牌匾",
    frozenset({"card_seller", "person_abroad"}): (
        "经复核，新列管的涉“两卡”人员、滞留境外人员均已落实管控措施，不影响创建成果，保留牌匾"
    ),
}  # fmt: skip
# Days from a record listed to the review of the plaque it puts in question: one to three
# weeks, so those listed in the last days are still waiting on Today.
_REVIEW_AFTER = (7, 21)


def households(rng: random.Random, urban: bool) -> int | None:
    """A community's number of households; one in twenty not yet recorded."""
    if rng.random() < 0.05:
        return None
    return int(600 + rng.random() * 2400) if urban else int(150 + rng.random() * 450)


class FraudFreeDemo:
    """Rows of the three kinds for the generator's communities (dicts with ``id``, ``index``,
    ``urban``, ``county``, ``township`` and ``households``), over the year before today."""

    def __init__(
        self,
        rng: random.Random,
        *,
        next_id: Callable[[], str],
        device: str,
        dates: list[str],
        stamp: Callable[[int], str],
        today_index: int,
        per_community: int,
    ) -> None:
        self.rng = rng
        self.next_id = next_id
        self.device = device
        self.dates = dates
        self.stamp = stamp  # seconds on the demo's time axis -> stored moment
        self.today = today_index
        self.first = today_index - 364
        self.per_community = per_community
        self.visits = self.steps = self.evidence = 0

    def _at(self, day: int, hour: int = 10) -> str:
        return self.stamp(day * _DAY + hour * 3600 + int(self.rng.random() * 3 * 3600))

    def write(
        self,
        sink: Sink,
        communities: list[dict[str, Any]],
        losses: list[tuple[str, int]],
        chunk: int,
        *,
        listings: Sequence[tuple[str, int, str]] = (),
    ) -> None:
        """Visits in chunks of ``chunk`` rows, then the steps and evidence; ``losses`` are the
        demo's (community, day) of residents defrauded after a warning, ``listings`` its
        (community, day, kind) of card sellers and persons abroad listed."""
        rows: list[tuple] = []
        for community in communities:
            rows += self._visits(community)
            if len(rows) >= chunk:
                sink("community_visits", visit_store.COLUMNS, rows)
                self.visits += len(rows)
                rows = []
        if rows:
            sink("community_visits", visit_store.COLUMNS, rows)
            self.visits += len(rows)
        steps, evidence = self._creation(communities, losses, listings)
        sink("fraud_free_steps", fraud_free_store.STEP_COLUMNS, steps)
        sink("fraud_free_evidence", fraud_free_store.EVIDENCE_COLUMNS, evidence)
        self.steps, self.evidence = len(steps), len(evidence)

    def _visits(self, community: dict[str, Any]) -> list[tuple]:
        rng = self.rng
        random_ = rng.random
        count = max(1, int(self.per_community * (0.6 + 0.8 * random_())))
        total = community["households"] or (1500 if community["urban"] else 350)
        # A round covers the community once a year or more; each row is one building or group.
        per_row = max(1, int(total * (0.8 + 0.5 * random_()) / count))
        officers = community["township"]["officers"]
        grid = [oid for oid, role in officers if role == "grid_worker"]
        rows = []
        unit = "栋" if community["urban"] else "村民小组"
        for n in range(count):
            day = self.first + int(random_() * 365)
            visited = max(1, int(per_row * (0.5 + random_())))
            at_home = int(visited * (0.55 + 0.35 * random_()))
            already = int(at_home * (0.35 + 0.3 * random_()))
            new = int((at_home - already) * (0.2 + 0.5 * random_()))
            warnings_on = int((new + already) * (0.6 + 0.35 * random_()))
            building = f"{1 + n % 40}{unit}" if unit == "栋" else f"第{1 + n % 12}{unit}"
            officer = grid[int(random_() * len(grid))] if grid and random_() < 0.5 else None
            worker = "" if officer else _GRID_NAMES[(community["index"] + n % 3) % len(_GRID_NAMES)]
            stamp = self._at(day, 15)
            notes = _VISIT_NOTES[int(random_() * len(_VISIT_NOTES))] if random_() < 0.1 else ""
            rows.append((self.next_id(), stamp, stamp, self.device, community["id"],
                         self.dates[day], building, visited, at_home,
                         int(at_home * (1.5 + random_())), new, already, warnings_on,
                         visited + int(random_() * visited), officer, worker, notes))  # fmt: skip
        return rows

    def _step(self, community: dict[str, Any], status: str, day: int, **values: Any) -> tuple:
        stamp = self._at(day)
        return (self.next_id(), stamp, stamp, self.device, community["id"], status,
                self.dates[day], values.get("awarded_by", ""), values.get("reason", ""),
                int(values.get("correction", False)), values.get("officer"))  # fmt: skip

    def _reviews(
        self,
        community: dict[str, Any],
        awarded: int,
        until: int,
        listed: list[tuple[int, str]],
        officer: str,
    ) -> list[tuple]:
        """The reviews that kept a plaque awarded on ``awarded``: each a few days after the
        first record listed since the last review, covering every record listed by then, up
        to the day before ``until`` (the plaque withdrawn, or today's end)."""
        reviews = []
        last = awarded
        for day, _kind in listed:
            if day <= last:
                continue
            low, high = _REVIEW_AFTER
            review = day + low + int(self.rng.random() * (high - low + 1))
            if review >= until:
                break
            kinds = frozenset(kind for seen, kind in listed if last < seen <= review)
            reviews.append(self._step(community, "awarded", review, officer=officer,
                                      awarded_by=f"{community['county']['name']}综治中心",
                                      reason=_REVIEWS[kinds]))  # fmt: skip
            last = review
        return reviews

    def _creation(
        self,
        communities: list[dict[str, Any]],
        losses: list[tuple[str, int]],
        listings: Sequence[tuple[str, int, str]] = (),
    ) -> tuple[list[tuple], list[tuple]]:
        """Three in four communities creating since the year's start, some qualified and
        awarded; the community of the latest loss after a warning loses its plaque; one
        community taken out again as a correction; evidence for those that qualified; the
        reviews that kept a plaque after a card seller or person abroad was listed there."""
        rng = self.rng
        steps: list[tuple] = []
        evidence: list[tuple] = []
        listed: dict[str, list[tuple[int, str]]] = {}
        for area, day, kind in sorted(listings, key=lambda item: item[1]):
            listed.setdefault(area, []).append((day, kind))
        lost_in = {}
        for area, day in losses:
            if day >= self.first + 120:
                lost_in[area] = max(day, lost_in.get(area, 0))
        latest = max(lost_in.items(), key=lambda item: item[1], default=None)
        corrected = False
        for community in communities:
            county = community["county"]["name"]
            officer = community["township"]["officers"][0][0]
            start = self.first + int(rng.random() * 45)
            losing = latest is not None and community["id"] == latest[0]
            if not losing and rng.random() < 0.25:
                continue
            steps.append(self._step(community, "creating", start, officer=officer))
            if not corrected and not losing and not community["urban"]:
                corrected = True
                steps.append(self._step(community, "not_taking_part", start + 10, correction=True,
                                        reason="误录入：该村本年度未参与创建"))  # fmt: skip
                continue
            if not losing and (rng.random() > 0.4 or community["id"] in lost_in):
                continue
            qualified = start + 150 + int(rng.random() * 60)
            awarded = qualified + 7 + int(rng.random() * 14)
            if losing:
                awarded = min(awarded, latest[1] - 20)
                qualified = min(qualified, awarded - 7)
            for key in ("publicity_board", "village_rules"):
                stamp = self._at(qualified - 3)
                evidence.append((self.next_id(), stamp, stamp, self.device, community["id"],
                                 key, 1, self.dates[qualified - 3],
                                 "已拍照存档" if key == "publicity_board" else "村规民约第八条",
                                 officer))  # fmt: skip
            steps.append(self._step(community, "qualified", qualified, officer=officer))
            if not (rng.random() < 0.8 or losing):
                continue  # qualified, the plaque still to come
            steps.append(self._step(community, "awarded", awarded, officer=officer,
                                    awarded_by=f"{county}综治中心"))  # fmt: skip
            withdrawn = min(latest[1] + 5, self.today) if losing else None
            steps += self._reviews(community, awarded, withdrawn or self.today + 1,
                                   listed.get(community["id"], []), officer)  # fmt: skip
            if losing:
                lost_day = latest[1]
                steps.append(self._step(community, "withdrawn", withdrawn, officer=officer,
                                        reason=f"群众预警后被骗（"
                                        f"{self.dates[lost_day]}结案），经复核摘牌"))  # fmt: skip
        return steps, evidence
