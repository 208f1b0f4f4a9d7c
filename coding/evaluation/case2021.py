"""Score rows against the CASE 2021 task 2 snippets (``case2021``).

One label per snippet, so the coder's answer is a single row's ``acled_sub_event_type``:
the most confident row (ties: earliest sentence, then earliest evidence). The 25 ACLED
sub-event types are scored with per-class F1; the 5 extra CASE types (``unseen_*``) have
no ACLED counterpart and are only described, never counted.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from coding.evaluation.gold import Gold, fail
from coding.evaluation.metrics import class_scores, macro_f1, ratio, weighted_f1
from coding.evaluation.predictions import rows_by_doc, read_rows
from coding.evaluation.table import Table

REQUIRED_COLUMNS = ("doc_id", "acled_sub_event_type", "confidence", "sentence_index", "evidence_start")
SEEN = "seen_acled"
NONE = "NONE"

# CASE 2021 label spelling -> ACLED sub-event type (shared/eval/README.md).
CASE_TO_ACLED = {
    "ARMED_CLASH": "Armed clash",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "CHEM_WEAP": "Chemical weapon",
    "AIR_STRIKE": "Air/drone strike",
    "SUIC_BOMB": "Suicide bomb",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "GRENADE": "Grenade",
    "SEX_VIOL": "Sexual violence",
    "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "VIOL_DEMONSTR": "Violent demonstration",
    "MOB_VIOL": "Mob violence",
    "AGREEMENT": "Agreement",
    "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
}
ACLED_CLASSES = tuple(CASE_TO_ACLED.values())


def parse(gold: Gold) -> list[dict[str, str]]:
    """Records as id, CASE label, group and (for seen labels) the ACLED sub-event type."""
    out = []
    for rec in gold.data:
        label, group = str(rec["label"]), str(rec["label_group"])
        if group == SEEN and label not in CASE_TO_ACLED:
            raise fail(gold.path, f"record {rec['id']}: label {label!r} is marked {SEEN} but is not a CASE ACLED label")
        out.append({"id": str(rec["id"]), "label": label, "group": group, "gold": CASE_TO_ACLED.get(label, label)})
    return out


def top_prediction(rows: list[dict[str, Any]]) -> str:
    """Sub-event type of the most confident row; NONE when there is no row or that row has no type."""
    if not rows:
        return NONE
    best = min(rows, key=lambda r: (-(r["confidence"] or 0.0), r["sentence_index"], r["evidence_start"]))
    return best["acled_sub_event_type"] or NONE


def score(gold: Gold, pred_path: str | Path) -> dict[str, Any]:
    records = parse(gold)
    rows = read_rows(pred_path, REQUIRED_COLUMNS, {r["id"] for r in records}, purpose="the case2021 gold format")
    by_doc = rows_by_doc(rows)
    for rec in records:
        rec["predicted"] = top_prediction(by_doc.get(rec["id"], []))

    seen = [r for r in records if r["group"] == SEEN]
    gold_labels, pred_labels = [r["gold"] for r in seen], [r["predicted"] for r in seen]
    scores = class_scores(gold_labels, pred_labels, ACLED_CLASSES)
    correct = sum(g == p for g, p in zip(gold_labels, pred_labels))
    per_class = {c: s for c, s in sorted(scores.items(), key=lambda kv: (-kv[1]["f1"], -kv[1]["support"], kv[0]))
                 if s["support"] or s["predicted"]}
    confusions = Counter((g, p) for g, p in zip(gold_labels, pred_labels) if g != p)

    unseen: dict[str, dict[str, Any]] = {}
    for r in records:
        if r["group"] != SEEN:
            u = unseen.setdefault(r["label"], {"group": r["group"], "records": 0, "none": 0, "predictions": Counter()})
            u["records"] += 1
            u["none"] += r["predicted"] == NONE
            u["predictions"][r["predicted"]] += 1
    unseen = {k: {**v, "predictions": dict(v["predictions"].most_common())} for k, v in sorted(unseen.items())}

    return {
        "format": "case2021",
        "summary": {
            "accuracy": ratio(correct, len(seen)), "correct": correct, "records_seen": len(seen),
            "weighted_f1": weighted_f1(scores), "macro_f1": macro_f1(scores),
            "classes_in_gold": sum(1 for s in scores.values() if s["support"]),
            "predicted_none": pred_labels.count(NONE),
            "records_unseen": sum(u["records"] for u in unseen.values()),
            "unseen_predicted_none": sum(u["none"] for u in unseen.values()),
        },
        "per_class": per_class,
        "confusions": [{"gold": g, "predicted": p, "count": n} for (g, p), n in confusions.most_common()],
        "unseen": unseen,
        "notes": [
            "prediction: acled_sub_event_type of the row with the highest confidence (ties: lowest "
            "sentence_index, then lowest evidence_start); no row, or a null type on that row, is NONE (a miss)",
            "metrics use only label_group seen_acled records over the 25 ACLED sub-event types; NONE is not a class, "
            "so it lowers recall but no class's precision",
            "weighted F1 weights each class's F1 by its gold support; macro F1 is the unweighted mean over the "
            "classes present in the gold (support > 0); a class never predicted has precision 0",
        ],
    }


def tables(report: dict[str, Any]) -> list[Table]:
    per_class = Table("Per-class scores (seen ACLED types, by F1)", ("sub-event type", "support", "predicted", "precision", "recall", "f1"),
                      [(c, s["support"], s["predicted"], s["precision"], s["recall"], s["f1"]) for c, s in report["per_class"].items()])
    confusions = Table("Most frequent confusions", ("gold", "predicted", "count"),
                       [(c["gold"], c["predicted"], c["count"]) for c in report["confusions"][:15]])
    unseen = Table("Unseen CASE types (not scored)", ("label", "records", "predicted NONE", "most predicted"),
                   [(label, u["records"], u["none"], next((p for p in u["predictions"] if p != NONE), None))
                    for label, u in report["unseen"].items()])
    return [per_class, confusions, unseen]
