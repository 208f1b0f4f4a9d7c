"""The ACLED layer: the ACLED view of a coded event (types, disorder type, actors, inter codes).

A plain library like the rest of ``coding``: no Prefect, no Great Expectations.
"""

from coding.acled.view import EMPTY as EMPTY_COLUMNS, AcledDecision, acled_view

__all__ = ["AcledDecision", "EMPTY_COLUMNS", "acled_view"]
