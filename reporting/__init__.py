"""The run report: one self-contained HTML page (charts, a map, data-quality results).

A plain library: no Prefect, no Great Expectations import. The flow hands it the rows it
wrote, the run summary and the validation results; every script and the world outline are
inlined, so the page opens without a network.
"""
