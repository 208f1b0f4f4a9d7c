"""Language screen: non-English is set aside as language=xx; short or mixed text is never guessed away."""

import json

import pytest

from coding.document import Document, Rejected
from coding.errors import ErrorCode
from coding.ingest import read_documents
from coding.ingest.language import detect_language
from tests.conftest import SEED_STORY


@pytest.mark.parametrize("lang, text", [
    ("fr", "Le gouvernement a annoncé mardi que les forces de sécurité ont été déployées dans la capitale après les manifestations."),
    ("de", "Die Regierung hat am Dienstag mitgeteilt, dass die Sicherheitskräfte in der Hauptstadt eingesetzt wurden."),
    ("es", "El gobierno anunció el martes que las fuerzas de seguridad fueron desplegadas en la capital tras las protestas."),
    ("pt", "O governo anunciou na terça-feira que as forças de segurança foram enviadas para a capital depois dos protestos."),
    ("it", "Il governo ha annunciato martedì che le forze di sicurezza sono state dispiegate nella capitale dopo le proteste."),
    ("ru", "Правительство объявило во вторник, что силы безопасности были развернуты в столице."),
    ("uk", "Уряд оголосив у вівторок, що сили безпеки були розгорнуті в столиці."),
    ("ar", "أعلنت الحكومة يوم الثلاثاء أن قوات الأمن انتشرت في العاصمة"),
    ("zh", "政府周二宣布，安全部队已部署在首都。"),
    ("en", "The government said on Tuesday that security forces had been deployed in the capital after the protests."),
])
def test_detects(lang, text):
    assert detect_language(text) == lang


@pytest.mark.parametrize("text", ["Troops shelled Kharkiv.", "Macron meets Scholz in Berlin", ""])
def test_short_text_is_undetermined(text):
    assert detect_language(text) in (None, "en")


def test_english_with_foreign_names_stays_english():
    text = ("President Emmanuel Macron met Olaf Scholz at the Élysée on Monday, and the leaders of the "
            "Rassemblement National said the talks were a waste of time for the country.")
    assert detect_language(text) == "en"
    assert detect_language(SEED_STORY.read_text(encoding="utf-8")) == "en"


def test_declared_language_decides_only_when_text_is_undetermined(tmp_path):
    feed = tmp_path / "feed.jsonl"
    rows = [
        {"id": "short-de", "text": "Scholz in Kyiv.", "language": "de"},
        {"id": "english-mislabelled", "text": "The army said on Monday that it had taken the town from the rebels.",
         "language": "fr"},
    ]
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    items = {i.doc_id: i for i in read_documents([feed])}
    assert isinstance(items["short-de"], Rejected) and items["short-de"].reason == "language=de"
    assert items["short-de"].code is ErrorCode.E112_LANGUAGE
    assert isinstance(items["english-mislabelled"], Document) and items["english-mislabelled"].language == "en"


@pytest.mark.devsets
def test_no_development_document_is_set_aside(shared_eval):
    items = list(read_documents(sorted(shared_eval.glob("*.input.jsonl"))))
    assert [i for i in items if isinstance(i, Rejected)] == []
    assert len(items) == 712
