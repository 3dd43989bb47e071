"""The card sellers' figures, ranking and outlets against a small register worked out by hand."""

from datetime import date

import pytest

from desktop.core.figures import BY_KEY, FIGURES
from desktop.core.validate import id_number_check_digit
from desktop.domain import areas as area_store
from desktop.domain import card_sellers as store
from desktop.domain import partners as partner_store
from desktop.domain import statistics as stats

NOVEMBER = stats.Period.month(2026, 11)
TODAY = date(2026, 12, 15)
CARD_KEYS = ("card_sellers_new", "card_sellers_local", "card_interview_rate",
             "card_sellers_restricted", "card_sellers_handed_over")  # fmt: skip


def _id_number(serial: int) -> str:
    first17 = f"45122319990101{serial:03d}"
    return first17 + id_number_check_digit(first17)


@pytest.fixture
def register(db):
    """凤山县 (凤城镇 > 坡心村, 金牙社区), 宜州区 (庆远镇 > 城东社区) and 南丹县 (none listed).

    Person 1 (坡心村): a bank card at the county's partner outlet (local by the rule), listed
    11-03, interviewed and pledged 11-05, restricted 11-20; again on 11-10 with a phone card
    from a far-away shop (2 cards there). Person 2 (金牙社区): listed 11-12, 3 cards from the
    same far-away shop, not interviewed. Person 3 (城东社区): listed 11-15, opened locally,
    interviewed 11-16, handed over 11-18. Person 4 (坡心村): listed in October, restricted
    11-02. Person 5 (城东社区): listed 2025-11-10 (同比's base). Person 6 (城东社区): listed 11-25,
    nothing known of the outlet.
    """
    ids = {}
    ids["fengshan"] = area_store.add_area(db, name="凤山县", level="county", code="451223")
    town = area_store.add_area(db, name="凤城镇", level="township", parent_id=ids["fengshan"])
    c1 = area_store.add_area(db, name="坡心村", level="community", parent_id=town)
    c2 = area_store.add_area(db, name="金牙社区", level="community", parent_id=town)
    ids["yizhou"] = area_store.add_area(db, name="宜州区", level="county", code="451203")
    town2 = area_store.add_area(db, name="庆远镇", level="township", parent_id=ids["yizhou"])
    c3 = area_store.add_area(db, name="城东社区", level="community", parent_id=town2)
    ids["nandan"] = area_store.add_area(db, name="南丹县", level="county", code="451221")
    ids["outlet"] = partner_store.add_partner(
        db, {"name": "中国农业银行凤山支行", "kind": "bank_outlet", "area_id": c1}
    )

    def listed(person, area, day, **values):
        base = {"name": f"蓝{person}", "id_number": _id_number(person), "mobile": "",
                "area_id": area, "source": "upper_level", "listed_on": day,
                "card_kind": "bank_card"}  # fmt: skip
        resident = db.scalar("SELECT id FROM residents WHERE id_number = ?", (_id_number(person),))
        return store.add_card_seller(db, {**base, **values}, resident_id=resident, today=TODAY)

    def step(card_seller_id, status, day, **details):
        store.record_step(db, card_seller_id, status, day, today=TODAY, **details)

    a = listed(1, c1, "2026-11-03", outlet_partner_id=ids["outlet"], card_count=2)
    step(a, "interviewed", "2026-11-05")
    step(a, "pledged", "2026-11-05")
    step(a, "restricted", "2026-11-20", restricted_to="河池市反诈中心")
    listed(1, c1, "2026-11-10", card_kind="phone_card", outlet="中国移动东莞代理点",
           opened_locally=False)  # fmt: skip
    listed(2, c2, "2026-11-12", outlet="中国移动东莞代理点", card_count=3, card_kind="phone_card")
    c = listed(3, c3, "2026-11-15", opened_locally=True)
    step(c, "interviewed", "2026-11-16")
    step(c, "handed_over", "2026-11-18", handed_over_to="宜州区公安分局刑侦大队")
    d = listed(4, c1, "2026-10-20")
    step(d, "restricted", "2026-11-02", restricted_to="河池市反诈中心")
    listed(5, c3, "2025-11-10")
    listed(6, c3, "2026-11-25")
    return ids


