"""Every CAMEO root on sentences written for these tests, in five forms each.

active:  the action as a finite verb with its subject and object
passive: the same action with the target as subject and the source in a "by" phrase
nominal: the action as a noun ("Russia's shelling of ...", "a visit by ...")
negated: the action denied ("did not ...") -> modality negated (a row only with keep_speculative)
future:  the action announced ("will ...") -> modality future; announced force or coercion
         is a threat (root 13) and announced refusal stays a rejection (root 12)

Each case gives the expected CAMEO root, modality, and the source and target countries.
"""

from __future__ import annotations

from datetime import date

import pytest

from coding.coder import code_text

DOC_DATE = date(2024, 5, 12)

# (root, form, sentence, expected root, modality, actor1 country, actor2 country)
CASES = [
    # 01 make public statement
    ("01", "active", "Hamas claimed responsibility for the attack on Israel.", "01", "asserted", "PSE", None),
    ("01", "passive", "Responsibility for the bombing was claimed by the Pakistani Taliban.", "01", "asserted", "PAK", None),
    ("01", "nominal", "Russia issued a denial of responsibility for the explosion in Poland.", "01", "asserted", "RUS", None),
    ("01", "negated", "Hamas did not claim responsibility for the attack on Israel.", "01", "negated", "PSE", None),
    ("01", "future", "The French government will express condolences to Turkey.", "01", "future", "FRA", "TUR"),
    # 02 appeal
    ("02", "active", "Ukraine urged Germany to send more air defence systems.", "02", "asserted", "UKR", "DEU"),
    ("02", "passive", "Germany was urged by Ukraine to send more air defence systems.", "02", "asserted", "UKR", "DEU"),
    ("02", "nominal", "Ukraine made an appeal to Germany for more air defence systems.", "02", "asserted", "UKR", "DEU"),
    ("02", "negated", "Ukraine did not urge Germany to send tanks.", "02", "negated", "UKR", "DEU"),
    ("02", "future", "Ukraine will ask Germany for more weapons.", "02", "future", "UKR", "DEU"),
    # 03 express intent to cooperate
    ("03", "active", "Japan pledged humanitarian aid to the Philippines.", "03", "asserted", "JPN", "PHL"),
    ("03", "passive", "Humanitarian aid was pledged to the Philippines by Japan.", "03", "asserted", "JPN", "PHL"),
    ("03", "nominal", "Japan announced a pledge of aid to the Philippines.", "03", "asserted", "JPN", "PHL"),
    ("03", "negated", "Japan did not offer aid to the Philippines.", "03", "negated", "JPN", "PHL"),
    ("03", "future", "Japan wants to help the Philippines.", "03", "asserted", "JPN", "PHL"),
    # 04 consult
    ("04", "active", "The French president visited Kenya on Thursday.", "04", "asserted", "FRA", "KEN"),
    ("04", "passive", "Kenya was visited by the French president on Thursday.", "04", "asserted", "FRA", "KEN"),
    ("04", "nominal", "The visit by the French president to Kenya ended on Thursday.", "04", "asserted", "FRA", "KEN"),
    ("04", "negated", "The French president did not meet the Kenyan president.", "04", "negated", "FRA", "KEN"),
    ("04", "future", "The French president will meet the Kenyan president on Friday.", "04", "future", "FRA", "KEN"),
    # 05 engage in diplomatic cooperation
    ("05", "active", "Brazil praised Argentina for its economic reforms.", "05", "asserted", "BRA", "ARG"),
    ("05", "passive", "Argentina was praised by Brazil for its economic reforms.", "05", "asserted", "BRA", "ARG"),
    ("05", "nominal", "Brazil and Argentina announced the signing of a trade agreement.", "05", "asserted", "BRA", None),
    ("05", "negated", "Brazil did not endorse Argentina's candidate.", "05", "negated", "BRA", "ARG"),
    ("05", "future", "Brazil will sign a trade agreement with Argentina.", "05", "future", "BRA", "ARG"),
    # 06 engage in material cooperation
    ("06", "active", "Israeli intelligence shared information with the United States.", "06", "asserted", "ISR", "USA"),
    ("06", "passive", "Intelligence was shared with the United States by Israel.", "06", "asserted", "ISR", "USA"),
    ("06", "nominal", "India and Japan began joint exercises with Australia.", "06", "asserted", "IND", "AUS"),
    ("06", "negated", "Israel did not share intelligence with the United States.", "06", "negated", "ISR", "USA"),
    ("06", "future", "Israel will share intelligence with the United States.", "06", "future", "ISR", "USA"),
    # 07 provide aid
    ("07", "active", "Sweden provided humanitarian aid to Sudan.", "07", "asserted", "SWE", "SDN"),
    ("07", "passive", "Humanitarian aid was provided to Sudan by Sweden.", "07", "asserted", "SWE", "SDN"),
    ("07", "nominal", "Sweden announced the donation of food to Sudan.", "07", "asserted", "SWE", "SDN"),
    ("07", "negated", "Sweden did not provide aid to Sudan.", "07", "negated", "SWE", "SDN"),
    ("07", "future", "Sweden will provide aid to Sudan.", "07", "future", "SWE", "SDN"),
    # 08 yield
    ("08", "active", "Russia released two Ukrainian soldiers on Saturday.", "08", "asserted", "RUS", "UKR"),
    ("08", "passive", "Two Ukrainian soldiers were released by Russia on Saturday.", "08", "asserted", "RUS", "UKR"),
    ("08", "nominal", "Russia announced the withdrawal of its troops from Kherson.", "08", "asserted", "RUS", None),
    ("08", "negated", "Russia did not release the Ukrainian soldiers.", "08", "negated", "RUS", "UKR"),
    ("08", "future", "Russia will release two Ukrainian soldiers.", "08", "future", "RUS", "UKR"),
    # 09 investigate
    ("09", "active", "Dutch prosecutors investigated Russian officials over the crash.", "09", "asserted", "NLD", "RUS"),
    ("09", "passive", "Russian officials were investigated by Dutch prosecutors.", "09", "asserted", "NLD", "RUS"),
    ("09", "nominal", "Dutch prosecutors opened an investigation into Russian officials.", "09", "asserted", "NLD", "RUS"),
    ("09", "negated", "Dutch prosecutors did not investigate the Russian officials.", "09", "negated", "NLD", "RUS"),
    ("09", "future", "Dutch prosecutors will investigate the Russian officials.", "09", "future", "NLD", "RUS"),
    # 10 demand
    ("10", "active", "Pakistan demanded that India release the fishermen.", "10", "asserted", "PAK", "IND"),
    ("10", "passive", "India was ordered by Pakistan to release the fishermen.", "10", "asserted", "PAK", "IND"),
    ("10", "nominal", "Pakistan repeated its demand that India release the fishermen.", "10", "asserted", "PAK", "IND"),
    ("10", "negated", "Pakistan did not demand that India release the fishermen.", "10", "negated", "PAK", "IND"),
    ("10", "future", "Pakistan will demand that India release the fishermen.", "10", "future", "PAK", "IND"),
    # 11 disapprove
    ("11", "active", "China condemned Japan over the release of water from Fukushima.", "11", "asserted", "CHN", "JPN"),
    ("11", "passive", "Japan was criticised by China over the release of water from Fukushima.", "11", "asserted", "CHN", "JPN"),
    ("11", "nominal", "China's criticism of Japan grew louder on Sunday.", "11", "asserted", "CHN", "JPN"),
    ("11", "negated", "China did not condemn Japan over the water release.", "11", "negated", "CHN", "JPN"),
    ("11", "future", "China will accuse Japan of polluting the ocean.", "11", "future", "CHN", "JPN"),
    # 12 reject
    ("12", "active", "Israel rejected the Egyptian proposal for a truce.", "12", "asserted", "ISR", "EGY"),
    ("12", "passive", "The Egyptian proposal was rejected by Israel.", "12", "asserted", "ISR", "EGY"),
    ("12", "nominal", "Iran's refusal of the French proposal angered Paris.", "12", "asserted", "IRN", "FRA"),
    ("12", "negated", "Israel did not reject the Egyptian proposal.", "12", "negated", "ISR", "EGY"),
    ("12", "future", "Israel said it would not meet Egyptian mediators.", "12", "asserted", "ISR", "EGY"),
    # 13 threaten
    ("13", "active", "North Korea threatened South Korea with a nuclear strike.", "13", "asserted", "PRK", "KOR"),
    ("13", "passive", "South Korea was threatened by North Korea with a nuclear strike.", "13", "asserted", "PRK", "KOR"),
    ("13", "nominal", "North Korea's threat against South Korea alarmed Japan.", "13", "asserted", "PRK", "KOR"),
    ("13", "negated", "North Korea did not threaten South Korea.", "13", "negated", "PRK", "KOR"),
    ("13", "future", "North Korea will attack South Korea.", "13", "asserted", "PRK", "KOR"),
    # 14 protest
    ("14", "active", "Kenyan protesters demonstrated in Nairobi against the finance bill.", "14", "asserted", "KEN", None),
    ("14", "passive", "The main road to Nairobi was blocked by Kenyan protesters.", "14", "asserted", "KEN", None),
    ("14", "nominal", "A protest by Kenyan teachers closed schools in Nairobi.", "14", "asserted", "KEN", None),
    ("14", "negated", "Kenyan teachers did not protest in Nairobi on Monday.", "14", "negated", "KEN", None),
    ("14", "future", "Kenyan teachers will boycott the national exams.", "13", "asserted", "KEN", None),
    # 15 exhibit force posture
    ("15", "active", "Azerbaijan mobilized troops on the border with Armenia.", "15", "asserted", "AZE", "ARM"),
    ("15", "passive", "Troops were deployed by Azerbaijan to the border with Armenia.", "15", "asserted", "AZE", "ARM"),
    ("15", "nominal", "Azerbaijan ordered the mobilization of troops against Armenia.", "15", "asserted", "AZE", "ARM"),
    ("15", "negated", "Azerbaijan did not mobilize troops against Armenia.", "15", "negated", "AZE", "ARM"),
    ("15", "future", "Azerbaijan will deploy troops to the border with Armenia.", "15", "future", "AZE", "ARM"),
    # 16 reduce relations
    ("16", "active", "The European Union imposed sanctions on Belarus.", "16", "asserted", "IGO", "BLR"),
    ("16", "passive", "Sanctions were imposed on Belarus by the European Union.", "16", "asserted", "IGO", "BLR"),
    ("16", "nominal", "The European Union's sanctions against Belarus took effect on Sunday.", "16", "asserted", "IGO", "BLR"),
    ("16", "negated", "The European Union did not impose sanctions on Belarus.", "16", "negated", "IGO", "BLR"),
    ("16", "future", "The European Union will impose sanctions on Belarus.", "13", "asserted", "IGO", "BLR"),
    # 17 coerce
    ("17", "active", "Turkish police arrested Kurdish journalists in Istanbul.", "17", "asserted", "TUR", None),
    ("17", "passive", "Two Kurdish journalists were arrested by Turkish police.", "17", "asserted", "TUR", None),
    ("17", "nominal", "The arrest of Kurdish journalists by Turkish police drew criticism.", "17", "asserted", "TUR", None),
    ("17", "negated", "Turkish police did not arrest the journalists.", "17", "negated", "TUR", None),
    ("17", "future", "Turkish police will arrest the Kurdish journalists.", "13", "asserted", "TUR", None),
    # 18 assault
    ("18", "active", "Islamic State militants abducted ten villagers in Syria.", "18", "asserted", None, None),
    ("18", "passive", "Ten Nigerian villagers were kidnapped by Boko Haram militants.", "18", "asserted", "NGA", "NGA"),
    ("18", "nominal", "The kidnapping of ten villagers by Boko Haram shocked Nigeria.", "18", "asserted", "NGA", None),
    ("18", "negated", "Boko Haram did not abduct the Nigerian villagers.", "18", "negated", "NGA", "NGA"),
    ("18", "future", "Boko Haram will abduct more Nigerian villagers.", "13", "asserted", "NGA", "NGA"),
    # 19 fight
    ("19", "active", "Russian forces shelled Kharkiv on Saturday.", "19", "asserted", "RUS", "UKR"),
    ("19", "passive", "Kharkiv was shelled by Russian forces on Saturday.", "19", "asserted", "RUS", "UKR"),
    ("19", "nominal", "Russian shelling of Kharkiv killed two people on Saturday.", "19", "asserted", "RUS", "UKR"),
    ("19", "negated", "Russian forces did not shell Kharkiv on Saturday.", "19", "negated", "RUS", "UKR"),
    ("19", "future", "Russian forces will shell Kharkiv.", "13", "asserted", "RUS", "UKR"),
    # 20 unconventional mass violence
    ("20", "active", "Sudanese militiamen massacred villagers in Darfur.", "20", "asserted", "SDN", None),
    ("20", "passive", "Hundreds of villagers were massacred by Sudanese militiamen in Darfur.", "20", "asserted", "SDN", None),
    ("20", "nominal", "The massacre of villagers by Sudanese militiamen shocked the world.", "20", "asserted", "SDN", None),
    ("20", "negated", "Sudanese militiamen did not massacre the villagers.", "20", "negated", "SDN", None),
    ("20", "future", "Sudanese militiamen will massacre the villagers.", "13", "asserted", "SDN", None),
]


@pytest.mark.parametrize("root, form, sentence, want_root, modality, source, target", CASES,
                         ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_root_and_form(root, form, sentence, want_root, modality, source, target):
    # an act that did not happen is coded only on request (keep_speculative); by default it is left out
    rows = code_text(sentence, doc_date=DOC_DATE, keep_speculative=modality == "negated")
    if modality == "negated":
        assert not [r for r in code_text(sentence, doc_date=DOC_DATE) if r["modality"] == "negated"]
    hits = [r for r in rows if r["cameo_root"] == want_root and r["modality"] == modality]
    assert hits, f"no {want_root}/{modality} row in {[(r['cameo_code'], r['modality'], r['rule_id']) for r in rows]}"
    if source is not None:
        assert any(r["actor1_country"] == source for r in hits), [r["actor1_code"] for r in hits]
    if target is not None:
        assert any(r["actor2_country"] == target for r in hits), [r["actor2_code"] for r in hits]


def test_every_root_has_all_five_forms():
    forms = {}
    for root, form, *_ in CASES:
        forms.setdefault(root, set()).add(form)
    assert sorted(forms) == [f"{n:02d}" for n in range(1, 21)]
    assert all(f == {"active", "passive", "nominal", "negated", "future"} for f in forms.values())
