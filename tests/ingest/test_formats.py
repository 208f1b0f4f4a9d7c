"""Each format's sample file read into Documents with exactly the expected fields."""

from datetime import date

import pytest

from coding.document import Document, Rejected
from coding.errors import ErrorCode
from coding.ingest import read_documents
from tests.ingest.samples import GOOD


def docs_of(*names: str) -> dict[str, Document]:
    items = list(read_documents([GOOD / n for n in names]))
    assert all(isinstance(i, Document) for i in items), [i for i in items if isinstance(i, Rejected)]
    return {d.doc_id: d for d in items}


def fields(doc: Document) -> dict:
    return {"title": doc.title, "doc_date": doc.doc_date, "source": doc.source, "url": doc.url,
            "dateline_place": doc.dateline_place, "dateline": doc.dateline, "language": doc.language}


def test_jsonl_fields_and_text_kept_verbatim():
    docs = docs_of("wire.jsonl")
    assert list(docs) == ["exw-jsonl-001", "exw-jsonl-002"]
    first = docs["exw-jsonl-001"]
    assert first.text == ("Police arrested twelve protesters in Nairobi on Monday after a march "
                          "against tax rises turned violent.")
    assert fields(first) == {"title": "Kenyan police arrest protesters", "doc_date": date(2023, 7, 10),
                             "source": "Example Wire", "url": "https://news.example.org/kenya/arrests",
                             "dateline_place": None, "dateline": None, "language": None}
    assert docs["exw-jsonl-002"].language == "en"
    assert docs["exw-jsonl-002"].path.endswith("wire.jsonl:2")


def test_csv_header_mapping():
    docs = docs_of("wire.csv")
    assert list(docs) == ["exw-csv-001", "exw-csv-002"]
    first, second = docs.values()
    assert first.text == ("Rebel fighters seized the town of Bunagana on Tuesday, forcing the army to withdraw, "
                          "local officials said.")
    assert fields(first) == {"title": "Rebels seize town", "doc_date": date(2023, 2, 14), "source": "Example Wire",
                             "url": "https://news.example.org/drc/bunagana", "dateline_place": None,
                             "dateline": None, "language": "en"}
    assert second.doc_date == date(2023, 2, 15) and second.url is None and second.title == "Talks resume"