def test_november_for_the_whole_city_and_each_county(db, register):
    figures = stats.compute_figures(db, NOVEMBER, today=TODAY)
    # Persons 1, 2, 3, 6 (person 1 once for two records); 1 and 3 opened locally; 1 and 3
    # interviewed; 1 and 4 restricted in November; 3 handed over.
    assert [figures[key] for key in CARD_KEYS] == [4, 2, 50.0, 2, 1]
    fengshan = stats.compute_figures(db, NOVEMBER, register["fengshan"], today=TODAY)
    assert [fengshan[key] for key in CARD_KEYS] == [2, 1, 50.0, 2, 0]
    yizhou = stats.compute_figures(db, NOVEMBER, register["yizhou"], today=TODAY)
    assert [yizhou[key] for key in CARD_KEYS] == [2, 1, 50.0, 0, 1]
    nandan = stats.compute_figures(db, NOVEMBER, register["nandan"], today=TODAY)
    assert [nandan[key] for key in CARD_KEYS] == [0, 0, None, 0, 0]  # no rate from nothing


def test_the_figures_are_defined_and_compared_with_the_periods_before(db, register):
    for key in CARD_KEYS:
        figure = BY_KEY[key]
        assert figure.group == "card_sellers" and figure.definition_zh and figure.name_zh
    assert set(CARD_KEYS) <= {figure.key for figure in FIGURES}
    # 同比 and 环比 go through the same periods as every other figure.
    year_before = stats.compute_figures(db, NOVEMBER.year_before(), only=["card_sellers_new"])
    previous = stats.compute_figures(db, NOVEMBER.previous(), only=["card_sellers_new"])
    assert (year_before["card_sellers_new"], previous["card_sellers_new"]) == (1, 1)
    # Only the pass of the listing ran: its three figures, no others made up.
    assert set(year_before) == {"card_sellers_new", "card_sellers_local", "card_interview_rate"}
    assert stats.records_begin(db) == date(2025, 11, 10)
    # Records entered on another laptop are not this one's.
    elsewhere = stats.compute_figures(db, NOVEMBER, devices=["another laptop"], only=CARD_KEYS)
    assert elsewhere["card_sellers_new"] == 0


def test_the_county_ranking_puts_the_fewest_first_with_shared_ranks(db, register):
    assert BY_KEY["card_sellers_new"].fewer_is_better  # so every ranking by it is ascending
    ranked = stats.ranking(db, NOVEMBER, "card_sellers_new")
    assert [(r.rank, r.name, r.value) for r in ranked] == [
        (1, "南丹县", 0), (2, "宜州区", 2), (2, "凤山县", 2),  # ties in the order of their codes
    ]  # fmt: skip
    most_first = stats.ranking(db, NOVEMBER, "card_sellers_new", descending=True)
    assert [(r.rank, r.value) for r in most_first] == [(1, 2), (1, 2), (3, 0)]
    # Other figures keep the largest first.
    assert stats.ranking(db, NOVEMBER, "card_sellers_restricted")[0].name == "凤山县"
    [laptop] = stats.laptop_ranking(db, NOVEMBER, "card_sellers_new")
    assert (laptop.rank, laptop.value) == (1, 4)


def test_outlets_are_listed_by_the_cards_opened_there(db, register):
    outlets = stats.outlets_by_cards(db, NOVEMBER)
    assert [(o.outlet, o.partner_id, o.persons, o.cards) for o in outlets] == [
        ("中国移动东莞代理点", None, 2, 4),
        ("中国农业银行凤山支行", register["outlet"], 1, 2),
    ]
    in_yizhou = stats.outlets_by_cards(db, NOVEMBER, register["yizhou"])
    assert in_yizhou == []  # its card sellers named no outlet
    assert stats.outlets_by_cards(db, NOVEMBER, devices=["another laptop"]) == []


@pytest.mark.parametrize("figure", CARD_KEYS)
def test_a_ranking_gives_each_area_its_own_figure(db, register, figure):
    """Ranked by a card sellers' figure, every area's value comes from one pass over the
    period grouped by community and person: the same value its own figures give."""
    for parent in (None, register["fengshan"]):
        ranked = stats.ranking(db, NOVEMBER, figure, parent_id=parent)
        assert ranked
        for item in ranked:
            own = stats.compute_figures(db, NOVEMBER, item.area_id, only=[figure])[figure]
            assert item.value == own, (parent, item)
    for item in stats.ranking(db, NOVEMBER, figure, devices=["another laptop"]):
        assert item.value in (0, None)
