"""package held: the residents a laptop held, masked, in an order that tells nothing of the
hidden names."""

from __future__ import annotations

from desktop.cli import main
from desktop.db.opening import open_database
from desktop.domain import residents


def test_masked_residents_are_listed_in_the_order_of_what_is_shown(tmp_path, capsys):
    path = tmp_path / "a.sqlite3"
    database = open_database(path)
    # By full name 王中 (U+4E2D) comes before 王阿 (U+963F); masked, both are 王某.
    residents.add_resident(database, {"name": "王阿", "mobile": "13900000001"})
    residents.add_resident(database, {"name": "王中", "mobile": "13900000002"})
    device = database.device_id
    database.close()
    assert main(["--lang", "en", "--db", str(path), "package", "held", device]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[:2] for line in lines] == [
        ["王某", "139****0001"], ["王某", "139****0002"],
    ]  # fmt: skip
