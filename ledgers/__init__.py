"""台账 in and out: PDF ledgers (reportlab), Excel export and roster import (openpyxl).

    from ledgers.catalog import LEDGERS, render_ledger
    from ledgers.periods import parse_period
    from ledgers.progress import run
    run(render_ledger("roster", parse_period("2026Q4"), Path("roster.pdf")))

Every long job here is a generator yielding Progress(done, total, text) and returning its result,
so the GUI runs it with ui.tasks.run_task and the CLI/tests drive it with ledgers.progress.run.
Never imports PySide6.
"""
