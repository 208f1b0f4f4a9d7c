"""eventcoder's coder: wire text in, CAMEO/ACLED/PLOVER event rows out.

A plain library: nothing here imports Prefect or Great Expectations. The one entry
point is :func:`coding.coder.code_documents`.
"""

__version__ = "0.1.0"
