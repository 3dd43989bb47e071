from datetime import date

import pytest

from desktop.core.errors import ValidationError
from desktop.domain import areas as area_store
from desktop.domain import campaigns as campaign_store
from desktop.domain import statistics

TODAY = date(2026, 11, 25)


def test_campaign_counts_feed_the_figures_of_their_area(db):
    county = area_store.add_area(db, name="凤山县", level="county")
    other = area_store.add_area(db, name="宜州区", level="county")
    campaign_store.add_campaign(
        db, {"on_date": "2026-11-03", "kind": "sms", "area_id": county, "count": "12,000"},
        today=TODAY,
    )  # fmt: skip
    campaign_store.add_campaign(
        db, {"on_date": date(2026, 11, 4), "kind": "posters", "area_id": other, "count": 40},
        today=TODAY,
    )  # fmt: skip
    november = statistics.Period.month(2026, 11)
    figures = statistics.compute_figures(db, november, county, today=TODAY)
    assert (figures["campaign_sms"], figures["campaign_posters"]) == (12_000, 0)
    entries = campaign_store.list_campaigns(db, date(2026, 11, 1), TODAY)
    assert [(e.on_date, e.kind, e.count, e.area_name) for e in entries] == [
        (date(2026, 11, 4), "posters", 40, "宜州区"), (date(2026, 11, 3), "sms", 12_000, "凤山县"),
    ]  # fmt: skip
    campaign_store.remove_campaign(db, entries[1].id)
    assert statistics.compute_figures(db, november, county, today=TODAY)["campaign_sms"] == 0


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"on_date": "2026-12-25"}, "on_date"),  # in the future
        ({"on_date": "2026-13-01"}, "on_date"),
        ({"kind": "leaflets"}, "kind"),
        ({"count": "约500"}, "count"),
        ({"count": "-3"}, "count"),
        ({"count": "99999999"}, "count"),
        ({"count": ""}, "count"),
    ],
)
def test_bad_campaign_entries_name_the_field_and_write_nothing(db, values, field):
    entry = {"on_date": "2026-11-03", "kind": "sms", "count": "100", **values}
    with pytest.raises(ValidationError) as info:
        campaign_store.add_campaign(db, entry, today=TODAY)
    assert info.value.field == field
    assert db.scalar("SELECT count(*) FROM campaigns") == 0