def test_csv_without_id_column_numbers_rows_and_semicolons_are_sniffed(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("HEADLINE;Full_Text;Pub-Date\nA;Troops fired on protesters in Khartoum on Monday.;2023-01-02\n",
                    encoding="utf-8")
    (doc,) = read_documents([path])
    assert (doc.doc_id, doc.title, doc.doc_date) == ("export-2", "A", date(2023, 1, 2))
    assert doc.text == "Troops fired on protesters in Khartoum on Monday."


def test_csv_without_text_column_is_rejected(tmp_path):
    path = tmp_path / "meta.csv"
    path.write_text("id,headline\n1,Nothing to code\n", encoding="utf-8")
    (item,) = read_documents([path])
    assert isinstance(item, Rejected) and item.code is ErrorCode.E117_MALFORMED_CSV
    assert "no text column" in item.reason


def test_newsml_later_version_replaces_earlier():
    items = list(read_documents([GOOD / "exw_item_v1.xml", GOOD / "exw_item_v2.xml"]))
    docs = [i for i in items if isinstance(i, Document)]
    superseded = [i for i in items if isinstance(i, Rejected)]
    assert len(docs) == 1 and len(superseded) == 1
    doc = docs[0]
    assert doc.doc_id == "urn:newsml:news.example.org:20230303:sudan-clashes"
    assert doc.text.strip() == ("Sudanese soldiers clashed with paramilitary fighters in Khartoum on Friday, "
                                "residents said.\n\nThe United Nations envoy urged both sides to return to talks.")
    assert fields(doc) == {"title": "UPDATE 1-Army and paramilitaries clash in Khartoum, envoy calls for talks",
                           "doc_date": date(2023, 3, 3), "source": "Example Wire", "url": None,
                           "dateline_place": "Khartoum", "dateline": "KHARTOUM, March 3 (Example Wire)",
                           "language": "en"}
    assert superseded[0].code is ErrorCode.E115_SUPERSEDED
    assert superseded[0].source.endswith("exw_item_v1.xml#urn:newsml:news.example.org:20230303:sudan-clashes")
    assert "version 1 replaced by version 2" in superseded[0].reason


def test_newsml_version_order_does_not_depend_on_read_order():
    items = list(read_documents([GOOD / "exw_item_v2.xml", GOOD / "exw_item_v1.xml"]))
    (doc,) = [i for i in items if isinstance(i, Document)]
    assert doc.title.startswith("UPDATE 1-")


def test_newsml_message_with_inline_data_and_inline_xml():
    docs = docs_of("exw_message.newsml")
    burma = docs["urn:newsml:news.example.org:20230620:myanmar-airstrike"]
    assert burma.text == ("The military carried out an air strike on a village in the Sagaing region on Tuesday, "
                          "killing at least nine people, residents said.\n\nOpposition groups condemned the attack.")
    assert fields(burma) == {"title": "Air strike hits village in Sagaing", "doc_date": date(2023, 6, 20),
                             "source": "Example Wire", "url": None, "dateline_place": "Yangon",
                             "dateline": "YANGON, June 20", "language": "en"}
    haiti = docs["urn:newsml:news.example.org:20230620:haiti-kidnap"]
    # firstCreated is the document date, in the item's own time zone; the provider is a qcode only.
    assert fields(haiti) == {"title": "Gang kidnaps aid workers in Haiti", "doc_date": date(2023, 6, 19),
                             "source": "EXW", "url": None, "dateline_place": "Port-au-Prince",
                             "dateline": "PORT-AU-PRINCE (Example Wire)", "language": "en"}


def test_rss_entries_description_and_content_encoded():
    docs = docs_of("world.rss")
    assert list(docs) == ["exw-rss-0412-001", "https://news.example.org/georgia/protest"]
    first, second = docs.values()
    assert first.text.strip() == ("Russian forces shelled Kharkiv overnight, damaging a school, "
                                  "the mayor said on Wednesday.")
    assert fields(first) == {"title": "Russian forces shell Kharkiv", "doc_date": date(2023, 4, 12),
                             "source": "Example Wire", "url": "https://news.example.org/ukraine/kharkiv-shelling",
                             "dateline_place": "Kharkiv", "dateline": "KHARKIV, April 12 (Example Wire)",
                             "language": "en"}
    # content:encoded wins over the short description; the date is the one written (+04:00).
    assert second.text == ("Thousands of people protested outside the parliament in Tbilisi on Thursday against a "
                           "proposed media law.\n\nPolice used water cannon to disperse the crowd.")
    assert (second.doc_date, second.source) == (date(2023, 4, 13), "Example Wire - World")


def test_atom_entries_content_or_summary():
    docs = docs_of("world.atom")
    niger = docs["tag:news.example.org,2023:niger-coup"]
    assert niger.text == ("Soldiers of the presidential guard detained President Mohamed Bazoum in Niamey "
                          "on Wednesday, officials said.")
    assert fields(niger) == {"title": "Soldiers detain president in Niger", "doc_date": date(2023, 7, 26),
                             "source": "Example Wire Africa", "url": "https://news.example.org/africa/niger",
                             "dateline_place": None, "dateline": None, "language": "en"}
    envoys = docs["tag:news.example.org,2023:sahel-envoys"]
    assert envoys.text.startswith("Mali and Burkina Faso sent a joint delegation")
    assert envoys.doc_date == date(2023, 8, 1) and envoys.url is None


def test_html_page_main_text_without_boilerplate():
    doc = docs_of("tbilisi_article.html")["tbilisi_article"]
    paragraphs = [p.strip() for p in doc.text.split("\n\n") if p.strip()]
    assert paragraphs[0].startswith("Georgian police detained an opposition leader in Tbilisi on Wednesday")
    assert paragraphs[-1].startswith("The European Union urged the government to withdraw the bill")
    assert len(paragraphs) == 3
    for boilerplate in ("Cookie policy", "Most read", "Celebrity chef", "Home", "dataLayer", "Copyright"):
        assert boilerplate not in doc.text
    assert fields(doc) == {"title": "Georgian police detain opposition leader", "doc_date": date(2023, 3, 8),
                           "source": "Example News",
                           "url": "https://news.example.org/georgia/opposition-leader-detained",
                           "dateline_place": "Tbilisi", "dateline": "TBILISI, March 8 (Example News)",
                           "language": "en"}


@pytest.mark.parametrize("name", ["world.rss", "exw_item_v2.xml", "tbilisi_article.html", "wire.jsonl", "wire.csv"])
def test_format_comes_from_content_not_extension(tmp_path, name):
    renamed = tmp_path / (name.replace(".", "_") + ".txt")
    renamed.write_bytes((GOOD / name).read_bytes())
    original = [(d.text, d.title) for d in read_documents([GOOD / name])]
    assert [(d.text, d.title) for d in read_documents([renamed]) if isinstance(d, Document)] == original


def test_directory_and_glob_mix_every_format():
    from_dir = list(read_documents([GOOD]))
    from_glob = list(read_documents([str(GOOD / "*")]))
    assert not [i for i in from_dir if isinstance(i, Rejected) and i.code is not ErrorCode.E115_SUPERSEDED]
    assert [getattr(i, "doc_id", None) for i in from_dir] == [getattr(i, "doc_id", None) for i in from_glob]
    paths = {d.path.split("#")[0].split(":")[0].rsplit(".", 1)[-1] for d in from_dir if isinstance(d, Document)}
    assert paths == {"txt", "jsonl", "csv", "xml", "newsml", "rss", "atom", "html"}
